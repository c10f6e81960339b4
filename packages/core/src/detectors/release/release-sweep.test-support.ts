/**
 * The full sweep over fixtures/history-2026 (too slow for a unit test): every object of the
 * 2026-03..05 launches is a newcomer; ISS, the 150 Starlinks and the 600 background objects are
 * the catalogued candidates. Prints one line per launch (grouped members, common epoch, its
 * offset from the launch the revolution numbers imply, speeds), every parent→child event, and the
 * detector's run time. Run: `npx tsx packages/core/src/detectors/release/release-sweep.test-support.ts`.
 */
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { formatIso } from '../../time/instant.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { detectReleases } from './detect-releases.js';
import type { ObjectHistory } from './release-types.js';
import { objectHistories } from './object-histories.test-support.js';

const histories = (sets: readonly ElementSet[]): ObjectHistory[] => objectHistories(sets);

/** Runs the sweep and returns its report lines. */
export function runHistory2026Sweep(): string[] {
  const load = (f: string): ElementSet[] => parseTle(readFixture(`history-2026/${f}`), { file: f }).items;
  const newcomers = histories(load('launches-2026-03-to-05.3le.gz'));
  const catalogued = histories([
    ...load('iss.3le.gz'),
    ...load('starlink-sample-150.3le.gz'),
    ...load('background-sample-600.3le.gz'),
  ]);
  const started = performance.now();
  const result = detectReleases({ newObjects: newcomers, catalogued });
  const ms = performance.now() - started;
  const lines: string[] = [];
  const launchOf = new Map(newcomers.map((h) => [h.noradId as number, h.sets[0]?.cosparId?.slice(0, 8) ?? '?']));
  const byLaunch = new Map<string, number[]>();
  for (const h of newcomers) {
    const l = launchOf.get(h.noradId) ?? '?';
    byLaunch.set(l, [...(byLaunch.get(l) ?? []), h.noradId]);
  }
  for (const [launch, ids] of [...byLaunch].sort()) {
    const outs = result.outcomes.filter((o) => ids.includes(o.noradId));
    const report = result.launches.find((r) => r.launch === launch);
    const countStart = report?.countStart ?? null;
    const group = result.events.find((e) => e.measures['launch'] === launch);
    const st = (s: string): number => outs.filter((o) => o.status === s).length;
    let line = `${launch} objects ${String(ids.length)} sibling ${String(st('sibling'))} released ${String(st('released'))} none ${String(st('none'))}`;
    if (report !== undefined)
      line += ` [${report.status}, manoeuvring at first set ${String(report.manoeuvringAtFirstSet)}]`;
    if (group !== undefined) {
      const m = group.measures;
      const dtH = countStart === null ? NaN : (Number(m['separationEpoch']) - countStart) / 3_600_000;
      line +=
        ` | ${String(m['method'])} group ${String(m['groupSize'])} epoch ${String(m['separationEpochUtc'])} (count start ${countStart === null ? '-' : formatIso(countStart, 0)}, ${dtH.toFixed(2)} h)` +
        ` spread ${Number(m['separationEpochSpreadSec']).toFixed(0)} s σ ${Number(m['separationEpochSigmaSec']).toFixed(0)} s` +
        ` residual ${Number(m['distanceAtSeparationKm']).toFixed(1)} km pairs ${String(m['pairsUsed'])}` +
        ` sibling speed median ${Number(m['deltaVMps']).toFixed(2)} ± ${Number(m['deltaVSigmaMps']).toFixed(2)} max ${Number(m['deltaVMaxMps']).toFixed(2)} m/s → ${String(m['class'])}`;
    } else {
      const best = outs.flatMap((o) => o.examined.slice(0, 1)).sort((a, b) => a.distanceKm - b.distanceKm)[0];
      const conv = report?.epoch ?? null;
      line += ` | no group; nearest approach ${best === undefined ? '-' : `${best.distanceKm.toFixed(1)} km at ${best.deltaVMps.toFixed(0)} m/s`}`;
      if (conv !== null && countStart !== null)
        line += `; convergence ${formatIso(conv, 0)} = count start + ${((conv - countStart) / 86_400_000).toFixed(2)} d`;
    }
    lines.push(line);
  }
  for (const e of result.events.filter((x) => x.objects[0]?.role === 'parent')) {
    const m = e.measures;
    lines.push(
      `release ${e.objects.map((o) => `${o.role} ${String(o.norad)}`).join(' → ')} at ${String(m['separationEpochUtc'])} Δv ${Number(m['deltaVMps']).toFixed(2)} m/s d ${Number(m['distanceAtSeparationKm']).toFixed(2)} km ${String(m['class'])}`,
    );
  }
  const pairs = result.outcomes.reduce((a, o) => a + o.examined.length, 0);
  lines.push(
    `detectReleases: ${String(newcomers.length)} newcomers, ${String(catalogued.length)} catalogued, ${String(pairs)} candidate pairs examined, ${String(result.events.length)} events, ${ms.toFixed(0)} ms`,
  );
  return lines;
}

// A script entry point (this file is test support, outside core's pure build).
// eslint-disable-next-line no-restricted-globals
if (import.meta.url === `file://${process.argv[1] ?? ''}`) {
  // eslint-disable-next-line no-restricted-globals
  for (const line of runHistory2026Sweep()) console.log(line);
}
