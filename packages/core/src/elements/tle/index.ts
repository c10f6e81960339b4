/**
 * TLE / 3LE element sets: parsing, formatting and checksums.
 * @module
 */
export { parseTle } from './parse-tle.js';
export type { ParseTleOptions } from './parse-tle.js';
export type { TleChecksumMode } from './parse-tle-record.js';
export { formatTle } from './format-tle.js';
export { tleChecksum } from './tle-checksum.js';
export { TLE_LINE1_TEMPLATE, TLE_LINE2_TEMPLATE } from './tle-layout.js';
