/**
 * bench/releases — the release detector on the bundled launches, reported separately for the
 * launches that chose its parameters (TUNING) and the launches kept for checking (CHECK; the split
 * is recorded in packages/core/src/detectors/release/release-split.ts).
 *
 * Two settings, both pure core calls on the bundled fixtures:
 * - **sweep** (what the demo does): every object of fixtures/history-2026's launches is a
 *   newcomer; the ISS, 150 Starlinks and 600 background objects are catalogued.
 * - **leave-one-launch-out**: each multi-payload launch in turn is the newcomers; every other
 *   object (the other launches included) is catalogued — any of them could be named its parent.
 * Plus the two cases of fixtures/releases (TEN-KOH 2 / HTV-X1; Cosmos 2601–2608 / Cosmos 2600).
 *
 * Printed per side: multi-payload launches, launches grouped and their members, outcome counts,
 * parent→child releases (false = not the published one, TEN-KOH 2 from HTV-X1: no release is
 * published for history-2026's launches), release epochs before the launch (independent of the detector's own
 * check: the median count start of the launch's first sets, less one revolution), and objects of
 * a launch named parent of their own siblings.
 *
 * Usage: npm run bench:releases [-- --no-lolo]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import {
  DEFAULT_RELEASE_PARAMETERS,
  RELEASE_DETECTOR_VERSION,
  RELEASE_TUNED_PARAMETERS,
  RELEASE_TUNING_LAUNCHES,
  detectReleases,
  formatIso,
  isCarrier,
  isCheckLaunch,
  parseTle,
  revImpliedEpoch,
} from '@orbwatch/core';
import type {
  DetectedEvent,
  ElementSet,
  LaunchGroupReport,
  NoradId,
  ReleaseDetection,
  ReleaseObjectHistory,
} from '@orbwatch/core';

/** Releases with a published reference: TEN-KOH 2 from HTV-X1 (JAXA, 2026-03-11 09:34 UTC). */
const KNOWN_RELEASES = new Set(['66174>68261']);

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const read = (p: string): string => {
  const buf = readFileSync(join(root, 'fixtures', p));
  return (p.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
};
const load = (p: string): ElementSet[] => parseTle(read(p), { file: p }).items;

function histories(sets: readonly ElementSet[]): ReleaseObjectHistory[] {
  const by = new Map<NoradId, ElementSet[]>();
  for (const s of sets) by.set(s.noradId, [...(by.get(s.noradId) ?? []), s]);
  return [...by].map(([noradId, list]) => ({ noradId, sets: list }));
}
const launchOf = (h: ReleaseObjectHistory): string =>
  h.sets.find((s) => s.cosparId !== null)?.cosparId?.slice(0, 8) ?? '?';

const launchObjects = histories(load('history-2026/launches-2026-03-to-05.3le.gz'));
const background = histories([
  ...load('history-2026/iss.3le.gz'),
  ...load('history-2026/starlink-sample-150.3le.gz'),
  ...load('history-2026/background-sample-600.3le.gz'),
]);
const htv = histories(load('releases/htv-x1-and-ten-koh-2.3le'));
const c2600 = histories(load('releases/cosmos-2600-group-2026-023.3le'));

const byLaunch = new Map<string, ReleaseObjectHistory[]>();
for (const h of launchObjects) byLaunch.set(launchOf(h), [...(byLaunch.get(launchOf(h)) ?? []), h]);
const multi = [...byLaunch].filter(([, hs]) => hs.length >= 2).map(([l]) => l);

/** Independent launch time: median count start of the first sets, less one revolution, ms. */
function launchFloor(hs: readonly ReleaseObjectHistory[]): number | null {
  const v: { t: number; p: number }[] = [];
  for (const h of hs) {
    const first = [...h.sets].sort((a, b) => a.epoch - b.epoch)[0];
    const t = first === undefined ? null : revImpliedEpoch(first);
    if (first !== undefined && t !== null) v.push({ t, p: (2 * Math.PI * 1000) / first.meanMotionRadPerSec });
  }
  if (v.length === 0) return null;
  v.sort((a, b) => a.t - b.t);
  const m = v[(v.length - 1) >> 1]!;
  return m.t - m.p;
}

interface Tally {
  launches: number;
  grouped: number;
  groupedMembers: number;
  objects: number;
  status: Map<string, number>;
  releases: string[];
  falseReleases: string[];
  beforeLaunch: string[];
  siblingParents: string[];
  labels: Map<string, number>;
  lines: string[];
}
const tally = (): Tally => ({
  launches: 0,
  grouped: 0,
  groupedMembers: 0,
  objects: 0,
  status: new Map(),
  releases: [],
  falseReleases: [],
  beforeLaunch: [],
  siblingParents: [],
  labels: new Map(),
  lines: [],
});
const bump = (m: Map<string, number>, k: string): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};

