/**
 * Vallado SGP4-VER verification (AIAA 2006-6753) against the 2012 Vallado C++ output that
 * python-sgp4 ships as tcppver.out — the SGP4 version satellite.js 7 ports. Every case, every
 * listed time; none skipped.
 *
 * Tolerances are the print resolution of tcppver.out: positions are printed with 8 decimals
 * (1e-8 km) and velocities with 9 (1e-9 km/s), so a correct implementation differs from the printed
 * value by at most half a unit: 5e-9 km and 5e-10 km/s. We allow 1e-8 km (1e-5 m) and 1e-9 km/s
 * (1e-6 m/s), one printed unit, because orbwatch initialises from ElementSet fields, not the TLE
 * text, and for two extremely sensitive deep-space cases (23333 WIND, e = 0.97; 20413 at 3.5 years)
 * last-bit differences of the initialised record move the state by up to 1.2e-7 km (measured) — see
 * create-sgp4-propagator.test.ts. Those two get 2e-7 km (0.2 mm). All inside the brief's 1e-6 km.
 *
 * Where the reference stops (SGP4 error), orbwatch must return the matching code at the next time
 * (python-sgp4's run_satellite_against_tcppver lists the errors 1,1,6,6,4,3,6).
 */
import { describe, expect, it } from 'vitest';
import type { PropagateResult } from '../../src/propagation/index.js';
import {
  Sgp4FailureCode,
  createSgp4Propagator,
  propagateTeme,
  propagateTemeAtMinutes,
} from '../../src/propagation/index.js';
import type { ReferenceRow, VerificationCase } from '../../src/propagation/sgp4-verification-files.test-support.js';
import {
  readTcppver,
  readVerificationTle,
  verificationTimes,
} from '../../src/propagation/sgp4-verification-files.test-support.js';
import { instant } from '../../src/time/instant.js';
import { readFixture } from '../support/fixtures.js';

const cases = readVerificationTle(readFixture('sgp4-verification/SGP4-VER.TLE'));
const blocks = readTcppver(readFixture('sgp4-verification/tcppver.out'));

const POSITION_TOL_KM = 1e-8;
const VELOCITY_TOL_KM_PER_SEC = 1e-9;
const SENSITIVE_POSITION_TOL_KM = 2e-7;
const SENSITIVE = new Set([23333, 20413]);

/** Where tcppver.out stops early and why (python-sgp4's expected error list, in file order). */
const EXPECTED_ERRORS: readonly { satnum: number; code: Sgp4FailureCode }[] = [
  { satnum: 22312, code: Sgp4FailureCode.SGP4_ECCENTRICITY },
  { satnum: 28350, code: Sgp4FailureCode.SGP4_ECCENTRICITY },
  { satnum: 28872, code: Sgp4FailureCode.SGP4_DECAYED },
  { satnum: 29141, code: Sgp4FailureCode.SGP4_DECAYED },
  { satnum: 33333, code: Sgp4FailureCode.SGP4_SEMI_LATUS_RECTUM },
  { satnum: 33334, code: Sgp4FailureCode.SGP4_PERTURBED_ECCENTRICITY },
  { satnum: 20413, code: Sgp4FailureCode.SGP4_DECAYED },
];

function expectClose(got: PropagateResult, ref: ReferenceRow, posTol: number, label: string): void {
  if (!got.ok) throw new Error(`${label}: expected a state, got ${got.code} (${got.message})`);
  const { r, v } = got.state;
  const dr = Math.max(Math.abs(r.x - ref.r[0]), Math.abs(r.y - ref.r[1]), Math.abs(r.z - ref.r[2]));
  const dv = Math.max(Math.abs(v.x - ref.v[0]), Math.abs(v.y - ref.v[1]), Math.abs(v.z - ref.v[2]));
  expect(dr, `${label} position error (km)`).toBeLessThanOrEqual(posTol);
  expect(dv, `${label} velocity error (km/s)`).toBeLessThanOrEqual(VELOCITY_TOL_KM_PER_SEC);
}

