import fc from 'fast-check';
import { sgp4, twoline2satrec } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { addSec, instant } from '../time/instant.js';
import { revPerDayToRadPerSec } from '../units/quantity.js';
import { createSgp4Propagator } from './create-sgp4-propagator.js';
import { geodeticHeightKm } from './geodetic-height.js';
import type { PropagateResult } from './propagate-teme.js';
import { propagateTeme, propagateTemeAtMinutes } from './propagate-teme.js';
import { Sgp4FailureCode, Sgp4WarningCode } from './sgp4-failure-code.js';
import type { Sgp4Propagator } from './sgp4-propagator.js';
import { elementSetFromTleLines } from './tle-lines.test-support.js';

// satellite.js issue #152 (shashwatak/satellite-js, 2025-12-17): a high-drag set of object 45110,
// propagated ~850 days past its epoch, comes back at ~28,000 km with satrec.error 0.
const DECAY_1 = '1 45110U 20007A   23232.80903846 0.00110000  00000-0  32750-2 0    04';
const DECAY_2 = '2 45110  69.9913 111.5649 0009740 159.9373 200.0626 15.34502222    06';
const ISS_1 = '1 25544U 98067A   08264.51782528 -.00002182  00000-0 -11606-4 0  2927';
const ISS_2 = '2 25544  51.6416 247.4627 0006703 130.5360 325.0288 15.72125391563537';
const GEO_1 = '1 28626U 05008A   06176.46683397 -.00000205  00000-0  10000-3 0  2190';
const GEO_2 = '2 28626   0.0019 286.9433 0000335  13.7918  55.6504  1.00270176  4891';

function make(l1: string, l2: string): Sgp4Propagator {
  const init = createSgp4Propagator(elementSetFromTleLines(l1, l2));
  if (!init.ok) throw new Error(init.code);
  return init.propagator;
}
const codeOf = (r: PropagateResult): string => (r.ok ? 'ok' : r.code);
const DAY_MIN = 1440;