const launchOfNorad = new Map<number, string>();
for (const h of [...launchObjects, ...background, ...htv, ...c2600]) launchOfNorad.set(h.noradId, launchOf(h));
const historyOf = new Map<number, ReleaseObjectHistory>(
  [...launchObjects, ...background, ...htv, ...c2600].map((h) => [h.noradId, h]),
);

function record(t: Tally, launch: string, hs: readonly ReleaseObjectHistory[], r: ReleaseDetection): void {
  const report: LaunchGroupReport | undefined = r.launches.find((x) => x.launch === launch);
  t.launches++;
  t.objects += hs.length;
  bump(t.status, report?.status ?? 'no-report');
  const ids = new Set<number>(hs.map((h) => h.noradId));
  const mine = r.events.filter((e) => e.objects.some((o) => ids.has(o.norad) && o.role !== 'parent'));
  const floor = launchFloor(hs);
  for (const e of mine) {
    bump(t.labels, String(e.assessment?.label ?? e.measures['class']));
    const epoch = Number(e.measures['separationEpoch']);
    if (floor !== null && epoch < floor)
      t.beforeLaunch.push(`${launch}: ${String(e.measures['separationEpochUtc'])} < ${formatIso(floor as never, 0)}`);
    const parent = e.objects.find((o) => o.role === 'parent');
    if (parent !== undefined) {
      const child = e.objects.find((o) => o.role === 'child')!;
      t.releases.push(describeRelease(e));
      if (!KNOWN_RELEASES.has(`${String(parent.norad)}>${String(child.norad)}`))
        t.falseReleases.push(describeRelease(e));
      const ph = historyOf.get(parent.norad);
      const sameLaunch = launchOfNorad.get(parent.norad) === launchOfNorad.get(child.norad);
      if (
        sameLaunch &&
        ph !== undefined &&
        !isCarrier({
          noradId: ph.noradId,
          launch,
          sets: ph.sets,
          facts: undefined,
          newcomer: false,
          released: false,
          inOrbitSince: 0,
        }) &&
        Number(e.measures['separationEpoch']) - (floor ?? 0) < 2 * 86_400_000
      )
        t.siblingParents.push(describeRelease(e));
    }
  }
  if (report?.status === 'grouped') {
    t.grouped++;
    t.groupedMembers += report.grouped;
  }
  const g = report?.status === 'grouped';
  t.lines.push(
    `  ${launch}  ${String(hs.length).padStart(2)} obj  ${(report?.status ?? 'no-report').padEnd(26)}` +
      (g && report.epoch !== null
        ? ` ${String(report.grouped).padStart(2)} grouped  ${formatIso(report.epoch, 0)} ± ${((report.epochSigmaSec ?? NaN) / 60).toFixed(0)} min` +
          `  siblings ${(report.siblingSpeedMedianMps ?? NaN).toFixed(2)}/${(report.siblingSpeedMaxMps ?? NaN).toFixed(2)} m/s` +
          `  vs launch ${floor === null ? '-' : `${((report.epoch - floor) / 3_600_000).toFixed(2)} h`}`
        : ` ${report?.reason.slice(0, 110) ?? ''}`) +
      (report !== undefined && report.rejected.length > 0
        ? `  [rejected: ${report.rejected.map((x) => x.check).join(', ')}]`
        : ''),
  );
}

