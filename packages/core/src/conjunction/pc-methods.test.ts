/**
 * Foster (1992), Chan (1997) and Alfano (2005) on encounter-plane inputs with published or
 * independently computed answers. Where a reference was computed by a different numerical
 * method, the tolerance says so.
 */
import { describe, expect, it } from 'vitest';
import { pcChan1997 } from './pc-chan-1997.js';
import { pcFoster1992 } from './pc-foster-1992.js';
import { pcMaxAlfano2005 } from './pc-max-alfano-2005.js';
import { encounterPlane } from './encounter-plane.js';
import { pcFromStates } from './pc-from-states.js';
import type { Mat3 } from '../frames/mat3.js';

const m = (xm: number, ym: number, sx: number, sy: number) => ({
  xKm: xm / 1000,
  yKm: ym / 1000,
  sigmaXKm: sx / 1000,
  sigmaYKm: sy / 1000,
});

describe('Foster (1992)', () => {
  // Patera2005Test (Orekit) encounter-plane cases (m): published Pc to 5 digits, and the
  // exact integral by mpmath (30 digits, tanh-sinh quadrature of the same 1D erf form).
  const cases: [number, number, number, number, number, number, number][] = [
    [-752.672701, 644.939441, 445.85995, 6095.858688, 3.5, 5.3904e-7, 5.39039507913311e-7],
    [-692.362272, 4475.456261, 193.454603, 562.027293, 13.2, 2.2795e-20, 2.27957705440668e-20],
    [-3.8872073, 0.1591646, 1.410183, 114.258519, 15, 1.0038e-1, 0.100382950125678],
  ];
  for (const [xm, ym, sx, sy, R, published, exact] of cases) {
    it(`(${xm}, ${ym}, ${sx}, ${sy}, R ${R} m) → ${published}`, () => {
      const pc = pcFoster1992(m(xm, ym, sx, sy), R / 1000);
      expect(pc.converged).toBe(true);
      expect(Math.abs(pc.pc - published) / published).toBeLessThan(1e-4); // published to 5 digits
      expect(Math.abs(pc.pc - exact) / exact).toBeLessThan(1e-10);
    });
  }
  it('circular covariance, centred miss: closed form 1 − exp(−R²/2σ²)', () => {
    for (const [R, s] of [
      [0.01, 0.1],
      [0.02, 0.01],
      [0.005, 1],
    ] as const) {
      const pc = pcFoster1992({ xKm: 0, yKm: 0, sigmaXKm: s, sigmaYKm: s }, R).pc;
      const want = -Math.expm1((-R * R) / (2 * s * s));
      expect(Math.abs(pc - want) / want).toBeLessThan(1e-10);
    }
  });
  it('is invariant to swapping the axes and to the sign of the miss', () => {
    const a = pcFoster1992(m(30, -200, 20, 700), 0.012).pc;
    expect(pcFoster1992(m(-200, 30, 700, 20), 0.012).pc / a).toBeCloseTo(1, 12);
    expect(pcFoster1992(m(-30, 200, 20, 700), 0.012).pc / a).toBeCloseTo(1, 12);
  });
  it('keeps relative accuracy far in the tail (no underflow to 0 before 1e-300)', () => {
    // Miss 30σ, circular covariance: Pc ≈ 1e-196. Chan's series is exact for a circular
    // covariance and is summed in logarithms, so it is an independent check down there.
    const g = m(300, 0, 10, 10);
    const pc = pcFoster1992(g, 0.001).pc;
    expect(pc).toBeGreaterThan(1e-200);
    expect(pc).toBeLessThan(1e-190);
    expect(Math.abs(pc / pcChan1997(g, 0.001).pc - 1)).toBeLessThan(1e-9);
  });
  it('returns NaN (not an exception) for bad input and 0 for a zero radius', () => {
    expect(pcFoster1992(m(1, 1, 0, 1), 0.01).pc).toBeNaN();
    expect(pcFoster1992(m(NaN, 1, 1, 1), 0.01).pc).toBeNaN();
    expect(pcFoster1992(m(1, 1, 1, 1), 0).pc).toBe(0);
  });
});

