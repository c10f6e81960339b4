/**
 * Builds a satellite.js `SatRec` (initialised SGP4 constants) from an orbwatch element set.
 * A TLE keeps its original text, which goes through `twoline2satrec` unchanged; other formats
 * go through `json2satrec` with the elements converted back to OMM units (degrees, rev/day).
 * Both initialise in satellite.js's improved (`'i'`) operation mode.
 * @module
 */
import { json2satrec, twoline2satrec } from 'satellite.js';
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import { formatIso } from '../time/instant.js';
import { radPerSecToRevPerDay, radToDeg } from '../units/quantity.js';

/** The two data lines of a TLE record's raw text, or undefined when they are not there. */
function tleLines(raw: string): [string, string] | undefined {
  const lines = raw.split(/\r?\n/).map((l) => l.trimEnd());
  const l1 = lines.find((l) => l.startsWith('1 '));
  const l2 = lines.find((l) => l.startsWith('2 '));
  return l1 !== undefined && l2 !== undefined ? [l1, l2] : undefined;
}

/** SGP4-initialised record for `set` (see module note for the route taken). */
export function satrecFromElementSet(set: ElementSet): SatRec {
  if (set.format === 'tle') {
    const lines = tleLines(set.raw);
    if (lines !== undefined) return twoline2satrec(lines[0], lines[1]);
  }
  const epoch = formatIso(set.epoch, 6);
  return json2satrec({
    OBJECT_NAME: set.name ?? '',
    OBJECT_ID: set.cosparId ?? '',
    EPOCH: epoch,
    MEAN_MOTION: radPerSecToRevPerDay(set.meanMotionRadPerSec),
    ECCENTRICITY: set.eccentricity,
    INCLINATION: radToDeg(set.inclinationRad),
    RA_OF_ASC_NODE: radToDeg(set.raanRad),
    ARG_OF_PERICENTER: radToDeg(set.argPerigeeRad),
    MEAN_ANOMALY: radToDeg(set.meanAnomalyRad),
    NORAD_CAT_ID: set.noradId,
    ELEMENT_SET_NO: set.elementSetNo ?? 999,
    BSTAR: set.bstarPerEarthRadii,
    MEAN_MOTION_DOT: set.meanMotionDotRevPerDay2,
    MEAN_MOTION_DDOT: set.meanMotionDdotRevPerDay3,
  });
}
