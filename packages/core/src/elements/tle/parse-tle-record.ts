/**
 * Decodes one TLE record (optional name line, line 1, line 2) into an {@link ElementSet}, or
 * reports why it cannot. Used by {@link parseTle}; the line-pairing state machine lives there.
 * @module
 */
import type { NoradId } from '../../ids/norad-id.js';
import { cosparFromTleDesignator, decodeAlpha5, noradId } from '../../ids/norad-id.js';
import { instantFromYearDay } from '../../time/instant.js';
import { degToRad, revPerDayToRadPerSec } from '../../units/quantity.js';
import { checkElements } from '../check-elements.js';
import type { ElementSet, MeanElementTheory } from '../element-set.js';
import type { IssueSeverity, ParseIssue } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { checksumOfRange } from './tle-checksum.js';
import { decimalField, impliedExponentField, impliedFractionField, integerField, isDigitAt } from './tle-fields.js';
import type { TleField } from './tle-layout.js';
import {
  L1,
  L1_BLANKS,
  L2,
  L2_BLANKS_AFTER_ECC,
  L2_BLANKS_BEFORE_ECC,
  TLE_LINE1_TEMPLATE,
  TLE_LINE2_TEMPLATE,
  TLE_LINE_LENGTH,
} from './tle-layout.js';

/** How checksum mismatches are treated: reject the set, keep it with a warning, or not check. */
export type TleChecksumMode = 'verify' | 'warn' | 'ignore';

/** One input line as the parser sees it. */
export interface TleLine {
  /** The line as written, trailing blanks and CR removed (leading blanks kept). */
  readonly raw: string;
  /** The line with leading blanks removed too: column 1 of the TLE is `text[0]`. */
  readonly text: string;
  /** 1-based line number in the input. */
  readonly line: number;
  /** Number of leading blanks removed (added to columns in issues). */
  readonly indent: number;
  /** Offset of the line's first character (leading blanks included) in the parsed input. */
  readonly start: number;
  /** Offset just past the line's last kept character (the end of {@link raw}) in the input. */
  readonly end: number;
}

/** Context shared by all records of one parse. */
export interface TleParseContext {
  readonly file: string;
  readonly checksum: TleChecksumMode;
  readonly issues: ParseIssue[];
  /** The whole input (the lines' `start`/`end` offsets point into it). */
  readonly input: string;
  /**
   * One-entry cache of the international designator (columns 10-17 of line 1) of the previous
   * record and its COSPAR id: consecutive sets of one object (history files) share it, which
   * saves a slice, a regular expression and a retained string per set.
   */
  designatorField: string;
  designatorCospar: string | null;
  /**
   * The previous record's name line text and the name read from it, reused for the next record
   * with the same name line: each element set is kept in memory until the ingest stores it, and
   * one shared string per object is smaller than one copy per set.
   */
  nameLineText: string;
  name: string;
}

const SPACE = 32;

function report(
  ctx: TleParseContext,
  code: IssueCode,
  at: TleLine,
  index: number,
  expected: string,
  message: string,
  input: string,
  severity: IssueSeverity = 'error',
): void {
  ctx.issues.push(
    makeIssue(
      code,
      { file: ctx.file, line: at.line, column: index < 0 ? 0 : at.indent + index + 1 },
      expected,
      message,
      input,
      severity,
    ),
  );
}

function fieldIssue(ctx: TleParseContext, at: TleLine, fld: TleField, shift = 0): void {
  const s = fld.start + shift;
  const e = fld.end + shift;
  report(
    ctx,
    IssueCode.TLE_FIELD,
    at,
    s,
    fld.form,
    `line ${at.text.charAt(0)} columns ${String(s + 1)}-${String(e)}: ${fld.name} "${at.text.slice(s, e)}" is not of the form ${fld.form}`,
    at.text.slice(s, e),
  );
}

/** Index of the first character outside printable ASCII (32-126), or -1. */
function firstNonAscii(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 126 || (c < 32 && c !== 9)) return i;
  }
  return -1;
}

