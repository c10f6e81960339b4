/**
 * The climb rules on synthetic histories with known mean semi-major axes: raises the sets do
 * not resolve (one interval carrying the climb, or a data gap), held levels versus bad fits, the
 * 5 km minimum, GEO, and the reported ends of a climb. The expected Δv is the vis-viva spiral value
 * √(μ/a0) − √(μ/a1) of the levels put in.
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '../../elements/element-set.js';
import { noradId } from '../../ids/norad-id.js';
import { instant } from '../../time/instant.js';
import { degToRad, rad, radPerSec } from '../../units/quantity.js';
import type { DetectedEvent } from '../detected-event.js';
import { detectManeuvers } from './detect-maneuvers.js';
import { MU_KM3_PER_S2, meanSemiMajorAxis } from './mean-semi-major-axis.js';
import { syntheticElementSet } from '../../../test/support/synthetic-element-set.js';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 3, 1);

/** Kozai mean motion whose Brouwer a″ (as SGP4 recovers it) is `aKm`, rad/s. */
function meanMotionFor(aKm: number, e: number, i: number): number {
  let n = Math.sqrt(MU_KM3_PER_S2 / aKm ** 3);
  for (let k = 0; k < 6; k++) n *= (meanSemiMajorAxis(n, e, i).aKm / aKm) ** 1.5;
  return n;
}

/** One synthetic set at `days` after T0 with mean a″ `aKm` (Starlink-like: 53°, e 1e-4). */
function set(days: number, aKm: number, inclinationDeg = 53, e = 1e-4): ElementSet {
  const i = degToRad(inclinationDeg);
  const n = meanMotionFor(aKm, e, i);
  const tSec = days * 86_400;
  return syntheticElementSet({
    noradId: noradId(90_001),
    name: 'SYNTHETIC',
    epoch: instant(T0 + days * DAY_MS),
    epochText: `synthetic+${days.toFixed(4)}d`,
    meanMotionRadPerSec: radPerSec(n),
    eccentricity: e,
    inclinationRad: i,
    raanRad: rad(1),
    argPerigeeRad: rad(0.5),
    meanAnomalyRad: rad((n * tSec) % (2 * Math.PI)),
  });
}

/** Deterministic ±30 m fit noise (a fixed pseudo-random sequence), km. */
const noise = (k: number): number => 0.03 * Math.sin(12.9898 * k + 78.233 * Math.sin(k));

/** Sets every 6 h over [fromDay, toDay) with level f(day) plus noise. */
function run(fromDay: number, toDay: number, f: (d: number) => number): ElementSet[] {
  const out: ElementSet[] = [];
  for (let d = fromDay, k = Math.round(fromDay * 4); d < toDay - 1e-9; d += 0.25, k++)
    out.push(set(d, f(d) + noise(k)));
  return out;
}

const raises = (h: readonly ElementSet[]): DetectedEvent[] =>
  detectManeuvers(h).events.filter((e) => e.measures['kind'] === 'orbit-raising');
const spiral = (a0: number, a1: number): number =>
  (Math.sqrt(MU_KM3_PER_S2 / a0) - Math.sqrt(MU_KM3_PER_S2 / a1)) * 1000;

describe('orbit raising the sets do not resolve', () => {
  it('a 16 km raise inside one 2-day interval, then held, is one orbit raising with the spiral Δv', () => {
    const h = [...run(0, 10, () => 6703), ...run(12, 25, () => 6719)];
    const r = raises(h);
    expect(r).toHaveLength(1);
    const m = r[0]!.measures;
    expect(m['resolved']).toBe(false);
    expect(m['climbStart']).toBe('observed');
    expect(m['climbEnd']).toBe('observed');
    expect(r[0]!.start).toBe(T0 + 9.75 * DAY_MS);
    expect(r[0]!.end).toBe(T0 + 12 * DAY_MS);
    const a0 = m['semiMajorAxisBeforeKm'] as number;
    const a1 = m['semiMajorAxisAfterKm'] as number;
    expect(a1 - a0).toBeCloseTo(16, 0); // ± noise of the two end sets (≤ 2 × 30 m)
    // 16 km at 6711 km: ≈ 9.1 m/s; the detector's sum telescopes to the spiral value.
    expect(m['deltaVMps'] as number).toBeCloseTo(spiral(a0, a1), 3);
    expect(m['deltaVMps'] as number).toBeGreaterThan(9);
    expect(m['deltaVMps'] as number).toBeLessThan(9.3);
  });

  it('is not claimed for a jump that falls back (bad fits) or a held step under 5 km', () => {
    const badFits = [...run(0, 10, () => 6703), set(10.25, 6719), set(10.5, 6719.1), ...run(10.75, 20, () => 6703)];
    expect(raises(badFits)).toHaveLength(0);
    const small = [...run(0, 10, () => 6703), ...run(12, 25, () => 6707)];
    expect(raises(small)).toHaveLength(0);
  });

  it('needs the level held for a stall time (3 days): held 2 days, then a burn down, is no raise', () => {
    const h = [...run(0, 10, () => 6703), ...run(12, 14, () => 6719), ...run(14, 24, () => 6712)];
    expect(raises(h)).toHaveLength(0);
  });

  it('from the first set across a data gap: began at or before the first set', () => {
    const h = [set(0, 6640), ...run(5, 20, () => 6706)];
    const r = raises(h);
    expect(r).toHaveLength(1);
    expect(r[0]!.measures['climbStart']).toBe('before-first-set');
    expect(r[0]!.start).toBe(T0);
    expect(r[0]!.measures['deltaSemiMajorAxisKm'] as number).toBeCloseTo(66, 0);
  });

  it('a continuous climb still under way at the last set is resolved and ongoing', () => {
    const h = [...run(0, 5, () => 6703), ...run(5, 12, (d) => 6703 + 5 * (d - 5))];
    const r = raises(h);
    expect(r).toHaveLength(1);
    const m = r[0]!.measures;
    expect(m['resolved']).toBe(true);
    expect(m['climbEnd']).toBe('ongoing');
    expect(m['climbStart']).toBe('observed');
    expect(r[0]!.start).toBeGreaterThanOrEqual(T0 + 4.5 * DAY_MS); // the flat lead-in is not the climb
  });

  it('not at GEO: a held 6 km step there is station keeping size (Δa = 2aΔv/v: 0.2 m/s)', () => {
    const geo = (d: number, a: number): ElementSet => set(d, a, 0.05, 2e-4);
    const h: ElementSet[] = [];
    for (let d = 0; d < 30; d += 1) h.push(geo(d, (d < 15 ? 42_164 : 42_170) + noise(d)));
    expect(raises(h)).toHaveLength(0);
  });
});
