/**
 * Interpolation error of cubic Hermite on SGP4 ephemerides, MEASURED against direct SGP4 at
 * 8 points inside every step, for real LEO / MEO / HEO / GEO objects of the 2022-08-09 catalog
 * at steps of 30, 60, 120 and 300 s, and checked against a bound derived from theory (not from
 * our own output):
 *
 *   position: |e| ≤ √3 · (h⁴/384) · M4 · (1 + κ) + h·δv/4
 *   velocity: |e| ≤ √3 · (√3 h³/216) · M4 · (1 + κ) + 2·δv
 *
 * where h⁴/384 and √3h³/216 are the sharp constants for cubic Hermite and its derivative
 * (Birkhoff & Priver 1967), √3 turns a per-component bound into a vector one, M4 is the largest
 * |r⁽⁴⁾| of two-body motion over the bracketing steps (exact Taylor coefficient of the f and g
 * series: r⁽⁴⁾ = (3uq − 15up² + u²)·r + 6up·v with u = μ/r³, p = r·v/r², q = v²/r² − u),
 * κ = 0.1 covers the non-Keplerian part of SGP4 (J2 short-period terms at twice the orbital
 * frequency are ~1.6e-3 of gravity, ×16 in the fourth derivative ≈ 3 %), and δv is SGP4's own
 * inconsistency |v − dr/dt| (SGP4's velocity is not exactly the derivative of its position),
 * estimated by a 4th-order central difference of SGP4 positions over ±2 s.
 */
