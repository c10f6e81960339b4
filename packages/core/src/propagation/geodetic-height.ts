/**
 * Height above the WGS-84 ellipsoid of a position given in an Earth-centred frame whose z axis is
 * (close to) the Earth's rotation axis: TEME, TOD, PEF or ITRF. The ellipsoid is symmetric about z,
 * so no Earth-rotation angle is needed; TEME's z differs from ITRF's by polar motion only
 * (< 1e-6 rad, i.e. < 7 m of height), negligible for the sanity checks that use this.
 * @module
 */

/** WGS-84 equatorial radius, km. */
export const WGS84_EQUATORIAL_RADIUS_KM = 6378.137;
const WGS84_A_KM = WGS84_EQUATORIAL_RADIUS_KM;
const WGS84_F = 1 / 298.257223563;
const WGS84_B_KM = WGS84_A_KM * (1 - WGS84_F);
const E2 = WGS84_F * (2 - WGS84_F);

/**
 * Geodetic height (km) above the WGS-84 ellipsoid for a geocentric position (km).
 * Bowring's iteration; converges to < 1 mm in three steps for heights from −6000 km to GEO.
 */
export function geodeticHeightKm(x: number, y: number, z: number): number {
  const p = Math.hypot(x, y);
  if (p < 1e-9) return Math.abs(z) - WGS84_B_KM;
  let lat = Math.atan2(z, p * (1 - E2));
  for (let i = 0; i < 4; i++) {
    const s = Math.sin(lat);
    const n = WGS84_A_KM / Math.sqrt(1 - E2 * s * s);
    lat = Math.atan2(z + n * E2 * s, p);
  }
  const s = Math.sin(lat);
  const c = Math.cos(lat);
  // Numerically stable at all latitudes: project onto the normal.
  return p * c + z * s - WGS84_A_KM * Math.sqrt(1 - E2 * s * s);
}
