/**
 * Leave-one-launch-out on REAL bundled data: each launch in turn is new, every other object of
 * the set (the other launches, the ISS, HTV-X1) is catalogued and could be named its parent.
 * Checked against what is independent of the detector: the launch time from the published
 * revolution numbers (median count start of the launch's first sets, less one revolution), the
 * launch designators, and the one published release (TEN-KOH 2 from HTV-X1, JAXA).
 * The full run over all 35 launches of history-2026 is `npm run bench:releases` (minutes).
 */
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { noradId } from '../../ids/norad-id.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { detectReleases, revImpliedEpoch } from './detect-releases.js';
import type { ObjectHistory } from './release-types.js';
import { launches2026, objectHistories } from './object-histories.test-support.js';

const LAUNCHES = ['2026-052', '2026-060', '2026-062', '2026-065', '2026-074', '2026-076', '2026-080', '2026-091'];
const iss = { noradId: noradId(25544), sets: parseTle(readFixture('history-2026/iss.3le.gz'), { file: 'iss' }).items };
const htv = objectHistories(
  parseTle(readFixture('releases/htv-x1-and-ten-koh-2.3le'), { file: 'htv-x1-and-ten-koh-2.3le' }).items,
);
const byLaunch = new Map<string, ObjectHistory[]>();
for (const h of objectHistories(launches2026.filter((s) => LAUNCHES.some((l) => s.cosparId?.startsWith(l)))))
  byLaunch.set(h.sets[0]!.cosparId!.slice(0, 8), [...(byLaunch.get(h.sets[0]!.cosparId!.slice(0, 8)) ?? []), h]);
byLaunch.set('2025-241', htv);
const launchOf = new Map<number, string>();
for (const [l, hs] of byLaunch) for (const h of hs) launchOf.set(h.noradId, l);

/** Median count start of the first sets less one revolution, ms (independent of the detector). */
function launchFloor(hs: readonly ObjectHistory[]): number {
  const v = hs
    .map((h) => [...h.sets].sort((a, b) => a.epoch - b.epoch)[0]!)
    .map((s) => ({ t: revImpliedEpoch(s), p: (2 * Math.PI * 1000) / s.meanMotionRadPerSec }))
    .filter((x): x is { t: NonNullable<typeof x.t>; p: number } => x.t !== null)
    .sort((a, b) => a.t - b.t);
  const m = v[(v.length - 1) >> 1]!;
  return m.t - m.p;
}

describe('leave-one-launch-out (real data: 8 launches, each new in turn, the others catalogued)', () => {
  for (const launch of [...byLaunch.keys()].sort()) {
    it(`${launch}: no separation before its launch, no sibling named parent, an outcome for the launch`, () => {
      const mine = byLaunch.get(launch)!;
      const others = [...byLaunch].filter(([l]) => l !== launch).flatMap(([, hs]) => hs);
      const newObjects = launch === '2025-241' ? mine.filter((h) => h.noradId === 68261) : mine;
      const catalogued = [iss, ...others, ...(launch === '2025-241' ? mine.filter((h) => h.noradId === 66174) : [])];
      const r = detectReleases({ newObjects, catalogued });
      const floor = launchFloor(mine);
      for (const e of r.events) {
        expect(Number(e.measures['separationEpoch'])).toBeGreaterThanOrEqual(floor);
        const parent = e.objects.find((o) => o.role === 'parent');
        if (parent !== undefined) {
          // The one published release; nothing else is a parent, least of all a co-passenger.
          expect([parent.norad, e.objects.find((o) => o.role === 'child')?.norad]).toEqual([66174, 68261]);
        } else {
          expect(e.objects.every((o) => o.role === 'sibling' && launchOf.get(o.norad) === launch)).toBe(true);
        }
        expect(e.assessment?.label).toBe(e.measures['class']);
      }
      const report = r.launches.find((l) => l.launch === launch)!;
      expect(report.reason.length).toBeGreaterThan(10);
      expect(report.members.map((m) => m.noradId).sort()).toEqual(mine.map((h) => h.noradId).sort());
    });
  }
});
