import { describe, expect, it } from 'vitest';
import { radPerSec, revPerDayToRadPerSec } from '../units/quantity.js';
import { orbitSummary } from './orbit-summary.js';

describe('orbitSummary()', () => {
  it('gives a GEO period of one sidereal day at 35,786 km altitude', () => {
    // 1.00273790935 rev/day = one revolution per sidereal day (86,164.09 s).
    const s = orbitSummary({ meanMotionRadPerSec: revPerDayToRadPerSec(1.00273790935), eccentricity: 0 });
    expect(Math.abs(s.periodSec - 86_164.0905)).toBeLessThan(0.01); // seconds
    // Published GEO altitude 35,786 km (a = 42,164 km with μ = 398,600.4418); WGS-72's μ differs
    // by 0.4 km³/s², which moves a by 42,164·(0.4/398600)/3 ≈ 0.014 km.
    expect(Math.abs(s.perigeeAltitudeKm - 35_786)).toBeLessThan(1); // km
  });

  it("matches the ISS SATCAT summary to the catalogue's rounding", () => {
    // CelesTrak SATCAT imported 2019-08-06 (fixtures' satcat source): 25544 period 93 min,
    // apogee 418 km, perigee 409 km (whole numbers). Element set 19079.54 from the 2019-03-19
    // catalogue snapshot: n = 15.52834200 rev/day, e = 0.0003837.
    const s = orbitSummary({
      meanMotionRadPerSec: radPerSec(revPerDayToRadPerSec(15.528342)),
      eccentricity: 0.0003837,
    });
    expect(Math.abs(s.periodSec / 60 - 93)).toBeLessThan(0.5); // minutes: SATCAT rounds to 1 min
    // SATCAT altitudes come from later sets and a different Earth radius; allow 10 km.
    expect(Math.abs(s.apogeeAltitudeKm - 418)).toBeLessThan(10);
    expect(Math.abs(s.perigeeAltitudeKm - 409)).toBeLessThan(10);
  });
});
