/**
 * The fixed-column layout of the two TLE lines (Space-Track / CelesTrak "two-line element set"
 * format), as 0-based character indices, and the templates quoted in parse issues.
 * Columns in messages and issues are 1-based, as in the format's documentation.
 * @module
 */

/** Template of line 1 quoted as the `expected` form of line-level issues. */
export const TLE_LINE1_TEMPLATE = '1 NNNNNC NNNNNAAA NNNNN.NNNNNNNN +.NNNNNNNN +NNNNN-N +NNNNN-N N NNNNN';
/** Template of line 2 quoted as the `expected` form of line-level issues. */
export const TLE_LINE2_TEMPLATE = '2 NNNNN NNN.NNNN NNN.NNNN NNNNNNN NNN.NNNN NNN.NNNN NN.NNNNNNNNNNNNNN';

/** Characters in a standard TLE line (column 69 holds the checksum). */
export const TLE_LINE_LENGTH = 69;

/** A field of a TLE line: 0-based start (inclusive) and end (exclusive), and its form. */
export interface TleField {
  readonly start: number;
  readonly end: number;
  readonly name: string;
  readonly form: string;
}

const f = (start: number, end: number, name: string, form: string): TleField => ({ start, end, name, form });

/** Line 1 fields. */
export const L1 = {
  catalog: f(2, 7, 'catalog number', 'NNNNN (digits, blank-padded digits or Alpha-5 A0000-Z9999)'),
  classification: f(7, 8, 'classification', 'U, C, S or blank'),
  designator: f(9, 17, 'international designator', 'YYNNNAAA (launch year, launch number, piece) or blank'),
  epochYear: f(18, 20, 'epoch year', 'NN (57-99: 19xx, 00-56: 20xx)'),
  epochDay: f(20, 32, 'epoch day of year', 'NNN.NNNNNNNN (1.0 = 1 January 00:00 UTC)'),
  ndot: f(33, 43, 'first derivative of mean motion / 2', '+.NNNNNNNN (rev/day²)'),
  nddot: f(44, 52, 'second derivative of mean motion / 6', '+NNNNN-N (rev/day³, implied leading decimal point)'),
  bstar: f(53, 61, 'B* drag term', '+NNNNN-N (1/earth radii, implied leading decimal point)'),
  ephemerisType: f(62, 63, 'ephemeris type', 'N or blank'),
  elementSetNo: f(64, 68, 'element set number', 'NNNN or blank'),
  checksum: f(68, 69, 'checksum', 'N'),
} as const;

/** Indices in line 1 that must be blank. */
export const L1_BLANKS: readonly number[] = [1, 8, 17, 32, 43, 52, 61, 63];

/**
 * Line 2 fields for a standard 69-character line. For a 70-character line whose eccentricity
 * was written with eight digits, every field from the eccentricity's end on is one further right.
 */
export const L2 = {
  catalog: f(2, 7, 'catalog number', 'NNNNN (same as line 1)'),
  inclination: f(8, 16, 'inclination', 'NNN.NNNN (degrees)'),
  raan: f(17, 25, 'right ascension of the ascending node', 'NNN.NNNN (degrees)'),
  eccentricity: f(26, 33, 'eccentricity', 'NNNNNNN (implied leading decimal point)'),
  argPerigee: f(34, 42, 'argument of perigee', 'NNN.NNNN (degrees)'),
  meanAnomaly: f(43, 51, 'mean anomaly', 'NNN.NNNN (degrees)'),
  meanMotion: f(52, 63, 'mean motion', 'NN.NNNNNNNN (rev/day)'),
  rev: f(63, 68, 'revolution number at epoch', 'NNNNN or blank'),
  checksum: f(68, 69, 'checksum', 'N'),
} as const;

/** Indices in line 2 that must be blank (before the eccentricity; add the shift after it). */
export const L2_BLANKS_BEFORE_ECC: readonly number[] = [1, 7, 16, 25];
/** Indices in line 2 after the eccentricity that must be blank, for a standard line. */
export const L2_BLANKS_AFTER_ECC: readonly number[] = [33, 42, 51];
