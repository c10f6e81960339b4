/**
 * Mean-element geometry of a pair of orbits used by the proximity detector: J2 secular node
 * drift, the angle between orbit planes (now and its minimum over a time span), and the lower
 * bound on the relative speed of two objects that are close to each other.
 * @module
 */

import { J2 as WGS72_J2, WGS72_EARTH_RADIUS_KM, WGS72_MU_KM3_PER_S2 } from '../../sgp4-kernel/wgs72.js';

// The elements are SGP4 mean elements, fitted with WGS-72's constants: the same ones here.
/** Earth's J2 (WGS-72, as SGP4), dimensionless. */
export const J2 = WGS72_J2;
/** Earth equatorial radius for the J2 rate, km (WGS-72). */
export const EARTH_RADIUS_KM = WGS72_EARTH_RADIUS_KM;
/** Earth's gravitational parameter, km³/s² (WGS-72). */
export const MU_KM3_PER_S2 = WGS72_MU_KM3_PER_S2;

const TWO_PI = 2 * Math.PI;

/** J2 secular rate of the ascending node, rad/s (Vallado 2013 eq. 9-41). */
export function nodeRateJ2(
  meanMotionRadPerSec: number,
  semiMajorAxisKm: number,
  eccentricity: number,
  inclinationRad: number,
): number {
  const p = semiMajorAxisKm * (1 - eccentricity * eccentricity);
  return -1.5 * meanMotionRadPerSec * J2 * (EARTH_RADIUS_KM / p) ** 2 * Math.cos(inclinationRad);
}

/** Wraps an angle into (−π, π], rad. */
export function wrapPi(x: number): number {
  const y = x - TWO_PI * Math.floor((x + Math.PI) / TWO_PI);
  return y === -Math.PI ? Math.PI : y;
}

/** Angle between two orbit planes (angle between the orbit normals), rad. */
export function planeAngle(i1: number, raan1: number, i2: number, raan2: number): number {
  const c = Math.cos(i1) * Math.cos(i2) + Math.sin(i1) * Math.sin(i2) * Math.cos(raan1 - raan2);
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

/**
 * The smallest |ΔΩ| (wrapped) reached while ΔΩ moves linearly from `d0` to `d1` (rad): zero
 * when it passes a multiple of 2π, else the smaller wrapped end value.
 */
export function minWrappedNodeDifference(d0: number, d1: number): number {
  const lo = Math.min(d0, d1);
  const hi = Math.max(d0, d1);
  if (Math.floor(hi / TWO_PI) !== Math.floor(lo / TWO_PI) || Math.floor(lo / TWO_PI) * TWO_PI === lo) {
    // A multiple of 2π lies in [lo, hi].
    return 0;
  }
  return Math.min(Math.abs(wrapPi(d0)), Math.abs(wrapPi(d1)));
}

/**
 * Lower bound on the relative speed of two objects at the same point whose orbit planes are
 * `theta` apart and whose horizontal speeds are at least `vh1`, `vh2` (km/s): the radial axis
 * is common to both planes, so |Δv|² ≥ |vh1·ĥ1 − vh2·ĥ2|² ≥ 4·vh1·vh2·sin²(θ/2).
 */
export function relativeSpeedLowerBound(theta: number, vh1: number, vh2: number): number {
  return 2 * Math.sqrt(vh1 * vh2) * Math.sin(theta / 2);
}
