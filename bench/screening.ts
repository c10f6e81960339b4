/**
 * Screening benchmark: the close-approach engine on the 2022-08-09 full catalogue (25,975 element
 * sets, fixtures/catalog-snapshots), all-vs-all at 5 km from 2022-08-09T00:00Z, for 1 day and
 * 7 days, on worker threads (`screenInParallel`). Prints wall time, CPU time, peak RSS, pairs after
 * each stage, approaches found; then, in the same run, a simple baseline on a subset: the
 * brute-force reference of the recall tests (every pair at every 60-s sample, 1-s sampling where
 * the range can be below the threshold) against the engine on the same objects, single thread.
 *
 * Run: `npm run bench:screening -- [--days 1,7] [--threads 2] [--baseline 400]`
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { instant, instantFromUtcFields, parseTle, screenCloseApproaches } from '@orbwatch/core';
import type { ElementSet, ScreeningObject, ScreeningResult } from '@orbwatch/core';
import { screenInParallel } from '@orbwatch/workers';
import { bruteForceApproaches } from '../packages/core/src/screening/brute-force-reference.test-support.js';

const CATALOG = new URL('../fixtures/catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle.gz', import.meta.url);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const days = arg('--days', '1,7').split(',').map(Number);
const threads = Number(arg('--threads', '2'));
const baselineObjects = Number(arg('--baseline', '400'));

const sets = parseTle(gunzipSync(readFileSync(CATALOG)).toString('utf8'), { file: 'catalog' }).items;
// One set per object: the latest (the file holds a few objects twice).
const latest = new Map<number, ElementSet>();
for (const s of sets) {
  const prev = latest.get(s.noradId);
  if (prev === undefined || s.epoch > prev.epoch) latest.set(s.noradId, s);
}
const unique = [...latest.values()].sort((a, b) => a.noradId - b.noradId);
const objects: ScreeningObject[] = unique.map((s) => ({
  norad: s.noradId,
  elementSet: s,
  elementSetId: `${String(s.noradId)}@${s.epochText}`,
}));
const start = instantFromUtcFields(2022, 8, 9);

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
console.log(
  `screening bench: ${String(sets.length)} sets, ${String(objects.length)} objects; ${cpus()[0]?.model ?? '?'} × ${String(cpus().length)}; threads ${String(threads)}; load ${load()}`,
);

function report(label: string, r: ScreeningResult, wallSec: number, cpuSec: number): void {
  console.log(
    `${label}: wall ${wallSec.toFixed(1)} s, CPU ${cpuSec.toFixed(1)} s, peak RSS ${(process.resourceUsage().maxRSS / 1024 / 1024).toFixed(2)} GiB, load ${load()}`,
  );
  for (const s of r.stages)
    console.log(
      `  ${s.stage.padEnd(16)} pairs ${String(s.pairs).padStart(11)}${s.pairWindows === undefined ? '' : `  pair-windows ${String(s.pairWindows)}`}${s.approaches === undefined ? '' : `  approaches ${String(s.approaches)}`}`,
    );
  console.log(`  skipped objects ${String(r.skipped.length)}, coincident pairs ${String(r.coincident?.length ?? 0)}`);
}

for (const d of days) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await screenInParallel(
    {
      objects,
      mode: { kind: 'all-vs-all' },
      startUtc: start,
      endUtc: instant(start + d * 86_400_000),
      thresholdKm: 5,
    },
    { threads },
  );
  const c = process.cpuUsage(c0);
  report(`${String(d)} day(s), 5 km, all-vs-all`, r, (performance.now() - t0) / 1000, (c.user + c.system) / 1e6);
}

// Baseline on a subset: the LEO objects of the 550-km shell region (dense), first N by NORAD id.
const MU = 398600.8;
const subset = unique
  .filter((s) => {
    const a = Math.cbrt(MU / s.meanMotionRadPerSec ** 2);
    return a * (1 - s.eccentricity) - 6378.135 >= 500 && a * (1 + s.eccentricity) - 6378.135 <= 600;
  })
  .slice(0, baselineObjects);
const end = instant(start + 86_400_000);
let t = performance.now();
const ref = bruteForceApproaches(subset, start, end, 5);
const refSec = (performance.now() - t) / 1000;
t = performance.now();
const eng = screenCloseApproaches({
  objects: subset.map((s) => ({ norad: s.noradId, elementSet: s, elementSetId: s.epochText })),
  mode: { kind: 'all-vs-all' },
  startUtc: start,
  endUtc: end,
  thresholdKm: 5,
});
const engSec = (performance.now() - t) / 1000;
console.log(
  `baseline (${String(subset.length)} objects at 500–600 km, 1 day, 5 km, single thread): brute-force reference ${refSec.toFixed(1)} s (${String(ref.approaches.length)} approaches), engine ${engSec.toFixed(1)} s (${String(eng.approaches.length)}); ratio ${(refSec / engSec).toFixed(1)}×; load ${load()}`,
);
