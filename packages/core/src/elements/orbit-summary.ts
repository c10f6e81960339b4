/**
 * Orbit figures derived from mean elements for people to read: semi-major axis, perigee and
 * apogee altitudes, period. Uses the WGS-72 constants SGP4 is fitted with and Kepler's third
 * law on the published (Kozai) mean motion, as SATCAT summaries do; good to a few km, not a
 * substitute for propagation.
 * @module
 */
import type { Km, Sec } from '../units/quantity.js';
import { km, sec } from '../units/quantity.js';
import type { ElementSet } from './element-set.js';

/** WGS-72 gravitational parameter, km³/s² (SGP4's constant set). */
export const MU_WGS72_KM3_PER_S2 = 398_600.8;
/** WGS-72 equatorial radius, km. */
export const EARTH_RADIUS_WGS72_KM = 6378.135;

export interface OrbitSummary {
  readonly semiMajorAxisKm: Km;
  readonly perigeeAltitudeKm: Km;
  readonly apogeeAltitudeKm: Km;
  readonly periodSec: Sec;
}

/** Summary figures of a set's mean orbit (altitudes above the WGS-72 equatorial radius). */
export function orbitSummary(set: Pick<ElementSet, 'meanMotionRadPerSec' | 'eccentricity'>): OrbitSummary {
  const n = set.meanMotionRadPerSec;
  const a = Math.cbrt(MU_WGS72_KM3_PER_S2 / (n * n));
  return {
    semiMajorAxisKm: km(a),
    perigeeAltitudeKm: km(a * (1 - set.eccentricity) - EARTH_RADIUS_WGS72_KM),
    apogeeAltitudeKm: km(a * (1 + set.eccentricity) - EARTH_RADIUS_WGS72_KM),
    periodSec: sec((2 * Math.PI) / n),
  };
}
