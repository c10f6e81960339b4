/**
 * IAU-76/80/82 kernels against values printed in Vallado, Fundamentals of Astrodynamics and
 * Applications (4th ed.): Example 3-5 (GMST) and Example 3-15 (GMST, nutation, obliquity).
 */
import { describe, expect, it } from 'vitest';
import { RAD_PER_ARCSEC } from './earth-orientation.js';
import { gmst1982, kinematicEquinoxTerms, nutation1980, precessionMatrix1976, polarMotionMatrix1980 } from './iau80.js';
import { IDENTITY, mul, transpose } from './mat3.js';

const DEG = Math.PI / 180;
const J2000 = 2_451_545.0;

describe('gmst1982', () => {
  it('Vallado Example 3-5: 1992-08-20 12:14:00 UT1 → 152.578787886°', () => {
    const jdUt1 = 2_448_854.5 + (12 * 3600 + 14 * 60) / 86_400;
    // 1e-6° = 3.6 mas ≈ 0.24 ms of rotation.
    expect(Math.abs(gmst1982(jdUt1 - J2000) / DEG - 152.578787886)).toBeLessThan(1e-6);
  });
  it('Vallado Example 3-15: 2004-04-06 07:51:27.946047 UT1 → 312.8098943°', () => {
    const jdUt1 = 2_453_101.5 + (7 * 3600 + 51 * 60 + 27.946047) / 86_400;
    expect(Math.abs(gmst1982(jdUt1 - J2000) / DEG - 312.8098943)).toBeLessThan(1e-6);
  });
});

describe('nutation1980 (106 terms)', () => {
  // Vallado Example 3-15, TT = 2004-04-06 07:52:32.570009 (ttt = 0.0426236319): Δψ = −0.0034108°,
  // Δε = 0.0020316°, ε̄ = 23.4387368° (printed to 1e-7°, before the δΔψ/δΔε corrections).
  const n = nutation1980(0.0426236319);
  it('Δψ, Δε and ε̄ match Example 3-15 to the printed 1e-7°', () => {
    expect(Math.abs(n.dPsi / DEG - -0.0034108)).toBeLessThan(1e-7);
    expect(Math.abs(n.dEps / DEG - 0.0020316)).toBeLessThan(1e-7);
    expect(Math.abs(n.meanEps / DEG - 23.4387368)).toBeLessThan(1e-7);
  });
  it('adds the IERS corrections δΔψ, δΔε to Δψ, Δε', () => {
    const c = nutation1980(0.0426236319, -0.052195 * RAD_PER_ARCSEC, -0.003875 * RAD_PER_ARCSEC);
    expect(c.dPsi - n.dPsi).toBeCloseTo(-0.052195 * RAD_PER_ARCSEC, 15);
    expect(c.trueEps - c.meanEps).toBeCloseTo(n.dEps - 0.003875 * RAD_PER_ARCSEC, 15);
  });
  it('the nutation matrix is a rotation', () => {
    const m = mul(n.todToMod, transpose(n.todToMod));
    m.forEach((x, i) => {
      expect(Math.abs(x - (IDENTITY[i] ?? NaN))).toBeLessThan(1e-15);
    });
  });
});

describe('precession, polar motion, kinematic terms', () => {
  it('precession is the identity at J2000 and a rotation elsewhere', () => {
    precessionMatrix1976(0).forEach((x, i) => {
      expect(x).toBe(IDENTITY[i]);
    });
    const p = precessionMatrix1976(0.25);
    mul(p, transpose(p)).forEach((x, i) => {
      expect(Math.abs(x - (IDENTITY[i] ?? NaN))).toBeLessThan(1e-15);
    });
    // General precession in longitude ≈ 5029″/century: the MOD z-axis moves ≈ 2004″·T (θ_A).
    expect(Math.acos(p[8]) / RAD_PER_ARCSEC).toBeCloseTo(2004.3109 * 0.25, 0);
  });
  it('polar motion matrix: small-angle form [1, 0, −x; 0, 1, y; x, −y, 1]', () => {
    const x = 0.3 * RAD_PER_ARCSEC;
    const y = 0.4 * RAD_PER_ARCSEC;
    const w = polarMotionMatrix1980(x, y);
    const expected = [1, 0, -x, 0, 1, y, x, -y, 1];
    // Second-order terms (x·y ≈ 3e-12, x²/2) are the only difference.
    w.forEach((v, i) => {
      expect(Math.abs(v - (expected[i] ?? NaN))).toBeLessThan(1e-11);
    });
  });
  it('kinematic terms apply only from 1997-01-01 UT1 and stay below 0.0027″', () => {
    const omega = 1.2;
    expect(kinematicEquinoxTerms(2_450_449.5 - J2000, omega)).toBe(0);
    const k = kinematicEquinoxTerms(2_450_449.6 - J2000, omega);
    expect(k).toBeCloseTo((0.00264 * Math.sin(omega) + 0.000063 * Math.sin(2 * omega)) * RAD_PER_ARCSEC, 18);
    expect(Math.abs(k)).toBeLessThan(0.0027 * RAD_PER_ARCSEC);
  });
});
