/**
 * CCSDS Orbit Ephemeris Message (OEM, CCSDS 502.0-B-2/-B-3 §5) as orbwatch reads and writes it:
 * a header, then segments of metadata and state lines. Times are UTC Instants (orbwatch reads
 * only `TIME_SYSTEM = UTC`); positions km, velocities km/s, in the segment's `REF_FRAME`.
 * Issues have the shape of every orbwatch parser's (file, line, column, expected, input), with
 * OEM codes; tests assert the codes.
 * @module
 */
import type { ParseIssue } from '../elements/parse-issue.js';
import type { Instant } from '../time/instant.js';

export interface OemVector {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

export interface OemState {
  readonly t: Instant;
  readonly rKm: OemVector;
  readonly vKmPerSec: OemVector;
  /** Optional accelerations (km/s²), when the line has nine numbers. */
  readonly aKmPerSec2?: OemVector;
  /** 1-based line of the state in the file. */
  readonly line: number;
}

export interface OemMetadata {
  readonly comments: readonly string[];
  readonly objectName: string;
  readonly objectId: string;
  readonly centerName: string;
  readonly refFrame: string;
  readonly refFrameEpoch?: string;
  readonly timeSystem: string;
  readonly startTime: Instant;
  readonly useableStartTime?: Instant;
  readonly useableStopTime?: Instant;
  readonly stopTime: Instant;
  readonly interpolation?: string;
  readonly interpolationDegree?: number;
}

export interface OemSegment {
  readonly line: number;
  readonly metadata: OemMetadata;
  /** Comments at the start of the data section. */
  readonly dataComments: readonly string[];
  readonly states: readonly OemState[];
}

export interface Oem {
  readonly file: string;
  readonly line: number;
  readonly version: string;
  readonly comments: readonly string[];
  readonly creationDate: Instant;
  readonly originator: string;
  readonly messageId?: string;
  readonly segments: readonly OemSegment[];
}

export const OemIssueCode = {
  /** Not `KEY = value`, a section marker out of place, a repeated keyword, a malformed data line. */
  OEM_SYNTAX: 'OEM_SYNTAX',
  /** A keyword the OEM does not define (or one in the wrong section). */
  OEM_UNKNOWN_KEYWORD: 'OEM_UNKNOWN_KEYWORD',
  /** A mandatory keyword, a META_STOP or a segment's data is absent. */
  OEM_FIELD_MISSING: 'OEM_FIELD_MISSING',
  /** A value not of its keyword's type (time, integer, number). */
  OEM_FIELD_TYPE: 'OEM_FIELD_TYPE',
  /** TIME_SYSTEM other than UTC (orbwatch's times are UTC). */
  OEM_UNSUPPORTED_METADATA: 'OEM_UNSUPPORTED_METADATA',
  /** A state outside START_TIME…STOP_TIME or not after the previous one. */
  OEM_DATA_ORDER: 'OEM_DATA_ORDER',
  /** Warning: a covariance section, skipped. */
  OEM_COVARIANCE_IGNORED: 'OEM_COVARIANCE_IGNORED',
  /** Warning: characters outside ASCII; kept as read. */
  OEM_NON_ASCII: 'OEM_NON_ASCII',
} as const;
export type OemIssueCode = (typeof OemIssueCode)[keyof typeof OemIssueCode];

export type OemIssue = Omit<ParseIssue, 'code'> & { readonly code: OemIssueCode };

export interface OemParseResult {
  readonly items: Oem[];
  readonly issues: OemIssue[];
}

export function oemIssue(
  code: OemIssueCode,
  at: { file: string; line: number; column: number },
  expected: string,
  message: string,
  input?: string,
  severity: 'error' | 'warning' = 'error',
): OemIssue {
  const base = { code, severity, file: at.file, line: at.line, column: at.column, expected, message };
  return input === undefined ? base : { ...base, input: input.length > 200 ? `${input.slice(0, 200)}…` : input };
}
