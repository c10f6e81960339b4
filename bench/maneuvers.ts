/**
 * bench/maneuvers — the maneuver detector against operator manoeuvre lists (dpshorten benchmark,
 * the nine satellites bundled in fixtures/maneuvers/), beside the naive reference detector (flag an
 * interval whose two-body semi-major-axis jump exceeds 10 × the median jump), same scoring, same
 * run. Prints per satellite P / R / F1 for both and the side of the recorded tuning split
 * (MANEUVER_BENCHMARK_SPLIT) each satellite is on, and the detector's run time.
 *
 * Usage: npm run bench:maneuvers
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { parseTle } from '@orbwatch/core';
import {
  MANEUVER_BENCHMARK_SPLIT,
  manoeuvresInside,
  naiveManeuverSpans,
  parseManoeuvreTimes,
  scoreDetections,
} from '../packages/core/src/detectors/maneuver/benchmark-scoring.js';
import type { DetectionScore } from '../packages/core/src/detectors/maneuver/benchmark-scoring.js';
import { detectManeuvers } from '../packages/core/src/detectors/maneuver/detect-maneuvers.js';

const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../fixtures/maneuvers');
const DAY_MS = 86_400_000;
const f = (x: number): string => x.toFixed(2);
const row = (s: DetectionScore): string =>
  `${f(s.precision)} / ${f(s.recall)} / ${f(s.f1)} (${String(s.correctDetections)}/${String(s.detections)}, ${String(s.foundManoeuvres)}/${String(s.manoeuvres)})`;

console.log(
  '| satellite | orbit | split | sets | manoeuvres | orbwatch P / R / F1 | naive P / R / F1 | F1 better | ms |',
);
console.log('|---|---|---|---|---|---|---|---|---|');
let wins = 0;
for (const sat of MANEUVER_BENCHMARK_SPLIT) {
  const text = gunzipSync(readFileSync(join(dir, `${sat.name}.tle.gz`))).toString('utf8');
  const sets = parseTle(text, { file: sat.name }).items;
  const truths = manoeuvresInside(
    parseManoeuvreTimes(readFileSync(join(dir, `manoeuvres_${sat.name}.yaml`), 'utf8')),
    sets,
  );
  const t0 = performance.now();
  const { events } = detectManeuvers(sets);
  const ms = performance.now() - t0;
  const ours = scoreDetections(events, truths, sat.toleranceDays * DAY_MS);
  const naive = scoreDetections(naiveManeuverSpans(sets), truths, sat.toleranceDays * DAY_MS);
  const better = ours.f1 > naive.f1;
  if (better) wins++;
  console.log(
    `| ${sat.name} | ${sat.orbit} | ${sat.side} | ${String(sets.length)} | ${String(truths.length)} | ${row(ours)} | ${row(naive)} | ${better ? 'yes' : 'NO'} | ${ms.toFixed(0)} |`,
  );
}
console.log(`orbwatch F1 above naive on ${String(wins)} of ${String(MANEUVER_BENCHMARK_SPLIT.length)}`);