function describeRelease(e: DetectedEvent): string {
  const m = e.measures;
  return (
    e.objects.map((o) => `${o.role} ${String(o.norad)} (${launchOfNorad.get(o.norad) ?? '?'})`).join(' → ') +
    ` at ${String(m['separationEpochUtc'])} Δv ${Number(m['deltaVMps']).toFixed(2)} ± ${Number(m['deltaVSigmaMps']).toFixed(2)} m/s` +
    ` d ${Number(m['distanceAtSeparationKm']).toFixed(2)} km → ${e.assessment?.label ?? ''}`
  );
}

function print(title: string, sides: { tuning: Tally; check: Tally }): void {
  console.log(`\n== ${title}`);
  for (const [name, t] of [
    ['TUNING', sides.tuning],
    ['CHECK', sides.check],
  ] as const) {
    console.log(
      `${name}: ${String(t.launches)} multi-payload launches, ${String(t.objects)} objects; ` +
        `${String(t.grouped)} grouped (${String(t.groupedMembers)} members); outcomes ` +
        [...t.status]
          .sort()
          .map(([k, v]) => `${k} ${String(v)}`)
          .join(', ') +
        `; labels ${
          [...t.labels]
            .sort()
            .map(([k, v]) => `${k} ${String(v)}`)
            .join(', ') || '-'
        }`,
    );
    console.log(
      `  parent→child releases ${String(t.releases.length)} (false: ${String(t.falseReleases.length)}); epochs before launch ${String(t.beforeLaunch.length)}; ` +
        `siblings named parent ${String(t.siblingParents.length)}`,
    );
    for (const l of t.lines) console.log(l);
    for (const x of t.releases) console.log(`  release: ${x}`);
    for (const x of t.beforeLaunch) console.log(`  BEFORE LAUNCH: ${x}`);
    for (const x of t.siblingParents) console.log(`  SIBLING AS PARENT: ${x}`);
  }
}

console.log(
  `release detector ${RELEASE_DETECTOR_VERSION}; ${String(cpus().length)} cores, load ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);
console.log(`tuning launches: ${RELEASE_TUNING_LAUNCHES.join(', ')}`);
for (const p of RELEASE_TUNED_PARAMETERS)
  console.log(
    `  ${p.parameter} = ${String((DEFAULT_RELEASE_PARAMETERS as unknown as Record<string, number | undefined>)[p.parameter] ?? '(rule)')} ← ${p.launches.join(', ')}`,
  );

// Sweep: all launch objects new at once.
{
  const started = performance.now();
  const r = detectReleases({ newObjects: launchObjects, catalogued: background });
  const ms = performance.now() - started;
  const sides = { tuning: tally(), check: tally() };
  for (const l of multi) record(isCheckLaunch(l) ? sides.check : sides.tuning, l, byLaunch.get(l) ?? [], r);
  const ten = detectReleases({
    newObjects: htv.filter((h) => h.noradId === 68261),
    catalogued: htv.filter((h) => h.noradId === 66174),
  });
  record(isCheckLaunch('2025-241') ? sides.check : sides.tuning, '2025-241', htv, ten);
  const cos = detectReleases({
    newObjects: c2600.filter((h) => h.noradId !== 67674),
    catalogued: c2600.filter((h) => h.noradId === 67674),
  });
  record(isCheckLaunch('2026-023') ? sides.check : sides.tuning, '2026-023', c2600, cos);
  print(
    `sweep (${String(launchObjects.length)} newcomers, ${String(background.length)} catalogued; ${(ms / 1000).toFixed(1)} s)`,
    sides,
  );
}

if (!process.argv.includes('--no-lolo')) {
  const started = performance.now();
  const sides = { tuning: tally(), check: tally() };
  for (const l of multi) {
    const mine = byLaunch.get(l) ?? [];
    const others = launchObjects.filter((h) => launchOf(h) !== l);
    const r = detectReleases({ newObjects: mine, catalogued: [...background, ...others, ...htv, ...c2600] });
    record(isCheckLaunch(l) ? sides.check : sides.tuning, l, mine, r);
  }
  print(
    `leave-one-launch-out (${String(multi.length)} launches, everything else catalogued; ${((performance.now() - started) / 1000).toFixed(1)} s)`,
    sides,
  );
}