function isBlankCode(c: number): boolean {
  return c === SPACE || c === 9;
}

/**
 * Line-level checks shared by both lines. Returns the shift of the fields after the
 * eccentricity (line 2 with an 8-digit eccentricity: 1) or -1 when the line is unusable.
 */
function checkLineShape(ctx: TleParseContext, at: TleLine, lineNo: 1 | 2): number {
  const t = at.text;
  const template = lineNo === 1 ? TLE_LINE1_TEMPLATE : TLE_LINE2_TEMPLATE;
  const bad = firstNonAscii(t);
  if (bad >= 0) {
    const cp = t.codePointAt(bad) ?? 0;
    report(
      ctx,
      IssueCode.NON_ASCII,
      at,
      bad,
      template,
      `line ${String(lineNo)} has a character outside printable ASCII (U+${cp.toString(16).toUpperCase().padStart(4, '0')}) at column ${String(at.indent + bad + 1)}`,
      t,
    );
    return -1;
  }
  let shift = 0;
  let contentLength = TLE_LINE_LENGTH;
  if (lineNo === 2 && t.length >= 70 && isDigitAt(t, 33) && t.charCodeAt(34) === SPACE) {
    // Eccentricity written with 8 digits: the line is 70 characters and its checksum is in
    // column 70 (seen in some third-party catalogs; CelesTrak and Space-Track write 7 digits).
    shift = 1;
    contentLength = 70;
  }
  if (t.length < contentLength) {
    report(
      ctx,
      IssueCode.TLE_LINE_LENGTH,
      at,
      t.length,
      template,
      `line ${String(lineNo)} has ${String(t.length)} characters; a TLE line has ${String(contentLength)} (truncated?)`,
      t,
    );
    return -1;
  }
  if (t.length > contentLength) {
    if (!isBlankCode(t.charCodeAt(contentLength))) {
      report(
        ctx,
        IssueCode.TLE_LINE_LENGTH,
        at,
        contentLength,
        template,
        `line ${String(lineNo)} has ${String(t.length)} characters and column ${String(contentLength + 1)} is not blank; a TLE line has ${String(contentLength)}`,
        t,
      );
      return -1;
    }
    report(
      ctx,
      IssueCode.TLE_LINE_LENGTH,
      at,
      contentLength,
      template,
      `line ${String(lineNo)}: text after column ${String(contentLength)} ignored ("${t.slice(contentLength).trim()}")`,
      t,
      'warning',
    );
  }
  return shift;
}

function checkChecksum(ctx: TleParseContext, at: TleLine, lineNo: 1 | 2, shift: number): boolean {
  if (ctx.checksum === 'ignore') return true;
  const t = at.text;
  const pos = TLE_LINE_LENGTH - 1 + shift;
  const expected = checksumOfRange(t, 0, pos);
  const written = t.charCodeAt(pos) - 48;
  if (written === expected) return true;
  const severity: IssueSeverity = ctx.checksum === 'warn' ? 'warning' : 'error';
  const writtenText = written >= 0 && written <= 9 ? String(written) : `"${t.charAt(pos)}"`;
  report(
    ctx,
    IssueCode.TLE_CHECKSUM,
    at,
    pos,
    `checksum digit ${String(expected)}`,
    `line ${String(lineNo)} checksum: expected ${String(expected)}, found ${writtenText} (column ${String(at.indent + pos + 1)})`,
    t,
    severity,
  );
  return severity === 'warning';
}

function decodeCatalog(t: string): NoradId | undefined {
  // Fast path: five digits.
  let n = 0;
  for (let i = 2; i < 7; i++) {
    const c = t.charCodeAt(i);
    if (c < 48 || c > 57) return decodeAlpha5(t.slice(2, 7));
    n = n * 10 + (c - 48);
  }
  return noradId(n);
}