import { sgp4, twoline2satrec } from 'satellite.js';
import type { SatRec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../test/support/fixtures.js';
import { instant, instantFromUtcFields } from '../time/instant.js';
import { WGS72_MU_KM3_PER_S2 } from '../sgp4-kernel/wgs72.js';
import { interpolateHermite } from './interpolate-hermite.js';
import { prepareBatch, satrecEpoch } from './prepared-batch.js';
import { propagatePrepared } from './propagate-batch.js';

const MU = WGS72_MU_KM3_PER_S2;
const KAPPA = 0.1;

function recsById(): Map<string, SatRec> {
  const lines = readFixture('ephemeris/catalog-2022-08-09-sample.tle').split(/\r?\n/);
  const m = new Map<string, SatRec>();
  for (let i = 0; i + 1 < lines.length; i++) {
    const l1 = lines[i] ?? '';
    const l2 = lines[i + 1] ?? '';
    if (l1.startsWith('1 ') && l2.startsWith('2 ')) m.set(l1.slice(2, 7).trim(), twoline2satrec(l1, l2));
  }
  return m;
}

function state(rec: SatRec, tsinceMin: number): number[] {
  const pv = sgp4(rec, tsinceMin);
  if (pv === null) throw new Error(`SGP4 failed for ${rec.satnum}`);
  return [pv.position.x, pv.position.y, pv.position.z, pv.velocity.x, pv.velocity.y, pv.velocity.z];
}

/** |r⁽⁴⁾| of two-body motion through state s (km/s⁴). */
function fourthDerivative(s: number[]): number {
  const [x = 0, y = 0, z = 0, vx = 0, vy = 0, vz = 0] = s;
  const r2 = x * x + y * y + z * z;
  const r = Math.sqrt(r2);
  const u = MU / (r2 * r);
  const p = (x * vx + y * vy + z * vz) / r2;
  const q = (vx * vx + vy * vy + vz * vz) / r2 - u;
  const a = 3 * u * q - 15 * u * p * p + u * u;
  const b = 6 * u * p;
  return Math.hypot(a * x + b * vx, a * y + b * vy, a * z + b * vz);
}

/** |v − dr/dt| of SGP4 at tsince (km/s), dr/dt by a 4th-order central difference, h = 1 s. */
function velocityInconsistency(rec: SatRec, tsinceMin: number): number {
  const h = 1 / 60;
  const m2 = state(rec, tsinceMin - 2 * h);
  const m1 = state(rec, tsinceMin - h);
  const p1 = state(rec, tsinceMin + h);
  const p2 = state(rec, tsinceMin + 2 * h);
  const s = state(rec, tsinceMin);
  let sq = 0;
  for (let c = 0; c < 3; c++) {
    const d = ((m2[c] ?? 0) - 8 * (m1[c] ?? 0) + 8 * (p1[c] ?? 0) - (p2[c] ?? 0)) / 12; // km per second
    sq += (d - (s[3 + c] ?? 0)) ** 2;
  }
  return Math.sqrt(sq);
}

interface Measured {
  maxPosErrKm: number;
  maxVelErrKmPerSec: number;
  /** Largest ratio of measured error to the bound at the same point (must be ≤ 1). */
  worstPosRatio: number;
  worstVelRatio: number;
}

/** Interpolates one day (from 2022-08-09T00:00Z) at step h and compares with direct SGP4. */
function measure(rec: SatRec, stepSec: number, hours = 24): Measured {
  const t0 = instantFromUtcFields(2022, 8, 9);
  const count = Math.floor((hours * 3600) / stepSec) + 1;
  const eph = propagatePrepared(prepareBatch([rec]), t0, stepSec, count);
  const epoch = satrecEpoch(rec);
  const out = new Float64Array(6);
  // SGP4's velocity inconsistency, sampled every 10 min over the day (a model property).
  let dv = 0;
  for (let m = 0; m <= hours * 60; m += 10) dv = Math.max(dv, velocityInconsistency(rec, (t0 - epoch) / 60_000 + m));
  let maxP = 0;
  let maxV = 0;
  let worstP = 0;
  let worstV = 0;
  for (let i = 0; i < count - 1; i++) {
    // M4 over the bracketing step, from the reference states at the sub-points and both ends
    // of the neighbouring steps.
    const pts: number[][] = [];
    for (let k = -8; k <= 16; k++) pts.push(state(rec, (t0 - epoch) / 60_000 + ((i + k / 8) * stepSec) / 60));
    const m4 = Math.max(...pts.map(fourthDerivative));
    for (let k = 1; k < 8; k++) {
      const t = instant(t0 + (i + k / 8) * stepSec * 1000);
      expect(interpolateHermite(eph, 0, t, out)).toBe(0);
      const ref = pts[8 + k] ?? [];
      const ep = Math.hypot(
        (out[0] ?? 0) - (ref[0] ?? 0),
        (out[1] ?? 0) - (ref[1] ?? 0),
        (out[2] ?? 0) - (ref[2] ?? 0),
      );
      const ev = Math.hypot(
        (out[3] ?? 0) - (ref[3] ?? 0),
        (out[4] ?? 0) - (ref[4] ?? 0),
        (out[5] ?? 0) - (ref[5] ?? 0),
      );
      const h = stepSec;
      const boundP = Math.sqrt(3) * (h ** 4 / 384) * m4 * (1 + KAPPA) + (h * dv) / 4 + 1e-9;
      const boundV = Math.sqrt(3) * ((Math.sqrt(3) * h ** 3) / 216) * m4 * (1 + KAPPA) + 2 * dv + 1e-12;
      maxP = Math.max(maxP, ep);
      maxV = Math.max(maxV, ev);
      worstP = Math.max(worstP, ep / boundP);
      worstV = Math.max(worstV, ev / boundV);
    }
  }
  return { maxPosErrKm: maxP, maxVelErrKmPerSec: maxV, worstPosRatio: worstP, worstVelRatio: worstV };
}

const RECS = recsById();
const OBJECTS: [string, string][] = [
  ['LEO', '25544'], // ISS, ~420 km, e 0.0005
  ['MEO', '40105'], // GPS IIF, 2 rev/day
  ['HEO', '40296'], // Molniya-type, e 0.71
  ['GEO', '40107'], // geostationary
];

describe('cubic Hermite interpolation error against direct SGP4', () => {
  for (const [cls, id] of OBJECTS) {
    for (const step of [30, 60, 120, 300]) {
      it(`${cls} ${id} at ${String(step)} s: measured error within the derived bound`, () => {
        const rec = RECS.get(id);
        if (rec === undefined) throw new Error(`object ${id} missing from fixture`);
        // The HEO case runs 12 h (one orbit with its perigee) to keep the suite fast.
        const m = measure(rec, step, cls === 'HEO' || cls === 'LEO' ? 12 : 24);
        expect(m.worstPosRatio).toBeLessThanOrEqual(1);
        expect(m.worstVelRatio).toBeLessThanOrEqual(1);
        // Documented figures (docs/design/ephemeris.md) for LEO at 60 s: position ≤ 1 m.
        if (cls === 'LEO' && step === 60) expect(m.maxPosErrKm).toBeLessThan(1e-3);
      });
    }
  }

  it('returns the SGP4 status of a failed bracketing sample, and throws outside the grid', () => {
    const rec = RECS.get('25544');
    if (rec === undefined) throw new Error('ISS missing');
    const t0 = instantFromUtcFields(2022, 8, 9);
    const eph = propagatePrepared(prepareBatch([rec]), t0, 60, 3);
    eph.status[1] = 6;
    const out = new Float64Array(6);
    expect(interpolateHermite(eph, 0, instant(t0 + 30_000), out)).toBe(6);
    expect(Number.isNaN(out[0] ?? 0)).toBe(true);
    expect(() => interpolateHermite(eph, 0, instant(t0 + 200_000), out)).toThrow(RangeError);
    expect(() => interpolateHermite(eph, 0, instant(t0 - 1), out)).toThrow(RangeError);
  });
});
