import { describe, expect, it } from 'vitest';
import { instantFromUtcFields } from '../time/instant.js';
import { rad, sec } from '../units/quantity.js';
import { ZERO_EOP } from './earth-orientation.js';
import { frameTimeOf, ttCenturiesSinceJ2000, ttMinusUtcSec, ut1DaysSinceJ2000 } from './frame-time.js';

describe('time scales for the frame models', () => {
  it('TT = UTC + ΔAT + 32.184 s (2017+: 69.184 s)', () => {
    expect(ttMinusUtcSec(37)).toBeCloseTo(69.184, 12);
  });
  it('J2000.0 is 2000-01-01 12:00 TT = 11:58:55.816 UTC (ΔAT 32 s)', () => {
    const t = instantFromUtcFields(2000, 1, 1, 11, 58, 55.816);
    expect(Math.abs(ttCenturiesSinceJ2000(t, 32))).toBeLessThan(1e-15);
  });
  it('UT1 = UTC + dUT1; days since J2000 on UT1', () => {
    const t = instantFromUtcFields(2004, 4, 6, 0, 0, 0.4399619);
    expect(ut1DaysSinceJ2000(t, -0.4399619)).toBeCloseTo(2_453_101.5 - 2_451_545.0, 10);
  });
  it('Vallado Example 3-15: 2004-04-06 07:51:28.386009 UTC, ΔAT 32 s → T_TT = 0.0426236319', () => {
    const t = instantFromUtcFields(2004, 4, 6, 7, 51, 28.386009);
    expect(ttCenturiesSinceJ2000(t, 32)).toBeCloseTo(0.0426236319, 10);
  });
  it('frameTimeOf defaults to zero EOP and fills optional fields with 0', () => {
    const t = instantFromUtcFields(2020, 1, 1);
    expect(frameTimeOf(t)).toEqual(frameTimeOf(t, ZERO_EOP));
    const ft = frameTimeOf(t, { dut1Sec: sec(0.1), xpRad: rad(1e-6), ypRad: rad(2e-6), taiMinusUtcSec: sec(37) });
    expect(ft).toMatchObject({ xpRad: 1e-6, ypRad: 2e-6, ddPsiRad: 0, ddEpsRad: 0, lodSec: 0 });
    expect(ft.ut1DaysSinceJ2000 - frameTimeOf(t).ut1DaysSinceJ2000).toBeCloseTo(0.1 / 86_400, 11); // float of ms since 1970: ~1e-13 day
  });
});
