/**
 * Per-object bounds that make the close-approach search provable: how far the cubic Hermite
 * interpolant between SGP4 knots can be from SGP4 itself, and how fast an object can move.
 *
 * Position error of cubic Hermite interpolation over a step h (docs/design/ephemeris.md):
 *   |Δr| ≤ √3 · h⁴/384 · M4 · (1 + κ) + h·δv/4,
 * with M4 = max |r⁽⁴⁾|. For two-body motion at perigee (radial rate 0) the fourth derivative is
 * (3uq + u²)·r with u = μ/r³ and q = v²/r² − u = u·e, i.e. M4 = μ²(1 + 3e)/r_p⁵ (r·n⁴ for a
 * circular orbit). Perigee is where |r⁽⁴⁾| peaks; a safety factor of 2 covers the rest of the
 * orbit, the SGP4 perigee lying below the mean one and decay over a week. κ = 0.1 covers SGP4's
 * non-Keplerian terms; δv (SGP4's velocity is not exactly d/dt of its position) is 0.1 m/s near
 * Earth and 2 m/s in deep space (measured: 19–21 mm/s ISS and GPS, 167 mm/s GEO, 1.4 m/s Molniya).
 * @module
 */
import { WGS72_MU_KM3_PER_S2 } from '../sgp4-kernel/wgs72.js';

const SAFETY = 2;
const KAPPA = 0.1;
/** |v_SGP4 − dr/dt| bound near Earth, km/s. */
const DELTA_V_NEAR_EARTH_KM_PER_SEC = 1e-4;
/** |v_SGP4 − dr/dt| bound in deep space (period ≥ 225 min), km/s. */
const DELTA_V_DEEP_SPACE_KM_PER_SEC = 2e-3;
/** Floor for rounding and everything not modelled above, km. */
const FLOOR_KM = 0.002;

/** Bound on |Hermite − SGP4| position for knots `stepSec` apart, km. */
export function hermitePositionBoundKm(
  stepSec: number,
  perigeeRadiusKm: number,
  eccentricity: number,
  deepSpace: boolean,
): number {
  const mu = WGS72_MU_KM3_PER_S2;
  const rp = Math.max(perigeeRadiusKm, 6378);
  const e = Math.min(Math.max(eccentricity, 0), 0.999);
  const m4 = ((mu * mu) / rp ** 5) * (1 + 3 * e);
  const dv = deepSpace ? DELTA_V_DEEP_SPACE_KM_PER_SEC : DELTA_V_NEAR_EARTH_KM_PER_SEC;
  return SAFETY * ((Math.sqrt(3) * stepSec ** 4) / 384) * m4 * (1 + KAPPA) + (stepSec * dv) / 4 + FLOOR_KM;
}

/**
 * Bound on an object's speed, km/s: vis-viva at perigee + 5 % (SGP4's periodic terms and a
 * week's decay change it by well under 1 %) + 0.01 km/s for the interpolant's velocity error.
 */
export function speedBoundKmPerSec(semiMajorAxisKm: number, perigeeRadiusKm: number): number {
  const rp = Math.max(perigeeRadiusKm, 6378);
  const a = Math.max(semiMajorAxisKm, rp / 2 + 1);
  return 1.05 * Math.sqrt(WGS72_MU_KM3_PER_S2 * (2 / rp - 1 / a)) + 0.01;
}
