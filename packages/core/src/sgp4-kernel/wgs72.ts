/**
 * WGS-72 gravity constants as used by SGP4 (Spacetrack Report #3; Vallado et al. 2006,
 * `getgravconst(wgs72)`). SGP4 element sets are fitted with these values, so they are not
 * interchangeable with WGS-84.
 * @module
 */

/** Equatorial radius of the Earth, km. */
export const WGS72_EARTH_RADIUS_KM = 6378.135;
/** Gravitational parameter, km³/s². */
export const WGS72_MU_KM3_PER_S2 = 398600.8;
/** sqrt(GM) in Earth radii^1.5 per minute. */
export const XKE =
  60.0 / Math.sqrt((WGS72_EARTH_RADIUS_KM * WGS72_EARTH_RADIUS_KM * WGS72_EARTH_RADIUS_KM) / WGS72_MU_KM3_PER_S2);
/** Velocity unit: Earth radii per minute in km/s. */
export const VKM_PER_SEC = (WGS72_EARTH_RADIUS_KM * XKE) / 60.0;
/** Second zonal harmonic. */
export const J2 = 0.001082616;
/** Third zonal harmonic. */
export const J3 = -0.00000253881;
/** J3 / J2. */
export const J3OJ2 = J3 / J2;
/** 2/3. */
export const X2O3 = 2.0 / 3.0;
/** 2π. */
export const TWO_PI = Math.PI * 2;
