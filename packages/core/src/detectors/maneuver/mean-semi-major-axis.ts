/**
 * Mean semi-major axis from a published (Kozai) mean motion, recovered exactly as SGP4's
 * initialisation does (Hoots & Roehrich, Spacetrack Report #3, 1980; Vallado et al., "Revisiting
 * Spacetrack Report #3", AIAA 2006-6753, `initl`): the Brouwer mean motion n″ and
 * a″ = (kₑ/n″)^⅔, with the WGS-72 constants SGP4 is fitted with.
 * @module
 */
import type { Km, Rad, RadPerSec } from '../../units/quantity.js';
import { km } from '../../units/quantity.js';
import { J2, WGS72_EARTH_RADIUS_KM, WGS72_MU_KM3_PER_S2 } from '../../sgp4-kernel/wgs72.js';

/** WGS-72 gravitational parameter, km³/s² (SGP4's constant set). */
export const MU_KM3_PER_S2 = WGS72_MU_KM3_PER_S2;
/** WGS-72 equatorial radius, km. */
export const EARTH_RADIUS_KM = WGS72_EARTH_RADIUS_KM;
export { J2 };

/** kₑ = √(μ/Rₑ³), rad/s (SGP4's xke is the same per minute). */
const KE_PER_SEC = Math.sqrt(MU_KM3_PER_S2 / EARTH_RADIUS_KM ** 3);

/** Brouwer mean semi-major axis a″ (km) and un-Kozai'd mean motion n″ (rad/s). */
export function meanSemiMajorAxis(
  meanMotionKozai: RadPerSec | number,
  eccentricity: number,
  inclination: Rad | number,
): { readonly aKm: Km; readonly nBrouwerRadPerSec: number } {
  const cosi = Math.cos(inclination);
  const e2 = 1 - eccentricity * eccentricity;
  const ak = Math.cbrt((KE_PER_SEC / meanMotionKozai) ** 2);
  const d1 = (0.75 * J2 * (3 * cosi * cosi - 1)) / (Math.sqrt(e2) * e2);
  let del = d1 / (ak * ak);
  const adel = ak * (1 - del * del - del * (1 / 3 + (134 * del * del) / 81));
  del = d1 / (adel * adel);
  const n = meanMotionKozai / (1 + del);
  const a = Math.cbrt((KE_PER_SEC / n) ** 2);
  return { aKm: km(a * EARTH_RADIUS_KM), nBrouwerRadPerSec: n };
}

/**
 * Secular J2 rate of the right ascension of the ascending node, rad/s:
 * dΩ/dt = −1.5 n J2 (Rₑ/p)² cos i, p = a(1 − e²) (Vallado, Fundamentals of Astrodynamics and
 * Applications, 4th ed., eq. 9-41).
 */
export function raanRateJ2(nRadPerSec: number, aKm: number, eccentricity: number, inclination: number): number {
  const p = aKm * (1 - eccentricity * eccentricity);
  return -1.5 * nRadPerSec * J2 * (EARTH_RADIUS_KM / p) ** 2 * Math.cos(inclination);
}