function theoryOf(ephemerisType: number): MeanElementTheory {
  switch (ephemerisType) {
    case 0:
    case 2:
    case 3: // SDP4: the deep-space branch of the same theory
      return 'SGP4';
    case 4:
      return 'SGP4-XP';
    case 1:
      return 'SGP';
    default:
      return 'OTHER';
  }
}

/**
 * True when the published elements are within the bounds {@link checkElements} enforces
 * (0 ≤ e < 1, 0 < n < 17 rev/day, 0 ≤ i ≤ 180°, other angles 0-360°). Internal fast path.
 */
export function withinPublishedBounds(
  ecc: number,
  n: number,
  incl: number,
  raan: number,
  argp: number,
  ma: number,
): boolean {
  return (
    ecc >= 0 &&
    ecc < 1 &&
    n > 0 &&
    n < 17 &&
    incl >= 0 &&
    incl <= 180 &&
    raan >= 0 &&
    raan <= 360 &&
    argp >= 0 &&
    argp <= 360 &&
    ma >= 0 &&
    ma <= 360
  );
}

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/**
 * Decodes one record. Pushes every issue found onto `ctx.issues` and returns the element set
 * when none of them is an error.
 */
export function parseTleRecord(
  ctx: TleParseContext,
  nameLine: TleLine | null,
  a: TleLine,
  b: TleLine,
): ElementSet | undefined {
  const shiftA = checkLineShape(ctx, a, 1);
  const shift = checkLineShape(ctx, b, 2);
  if (shiftA < 0 || shift < 0) return undefined;
  let ok = checkChecksum(ctx, a, 1, 0);
  ok = checkChecksum(ctx, b, 2, shift) && ok;

  const t1 = a.text;
  const t2 = b.text;
  for (const i of L1_BLANKS) {
    if (t1.charCodeAt(i) !== SPACE) {
      report(
        ctx,
        IssueCode.TLE_FIELD,
        a,
        i,
        'a blank',
        `line 1 column ${String(i + 1)} should be blank, found "${t1.charAt(i)}"`,
        t1,
      );
      ok = false;
    }
  }
  for (const i of L2_BLANKS_BEFORE_ECC) {
    if (t2.charCodeAt(i) !== SPACE) {
      report(
        ctx,
        IssueCode.TLE_FIELD,
        b,
        i,
        'a blank',
        `line 2 column ${String(i + 1)} should be blank, found "${t2.charAt(i)}"`,
        t2,
      );
      ok = false;
    }
  }
  for (const j of L2_BLANKS_AFTER_ECC) {
    const i = j + shift;
    if (t2.charCodeAt(i) !== SPACE) {
      report(
        ctx,
        IssueCode.TLE_FIELD,
        b,
        i,
        'a blank',
        `line 2 column ${String(i + 1)} should be blank, found "${t2.charAt(i)}"`,
        t2,
      );
      ok = false;
    }
  }

  // ---- line 1
  const cat1 = decodeCatalog(t1);
  if (cat1 === undefined || cat1 === 0) {
    fieldIssue(ctx, a, L1.catalog);
    ok = false;
  }
  const classCode = t1.charCodeAt(7);
  let classification = 'U';
  if (classCode === 67) classification = 'C';
  else if (classCode === 83) classification = 'S';
  else if (classCode !== 85 && classCode !== SPACE) {
    fieldIssue(ctx, a, L1.classification);
    ok = false;
  }
  let cosparId: string | null = null;
  if (sameDesignator(t1, ctx.designatorField)) {
    cosparId = ctx.designatorCospar;
  } else if (t1.charCodeAt(9) !== SPACE || t1.slice(10, 17).trim() !== '') {
    const field = t1.slice(9, 17);
    const c = cosparFromTleDesignator(field);
    if (c === undefined) {
      fieldIssue(ctx, a, L1.designator);
      ok = false;
    } else {
      cosparId = c;
      ctx.designatorField = field;
      ctx.designatorCospar = c;
    }
  }
  let year = 0;
  if (isDigitAt(t1, 18) && isDigitAt(t1, 19)) {
    const yy = (t1.charCodeAt(18) - 48) * 10 + (t1.charCodeAt(19) - 48);
    year = yy >= 57 ? 1900 + yy : 2000 + yy;
  } else {
    fieldIssue(ctx, a, L1.epochYear);
    ok = false;
  }
  const day = decimalField(t1, 20, 32, false);
  if (Number.isNaN(day)) {
    fieldIssue(ctx, a, L1.epochDay);
    ok = false;
  } else if (year !== 0 && !(day >= 1 && day < (isLeapYear(year) ? 367 : 366))) {
    report(
      ctx,
      IssueCode.ELEMENTS_EPOCH,
      a,
      20,
      `1.0 ≤ day < ${isLeapYear(year) ? '367' : '366'} (${String(year)})`,
      `epoch day of year ${t1.slice(20, 32).trim()} does not exist in ${String(year)}`,
      t1.slice(18, 32),
    );
    ok = false;
  }
  const ndot = decimalField(t1, 33, 43, true);
  if (Number.isNaN(ndot)) {
    fieldIssue(ctx, a, L1.ndot);
    ok = false;
  }
  const nddot = impliedExponentField(t1, 44);
  if (Number.isNaN(nddot)) {
    fieldIssue(ctx, a, L1.nddot);
    ok = false;
  }
  const bstar = impliedExponentField(t1, 53);
  if (Number.isNaN(bstar)) {
    fieldIssue(ctx, a, L1.bstar);
    ok = false;
  }
  const ephCode = t1.charCodeAt(62);
  let ephemerisType = 0;
  if (ephCode >= 48 && ephCode <= 57) ephemerisType = ephCode - 48;
  else if (ephCode !== SPACE) {
    fieldIssue(ctx, a, L1.ephemerisType);
    ok = false;
  }
  const elementSetNo = integerField(t1, 64, 68);
  if (elementSetNo !== null && Number.isNaN(elementSetNo)) {
    fieldIssue(ctx, a, L1.elementSetNo);
    ok = false;
  }

  // ---- line 2
  const cat2 = decodeCatalog(t2);
  if (cat2 === undefined || cat2 === 0) {
    fieldIssue(ctx, b, L2.catalog);
    ok = false;
  }
  const incl = decimalField(t2, 8, 16, true);
  if (Number.isNaN(incl)) {
    fieldIssue(ctx, b, L2.inclination);
    ok = false;
  }
  const raan = decimalField(t2, 17, 25, true);
  if (Number.isNaN(raan)) {
    fieldIssue(ctx, b, L2.raan);
    ok = false;
  }
  const ecc = impliedFractionField(t2, 26, 33 + shift);
  if (Number.isNaN(ecc)) {
    report(
      ctx,
      IssueCode.TLE_FIELD,
      b,
      26,
      L2.eccentricity.form,
      `line 2 columns 27-${String(33 + shift)}: eccentricity "${t2.slice(26, 33 + shift)}" is not of the form ${L2.eccentricity.form}`,
      t2.slice(26, 33 + shift),
    );
    ok = false;
  }
  const argp = decimalField(t2, 34 + shift, 42 + shift, true);
  if (Number.isNaN(argp)) {
    fieldIssue(ctx, b, L2.argPerigee, shift);
    ok = false;
  }
  const ma = decimalField(t2, 43 + shift, 51 + shift, true);
  if (Number.isNaN(ma)) {
    fieldIssue(ctx, b, L2.meanAnomaly, shift);
    ok = false;
  }
  const n = decimalField(t2, 52 + shift, 63 + shift, true);
  if (Number.isNaN(n)) {
    fieldIssue(ctx, b, L2.meanMotion, shift);
    ok = false;
  }
  const rev = integerField(t2, 63 + shift, 68 + shift);
  if (rev !== null && Number.isNaN(rev)) {
    fieldIssue(ctx, b, L2.rev, shift);
    ok = false;
  }

  if (cat1 !== undefined && cat2 !== undefined && cat1 !== cat2) {
    report(
      ctx,
      IssueCode.TLE_CATALOG_MISMATCH,
      b,
      2,
      `catalog number ${t1.slice(2, 7)} (as on line 1 at line ${String(a.line)})`,
      `line 2 catalog number "${t2.slice(2, 7)}" differs from line 1's "${t1.slice(2, 7)}"`,
      t2.slice(2, 7),
    );
    ok = false;
  }
  if (!ok || cat1 === undefined) return undefined;

  // Fast path: the same bounds as checkElements (kept equal by a test), which is called only
  // when a value is outside them, to produce the issues.
  if (!withinPublishedBounds(ecc, n, incl, raan, argp, ma)) {
    const physical = checkElements(
      {
        eccentricity: ecc,
        meanMotionRevPerDay: n,
        inclinationDeg: incl,
        raanDeg: raan,
        argPerigeeDeg: argp,
        meanAnomalyDeg: ma,
      },
      { file: ctx.file, line: b.line },
      {
        inclinationDeg: b.indent + 9,
        raanDeg: b.indent + 18,
        eccentricity: b.indent + 27,
        argPerigeeDeg: b.indent + 35 + shift,
        meanAnomalyDeg: b.indent + 44 + shift,
        meanMotionRevPerDay: b.indent + 53 + shift,
      },
    );
    if (physical.length > 0) {
      for (const p of physical) ctx.issues.push(p);
      return undefined;
    }
  }

  const raw = recordRaw(ctx.input, nameLine, a, b);
  return {
    noradId: cat1,
    name: nameLine === null ? null : sharedName(ctx, nameLine.text),
    cosparId,
    classification,
    epoch: instantFromYearDay(year, day),
    epochText: t1.slice(18, 32),
    meanMotionRadPerSec: revPerDayToRadPerSec(n),
    eccentricity: ecc,
    inclinationRad: degToRad(incl),
    raanRad: degToRad(raan),
    argPerigeeRad: degToRad(argp),
    meanAnomalyRad: degToRad(ma),
    bstarPerEarthRadii: bstar,
    meanMotionDotRevPerDay2: ndot,
    meanMotionDdotRevPerDay3: nddot,
    elementSetNo,
    revAtEpoch: rev,
    ephemerisType,
    theory: theoryOf(ephemerisType),
    format: 'tle',
    raw,
    line: nameLine === null ? a.line : nameLine.line,
  };
}

