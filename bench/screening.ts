/**
 * Screening benchmark: the close-approach engine on the 2022-08-09 full catalogue (25,975 element
 * sets, fixtures/catalog-snapshots), all-vs-all at 5 km from 2022-08-09T00:00Z, for 1 day and
 * 7 days, on worker threads (`screenInParallel`). Prints wall time, CPU time, peak RSS, pairs after
 * each stage, approaches found; then, in the same run, a simple baseline on a subset: the
 * brute-force reference of the recall tests (every pair at every 60-s sample, 1-s sampling where
 * the range can be below the threshold) against the engine on the same objects, single thread.
 *
 * Run: `npm run bench:screening -- [--days 1,7] [--threads 2] [--baseline 400]` (`--days 0`: baseline only)
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { gunzipSync } from 'node:zlib';
import { sgp4 } from 'satellite.js';
import { instant, instantFromUtcFields, parseTle, satrecFromElementSet, screenCloseApproaches } from '@orbwatch/core';
import type { ElementSet, ScreeningObject, ScreeningResult } from '@orbwatch/core';
import { screenInParallel } from '@orbwatch/workers';
import { bruteForceApproaches } from '../packages/core/src/screening/brute-force-reference.test-support.js';

/** Every pair's distance at every second of [start, start + seconds] (satellite.js states); returns pair-seconds. */
function bruteForceEveryPairEverySecond(
  sets: readonly ElementSet[],
  t0: number,
  seconds: number,
): { pairSeconds: number; below5Km: number } {
  const recs = sets.map((s) => ({ rec: satrecFromElementSet(s), epoch: s.epoch }));
  const n = recs.length;
  const pos = new Float64Array(3 * n);
  let count = 0;
  let close = 0;
  for (let sec = 0; sec < seconds; sec++) {
    for (let j = 0; j < n; j++) {
      const r = recs[j];
      const pv = r === undefined ? null : sgp4(r.rec, (t0 + sec * 1000 - r.epoch) / 60_000);
      const p = pv === null || typeof pv.position !== 'object' ? { x: NaN, y: NaN, z: NaN } : pv.position;
      pos[3 * j] = p.x;
      pos[3 * j + 1] = p.y;
      pos[3 * j + 2] = p.z;
    }
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const d = Math.hypot(
          (pos[3 * i] ?? 0) - (pos[3 * j] ?? 0),
          (pos[3 * i + 1] ?? 0) - (pos[3 * j + 1] ?? 0),
          (pos[3 * i + 2] ?? 0) - (pos[3 * j + 2] ?? 0),
        );
        count++;
        if (d < 5) close++;
      }
  }
  return { pairSeconds: count, below5Km: close };
}

const CATALOG = new URL('../fixtures/catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle.gz', import.meta.url);

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const days = arg('--days', '1,7')
  .split(',')
  .map(Number)
  .filter((d) => d > 0);
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
    {
      threads,
      onProgress: (done, total) => {
        if (done % 24 === 0 || done === total) {
          const cc = process.cpuUsage(c0);
          console.log(
            `  ${String(done)}/${String(total)} h: wall ${((performance.now() - t0) / 1000).toFixed(0)} s, CPU ${((cc.user + cc.system) / 1e6).toFixed(0)} s, load ${load()}`,
          );
        }
      },
    },
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
// The naive baseline: every pair at every second (distance only), timed over 10 minutes and scaled to the day.
t = performance.now();
const naive = bruteForceEveryPairEverySecond(subset, start, 600);
const naiveDaySec = ((performance.now() - t) / 1000) * 144;
console.log(
  `baseline (${String(subset.length)} objects at 500–600 km, 1 day, 5 km, single thread): brute-force reference ${refSec.toFixed(1)} s (${String(ref.approaches.length)} approaches), engine ${engSec.toFixed(1)} s (${String(eng.approaches.length)}); ratio ${(refSec / engSec).toFixed(1)}×; every pair every second (distances only, ${String(naive.pairSeconds)} pair-seconds in 10 min) scaled to the day ${naiveDaySec.toFixed(0)} s: ratio ${(naiveDaySec / engSec).toFixed(0)}×; load ${load()}`,
);
