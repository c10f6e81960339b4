/**
 * Proximity benchmark: the catalogue-wide RPO search of `detectProximity` over the 2022-08-09
 * full catalogue (25,975 element sets) for 7 days from 2022-08-09T00:00Z: every pair of
 * different owners within 50 km at under 0.5 km/s (120-s scan, root-find refinement, episodes
 * sustained ≥ 30 min or with ≥ 2 close approaches).
 *
 * Owners: CelesTrak SATCAT of 2019-08-06 (OWNER_SOURCE) for objects launched before then,
 * else the Space-Track LEO SATCAT subset of 2025-04 (COUNTRY); objects in neither take the owner
 * of their launch (COSPAR YYYY-NNN) when the known objects of that launch agree, else the launch
 * itself as the owner proxy (`launch:YYYY-NNN`). Objects whose set is more than 30 days from the
 * window start are left out (stale or decayed); the others keep their one set for the whole
 * window, so the pair prefilter runs once. 120-s scan step by default (`--step`): closest
 * approaches are root-found, the step only has to separate successive minima.
 *
 * `--workers N` (default 2) runs N worker threads, each on one shard of the candidate pairs
 * (`detectProximity`'s `shard`; the shards' episodes together are exactly the single-run result).
 *
 * Run: `node --conditions=@orbwatch/source --import tsx bench/proximity.ts [--days 7] [--step 120] [--workers 2]`
 *
 * `--labels`: instead, the assessment labels per kind on the bundled data (fixtures/, no
 * ../shared): history-2026's background-sample-600 and starlink-sample-150 with the CLI's
 * `screen` preset (the detector's defaults) and its `inspection` preset, split into the tuning
 * weeks 2026-03-15 … 03-29 and the check weeks 03-29 … 05-07, with owners from the bundled Space-Track LEO SATCAT subset;
 * then the inspector pairs (`inspection` preset) and the two ISS dockings.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { cpus, loadavg } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { gunzipSync } from 'node:zlib';
import { formatIso, instant, instantFromUtcFields, parseIsoInstant, parseSatcat, parseTle } from '@orbwatch/core';
import type { DetectedEvent, ElementSet } from '@orbwatch/core';
// Imported from its folder until detectors/index.ts re-exports it (owned by another area).
import { detectProximity } from '../packages/core/src/detectors/proximity/index.js';
import type { ProximityObject } from '../packages/core/src/detectors/proximity/index.js';

const CATALOG = '/work/shared/data/catalog-snapshots/satellite-js_full-catalog_2022-08-09.tle';
const SATCAT_2019 = '/work/shared/data/satcat/celestrak_satcat_2019-08-06_decoded.csv';
const SATCAT_2025 = '/work/shared/data/satcat/spacetrack_satcat_LEO-subset_2025-04.csv';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

/** Splits one CSV line (double quotes, "" escapes). */
function csvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (q) {
      if (c === '"' && line.charAt(i + 1) === '"') {
        cur += '"';
        i++;
      } else if (c === '"') q = false;
      else cur += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

function ownerTable(file: string, idCol: string, ownerCol: string): Map<number, string> {
  const lines = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  const head = csvLine(lines[0] ?? '');
  const ii = head.indexOf(idCol);
  const io = head.indexOf(ownerCol);
  const m = new Map<number, string>();
  for (const l of lines.slice(1)) {
    if (l === '') continue;
    const f = csvLine(l);
    const id = Number(f[ii]);
    const o = (f[io] ?? '').trim();
    if (Number.isInteger(id) && id > 0 && o !== '') m.set(id, o);
  }
  return m;
}

if (process.argv.includes('--labels')) {
  labelsBench();
  process.exit(0);
}

/** A bundled fixture (gunzipped when .gz). */
function fixture(rel: string): string {
  const buf = readFileSync(join(dirname(new URL(import.meta.url).pathname), '..', 'fixtures', rel));
  return (rel.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

function at(s: string): number {
  const t = parseIsoInstant(s);
  if (t === undefined) throw new Error(s);
  return t;
}

/** Labels per kind (and owner relation), roles other than participant, for one run. */
function tally(episodes: readonly { event: DetectedEvent }[]): string {
  const c = new Map<string, number>();
  let directed = 0;
  for (const { event: e } of episodes) {
    const m = e.measures;
    const rel =
      m['ownerA'] === null || m['ownerB'] === null
        ? 'owner unknown'
        : m['ownerA'] === m['ownerB']
          ? 'same'
          : 'different';
    const k = `${e.assessment?.label ?? 'none'} [${rel}]`;
    c.set(k, (c.get(k) ?? 0) + 1);
    if (e.objects.some((o) => o.role !== 'participant')) directed++;
  }
  const rows = [...c.entries()].sort((x, y) => x[0].localeCompare(y[0])).map(([k, n]) => `    ${k}: ${String(n)}`);
  return `  episodes ${String(episodes.length)}, with chaser/target ${String(directed)}\n${rows.join('\n')}`;
}

function labelsBench(): void {
  const satcat = parseSatcat(fixture('satcat/spacetrack_satcat_LEO-subset_2025-04.csv.gz'), { file: 'satcat' });
  const owner = new Map(satcat.items.map((r) => [r.noradId as number, r.owner ?? undefined]));
  const load = (file: string): ProximityObject[] => {
    const by = new Map<number, ElementSet[]>();
    for (const s of parseTle(fixture(file), { file }).items) by.set(s.noradId, [...(by.get(s.noradId) ?? []), s]);
    return [...by.entries()].map(([id, l]) => {
      const o = owner.get(id);
      return {
        noradId: l[0]!.noradId,
        sets: l,
        ...(o === undefined ? {} : { owner: o, ownerSource: 'Space-Track SATCAT LEO subset 2025-04' }),
      };
    });
  };
  const samples = {
    'background-sample-600': load('history-2026/background-sample-600.3le.gz'),
    'starlink-sample-150': load('history-2026/starlink-sample-150.3le.gz'),
  };
  const splits = [
    ['tuning', '2026-03-15T00:00:00Z', '2026-03-29T00:00:00Z'],
    ['check', '2026-03-29T00:00:00Z', '2026-05-07T00:00:00Z'],
  ] as const;
  console.log(
    `machine: ${String(cpus().length)} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const inspection = { maxRangeKm: 100, maxRelativeSpeedKmPerSec: 0.2, maxGapSec: 7 * 86_400, maxSetAgeDays: 16 };
  const presets = [
    ['screen', {}],
    ['inspection', inspection],
  ] as const;
  for (const [presetName, parameters] of presets) {
    for (const [name, objects] of Object.entries(samples)) {
      for (const [split, from, to] of splits) {
        const t = performance.now();
        const r = detectProximity({ objects, start: instant(at(from)), end: instant(at(to)), parameters });
        console.log(
          `${name}, ${split} ${from.slice(0, 10)} .. ${to.slice(0, 10)}, ${presetName} preset (${((performance.now() - t) / 1000).toFixed(0)} s):`,
        );
        console.log(tally(r.episodes));
      }
    }
  }
  const dir = 'events/inspector-target-series-2026/';
  const series = (f: string) => parseTle(fixture(dir + f), { file: f }).items;
  const cases = [
    [
      'Cosmos 2576 / USA 314',
      '59773_COSMOS-2576.3le',
      '48247_USA-314.3le',
      '2026-07-01T00:00:00Z',
      '2026-07-23T00:00:00Z',
    ],
    [
      'Cosmos 2588 / USA 338',
      '64095_COSMOS-2588.3le',
      '53883_USA-338.3le',
      '2026-06-10T00:00:00Z',
      '2026-07-23T00:00:00Z',
    ],
  ] as const;
  for (const [label, fc, ft, from, to] of cases) {
    const c = series(fc);
    const u = series(ft);
    const r = detectProximity({
      objects: [
        { noradId: c[0]!.noradId, sets: c, owner: 'CIS', ownerSource: 'SATCAT' },
        { noradId: u[0]!.noradId, sets: u, owner: 'US', ownerSource: 'SATCAT', amateur: true },
      ],
      start: instant(at(from)),
      end: instant(at(to)),
      parameters: inspection,
    });
    for (const { event: e } of r.episodes)
      console.log(
        `${label} (inspection preset): ${formatIso(e.start).slice(0, 10)} .. ${formatIso(e.end).slice(0, 10)} ${e.assessment?.label ?? ''}, roles ${e.objects.map((o) => `${String(o.norad)} ${o.role}`).join(', ')}, encounters ${String(e.measures['encounters'])}, min ${Number(e.measures['minRangeKm']).toFixed(1)} ± ${Number(e.measures['minRangeSigmaKm']).toFixed(1)} km`,
      );
  }
  const launches = parseTle(fixture('history-2026/launches-2026-03-to-05.3le.gz'), { file: 'launches' }).items;
  const iss = parseTle(fixture('history-2026/iss.3le.gz'), { file: 'iss' }).items;
  for (const [label, id, from, to] of [
    ['Progress MS-33 / ISS', 68319, '2026-03-22T18:00:00Z', '2026-03-25T00:00:00Z'],
    ['Cygnus NG-24 / ISS', 68689, '2026-04-11T21:00:00Z', '2026-04-14T00:00:00Z'],
  ] as const) {
    const v = launches.filter((s) => s.noradId === id);
    const r = detectProximity({
      objects: [
        { noradId: iss[0]!.noradId, sets: iss },
        { noradId: v[0]!.noradId, sets: v },
      ],
      start: instant(at(from)),
      end: instant(at(to)),
    });
    for (const { event: e } of r.episodes)
      console.log(
        `${label}: ${e.assessment?.label ?? ''}, roles ${e.objects.map((o) => `${String(o.norad)} ${o.role}`).join(', ')}`,
      );
  }
}

const days = arg('--days', 7);
const stepSec = arg('--step', 120);
/** Objects whose every set is further than this from the window start are left out (stale/decayed), days. */
const MAX_AGE_DAYS = 30;
const t0 = instantFromUtcFields(2022, 8, 9);
const t1 = instant(t0 + days * 86_400_000);

let clock = performance.now();
const parsed = parseTle(readFileSync(CATALOG, 'utf8').replace(/^\uFEFF/, ''), { file: CATALOG });
const parseMs = performance.now() - clock;
const o2019 = ownerTable(SATCAT_2019, 'NORAD_CAT_ID', 'OWNER_SOURCE');
const o2025 = ownerTable(SATCAT_2025, 'NORAD_CAT_ID', 'COUNTRY');
const byId = new Map<number, ElementSet[]>();
for (const s of parsed.items) byId.set(s.noradId, [...(byId.get(s.noradId) ?? []), s]);
const launchOf = (s: ElementSet): string => (s.cosparId ?? '').slice(0, 8);
const launchOwners = new Map<string, Set<string>>();
for (const [id, l] of byId) {
  const o = o2019.get(id) ?? o2025.get(id);
  const first = l[0];
  if (o === undefined || first === undefined) continue;
  const k = launchOf(first);
  launchOwners.set(k, (launchOwners.get(k) ?? new Set()).add(o));
}
const source = { satcat2019: 0, satcat2025: 0, launchOwner: 0, launchProxy: 0 };
const objects: ProximityObject[] = [];
let stale = 0;
for (const [id, l] of byId) {
  const first = l[0];
  if (first === undefined) continue;
  if (l.every((s) => Math.abs(s.epoch - t0) > MAX_AGE_DAYS * 86_400_000)) {
    stale++;
    continue;
  }
  let owner = o2019.get(id);
  if (owner !== undefined) source.satcat2019++;
  else if ((owner = o2025.get(id)) !== undefined) source.satcat2025++;
  else {
    const lo = launchOwners.get(launchOf(first));
    if (lo?.size === 1) {
      owner = [...lo][0];
      source.launchOwner++;
    } else {
      owner = `launch:${launchOf(first)}`;
      source.launchProxy++;
    }
  }
  objects.push({ noradId: first.noradId, sets: l, ...(owner === undefined ? {} : { owner }) });
}
const prepMs = performance.now() - clock;

const parameters = {
  maxRangeKm: 50,
  maxRelativeSpeedKmPerSec: 0.5,
  stepSec,
  chunkSec: 6 * 3600,
  differentOwnersOnly: true,
  maxSetAgeDays: MAX_AGE_DAYS + days + 1,
};
const workers = isMainThread ? arg('--workers', 2) : 1;

if (!isMainThread) {
  const { index, count } = workerData as { index: number; count: number };
  const r = detectProximity({ objects, start: t0, end: t1, parameters, shard: { index, count } });
  parentPort?.postMessage({
    episodes: r.episodes.map((e) => e.event),
    diagnostics: r.diagnostics,
    cpu: process.cpuUsage(),
  });
} else {
  clock = performance.now();
  interface Result {
    episodes: DetectedEvent[];
    diagnostics: Record<string, number>;
    cpu: NodeJS.CpuUsage;
  }
  let results: Result[];
  if (workers <= 1) {
    const r = detectProximity({ objects, start: t0, end: t1, parameters });
    results = [
      { episodes: r.episodes.map((e) => e.event), diagnostics: { ...r.diagnostics }, cpu: process.cpuUsage() },
    ];
  } else {
    results = await Promise.all(
      Array.from(
        { length: workers },
        (_, index) =>
          new Promise<Result>((resolve, reject) => {
            // Worker from source: register tsx's ESM loader, then import this file (as packages/workers does).
            const api = pathToFileURL(
              join(
                dirname(createRequire(import.meta.url).resolve('tsx/package.json')),
                'dist',
                'esm',
                'api',
                'index.mjs',
              ),
            ).href;
            const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); }).catch((e) => { setImmediate(() => { throw e; }); });`;
            const w = new Worker(bootstrap, {
              eval: true,
              workerData: { index, count: workers },
              execArgv: process.execArgv,
              argv: process.argv.slice(2),
            });
            w.once('message', (m: Result) => {
              resolve(m);
              void w.terminate();
            });
            w.once('error', reject);
          }),
      ),
    );
  }
  const detectMs = performance.now() - clock;
  const episodes = results
    .flatMap((x) => x.episodes)
    .sort(
      (a, b) =>
        a.start - b.start ||
        (a.objects[0]?.norad ?? 0) - (b.objects[0]?.norad ?? 0) ||
        (a.objects[1]?.norad ?? 0) - (b.objects[1]?.norad ?? 0),
    );
  // process.cpuUsage() covers every thread of the process (main + workers).
  const cpuAll = process.cpuUsage();
  const cpuSec = (cpuAll.user + cpuAll.system) / 1e6;
  const sum = (k: string): number => results.reduce((acc, x) => acc + (x.diagnostics[k] ?? 0), 0);

  console.log(
    `machine: ${String(cpus().length)} cores, load average ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  console.log(
    `catalogue: ${String(parsed.items.length)} sets, ${String(objects.length)} objects, parse ${(parseMs / 1000).toFixed(1)} s, owners+setup ${(prepMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `owners: ${JSON.stringify(source)}; left out as stale (> ${String(MAX_AGE_DAYS)} d at start): ${String(stale)}`,
  );
  console.log(`window: ${formatIso(t0)} .. ${formatIso(t1)}, step ${String(stepSec)} s, workers ${String(workers)}`);
  console.log(
    `detect: ${(detectMs / 1000).toFixed(1)} s wall (incl. worker start-up and catalogue parse in each worker); process CPU ${cpuSec.toFixed(1)} s (all threads, incl. parse)`,
  );
  console.log(
    `diagnostics (first shard): ${JSON.stringify(results[0]?.diagnostics)}; refinements total ${String(sum('refinements'))}`,
  );
  console.log(`episodes (different owners): ${String(episodes.length)}`);
  for (const e of episodes) {
    const m = e.measures;
    console.log(
      `  ${e.objects.map((o) => `${String(o.norad)} ${o.role}`).join(', ')}  ${String(m['ownerA'])}/${String(m['ownerB'])}  ${formatIso(e.start).slice(0, 16)}..${formatIso(e.end).slice(0, 16)}  min ${Number(m['minRangeKm']).toFixed(2)} km at ${String(m['minRangeUtc'])}  v ${Number(m['relativeSpeedAtMinKmPerSec']).toFixed(3)} km/s  near ${String(m['nearDurationSec'])} s  ${String(e.assessment?.label)}`,
    );
  }
}
