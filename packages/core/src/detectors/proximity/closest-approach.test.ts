/**
 * The closest-approach root-find against a dense scan, and the plane/speed bounds of the
 * prefilter, on real element sets (Cosmos 2576 and USA 314, fixtures/events).
 */
import { describe, expect, it } from 'vitest';
import { parseTle } from '../../elements/tle/index.js';
import { createSgp4Propagator } from '../../propagation/create-sgp4-propagator.js';
import { parseIsoInstant } from '../../time/instant.js';
import { instant } from '../../time/instant.js';
import { readFixture } from '../../../test/support/fixtures.js';
import { pairState, refineClosestApproach } from './closest-approach.js';
import { minWrappedNodeDifference, planeAngle, relativeSpeedLowerBound } from './orbit-geometry.js';

function prop(file: string, epochText: string) {
  const set = parseTle(readFixture(file), { file }).items.find((s) => s.epochText === epochText);
  if (set === undefined) throw new Error(`no set ${epochText}`);
  const p = createSgp4Propagator(set);
  if (!p.ok) throw new Error(p.code);
  return p.propagator;
}

describe('refineClosestApproach', () => {
  it('finds the minimum of the range that a 0.1-s scan finds, to 1 m and 1 s', () => {
    const a = prop('events/inspector-target-series-2026/48247_USA-314.3le', '26198.98080174');
    const b = prop('events/inspector-target-series-2026/59773_COSMOS-2576.3le', '26196.75180512');
    const t0 = parseIsoInstant('2026-07-16T05:41:00Z') ?? instant(0);
    const t1 = parseIsoInstant('2026-07-16T05:43:00Z') ?? instant(0);
    const ca = refineClosestApproach(a, b, t0, t1);
    expect(ca).toBeDefined();
    let best = { t: 0, d: Infinity };
    for (let t = t0 - 60_000; t <= t1 + 60_000; t += 100) {
      const s = pairState(a, b, instant(t));
      if (s !== undefined && s.rangeKm < best.d) best = { t, d: s.rangeKm };
    }
    expect(Math.abs((ca?.rangeKm ?? NaN) - best.d)).toBeLessThan(0.001);
    // SGP4's velocity is not exactly d/dt of its position (≈ 0.1 m/s here): the root of Δr·Δv and
    // the minimum of |Δr| differ by ≈ 0.35 s, i.e. 2 cm of range at this relative speed.
    expect(Math.abs((ca?.t ?? NaN) - best.t)).toBeLessThan(1000);
    // Δr·Δv vanishes at the root.
    const s = ca === undefined ? undefined : pairState(a, b, ca.t);
    expect(Math.abs(s?.g ?? NaN)).toBeLessThan(1e-5);
  });

  it('returns undefined when the bracket holds no minimum', () => {
    const a = prop('events/inspector-target-series-2026/48247_USA-314.3le', '26198.98080174');
    const b = prop('events/inspector-target-series-2026/59773_COSMOS-2576.3le', '26196.75180512');
    const t0 = parseIsoInstant('2026-07-16T05:50:00Z') ?? instant(0);
    expect(refineClosestApproach(a, b, t0, instant(t0 + 60_000))).toBeUndefined();
  });
});

describe('prefilter bounds', () => {
  it('plane angle: equal planes 0, node difference at equal inclination i gives 2·asin(sin i·sin(ΔΩ/2))', () => {
    const i = 0.9;
    expect(planeAngle(i, 1, i, 1)).toBeCloseTo(0, 12);
    const dOmega = 0.1;
    expect(planeAngle(i, 0, i, dOmega)).toBeCloseTo(2 * Math.asin(Math.sin(i) * Math.sin(dOmega / 2)), 12);
  });
  it('node difference: zero when the drift crosses a multiple of 2π, else the nearer end', () => {
    expect(minWrappedNodeDifference(-0.2, 0.3)).toBe(0);
    expect(minWrappedNodeDifference(6.2, 6.4)).toBe(0);
    expect(minWrappedNodeDifference(0.2, 0.5)).toBeCloseTo(0.2, 12);
    expect(minWrappedNodeDifference(-3, -2.5)).toBeCloseTo(2.5, 12);
  });
  it('relative-speed bound: 2v·sin(θ/2) for equal speeds (exact for circular orbits at the crossing)', () => {
    const v = 7.6;
    const theta = 0.05;
    expect(relativeSpeedLowerBound(theta, v, v)).toBeCloseTo(2 * v * Math.sin(theta / 2), 12);
  });
});
