/**
 * The one way orbwatch initialises SGP4 from an element set: satellite.js's `json2satrec` on the
 * set's fields converted back to the units the OMM carries (degrees, rev/day, B* in 1/Earth
 * radii), each recovered as the decimal that was published ({@link publishedValue}), with the
 * epoch kept to the sub-millisecond ({@link satrecAtEpoch}). The propagator
 * (`createSgp4Propagator`, which adds the checks and the orbit facts) and the batch ephemerides
 * (`prepareBatch`, proximity screening) both build their records here, so a set propagates the
 * same in both; the fitter builds its trial records from mean elements with
 * {@link satrecAtEpoch} too.
 *
 * For a TLE the result equals `twoline2satrec` on its text: near-Earth bit for bit, deep-space
 * within 1e-9 km over the whole SGP4-VER suite (create-sgp4-propagator.test.ts). An OMM set has no
 * text, and its microsecond epoch survives here where `json2satrec` alone would cut it to the
 * millisecond. The record carries SGP4's own error code when initialisation fails; checking
 * the fields first is the caller's business.
 * @module
 */
import type { SatRec } from 'satellite.js';
import { constants } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import { degToRad, radPerSecToRevPerDay, revPerDayToRadPerSec } from '../units/quantity.js';
import { publishedValue } from './published-value.js';
import type { OmmWithoutEpoch } from './satrec-at-epoch.js';
import { satrecAtEpoch } from './satrec-at-epoch.js';

const RAD_TO_DEG = constants.rad2deg;

/** The set's fields in OMM units, each the decimal that was published. */
export function sgp4OmmFields(set: ElementSet): OmmWithoutEpoch & { readonly MEAN_MOTION: number } {
  const degrees = (r: number): number => publishedValue(r, r * RAD_TO_DEG, degToRad);
  return {
    OBJECT_NAME: set.name ?? '',
    OBJECT_ID: set.cosparId ?? '',
    MEAN_MOTION: publishedValue(
      set.meanMotionRadPerSec,
      radPerSecToRevPerDay(set.meanMotionRadPerSec),
      revPerDayToRadPerSec,
    ),
    ECCENTRICITY: set.eccentricity,
    INCLINATION: degrees(set.inclinationRad),
    RA_OF_ASC_NODE: degrees(set.raanRad),
    ARG_OF_PERICENTER: degrees(set.argPerigeeRad),
    MEAN_ANOMALY: degrees(set.meanAnomalyRad),
    NORAD_CAT_ID: set.noradId,
    ELEMENT_SET_NO: set.elementSetNo ?? 0,
    BSTAR: set.bstarPerEarthRadii,
    MEAN_MOTION_DOT: set.meanMotionDotRevPerDay2,
    MEAN_MOTION_DDOT: set.meanMotionDdotRevPerDay3,
  };
}

/** SGP4-initialised record for `set` (see the module note). */
export function satrecFromElementSet(set: ElementSet): SatRec {
  return satrecAtEpoch(sgp4OmmFields(set), set.epoch);
}
