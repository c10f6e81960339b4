/**
 * TLE / 3LE element sets: parsing, formatting and checksums.
 * @module
 */
export { parseTle } from './parse-tle.js';
export type { ParseTleOptions } from './parse-tle.js';
export type { TleChecksumMode } from './parse-tle-record.js';
export { formatTle } from './format-tle.js';
export { tleFromRaw } from './tle-from-raw.js';
export { tleChecksum } from './tle-checksum.js';
export { TLE_LINE1_TEMPLATE, TLE_LINE2_TEMPLATE } from './tle-layout.js';
// Low-level pieces of parseTle's record decoder, for `@orbwatch/workers`' columnar fast path
// (`tle-columns-fast.ts`), which must give bit-identical values: it calls the name and bounds
// functions and tests its byte decoders against these field decoders. The same functions
// parseTle uses, exported under `tle`-prefixed names.
export {
  decimalField as tleDecimalField,
  impliedExponentField as tleImpliedExponentField,
  impliedFractionField as tleImpliedFractionField,
  integerField as tleIntegerField,
} from './tle-fields.js';
export { nameOf as tleNameOf, withinPublishedBounds as tleWithinPublishedBounds } from './parse-tle-record.js';
