/**
 * Propagation benchmark: SGP4 states per second on the 2022-08-09 full catalog (25,975 element
 * sets) over one time grid (2022-08-09T00:00Z, 60 s step, `--samples N`, default 60 = 1 h, which keeps the whole
 * run near one minute on 2 cores),
 * comparing, in the same run:
 *   (a) satellite.js `propagate(satrec, date)` loop
 *   (b) satellite.js `sgp4(satrec, tsince)` loop
 *   (c) satellite.js WASM `BulkPropagator` (single-thread runtime)
 *   (d) orbwatch `propagatePrepared` single thread (own SGP4/SDP4 kernel, verified on SGP4-VER)
 *   (e) orbwatch worker pool, all cores
 * and then checks (d) against (b) on every object and sample.
 *
 * Run: `npm run bench:propagation [-- --samples 60] [-- --cold]`
 */
import { readFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import {
  BulkPropagator,
  EciBaseCalculator,
  createSingleThreadRuntime,
  propagate,
  sgp4,
  twoline2satrec,
} from 'satellite.js';
import type { SatRec } from 'satellite.js';
import { createEphemeris, instantFromUtcFields, prepareBatch, propagatePrepared, satrecEpoch } from '@orbwatch/core';
import { createPropagationPool } from '@orbwatch/workers';

const CATALOG = '/work/shared/data/catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle';
const STEP_SEC = 60;
const CHUNK = 60; // samples per call for the batch paths (bounds memory: 26k × 60 × 48 B ≈ 75 MB)

function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

const samples = argNumber('--samples', 60);
/** `--cold`: no warm-up call before timing (d) and (e); deep-space integrators start at the epochs. */
const cold = process.argv.includes('--cold');
const t0 = instantFromUtcFields(2022, 8, 9);

const lines = readFileSync(CATALOG, 'utf8')
  .replace(/^\uFEFF/, '')
  .split(/\r?\n/);
let t = performance.now();
const recs: SatRec[] = [];
for (let i = 0; i + 1 < lines.length; i++) {
  const l1 = lines[i] ?? '';
  const l2 = lines[i + 1] ?? '';
  if (l1.startsWith('1 ') && l2.startsWith('2 ')) recs.push(twoline2satrec(l1, l2));
}
const initMs = performance.now() - t;
const n = recs.length;
const total = n * samples;
const deep = recs.filter((r) => r.method === 'd').length;
const epochs = recs.map(satrecEpoch);

console.log(`orbwatch propagation bench — ${new Date().toISOString()}`);
console.log(
  `machine: ${cpus()[0]?.model ?? '?'} × ${String(availableParallelism())} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);
console.log(`catalog: ${String(n)} sets (${String(deep)} deep space), twoline2satrec ${initMs.toFixed(0)} ms`);
console.log(
  `grid: ${String(samples)} samples × ${String(STEP_SEC)} s from 2022-08-09T00:00Z → ${String(total)} propagations per method\n`,
);

// Each method is timed by wall clock and by this process's CPU time (user + system). On a
// loaded machine the wall clock of a single-thread loop includes time spent descheduled; its
// CPU time does not, so ratios are computed from CPU time for (a)-(d). The pool (e) runs
// on several threads, so only its wall clock means something; compare it with (d)'s wall clock.
const results: { name: string; sec: number; cpuSec: number }[] = [];
let cpu0 = process.cpuUsage();
function startTimer(): number {
  cpu0 = process.cpuUsage();
  return performance.now();
}
function report(name: string, wallStart: number): void {
  const sec = (performance.now() - wallStart) / 1000;
  const c = process.cpuUsage(cpu0);
  const cpuSec = (c.user + c.system) / 1e6;
  results.push({ name, sec, cpuSec });
  console.log(
    `${name.padEnd(48)} wall ${sec.toFixed(2).padStart(6)} s ${(total / sec / 1e6).toFixed(2).padStart(6)} M/s | cpu ${cpuSec.toFixed(2).padStart(6)} s ${(total / cpuSec / 1e6).toFixed(2).padStart(6)} M/s`,
  );
}
console.log(
  `load average at start: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

// (a) propagate(satrec, date)
const dates = Array.from({ length: samples }, (_, i) => new Date(t0 + i * STEP_SEC * 1000));
let sink = 0;
t = startTimer();
for (const rec of recs) {
  for (const d of dates) {
    const pv = propagate(rec, d);
    if (pv !== null) sink += pv.position.x;
  }
}
report('(a) satellite.js propagate(satrec, date)', t);

// (b) sgp4(satrec, tsince)
t = startTimer();
for (let j = 0; j < n; j++) {
  const rec = recs[j]!;
  const ts0 = (t0 - epochs[j]!) / 60_000;
  for (let i = 0; i < samples; i++) {
    const pv = sgp4(rec, ts0 + i);
    if (pv !== null) sink += pv.position.x;
  }
}
report('(b) satellite.js sgp4(satrec, tsince)', t);

// (c) WASM bulk propagator, single-thread runtime, object chunks of 2000
{
  const runtime = await createSingleThreadRuntime();
  const wasmChunk = 2000;
  const propagator = new BulkPropagator({
    runtime,
    calculators: [new EciBaseCalculator()],
    satRecsCount: wasmChunk,
    datesCount: samples,
  });
  propagator.setDates(dates);
  const chunks = Array.from({ length: Math.ceil(n / wasmChunk) }, (_, k) =>
    recs.slice(k * wasmChunk, (k + 1) * wasmChunk),
  );
  t = startTimer();
  for (const c of chunks) {
    propagator.setSatRecs(c);
    propagator.run();
    sink += propagator.getRawOutput().eci.position[0] ?? 0;
  }
  report('(c) satellite.js WASM BulkPropagator (1 thread)', t);
  propagator.dispose();
  // runtime.dispose() ends the Emscripten runtime with an ExitStatus exception; the process
  // exit reclaims it.
}

// (d) orbwatch single thread
const prepared = prepareBatch(recs);
const chunkEph = createEphemeris(prepared.noradIds, t0, STEP_SEC, CHUNK);
// Warm-up, identical for (d) and (e): one full-size call for the hour before t0 (JIT, and the
// deep-space resonance integrators advanced from the element-set epochs, as in a long run).
if (!cold)
  propagatePrepared(prepared, (t0 - samples * STEP_SEC * 1000) as typeof t0, STEP_SEC, Math.min(CHUNK, samples));
t = startTimer();
for (let s = 0; s < samples; s += CHUNK) {
  const cnt = Math.min(CHUNK, samples - s);
  const into = cnt === CHUNK ? chunkEph : undefined;
  const eph = propagatePrepared(prepared, (t0 + s * STEP_SEC * 1000) as typeof t0, STEP_SEC, cnt, into);
  sink += eph.data[0] ?? 0;
}
report('(d) orbwatch propagatePrepared (1 thread)', t);

// (e) orbwatch worker pool, all cores (workers started and loaded before timing)
{
  const threads = availableParallelism();
  const pool = createPropagationPool({ threads });
  await pool.load(recs);
  // Same warm-up as (d); with --cold only a 1-sample call (starts the workers' code paths).
  await pool.propagate((t0 - samples * STEP_SEC * 1000) as typeof t0, STEP_SEC, cold ? 1 : Math.min(CHUNK, samples), {
    reuseOutput: true,
  });
  t = startTimer();
  for (let s = 0; s < samples; s += CHUNK) {
    const cnt = Math.min(CHUNK, samples - s);
    // Output arrays reused across calls, as (d) reuses its chunk ephemeris.
    const eph = await pool.propagate((t0 + s * STEP_SEC * 1000) as typeof t0, STEP_SEC, cnt, { reuseOutput: true });
    sink += eph.data[0] ?? 0;
  }
  report(`(e) orbwatch worker pool (${String(threads)} threads)`, t);
  await pool.close();
}

const a = results[0]!;
console.log('\nratios vs (a), higher is faster (CPU time for (a)-(d); wall clock for (e)):');
for (const r of results) {
  const ratio = r.name.startsWith('(e)') ? a.sec / r.sec : a.cpuSec / r.cpuSec;
  console.log(`  ${r.name.padEnd(48)} ${ratio.toFixed(2)}×   (wall-clock ratio ${(a.sec / r.sec).toFixed(2)}×)`);
}
const d = results.find((r) => r.name.startsWith('(d)'))!;
const e = results.find((r) => r.name.startsWith('(e)'))!;
console.log(
  `  scaling (e) vs (d), wall clock: ${(d.sec / e.sec).toFixed(2)}× on ${String(availableParallelism())} cores`,
);
console.log(
  `load average at end: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);

// Agreement of (d) with (b) on every object and sample.
let worstR = 0;
let worstV = 0;
let statusMismatch = 0;
let failures = 0;
for (let s = 0; s < samples; s += CHUNK) {
  const cnt = Math.min(CHUNK, samples - s);
  const ts = t0 + s * STEP_SEC * 1000;
  const eph = propagatePrepared(prepared, ts as typeof t0, STEP_SEC, cnt);
  for (let j = 0; j < n; j++) {
    const rec = recs[j]!;
    const ts0 = (ts - epochs[j]!) / 60_000;
    for (let i = 0; i < cnt; i++) {
      const k = j * cnt + i;
      const pv = sgp4(rec, ts0 + i);
      if (pv === null) {
        failures++;
        if (eph.status[k] !== rec.error) statusMismatch++;
        continue;
      }
      if (eph.status[k] !== 0) statusMismatch++;
      const o = k * 6;
      worstR = Math.max(
        worstR,
        Math.abs(eph.data[o]! - pv.position.x),
        Math.abs(eph.data[o + 1]! - pv.position.y),
        Math.abs(eph.data[o + 2]! - pv.position.z),
      );
      worstV = Math.max(
        worstV,
        Math.abs(eph.data[o + 3]! - pv.velocity.x),
        Math.abs(eph.data[o + 4]! - pv.velocity.y),
        Math.abs(eph.data[o + 5]! - pv.velocity.z),
      );
    }
  }
}
console.log(
  `\nagreement (d) vs (b), all ${String(total)} samples: max |Δr| = ${worstR.toExponential(2)} km, max |Δv| = ${worstV.toExponential(2)} km/s, SGP4 failures ${String(failures)}, status mismatches ${String(statusMismatch)}`,
);
console.log(`(checksum ${sink.toExponential(3)})`);
if (worstR > 1e-9 || statusMismatch > 0) process.exitCode = 1;
