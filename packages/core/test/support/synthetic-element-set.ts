/**
 * Test support: an `ElementSet` made up for a synthetic scenario (known truth), with the
 * given identity, epoch and mean elements and neutral values for the rest (no drag terms, no
 * raw text, SGP4 theory). Clearly not a published set: `raw` is empty.
 */
import type { ElementSet } from '../../src/elements/element-set.js';

export type SyntheticElements = Pick<
  ElementSet,
  | 'noradId'
  | 'epoch'
  | 'meanMotionRadPerSec'
  | 'eccentricity'
  | 'inclinationRad'
  | 'raanRad'
  | 'argPerigeeRad'
  | 'meanAnomalyRad'
> &
  Partial<ElementSet>;

export function syntheticElementSet(elements: SyntheticElements): ElementSet {
  return {
    name: null,
    cosparId: null,
    classification: 'U',
    epochText: '',
    bstarPerEarthRadii: 0,
    meanMotionDotRevPerDay2: 0,
    meanMotionDdotRevPerDay3: 0,
    elementSetNo: null,
    revAtEpoch: null,
    ephemerisType: 0,
    theory: 'SGP4',
    format: 'tle',
    raw: '',
    line: 1,
    ...elements,
  };
}
