/**
 * bench/api — load test of the HTTP API on loopback with autocannon, against the demo database:
 * the event list (`GET /api/events?limit=50`) and one event page (`GET /api/events/<id>`, the
 * event with the most element sets among releases and proximity episodes). The server is the
 * built `orbwatch serve` in its own process (rate limit raised so the load generator is not
 * throttled); autocannon runs in its own process. Each run is bounded in time: `--duration`
 * seconds (default 10), `--connections` (default 10); autocannon's `--amount` mode hung here
 * (no result) with node 20, so runs are bounded by time only.
 * Target (issue 14): ≥ 1,000 requests/s with p99 ≤ 50 ms and 0 errors on the 2-core machine.
 *
 * Usage: npm run bench:api [-- --db <demo.db>] [--duration 10] [--connections 10]
 * Without --db it builds the demo database in a temporary folder first (`orbwatch demo --no-report`).
 * Needs `npm run build` first.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'packages/cli/bin/orbwatch.js');

const arg = (name: string, fallback: string): string => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
};
const duration = Number(arg('duration', '10'));
const connections = Number(arg('connections', '10'));
let db = arg('db', '');

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');

console.log(
  `machine: ${String(cpus().length)} cores (${cpus()[0]?.model ?? '?'}), node ${process.version}, load average ${load()}`,
);
if (db === '') {
  db = join(mkdtempSync(join(tmpdir(), 'orbwatch-bench-api-')), 'demo.db');
  console.log(`building the demo database at ${db} …`);
  const r = spawnSync(process.execPath, [bin, 'demo', '--db', db, '--no-report', '--quiet'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`demo failed: ${r.stderr}`);
} else if (!existsSync(db)) throw new Error(`no database at ${db}`);

const server = spawn(process.execPath, [bin, 'serve', '--db', db, '--port', '0', '--json', '--rate-limit', '1000000'], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolveUrl, reject) => {
  let out = '';
  server.stdout.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    if (out.includes('}')) resolveUrl((JSON.parse(out) as { url: string }).url);
  });
  server.on('exit', (code) => {
    reject(new Error(`serve exited with ${String(code)}`));
  });
});

interface Summary {
  readonly route: string;
  readonly requests: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
  readonly non2xx: number;
}

const autocannonBin = join(root, 'node_modules/autocannon/autocannon.js');

/** One autocannon run in its own process (the library's in-process runs hung here now and then). */
function autocannon(args: string[]): {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
} {
  const r = spawnSync(process.execPath, [autocannonBin, '--json', ...args], {
    encoding: 'utf8',
    timeout: (duration + 60) * 1000,
    maxBuffer: 1 << 26,
  });
  if (r.status !== 0) throw new Error(`autocannon failed (${String(r.status)}): ${r.stderr}`);
  return JSON.parse(r.stdout) as ReturnType<typeof autocannon>;
}

function measure(route: string, path: string): Summary {
  // warm up (JIT, SQLite page cache), not counted
  autocannon(['-c', '2', '-d', '1', `${url}${path}`]);
  const r = autocannon(['-c', String(connections), '-d', String(duration), `${url}${path}`]);
  return {
    route,
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

try {
  const list = (await (await fetch(`${url}/api/events?limit=500`)).json()) as {
    items: { id: string; kind: string; elementSetIds: number[] }[];
  };
  const page = list.items
    .filter((e) => e.kind === 'release' || e.kind === 'proximity')
    .sort((a, b) => b.elementSetIds.length - a.elementSetIds.length)[0];
  if (page === undefined) throw new Error('the database has no release or proximity event');
  console.log(`server ${url}; ${String(connections)} connections, ${String(duration)} s per route`);
  const results = [
    measure('GET /api/events?limit=50', '/api/events?limit=50'),
    measure(`GET /api/events/{id} (${page.kind}, ${String(page.elementSetIds.length)} sets)`, `/api/events/${page.id}`),
  ];
  console.log('| route | requests | req/s | p50 ms | p99 ms | errors | non-2xx |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const s of results)
    console.log(
      `| ${s.route} | ${String(s.requests)} | ${s.reqPerSec.toFixed(0)} | ${String(s.p50Ms)} | ${String(s.p99Ms)} | ${String(s.errors)} | ${String(s.non2xx)} |`,
    );
  const met = results.every((s) => s.reqPerSec >= 1000 && s.p99Ms <= 50 && s.errors === 0 && s.non2xx === 0);
  console.log(`target ≥ 1,000 req/s, p99 ≤ 50 ms, 0 errors: ${met ? 'met' : 'NOT met'}; load average after ${load()}`);
} finally {
  server.kill('SIGTERM');
}
