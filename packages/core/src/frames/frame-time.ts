/**
 * The time arguments of the IAU-76/80 frame models at one instant: UT1 for the Earth's
 * rotation, TT for precession and nutation, plus the Earth orientation corrections.
 * @module
 */
import type { Instant } from '../time/instant.js';
import type { EarthOrientation } from './earth-orientation.js';
import { ZERO_EOP } from './earth-orientation.js';

/** J2000.0 (2000-01-01T12:00:00) as ms since 1970 on the same count as {@link Instant}. */
const J2000_UNIX_MS = 946_728_000_000;
const MS_PER_DAY = 86_400_000;
/** Days per Julian century. */
export const DAYS_PER_JULIAN_CENTURY = 36_525;
/** TT − TAI, seconds (exact by definition). */
export const TT_MINUS_TAI_SEC = 32.184;

/**
 * Plain-number time arguments of the frame models (the numeric kernels' input).
 * Built from an {@link Instant} and {@link EarthOrientation} by {@link frameTimeOf}; built by
 * hand only to reproduce a published reference whose UT1 and TT do not come from one instant.
 */
export interface FrameTime {
  /** Days of UT1 since J2000.0 (JD_UT1 − 2451545.0). Kept as a difference for precision. */
  readonly ut1DaysSinceJ2000: number;
  /** Julian centuries of TT since J2000.0 ((JD_TT − 2451545.0) / 36525), Vallado's `ttt`. */
  readonly ttCenturies: number;
  /** Polar motion x_p, rad. */
  readonly xpRad: number;
  /** Polar motion y_p, rad. */
  readonly ypRad: number;
  /** Nutation correction δΔψ, rad. */
  readonly ddPsiRad: number;
  /** Nutation correction δΔε, rad. */
  readonly ddEpsRad: number;
  /** Excess length of day, s. */
  readonly lodSec: number;
}

/** TT − UTC in seconds for a given ΔAT (= ΔAT + 32.184 s). */
export function ttMinusUtcSec(taiMinusUtcSec: number): number {
  return taiMinusUtcSec + TT_MINUS_TAI_SEC;
}

/** Days of UT1 since J2000.0 at UTC instant `t` (UT1 = UTC + dUT1). */
export function ut1DaysSinceJ2000(t: Instant, dut1Sec: number): number {
  return (t - J2000_UNIX_MS + dut1Sec * 1000) / MS_PER_DAY;
}

/** Julian centuries of TT since J2000.0 at UTC instant `t` (TT = UTC + ΔAT + 32.184 s). */
export function ttCenturiesSinceJ2000(t: Instant, taiMinusUtcSec: number): number {
  return (t - J2000_UNIX_MS + ttMinusUtcSec(taiMinusUtcSec) * 1000) / MS_PER_DAY / DAYS_PER_JULIAN_CENTURY;
}

/** The frame-model time arguments at UTC instant `t` with Earth orientation `eop` (default zero). */
export function frameTimeOf(t: Instant, eop: EarthOrientation = ZERO_EOP): FrameTime {
  return {
    ut1DaysSinceJ2000: ut1DaysSinceJ2000(t, eop.dut1Sec),
    ttCenturies: ttCenturiesSinceJ2000(t, eop.taiMinusUtcSec),
    xpRad: eop.xpRad,
    ypRad: eop.ypRad,
    ddPsiRad: eop.ddPsiRad ?? 0,
    ddEpsRad: eop.ddEpsRad ?? 0,
    lodSec: eop.lodSec ?? 0,
  };
}
