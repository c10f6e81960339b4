/**
 * SGP4-VER against CelesTrak's official expected output of the current Vallado C++ SGP4
 * (fundamentals-of-astrodynamics, STK `.e` files, time in seconds). satellite.js 7 ports the
 * 2006–2012 code; the two versions agree to print resolution on every object but 23599, where the
 * newer code differs by up to ~1 km from 420 min on (docs/accuracy.md). Tolerances: print
 * resolution as in sgp4-verification.reference.test.ts (1e-8 km, 1e-9 km/s; 2e-7 km for the two
 * ulp-sensitive deep-space runs 23333 and 20413).
 */
import { describe, expect, it } from 'vitest';
import { createSgp4Propagator, propagateTemeAtMinutes } from '../../src/propagation/index.js';
import type { ReferenceRow } from '../../src/propagation/sgp4-verification-files.test-support.js';
import {
  readStkEphemeris,
  readTcppver,
  readVerificationTle,
} from '../../src/propagation/sgp4-verification-files.test-support.js';
import { readFixture } from '../support/fixtures.js';

const cases = readVerificationTle(readFixture('sgp4-verification/SGP4-VER.TLE'));
const official = (satnum: number): ReferenceRow[] =>
  readStkEphemeris(readFixture(`sgp4-verification/celestrak-official/${String(satnum).padStart(5, '0')}.e`));

function maxDiff(
  a: ReferenceRow | { r: readonly number[]; v: readonly number[] },
  b: ReferenceRow,
): { dr: number; dv: number } {
  const dr = Math.max(...[0, 1, 2].map((i) => Math.abs((a.r[i] ?? NaN) - (b.r[i] ?? NaN))));
  const dv = Math.max(...[0, 1, 2].map((i) => Math.abs((a.v[i] ?? NaN) - (b.v[i] ?? NaN))));
  return { dr, dv };
}

describe('SGP4-VER against CelesTrak official output (current Vallado C++)', () => {
  it('agrees to print resolution on every object but 23599', () => {
    let compared = 0;
    for (const c of cases) {
      if (c.satnum === 23599) continue;
      // 20413 appears twice in SGP4-VER; its .e file holds the second (1,844,000 min) run.
      if (c.satnum === 20413 && c.startMin < 1e6) continue;
      const rows = official(c.satnum);
      const init = createSgp4Propagator(c.elementSet);
      if (!init.ok) {
        // 33334: the driver prints the previous object's last row for a failed initialisation.
        expect(c.satnum).toBe(33334);
        expect(rows).toHaveLength(1);
        continue;
      }
      const tol = c.satnum === 23333 || c.satnum === 20413 ? 2e-7 : 1e-8;
      for (const ref of rows) {
        const got = propagateTemeAtMinutes(init.propagator, ref.tsinceMin, { sgp4Only: true });
        if (!got.ok) throw new Error(`${String(c.satnum)} at ${String(ref.tsinceMin)} min: ${got.code}`);
        const { dr, dv } = maxDiff(
          { r: [got.state.r.x, got.state.r.y, got.state.r.z], v: [got.state.v.x, got.state.v.y, got.state.v.z] },
          ref,
        );
        expect(dr, `${String(c.satnum)} at ${String(ref.tsinceMin)} min (km)`).toBeLessThanOrEqual(tol);
        expect(dv, `${String(c.satnum)} at ${String(ref.tsinceMin)} min (km/s)`).toBeLessThanOrEqual(1e-9);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(550);
  });

  it('23599: we match the 2012 code; the current code differs by 0.96 km at most, from 420 min on', () => {
    const c = cases.find((k) => k.satnum === 23599);
    if (c === undefined) throw new Error('23599 missing');
    const old = readTcppver(readFixture('sgp4-verification/tcppver.out')).find((b) => b.satnum === 23599)?.rows ?? [];
    const now = official(23599);
    expect(now).toHaveLength(old.length);
    const init = createSgp4Propagator(c.elementSet);
    if (!init.ok) throw new Error(init.code);
    let worst = 0;
    let firstDifferent = Infinity;
    for (const [i, ref] of now.entries()) {
      const prior = old[i];
      if (prior === undefined) throw new Error('row missing');
      expect(prior.tsinceMin).toBeCloseTo(ref.tsinceMin, 6);
      const got = propagateTemeAtMinutes(init.propagator, ref.tsinceMin, { sgp4Only: true });
      if (!got.ok) throw new Error(got.code);
      const ours = {
        r: [got.state.r.x, got.state.r.y, got.state.r.z],
        v: [got.state.v.x, got.state.v.y, got.state.v.z],
      };
      expect(maxDiff(ours, prior).dr).toBeLessThanOrEqual(1e-8);
      const { dr } = maxDiff(ours, ref);
      if (dr > 1e-8) firstDifferent = Math.min(firstDifferent, ref.tsinceMin);
      worst = Math.max(worst, dr);
    }
    expect(firstDifferent).toBe(420);
    expect(worst).toBeGreaterThan(0.9);
    expect(worst).toBeLessThan(1.0);
  });
});
