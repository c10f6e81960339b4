/**
 * Earth orientation parameters (EOP): the measured, unpredictable part of the Earth's rotation
 * that the frame conversions need beyond the IAU models. Published daily by the IERS
 * (Bulletin A/B, finals2000A) and redistributed by CelesTrak (EOP-All.txt).
 * @module
 */
import type { Rad, Sec } from '../units/quantity.js';
import { rad, sec } from '../units/quantity.js';

/**
 * Earth orientation at one instant.
 *
 * What leaving a field at zero costs (see `docs/design/frames.md` for the arithmetic):
 * - `dut1Sec` (|UT1−UTC| ≤ 0.9 s by the definition of UTC): Earth rotation angle off by up to
 *   0.9 s × 7.292e-5 rad/s = 6.6e-5 rad, i.e. up to 0.42 km along the equator at the Earth's
 *   surface, 0.46 km at 600 km altitude and 2.8 km at GEO radius (42,164 km), in the Earth-fixed
 *   frames (PEF, ITRF, geodetic longitude). The inertial frames are not affected.
 * - `xpRad`, `ypRad` (polar motion, typically ≤ 0.5″ = 2.4e-6 rad): up to ~15 m at the surface,
 *   ~100 m at GEO, in ITRF only.
 * - `ddPsiRad`, `ddEpsRad` (IAU-1980 nutation corrections, typically ≤ 0.1″): metres, in the
 *   TEME↔TOD/MOD/GCRF conversions.
 * - `taiMinusUtcSec` (ΔAT; 37 s since 2017-01-01): TT is only used for precession and nutation,
 *   37 s of precession is 6e-5″ = 3e-10 rad, i.e. ≤ 2.3 mm at LEO radius, 1.3 cm at GEO.
 * - `lodSec` (excess length of day, ≤ ~3 ms): Earth-fixed velocities off by at most
 *   ω·LOD/86400·|r| ≈ 1e-7 km/s (0.1 mm/s) at GEO.
 */
export interface EarthOrientation {
  /** UT1 − UTC, seconds (|dUT1| ≤ 0.9 s). */
  readonly dut1Sec: Sec;
  /** Polar motion x_p, radians (IERS gives arcseconds: × π/648000). */
  readonly xpRad: Rad;
  /** Polar motion y_p, radians. */
  readonly ypRad: Rad;
  /** Correction δΔψ to the IAU-1980 nutation in longitude, radians (0 if absent). */
  readonly ddPsiRad?: Rad;
  /** Correction δΔε to the IAU-1980 nutation in obliquity, radians (0 if absent). */
  readonly ddEpsRad?: Rad;
  /** ΔAT = TAI − UTC, seconds (leap-second count; TT = UTC + ΔAT + 32.184 s). */
  readonly taiMinusUtcSec: Sec;
  /** Excess length of day, seconds (0 if absent); slows the Earth rotation rate used for velocities. */
  readonly lodSec?: Sec;
}

/**
 * All-zero Earth orientation: UT1 = UTC, no polar motion, no nutation corrections, TT = UTC +
 * 32.184 s. The default of every conversion; its error budget is on {@link EarthOrientation}.
 */
export const ZERO_EOP: EarthOrientation = {
  dut1Sec: sec(0),
  xpRad: rad(0),
  ypRad: rad(0),
  ddPsiRad: rad(0),
  ddEpsRad: rad(0),
  taiMinusUtcSec: sec(0),
  lodSec: sec(0),
};

/** Radians per arcsecond (π / 648000), for EOP tables that publish arcseconds. */
export const RAD_PER_ARCSEC = Math.PI / 648_000;