/** Runs one case in bare-SGP4 mode; returns the error code where the run stopped, if any. */
function runCase(c: VerificationCase, index: number): Sgp4FailureCode | undefined {
  const block = blocks[index];
  if (block === undefined) throw new Error(`no tcppver block for case ${String(index)}`);
  expect(block.satnum).toBe(c.satnum);
  const times = verificationTimes(c);
  const posTol = SENSITIVE.has(c.satnum) ? SENSITIVE_POSITION_TOL_KM : POSITION_TOL_KM;
  const init = createSgp4Propagator(c.elementSet);
  if (!init.ok) {
    // Initialisation failed (SGP4 propagates to the epoch inside sgp4init): tcppver prints only the
    // "use previous data line" row for it.
    expect(block.rows).toHaveLength(1);
    return init.code;
  }
  for (const [i, t] of times.entries()) {
    const got = propagateTemeAtMinutes(init.propagator, t, { sgp4Only: true });
    const ref = block.rows[i];
    if (ref === undefined) {
      expect(got.ok, `${String(c.satnum)} at ${String(t)} min: reference stopped, we must too`).toBe(false);
      return got.ok ? undefined : got.code;
    }
    expect(ref.tsinceMin).toBeCloseTo(t, 6);
    expectClose(got, ref, posTol, `${String(c.satnum)} at ${String(t)} min`);
  }
  expect(block.rows).toHaveLength(times.length);
  return undefined;
}

describe('SGP4-VER against tcppver.out (Vallado C++ 2012)', () => {
  it('has every case of the file and a reference block for each', () => {
    expect(cases).toHaveLength(33);
    expect(blocks).toHaveLength(33);
    expect(blocks.reduce((n, b) => n + b.rows.length, 0)).toBe(667); // 700 lines − 33 headers
  });

  it('matches every listed state and stops with the reference error codes, in order', () => {
    const errors: { satnum: number; code: Sgp4FailureCode }[] = [];
    cases.forEach((c, i) => {
      const code = runCase(c, i);
      if (code !== undefined) errors.push({ satnum: c.satnum, code });
    });
    expect(errors).toEqual(EXPECTED_ERRORS);
  });

  it('gives the same states through Instants (propagateTeme) within the Instant resolution', () => {
    // t = epoch + minutes is rounded to the Instant's float (≤ 0.12 µs at these epochs), which moves
    // a LEO state by ≤ 1e-6 km and its velocity by ≤ 2e-9 km/s; the brief's 1e-6 km holds.
    let worstKm = 0;
    let worstKmPerSec = 0;
    cases.forEach((c, index) => {
      const init = createSgp4Propagator(c.elementSet);
      if (!init.ok) return;
      const rows = blocks[index]?.rows ?? [];
      for (const ref of rows) {
        const got = propagateTeme(init.propagator, instant(init.propagator.epoch + ref.tsinceMin * 60_000), {
          sgp4Only: true,
        });
        if (!got.ok) throw new Error(`${String(c.satnum)} at ${String(ref.tsinceMin)}: ${got.code}`);
        const { r, v } = got.state;
        worstKm = Math.max(worstKm, Math.abs(r.x - ref.r[0]), Math.abs(r.y - ref.r[1]), Math.abs(r.z - ref.r[2]));
        worstKmPerSec = Math.max(
          worstKmPerSec,
          Math.abs(v.x - ref.v[0]),
          Math.abs(v.y - ref.v[1]),
          Math.abs(v.z - ref.v[2]),
        );
      }
    });
    expect(worstKm).toBeLessThanOrEqual(1e-6);
    expect(worstKmPerSec).toBeLessThanOrEqual(2e-9);
  });

  it("with orbwatch's checks on, flags only what SGP4 itself gets wrong or was not asked", () => {
    // Default options: every reference row is either reproduced or refused with a code, and the
    // refusals are exactly these.
    const refusals: string[] = [];
    cases.forEach((c, index) => {
      const init = createSgp4Propagator(c.elementSet);
      if (!init.ok) return;
      for (const ref of blocks[index]?.rows ?? []) {
        const got = propagateTemeAtMinutes(init.propagator, ref.tsinceMin);
        if (got.ok)
          expectClose(
            got,
            ref,
            SENSITIVE.has(c.satnum) ? SENSITIVE_POSITION_TOL_KM : POSITION_TOL_KM,
            String(c.satnum),
          );
        else refusals.push(`${String(c.satnum)}@${String(ref.tsinceMin)}:${got.code}`);
      }
    });
    const tooOld = refusals.filter((r) => r.endsWith(Sgp4FailureCode.ELEMENTS_TOO_OLD));
    // The second 20413 case starts 1,844,000 min (3.5 years) after epoch: beyond the 30-day limit.
    expect(tooOld.every((r) => r.startsWith('20413@18'))).toBe(true);
    expect(tooOld).toHaveLength(69); // its 70 rows but the one at the epoch
    // 33333 at 20 min: SGP4 still answers (|r| = 45,000 km) one step before its own error 4, far
    // outside the set's mean orbit; orbwatch refuses it.
    expect(refusals.filter((r) => !r.endsWith(Sgp4FailureCode.ELEMENTS_TOO_OLD))).toEqual([
      `33333@20:${Sgp4FailureCode.STATE_OFF_ORBIT}`,
    ]);
  });
});