describe('Chan (1997)', () => {
  it('equals Foster for a circular covariance (where the equal-area step is exact)', () => {
    for (const [xm, ym, s, R] of [
      [0.05, 0.02, 0.1, 0.01],
      [0.5, 0, 0.05, 0.02],
      [0, 0, 0.01, 0.02],
      [0.3, 0.4, 0.05, 0.005],
      [0.0099, 0, 0.0001, 0.01], // hard body 100σ wide, miss 1σ inside its edge: Pc ≈ 0.84
    ] as const) {
      const g = { xKm: xm, yKm: ym, sigmaXKm: s, sigmaYKm: s };
      const f = pcFoster1992(g, R).pc;
      expect(Math.abs(pcChan1997(g, R).pc - f) / f).toBeLessThan(1e-9);
    }
  });
  it('declines (NaN, not converged) beyond v/2 = 5e6 rather than sum millions of terms', () => {
    const r = pcChan1997({ xKm: 0.005, yKm: 0.005, sigmaXKm: 1e-6, sigmaYKm: 1e-6 }, 0.01);
    expect(r.pc).toBeNaN();
    expect(r.converged).toBe(false);
  });
  it('stays within 1 % of Foster for a 10:1 covariance when R is small against σx', () => {
    const g = m(50, 300, 40, 400);
    const f = pcFoster1992(g, 0.005).pc;
    expect(Math.abs(pcChan1997(g, 0.005).pc - f) / f).toBeLessThan(0.01);
  });
  it('departs from Foster when R is large against σx (Alfano case 3 geometry)', () => {
    // R = 15 m against σx = 1.4 m: the equal-area circle is a poor stand-in for the thin
    // ellipse; Foster's integral is the reference there.
    const g = m(-3.8872073, 0.1591646, 1.410183, 114.258519);
    const f = pcFoster1992(g, 0.015).pc;
    expect(Math.abs(pcChan1997(g, 0.015).pc - f) / f).toBeGreaterThan(0.05);
  });
});

describe('Alfano (2005) maximum Pc', () => {
  it('maximises Foster over the covariance scale', () => {
    const g = m(120, -400, 30, 300);
    const R = 0.01;
    const max = pcMaxAlfano2005(g, R);
    for (const k of [0.3, 0.7, 0.9, 1, 1.1, 1.5, 3, 10]) {
      const pc = pcFoster1992({ ...g, sigmaXKm: k * g.sigmaXKm, sigmaYKm: k * g.sigmaYKm }, R).pc;
      expect(pc).toBeLessThanOrEqual(max.pcMax * (1 + 1e-12));
    }
    // For R small against the miss, Alfano's closed form R²/(e·σxσy·v) is the maximum to O(R²/σ²).
    expect(max.pcMax / max.pcMaxClosedForm).toBeGreaterThan(1);
    expect(max.pcMax / max.pcMaxClosedForm).toBeLessThan(1.005);
    const v = (120 / 30) ** 2 + (400 / 300) ** 2;
    expect(Math.abs(max.sigmaScale / Math.sqrt(v / 2) - 1)).toBeLessThan(0.005);
  });
  it('is 1 when the miss lies inside the hard body', () => {
    expect(pcMaxAlfano2005(m(3, 4, 10, 50), 0.01).pcMax).toBe(1);
  });
});

describe('encounter plane', () => {
  const I: Mat3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
  it('projects the miss perpendicular to the relative velocity and reports bad geometry as data', () => {
    const p = encounterPlane(
      { rKm: [7000, 0, 0], vKmPerSec: [0, 7.5, 0], covarianceKm2: I.map((x) => x * 0.01) as unknown as Mat3 },
      { rKm: [7000.3, 0.4, 0], vKmPerSec: [0, 0, 7.5], covarianceKm2: I.map((x) => x * 0.03) as unknown as Mat3 },
    );
    if (!p.ok) throw new Error(p.reason);
    // relative velocity (0, −7.5, 7.5)/… ; r = (0.3, 0.4, 0): along-v part 0.4·(−1/√2) removed.
    expect(p.plane.missDistanceKm).toBeCloseTo(Math.hypot(0.3, 0.2, 0.2), 12);
    expect(p.plane.sigmaXKm).toBeCloseTo(0.2, 12);
    expect(p.plane.sigmaYKm).toBeCloseTo(0.2, 12);
    const same = { rKm: [7000, 0, 0], vKmPerSec: [0, 7.5, 0], covarianceKm2: I } as const;
    expect(encounterPlane(same, same)).toEqual({ ok: false, reason: 'zero-relative-velocity' });
    const zero: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(
      encounterPlane(
        { ...same, covarianceKm2: zero },
        { rKm: [7001, 0, 0], vKmPerSec: [0, 0, 7.5], covarianceKm2: zero },
      ),
    ).toEqual({
      ok: false,
      reason: 'covariance-not-positive-definite',
    });
  });
});

describe('pcFromStates', () => {
  it('names its method and agrees with the encounter plane + method it composes', () => {
    const c: Mat3 = [0.01, 0, 0, 0, 0.04, 0, 0, 0, 0.02];
    const a = { rKm: [7000, 0, 0], vKmPerSec: [0, 7.5, 0], covarianceKm2: c } as const;
    const b = { rKm: [7000.05, 0.02, 0.03], vKmPerSec: [0, 0.3, 7.49], covarianceKm2: c } as const;
    const f = pcFromStates(a, b, 0.01);
    const ch = pcFromStates(a, b, 0.01, 'chan-1997');
    if (!f.ok || !ch.ok) throw new Error('no Pc');
    expect(f.method).toBe('foster-1992');
    expect(ch.method).toBe('chan-1997');
    expect(f.pc).toBe(pcFoster1992(f.plane, 0.01).pc);
    expect(ch.pc).toBe(pcChan1997(ch.plane, 0.01).pc);
    expect(pcFromStates(a, a, 0.01)).toEqual({ ok: false, reason: 'zero-relative-velocity' });
  });
});