describe('propagateTeme', () => {
  it('returns a code, never the fictitious 28,000 km orbit, for a set propagated past its decay', () => {
    const raw = twoline2satrec(DECAY_1, DECAY_2);
    const p = make(DECAY_1, DECAY_2);
    const days = [100, 200, 215, 400, 745, 849, 1200];
    const rawRadius = days.map((d) => {
      const pv = sgp4(raw, d * DAY_MIN);
      return pv === null ? null : Math.hypot(pv.position.x, pv.position.y, pv.position.z);
    });
    // The hazard, shown on satellite.js itself: nulls while "decayed", then a high orbit with error 0.
    expect(rawRadius[3]).toBeNull();
    expect(rawRadius[5]).toBeGreaterThan(6378 + 20_000);
    expect(raw.error).toBe(0);
    // Ours: refused by age by default; with the age limit lifted, still a code at every time.
    expect(codeOf(propagateTemeAtMinutes(p, 849 * DAY_MIN))).toBe(Sgp4FailureCode.ELEMENTS_TOO_OLD);
    for (const [i, d] of days.entries()) {
      const r = propagateTemeAtMinutes(p, d * DAY_MIN, { allowStale: true });
      if (rawRadius[i] === null || (rawRadius[i] ?? 0) > 10_000)
        expect(codeOf(r), `day ${String(d)}`).toBe(Sgp4FailureCode.SGP4_DECAYED);
    }
    expect(codeOf(propagateTemeAtMinutes(p, 849 * DAY_MIN, { allowStale: true }))).toBe(Sgp4FailureCode.SGP4_DECAYED);
  });

  it('the orbit check alone also refuses that state (second, independent net)', () => {
    const p = make(DECAY_1, DECAY_2);
    const pv = sgp4(twoline2satrec(DECAY_1, DECAY_2), 849 * DAY_MIN);
    if (pv === null) throw new Error('expected satellite.js to answer');
    const radius = Math.hypot(pv.position.x, pv.position.y, pv.position.z);
    expect(radius).toBeGreaterThan(1.2 * p.apogeeRadiusKm);
  });

  it('applies the regime age limit, the maxAgeDays override and allowStale', () => {
    const iss = make(ISS_1, ISS_2); // LEO_HIGH_DRAG: 3 days
    expect(codeOf(propagateTemeAtMinutes(iss, 2.9 * DAY_MIN))).toBe('ok');
    expect(codeOf(propagateTemeAtMinutes(iss, -3.1 * DAY_MIN))).toBe(Sgp4FailureCode.ELEMENTS_TOO_OLD);
    expect(codeOf(propagateTemeAtMinutes(iss, 3.1 * DAY_MIN))).toBe(Sgp4FailureCode.ELEMENTS_TOO_OLD);
    expect(codeOf(propagateTemeAtMinutes(iss, 3.1 * DAY_MIN, { maxAgeDays: 5 }))).toBe('ok');
    expect(codeOf(propagateTemeAtMinutes(iss, 1 * DAY_MIN, { maxAgeDays: 0.5 }))).toBe(
      Sgp4FailureCode.ELEMENTS_TOO_OLD,
    );
    const stale = propagateTemeAtMinutes(iss, 3.1 * DAY_MIN, { allowStale: true });
    expect(stale.ok && stale.warnings).toEqual([Sgp4WarningCode.ELEMENTS_STALE]);
    const geo = make(GEO_1, GEO_2); // GEO: 60 days
    expect(geo.regime).toBe('GEO');
    expect(codeOf(propagateTemeAtMinutes(geo, 59 * DAY_MIN))).toBe('ok');
    expect(codeOf(propagateTemeAtMinutes(geo, 61 * DAY_MIN))).toBe(Sgp4FailureCode.ELEMENTS_TOO_OLD);
  });

  it('computes time since epoch from Instants, identical to the minutes entry point', () => {
    const p = make(ISS_1, ISS_2);
    for (const dtSec of [0, 0.001, 1, 3600.5, -86_399.25, 172_800]) {
      const t = addSec(p.epoch, dtSec);
      const a = propagateTeme(p, t);
      const b = propagateTemeAtMinutes(p, (t - p.epoch) / 60_000);
      expect(a).toEqual(b);
      expect(a.ok && a.state.t).toBe(t);
      expect(a.ok && a.state.frame).toBe('TEME');
    }
  });

  it('warns below 100 km and refuses states under the ellipsoid', () => {
    // SGP4-VER 28872: perigee ~ 103 km, decays within an hour (SGP4 error 6 at 55 min).
    const l1 = '1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534';
    const l2 = '2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708';
    const p = make(l1, l2);
    const warned = [45, 50].map((m) => propagateTemeAtMinutes(p, m));
    for (const w of warned) expect(w.ok && w.warnings).toContain(Sgp4WarningCode.ALTITUDE_BELOW_100_KM);
    expect(codeOf(propagateTemeAtMinutes(p, 55))).toBe(Sgp4FailureCode.SGP4_DECAYED);
    expect(geodeticHeightKm(0, 0, 6356.752314245)).toBeCloseTo(0, 6);
    expect(geodeticHeightKm(6378.137, 0, 0)).toBeCloseTo(0, 9);
    expect(geodeticHeightKm(7000, 0, 0)).toBeCloseTo(621.863, 9);
  });

  it('never returns a non-finite state: any time, any plausible LEO/MEO set', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.5, max: 16.5, noNaN: true }),
        fc.double({ min: 0, max: 0.95, noNaN: true }),
        fc.double({ min: -0.01, max: 0.05, noNaN: true }),
        fc.double({ min: -400, max: 400, noNaN: true }),
        (nRevPerDay, e, bstar, days) => {
          const base = elementSetFromTleLines(ISS_1, ISS_2);
          const init = createSgp4Propagator({
            ...base,
            meanMotionRadPerSec: revPerDayToRadPerSec(nRevPerDay),
            eccentricity: e,
            bstarPerEarthRadii: bstar,
          });
          if (!init.ok) return;
          const r = propagateTeme(init.propagator, instant(init.propagator.epoch + days * 86_400_000), {
            allowStale: true,
          });
          if (!r.ok) return;
          const { r: pos, v } = r.state;
          for (const x of [pos.x, pos.y, pos.z, v.x, v.y, v.z]) expect(Number.isFinite(x)).toBe(true);
          const radius = Math.hypot(pos.x, pos.y, pos.z);
          expect(radius).toBeLessThanOrEqual(1.2 * init.propagator.apogeeRadiusKm);
          expect(geodeticHeightKm(pos.x, pos.y, pos.z)).toBeGreaterThanOrEqual(0);
        },
      ),
      { seed: 20260401, numRuns: 200 },
    );
  });
});
