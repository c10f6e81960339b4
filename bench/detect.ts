/**
 * bench/detect — the maneuver and release detectors over all of history-2026 (≈ 182,000 element
 * sets, ≈ 1,430 objects) from a fresh store, through the built `orbwatch` binary exactly as a
 * user runs them: ingest, then `detect --kinds maneuver`, then `detect --kinds release`.
 * Target (issue "Behaviour detectors I"): both detectors ≤ 60 s on the 2-core machine.
 *
 * Usage: npm run bench:detect [-- <history-2026 folder>]   (default ../shared/data/history-2026,
 * else the bundled fixtures/history-2026/*.gz). Needs `npm run build` first.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/orbwatch.js');
const shared = resolve(root, '../shared/data/history-2026');
const input = process.argv[2] ?? (existsSync(shared) ? shared : join(root, 'fixtures/history-2026'));
const files = existsSync(join(input, 'iss.3le'))
  ? ['launches-2026-03-to-05.3le', 'iss.3le', 'starlink-sample-150.3le', 'background-sample-600.3le'].map((f) =>
      join(input, f),
    )
  : ['launches-2026-03-to-05.3le.gz', 'iss.3le.gz', 'starlink-sample-150.3le.gz', 'background-sample-600.3le.gz'].map(
      (f) => join(input, f),
    );

const dir = mkdtempSync(join(tmpdir(), 'orbwatch-bench-detect-'));
const db = join(dir, 'bench.db');

function run(label: string, args: string[]): { seconds: number; json: unknown } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args, '--db', db, '--json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) throw new Error(`${label} failed (${String(r.status)}): ${r.stderr}`);
  return { seconds, json: JSON.parse(r.stdout) as unknown };
}

console.log(
  `machine: ${String(cpus().length)} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
console.log(`input: ${input}`);
const ingest = run('ingest', ['ingest', ...files, '--quiet']);
const ingested = ingest.json as { accepted: number };
console.log(
  `ingest: ${String(ingested.accepted)} element sets in ${ingest.seconds.toFixed(1)} s (not part of the target)`,
);
const maneuver = run('detect maneuver', ['detect', '--kinds', 'maneuver']);
const release = run('detect release', ['detect', '--kinds', 'release']);
const summary = (j: unknown): string => {
  const d = (j as { detectors: { objectsExamined: number; eventsFound: number }[] }).detectors[0];
  return d === undefined ? '' : `${String(d.objectsExamined)} objects examined, ${String(d.eventsFound)} events`;
};
console.log(`detect maneuver: ${maneuver.seconds.toFixed(1)} s (${summary(maneuver.json)})`);
console.log(`detect release:  ${release.seconds.toFixed(1)} s (${summary(release.json)})`);
const total = maneuver.seconds + release.seconds;
console.log(`both detectors: ${total.toFixed(1)} s — target ≤ 60 s: ${total <= 60 ? 'met' : 'NOT met'}`);
console.log(
  `load average after: ${loadavg()
    .map((x) => x.toFixed(1))
    .join(' ')}`,
);
rmSync(dir, { recursive: true, force: true });
