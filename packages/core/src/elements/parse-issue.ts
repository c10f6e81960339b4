/**
 * What every orbwatch parser returns: the good records and the issues found, each issue located
 * by file, line and column and saying what form was expected. Parsers never throw on bad input.
 * @module
 */

/** Issue codes. Tests assert these, never message text. */
export const IssueCode = {
  // text-level
  NON_ASCII: 'NON_ASCII',
  EMPTY_INPUT: 'EMPTY_INPUT',
  INPUT_UNREADABLE: 'INPUT_UNREADABLE',
  /** An input path that does not exist. An input problem, not a parse error. */
  INPUT_NOT_FOUND: 'INPUT_NOT_FOUND',
  /** A glob that matched no file. */
  INPUT_NO_MATCH: 'INPUT_NO_MATCH',
  /** A binary file (NUL or control bytes): not a text element-set file, not parsed. */
  INPUT_NOT_TEXT: 'INPUT_NOT_TEXT',
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  // TLE / 3LE
  TLE_LINE_LENGTH: 'TLE_LINE_LENGTH',
  TLE_LINE_NUMBER: 'TLE_LINE_NUMBER',
  TLE_MISSING_LINE: 'TLE_MISSING_LINE',
  TLE_CHECKSUM: 'TLE_CHECKSUM',
  TLE_FIELD: 'TLE_FIELD',
  TLE_CATALOG_MISMATCH: 'TLE_CATALOG_MISMATCH',
  TLE_ORPHAN_LINE: 'TLE_ORPHAN_LINE',
  // physical plausibility (any format)
  ELEMENTS_ECCENTRICITY: 'ELEMENTS_ECCENTRICITY',
  ELEMENTS_MEAN_MOTION: 'ELEMENTS_MEAN_MOTION',
  ELEMENTS_ANGLE: 'ELEMENTS_ANGLE',
  ELEMENTS_EPOCH: 'ELEMENTS_EPOCH',
  // OMM
  OMM_SYNTAX: 'OMM_SYNTAX',
  OMM_FIELD_MISSING: 'OMM_FIELD_MISSING',
  OMM_FIELD_TYPE: 'OMM_FIELD_TYPE',
  OMM_UNKNOWN_KEYWORD: 'OMM_UNKNOWN_KEYWORD',
  OMM_UNSUPPORTED_THEORY: 'OMM_UNSUPPORTED_THEORY',
  /** REF_FRAME not TEME, TIME_SYSTEM not UTC or CENTER_NAME not EARTH: not an SGP4 element set. */
  OMM_UNSUPPORTED_METADATA: 'OMM_UNSUPPORTED_METADATA',
  /** Warning: an SGP4-XP set's BTERM/AGOM were stored in the B* and n-ddot slots, as a type-4 TLE carries them. */
  OMM_XP_TERMS: 'OMM_XP_TERMS',
  // SATCAT
  SATCAT_SYNTAX: 'SATCAT_SYNTAX',
  SATCAT_FIELD_MISSING: 'SATCAT_FIELD_MISSING',
  SATCAT_FIELD_TYPE: 'SATCAT_FIELD_TYPE',
  // Space-Track decay messages (decay/parse-decay.ts)
  DECAY_SYNTAX: 'DECAY_SYNTAX',
  DECAY_FIELD_MISSING: 'DECAY_FIELD_MISSING',
  DECAY_FIELD_TYPE: 'DECAY_FIELD_TYPE',
  // CDM (CCSDS 508.0-B-1); what each means: cdm/cdm-issue.ts
  CDM_SYNTAX: 'CDM_SYNTAX',
  CDM_UNKNOWN_KEYWORD: 'CDM_UNKNOWN_KEYWORD',
  CDM_FIELD_MISSING: 'CDM_FIELD_MISSING',
  CDM_FIELD_TYPE: 'CDM_FIELD_TYPE',
  CDM_UNIT: 'CDM_UNIT',
  CDM_NON_ASCII: 'CDM_NON_ASCII',
  CDM_NAN_VALUE: 'CDM_NAN_VALUE',
} as const;
export type IssueCode = (typeof IssueCode)[keyof typeof IssueCode];

export type IssueSeverity = 'error' | 'warning';

/**
 * One problem in an input. `line` and `column` are 1-based; `column` 0 means the whole line.
 * An `error` means the record it belongs to was rejected; a `warning` means it was kept.
 */
export interface ParseIssue {
  readonly code: IssueCode;
  readonly severity: IssueSeverity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  /** The form that was expected, e.g. a TLE template or `number (degrees)`. */
  readonly expected: string;
  readonly message: string;
  /** The offending input (a line or a field), cut to 200 characters. */
  readonly input?: string;
}

/** A batch result: good records are kept even when others are rejected. */
export interface ParseResult<T> {
  readonly items: T[];
  readonly issues: ParseIssue[];
}

/** Small helper for parsers: an issue with the input trimmed to a sane length. */
export function makeIssue(
  code: IssueCode,
  at: { file: string; line: number; column: number },
  expected: string,
  message: string,
  input?: string,
  severity: IssueSeverity = 'error',
): ParseIssue {
  const base = { code, severity, file: at.file, line: at.line, column: at.column, expected, message };
  return input === undefined ? base : { ...base, input: input.length > 200 ? `${input.slice(0, 200)}…` : input };
}