/** {@link nameOf} of `text`, the previous record's string when its name line was the same. */
function sharedName(ctx: TleParseContext, text: string): string {
  if (text !== ctx.nameLineText) {
    ctx.nameLineText = text;
    ctx.name = nameOf(text);
  }
  return ctx.name;
}

/** True when columns 10-17 of `t1` are exactly `field` (8 characters; '' never matches). */
function sameDesignator(t1: string, field: string): boolean {
  if (field.length !== 8) return false;
  for (let i = 0; i < 8; i++) if (t1.charCodeAt(9 + i) !== field.charCodeAt(i)) return false;
  return true;
}

/**
 * The record's lines as written joined by `\n`. When they follow each other in the input with
 * plain LF line ends (the usual case), that is one slice of the input: one small string object
 * instead of three slices and two concatenations, and a flat string that the store can hash
 * and bind without copying it first.
 */
function recordRaw(input: string, nameLine: TleLine | null, a: TleLine, b: TleLine): string {
  const NL = 10;
  const abJoined = a.end + 1 === b.start && input.charCodeAt(a.end) === NL;
  if (nameLine === null) return abJoined ? input.slice(a.start, b.end) : `${a.raw}\n${b.raw}`;
  if (abJoined && nameLine.end + 1 === a.start && input.charCodeAt(nameLine.end) === NL) {
    return input.slice(nameLine.start, b.end);
  }
  return `${nameLine.raw}\n${a.raw}\n${b.raw}`;
}

/** The object name of a name line: Space-Track's `0 NAME` loses its `0 `; blanks trimmed. */
export function nameOf(text: string): string {
  return text.startsWith('0 ') ? text.slice(2).trim() : text;
}
