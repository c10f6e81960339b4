import { describe, expect, it } from 'vitest';
import { alongTrackRate, alongTrackResidualKm } from './along-track-residual.js';
import { EARTH_RADIUS_KM, J2, MU_KM3_PER_S2 } from './mean-semi-major-axis.js';

const a = 7000;
const n = Math.sqrt(MU_KM3_PER_S2 / a ** 3);
const base = {
  nRadPerSec: n,
  aKm: a,
  eccentricity: 0,
  inclinationRad: 0,
  raanRad: 0,
  argPerigeeRad: 0,
  meanAnomalyRad: 0,
};

describe('alongTrackRate', () => {
  it('equatorial circular orbit: Ṁ + ω̇ + Ω̇·cos i = n(1 + 3·J2·(Re/a)²) (first-order J2 secular rates)', () => {
    const k = J2 * (EARTH_RADIUS_KM / a) ** 2;
    // Ṁ = n(1 + 1.5k), ω̇ = 3k n, Ω̇ cos i = −1.5k n  →  L̇ = n(1 + 3k)
    expect(alongTrackRate(base)).toBeCloseTo(n * (1 + 3 * k), 15);
  });
});

describe('alongTrackResidualKm', () => {
  it('is zero for a set on the predicted orbit one day later', () => {
    const dt = 86_400;
    const next = { ...base, meanAnomalyRad: (alongTrackRate(base) * dt) % (2 * Math.PI) };
    expect(Math.abs(alongTrackResidualKm(base, next, dt, 0))).toBeLessThan(1e-6);
  });
  it('a burn raising a by 10 m half-way through a day leaves the object ≈ 1.5·n·Δa·t behind', () => {
    const dt = 86_400;
    const da = 0.01;
    const n2 = Math.sqrt(MU_KM3_PER_S2 / (a + da) ** 3);
    const after = { ...base, nRadPerSec: n2, aKm: a + da };
    const m = (alongTrackRate(base) * dt) / 2 + (alongTrackRate(after) * dt) / 2;
    const next = { ...after, meanAnomalyRad: m % (2 * Math.PI) };
    const r = alongTrackResidualKm(base, next, dt, 0);
    expect(r).toBeLessThan(0);
    expect(Math.abs(r - -1.5 * n * da * (dt / 2))).toBeLessThan(0.01 * 1.5 * n * da * (dt / 2)); // ≈ −0.34 km
  });
  it('is continuous across the wrap of the node (Ω·cos i must not jump by 2π·cos i)', () => {
    // Inclined orbit whose node passes 2π → 0 between the sets: the same physical orbit as one
    // whose node goes on to 2π + 0.001, so the residual must be the same (zero here).
    const inc = (66 * Math.PI) / 180;
    const prev = { ...base, inclinationRad: inc, raanRad: 2 * Math.PI - 0.001 };
    const dt = 86_400;
    const l = alongTrackRate(prev) * dt;
    const nodeDrift = 0.002; // rad over the day (any value: the check is continuity)
    const unwrapped = { ...prev, raanRad: prev.raanRad + nodeDrift };
    const next = { ...unwrapped, meanAnomalyRad: (l - nodeDrift * Math.cos(inc)) % (2 * Math.PI) };
    const wrapped = { ...next, raanRad: unwrapped.raanRad - 2 * Math.PI };
    expect(Math.abs(alongTrackResidualKm(prev, next, dt, 0))).toBeLessThan(1e-6);
    expect(Math.abs(alongTrackResidualKm(prev, wrapped, dt, 0))).toBeLessThan(1e-6);
  });
});
