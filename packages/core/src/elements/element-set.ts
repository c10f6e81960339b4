/**
 * The element set: one published set of SGP4 mean elements for one object at one epoch, with
 * the raw text it was read from. Element sets are append-only; their natural key is
 * (noradId, epoch, source). Angles are radians and mean motion rad/s inside orbwatch; the
 * parsers convert from degrees and rev/day.
 * @module
 */
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import type { Rad, RadPerSec } from '../units/quantity.js';

/** The text format an element set was read from. */
export type ElementSetFormat = 'tle' | 'omm-json' | 'omm-xml' | 'omm-kvn' | 'omm-csv';

/** The mean-element theory the set was fitted for (OMM `MEAN_ELEMENT_THEORY`, TLE ephemeris type). */
export type MeanElementTheory = 'SGP4' | 'SGP4-XP' | 'SGP' | 'OTHER';

export interface ElementSet {
  readonly noradId: NoradId;
  /** Object name as published with this set (3LE line 0 or OMM OBJECT_NAME); null when absent. */
  readonly name: string | null;
  /** COSPAR international designator `YYYY-NNNP`, null when blank. */
  readonly cosparId: string | null;
  /** Security classification letter: U, C or S (blank read as U). */
  readonly classification: string;
  readonly epoch: Instant;
  /** The epoch exactly as written (TLE `YYDDD.DDDDDDDD` or OMM ISO text). */
  readonly epochText: string;
  readonly meanMotionRadPerSec: RadPerSec;
  readonly eccentricity: number;
  readonly inclinationRad: Rad;
  readonly raanRad: Rad;
  readonly argPerigeeRad: Rad;
  readonly meanAnomalyRad: Rad;
  /** SGP4 drag term B*, in inverse Earth radii. */
  readonly bstarPerEarthRadii: number;
  /** First derivative of mean motion divided by 2, rev/day² (as published; unused by SGP4). */
  readonly meanMotionDotRevPerDay2: number;
  /** Second derivative of mean motion divided by 6, rev/day³ (as published; unused by SGP4). */
  readonly meanMotionDdotRevPerDay3: number;
  readonly elementSetNo: number | null;
  readonly revAtEpoch: number | null;
  /** TLE ephemeris type digit or OMM EPHEMERIS_TYPE (0 or 2: SGP4; 4: SGP4-XP). */
  readonly ephemerisType: number;
  readonly theory: MeanElementTheory;
  readonly format: ElementSetFormat;
  /** The raw text of the record (TLE lines joined by `\n`, or the OMM record). */
  readonly raw: string;
  /** 1-based line in the input where the record starts. */
  readonly line: number;
}
