/**
 * Orbit regimes that decide how far from its epoch an element set may be propagated by default.
 * The limits and their sources are in docs/accuracy.md; they are sanity limits (beyond them SGP4
 * positions from public element sets are typically tens to hundreds of km off), not accuracy
 * promises.
 * @module
 */

/** Regime of a set's mean orbit. */
export type OrbitRegime = 'LEO_HIGH_DRAG' | 'LEO' | 'MEO_HEO' | 'GEO';

/**
 * Default maximum |t − epoch| in days per regime.
 * - LEO_HIGH_DRAG (perigee height < 350 km, apogee < 2000 km): 3 d — drag mis-modelling makes the
 *   along-track error grow quadratically; such objects are often days from re-entry.
 * - LEO (apogee height < 2000 km): 14 d — ~1 km at epoch, growing ~1–3 km/day and faster later.
 * - MEO_HEO (everything else): 30 d.
 * - GEO (0.9–1.1 rev/day, e < 0.1): 60 d — slow growth, mostly along-track; station-keeping
 *   manoeuvres every few weeks are the real limit.
 */
export const DEFAULT_MAX_AGE_DAYS: Readonly<Record<OrbitRegime, number>> = {
  LEO_HIGH_DRAG: 3,
  LEO: 14,
  MEO_HEO: 30,
  GEO: 60,
};

/** Perigee height (km) below which a LEO set counts as high-drag. */
export const HIGH_DRAG_PERIGEE_KM = 350;
/** Apogee height (km) below which an orbit counts as LEO. */
export const LEO_APOGEE_KM = 2000;

/**
 * Classifies a mean orbit.
 * @param meanMotionRevPerDay mean motion, rev/day
 * @param eccentricity mean eccentricity
 * @param perigeeHeightKm perigee radius minus the equatorial radius, km
 * @param apogeeHeightKm apogee radius minus the equatorial radius, km
 */
export function orbitRegime(
  meanMotionRevPerDay: number,
  eccentricity: number,
  perigeeHeightKm: number,
  apogeeHeightKm: number,
): OrbitRegime {
  if (meanMotionRevPerDay > 0.9 && meanMotionRevPerDay < 1.1 && eccentricity < 0.1) return 'GEO';
  if (apogeeHeightKm < LEO_APOGEE_KM) return perigeeHeightKm < HIGH_DRAG_PERIGEE_KM ? 'LEO_HIGH_DRAG' : 'LEO';
  return 'MEO_HEO';
}
