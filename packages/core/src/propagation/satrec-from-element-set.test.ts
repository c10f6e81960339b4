/**
 * The one satrec builder: the batch ephemerides (`prepareBatch`, proximity screening) get the
 * record the propagator checks against `twoline2satrec` on SGP4-VER (create-sgp4-propagator.test.ts),
 * and an OMM set's microsecond epoch reaches SGP4 where `json2satrec` alone cuts it to the
 * millisecond. Reference for the epoch: satellite.js's own `jday` on the epoch text of CelesTrak's
 * GP file of 2026-03-10 (deep-space objects, whose initialisation uses the epoch).
 */
import { SatRecError, jday, twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { parseOmm } from '../elements/omm/parse-omm.js';
import { readFixture } from '../../test/support/fixtures.js';
import { createSgp4Propagator } from './create-sgp4-propagator.js';
import { satrecFromElementSet } from './satrec-from-element-set.js';
import { SATREC } from './sgp4-propagator.js';
import { readVerificationTle } from './sgp4-verification-files.test-support.js';

/** Julian date of an ISO UTC text with its full fraction of a second, by satellite.js's `jday`. */
function julianDateOfText(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(iso);
  if (m === null) throw new Error(`not an ISO epoch: ${iso}`);
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  return jday(y, mo, d, h, mi, s);
}

describe('satrecFromElementSet', () => {
  it('builds the record the propagator builds, for every SGP4-VER case', () => {
    const cases = readVerificationTle(readFixture('sgp4-verification/SGP4-VER.TLE'));
    let built = 0;
    for (const c of cases) {
      const init = createSgp4Propagator(c.elementSet);
      if (!init.ok) continue;
      expect(satrecFromElementSet(c.elementSet), String(c.satnum)).toEqual(init.propagator[SATREC]);
      built++;
    }
    // every case satellite.js's own twoline2satrec initialises
    expect(built).toBe(cases.filter((c) => twoline2satrec(c.line1, c.line2).error === SatRecError.None).length);
  });

  it('keeps an OMM set’s sub-millisecond epoch for deep-space SGP4 (CelesTrak GP, 2026-03-10)', () => {
    const text = readFixture('omm/celestrak-gp-2026-03/celestrak_active_gp.csv.gz');
    const sets = parseOmm(text, { file: 'celestrak_active_gp.csv' }).items;
    const MS_AS_DAY = 1 / 86_400_000;
    let checked = 0;
    let worstCutDay = 0;
    for (const s of sets) {
      if (Number.isInteger(s.epoch)) continue;
      const rec = satrecFromElementSet(s);
      if (rec.method !== 'd') continue;
      const reference = julianDateOfText(s.epochText);
      // one float Julian date resolves ~40 µs today (4.7e-10 day): allow one such step
      expect(Math.abs(rec.jdsatepoch - reference), `${String(s.noradId)} ${s.epochText}`).toBeLessThanOrEqual(5e-10);
      worstCutDay = Math.max(worstCutDay, Math.abs(julianDateOfText(s.epochText.slice(0, 23)) - reference));
      checked++;
    }
    // every deep-space set with a sub-ms epoch, counted without orbwatch's SGP4 route: a digit
    // after the milliseconds of the epoch text, and a period of 225 min or more (SGP4's rule)
    const expected = sets.filter((s) => {
      const periodMin = 1440 / ((s.meanMotionRadPerSec * 86_400) / (2 * Math.PI));
      return /\.\d{3}\d*[1-9]/.test(s.epochText) && periodMin >= 225;
    }).length;
    expect(checked).toBe(expected);
    // what cutting to the millisecond would have cost: up to ~1 ms, far above the tolerance
    expect(worstCutDay).toBeGreaterThan(0.5 * MS_AS_DAY);
  });
});
