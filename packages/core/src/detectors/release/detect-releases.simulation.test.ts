/**
 * SIMULATED releases with known truth (not observations): children released from the real orbit
 * of Cosmos 2543 (44835, its 2021-05-29 element set) with known Δv, their trajectories integrated
 * under J2–J4 by `simulateRelease` and fitted to SGP4 sets first "catalogued" 1, 3 and 10 days
 * later (simulated-release.test-support.ts). The parent history is the file's real sets; its
 * next set is four months later, so the parent trajectory around the release is the 2021-05-29
 * set itself — the same as daily SGP4-propagated parent sets from it would give.
 * Decoys: Cosmos 2542 (44797) and object 45915, real sets, as other catalogued candidates.
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import { noradId } from '../../ids/norad-id.js';
import { instant } from '../../time/instant.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { detectReleases } from './detect-releases.js';
import type { SimDirection } from './simulated-release.test-support.js';
import { simulatedChild } from './simulated-release.test-support.js';

const read = (name: string): ElementSet[] =>
  parseTle(readFixture(`events/inspector-history/${name}`), { file: name }).items;
const cosmos2543 = read('44835_COSMOS-2543.3le');
const decoys = [
  { noradId: noradId(44797), sets: read('44797_COSMOS-2542.3le') },
  { noradId: noradId(45915), sets: read('45915_OBJECT-E.3le') },
];
const parentSet = cosmos2543[0]!;
const t0 = instant(parentSet.epoch + 0.5 * 86_400_000);
const CHILD = noradId(90001);

const SPEEDS_MPS = [1, 10, 50, 180] as const;
const DIRECTIONS: readonly SimDirection[] = ['i', 'r', 'c'];
const LAGS_DAYS = [1, 3, 10] as const;
const AXIS = { r: 'deltaVRadialMps', i: 'deltaVInTrackMps', c: 'deltaVCrossTrackMps' } as const;

describe('detectReleases on SIMULATED releases from Cosmos 2543 (known truth)', () => {
  for (const lag of LAGS_DAYS) {
    for (const dir of DIRECTIONS) {
      for (const speed of SPEEDS_MPS) {
        it(`SIMULATION: ${speed} m/s along ${dir}, catalogued ${lag} d later → parent, epoch, Δv`, () => {
          const sim = simulatedChild(parentSet, t0, dir, speed, lag, CHILD);
          const result = detectReleases({
            newObjects: [{ noradId: CHILD, sets: sim.childSets }],
            catalogued: [{ noradId: noradId(44835), sets: cosmos2543 }, ...decoys],
          });
          expect(result.events).toHaveLength(1);
          const ev = result.events[0]!;
          expect(ev.objects).toEqual([
            { norad: 44835, role: 'parent' },
            { norad: CHILD, role: 'child' },
          ]);
          const m = ev.measures;
          // Epoch within 10 minutes (the issue asks it for lags ≤ 3 days; it holds at 10 days here).
          expect(Math.abs(Number(m['separationEpoch']) - t0) / 1000).toBeLessThan(600);
          // Δv within 10 % (asked for ≥ 10 m/s; 1 m/s meets it too), along the right axis.
          expect(Math.abs(Number(m['deltaVMps']) - speed)).toBeLessThan(0.1 * speed);
          expect(Number(m[AXIS[dir]]) / speed).toBeGreaterThan(0.95);
          // SIMULATED cases of each speed label: the 95 % interval of |Δv| lies inside one class
          // (σ = n × miss distance, ≤ 0.2 m/s here); 50 m/s sits on the ejection/high-speed
          // boundary, so its interval straddles it and no class is claimed.
          const label = { 1: 'deployment', 10: 'ejection', 50: 'undetermined', 180: 'high-speed-release' }[speed];
          expect(ev.assessment?.label).toBe(label);
          expect(m['class']).toBe(label);
          if (speed === 50) expect(ev.assessment?.possibleLabels).toEqual(['ejection', 'high-speed-release']);
          const reason = ev.assessment!.reasons.find((r) => r.measure === 'deltaVMps')!;
          expect(reason.sigma).toBeGreaterThan(0);
          expect(reason.thresholdSource).toMatch(/P-POD/);
          expect(Number(m['separationEpochSigmaSec'])).toBeGreaterThanOrEqual(0);
          expect(typeof m['separationEpochUtc']).toBe('string');
        });
      }
    }
  }

  it('SIMULATION: follows a chain Cosmos 2543 → child → grandchild', () => {
    const child = simulatedChild(parentSet, t0, 'i', 10, 1, noradId(90002));
    const t1 = instant(t0 + 2 * 86_400_000);
    const grand = simulatedChild(child.childSets[0]!, t1, 'r', 3, 1, noradId(90003));
    const result = detectReleases({
      newObjects: [
        { noradId: noradId(90002), sets: child.childSets },
        { noradId: noradId(90003), sets: grand.childSets },
      ],
      catalogued: [{ noradId: noradId(44835), sets: cosmos2543 }, ...decoys],
    });
    expect(result.events.map((e) => e.objects.map((o) => `${o.role}:${o.norad}`))).toEqual([
      ['parent:44835', 'child:90002'],
      ['parent:90002', 'child:90003'],
    ]);
    const [first, second] = result.events as [(typeof result.events)[0], (typeof result.events)[0]];
    expect(Math.abs(Number(first.measures['separationEpoch']) - t0) / 1000).toBeLessThan(600);
    expect(Math.abs(Number(second.measures['separationEpoch']) - t1) / 1000).toBeLessThan(600);
    expect(Math.abs(Number(second.measures['deltaVMps']) - 3)).toBeLessThan(0.3);
  });

  it('SIMULATION: siblings from an uncatalogued carrier form one deployment group with a common epoch', () => {
    const dirs: [SimDirection, number][] = [
      ['i', 0.8],
      ['r', 1.2],
      ['c', 1.0],
      ['i', -1.5],
    ];
    const newObjects = dirs.map(([dir, speed], k) => {
      const id = noradId(90010 + k);
      const sim = simulatedChild(parentSet, t0, dir, speed, 1, id);
      // Simulated catalogue entries of one launch (the carrier itself is not catalogued).
      const sets = sim.childSets.map((s) => ({ ...s, cosparId: `2099-001${String.fromCharCode(66 + k)}` }));
      return { noradId: id, sets };
    });
    const result = detectReleases({ newObjects, catalogued: decoys });
    expect(result.events).toHaveLength(1);
    const ev = result.events[0]!;
    // The carrier is not catalogued: siblings, no parent named.
    expect(ev.objects.map((o) => o.role)).toEqual(['sibling', 'sibling', 'sibling', 'sibling']);
    expect(ev.measures['groupSize']).toBe(4);
    expect(Math.abs(Number(ev.measures['separationEpoch']) - t0) / 1000).toBeLessThan(600);
    // Relative speeds between siblings: |v_a − v_b| ≤ 1.5 + 1.2 m/s.
    expect(Number(ev.measures['deltaVMaxMps'])).toBeLessThan(2.8);
    expect(ev.measures['class']).toBe('deployment-group');
    expect(ev.assessment?.label).toBe('deployment-group');
  });
});
