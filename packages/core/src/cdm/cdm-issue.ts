/**
 * Issues found while reading a CDM: the same shape as every orbwatch parser's `ParseIssue`
 * (file, 1-based line and column, what was expected, the offending input), with CDM codes.
 * Tests assert the codes, never the wording. A CDM with an `error` is rejected; `warning`s
 * are kept with the message.
 * @module
 */
import type { ParseIssue } from '../elements/parse-issue.js';
import { IssueCode } from '../elements/parse-issue.js';

/** The CDM codes, part of the shared {@link IssueCode} set. */
export const CdmIssueCode = {
  /** Not KVN `KEY = value [unit]`, malformed XML, repeated keyword, keyword out of place. */
  CDM_SYNTAX: IssueCode.CDM_SYNTAX,
  /** A keyword CCSDS 508.0-B-1 does not define. */
  CDM_UNKNOWN_KEYWORD: IssueCode.CDM_UNKNOWN_KEYWORD,
  /** A mandatory keyword is absent (e.g. TCA, an object's X or CR_R), or an object is. */
  CDM_FIELD_MISSING: IssueCode.CDM_FIELD_MISSING,
  /** A value that is not of its keyword's type (number, UTC time, OBJECT1/OBJECT2, …). */
  CDM_FIELD_TYPE: IssueCode.CDM_FIELD_TYPE,
  /** Warning: a unit other than the standard's; the value is read in the standard's unit. */
  CDM_UNIT: IssueCode.CDM_UNIT,
  /** Warning: characters outside ASCII (KVN is ASCII); kept as read. */
  CDM_NON_ASCII: IssueCode.CDM_NON_ASCII,
  /** Warning: an optional value given as NaN; kept as NaN. */
  CDM_NAN_VALUE: IssueCode.CDM_NAN_VALUE,
} as const;
export type CdmIssueCode = (typeof CdmIssueCode)[keyof typeof CdmIssueCode];

/** A located CDM issue: a ParseIssue whose code is one of the CDM codes. */
export type CdmIssue = ParseIssue & { readonly code: CdmIssueCode };

/** Good CDMs and the issues found; never throws. */
export interface CdmParseResult<T> {
  readonly items: T[];
  readonly issues: CdmIssue[];
}

export function cdmIssue(
  code: CdmIssueCode,
  at: { file: string; line: number; column: number },
  expected: string,
  message: string,
  input?: string,
  severity: 'error' | 'warning' = 'error',
): CdmIssue {
  const base = { code, severity, file: at.file, line: at.line, column: at.column, expected, message };
  return input === undefined ? base : { ...base, input: input.length > 200 ? `${input.slice(0, 200)}…` : input };
}
