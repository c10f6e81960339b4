/**
 * Turns the located keywords of one OMM record (from any of the four syntaxes) into an
 * `ElementSet`, or into issues. This is the one place where OMM semantics live: which fields
 * are required, how they are typed, units (degrees → rad, rev/day → rad/s), which theories,
 * frames and time systems are accepted, and the physical plausibility checks.
 * @module
 */
import type { ElementSet, ElementSetFormat } from '../element-set.js';
import type { ElementColumns, PublishedElements } from '../check-elements.js';
import { checkElements } from '../check-elements.js';
import type { ParseIssue } from '../parse-issue.js';
import { IssueCode, makeIssue } from '../parse-issue.js';
import { noradId, NORAD_ID_MAX } from '../../ids/norad-id.js';
import { parseUtcTimestamp } from '../../time/instant.js';
import { degToRad, revPerDayToRadPerSec } from '../../units/quantity.js';
import type { LocatedFields, LocatedValue } from './located-value.js';
import { fieldInput, readInteger, readNumber, readText } from './read-field.js';

/** Where a record came from and its raw text. */
export interface OmmRecordContext {
  readonly file: string;
  /** 1-based line where the record starts. */
  readonly line: number;
  readonly raw: string;
  readonly format: ElementSetFormat;
}

/** The element set (null when rejected) and the issues (errors and warnings) of one record. */
export interface BuiltRecord {
  readonly item: ElementSet | null;
  readonly issues: ParseIssue[];
}

/** `MEAN_ELEMENT_THEORY` values read as SGP4: the CCSDS examples' `SGP/SGP4` names the NORAD TLE theory. */
const SGP4_NAMES: ReadonlySet<string> = new Set(['SGP4', 'SGP/SGP4', 'SGP4/SDP4']);

const COSPAR_RE = /^\d{4}-\d{3}[A-Z]{1,3}$/;

const ELEMENT_FIELDS = [
  ['MEAN_MOTION', 'meanMotionRevPerDay', 'rev/day'],
  ['ECCENTRICITY', 'eccentricity', 'dimensionless'],
  ['INCLINATION', 'inclinationDeg', 'deg'],
  ['RA_OF_ASC_NODE', 'raanDeg', 'deg'],
  ['ARG_OF_PERICENTER', 'argPerigeeDeg', 'deg'],
  ['MEAN_ANOMALY', 'meanAnomalyDeg', 'deg'],
] as const satisfies readonly (readonly [string, keyof PublishedElements, string])[];

/** Column numbers passed to checkElements: 1-based indexes into ELEMENT_FIELDS (see below). */
const INDEX_COLUMNS: ElementColumns = Object.fromEntries(ELEMENT_FIELDS.map(([, k], i) => [k, i + 1]));

/**
 * Builds one element set. Errors reject the record; warnings (e.g. `OMM_XP_TERMS`) keep it.
 * Never throws on bad input.
 */
export function buildElementSet(fields: LocatedFields, ctx: OmmRecordContext): BuiltRecord {
  const issues: ParseIssue[] = [];
  const { file } = ctx;
  const at = (v: LocatedValue | undefined): { file: string; line: number; column: number } =>
    v === undefined ? { file, line: ctx.line, column: 0 } : { file, line: v.line, column: v.column };
  const wrongType = (key: string, v: LocatedValue, expected: string): void => {
    issues.push(makeIssue(IssueCode.OMM_FIELD_TYPE, at(v), expected, `${key} is not ${expected}`, fieldInput(v)));
  };
  const missing = (key: string): void => {
    issues.push(makeIssue(IssueCode.OMM_FIELD_MISSING, at(undefined), key, `required keyword ${key} is missing`));
  };

  // Theory and ephemeris type decide which fields are required.
  const ephField = fields.get('EPHEMERIS_TYPE');
  const ephRead = readInteger(ephField);
  if (!ephRead.ok && !ephRead.absent && ephField !== undefined)
    wrongType('EPHEMERIS_TYPE', ephField, 'an integer (0, 2 or 4)');
  const theoryField = fields.get('MEAN_ELEMENT_THEORY');
  const theoryRead = readText(theoryField);
  let theory: 'SGP4' | 'SGP4-XP';
  if (theoryRead.ok) {
    const t = theoryRead.value.toUpperCase();
    if (SGP4_NAMES.has(t)) theory = 'SGP4';
    else if (t === 'SGP4-XP') theory = 'SGP4-XP';
    else {
      issues.push(
        makeIssue(
          IssueCode.OMM_UNSUPPORTED_THEORY,
          at(theoryField),
          'SGP4, SGP/SGP4 or SGP4-XP',
          `mean element theory ${theoryRead.value} cannot be propagated with SGP4`,
          theoryRead.value,
        ),
      );
      return { item: null, issues };
    }
  } else {
    theory = ephRead.ok && ephRead.value === 4 ? 'SGP4-XP' : 'SGP4';
  }
  const ephemerisType = ephRead.ok ? ephRead.value : theory === 'SGP4-XP' ? 4 : 0;
  if (ephRead.ok && (theory === 'SGP4-XP' ? ephemerisType !== 4 : ephemerisType !== 0 && ephemerisType !== 2)) {
    issues.push(
      makeIssue(
        IssueCode.OMM_UNSUPPORTED_THEORY,
        at(ephField),
        theory === 'SGP4-XP' ? 'EPHEMERIS_TYPE 4' : 'EPHEMERIS_TYPE 0 or 2',
        `EPHEMERIS_TYPE ${ephemerisType} does not match mean element theory ${theory}`,
        String(ephemerisType),
      ),
    );
  }
  for (const [key, want] of [
    ['CENTER_NAME', 'EARTH'],
    ['REF_FRAME', 'TEME'],
    ['TIME_SYSTEM', 'UTC'],
  ] as const) {
    const f = fields.get(key);
    const r = readText(f);
    if (r.ok && r.value.toUpperCase() !== want) {
      issues.push(
        makeIssue(
          IssueCode.OMM_UNSUPPORTED_METADATA,
          at(f),
          want,
          `${key} ${r.value} is not ${want}, as SGP4 mean elements require`,
          r.value,
        ),
      );
    }
  }
  if (issues.length > 0) return { item: null, issues };

  const num = (key: string, unit: string): number | undefined => {
    const f = fields.get(key);
    const r = readNumber(f);
    if (r.ok) return r.value;
    if (r.absent || f === undefined) missing(key);
    else wrongType(key, f, `a decimal number (${unit})`);
    return undefined;
  };
  const optInt = (key: string, expected: string): number | null | undefined => {
    const f = fields.get(key);
    const r = readInteger(f);
    if (r.ok && r.value >= 0) return r.value;
    if (!r.ok && r.absent) return null;
    if (f !== undefined) wrongType(key, f, expected);
    return undefined;
  };

  // NORAD id
  const noradField = fields.get('NORAD_CAT_ID');
  const noradRead = readInteger(noradField);
  let norad: number | undefined;
  if (noradRead.ok && noradRead.value >= 1 && noradRead.value <= NORAD_ID_MAX) norad = noradRead.value;
  else if (noradField === undefined || (!noradRead.ok && noradRead.absent)) missing('NORAD_CAT_ID');
  else wrongType('NORAD_CAT_ID', noradField, `an integer in 1..${NORAD_ID_MAX}`);

  // Epoch
  const epochField = fields.get('EPOCH');
  const epochRead = readText(epochField);
  let epoch: ReturnType<typeof parseUtcTimestamp>;
  if (epochRead.ok && epochField !== undefined) {
    epoch = typeof epochField.value === 'string' ? parseUtcTimestamp(epochRead.value) : undefined;
    if (epoch === undefined)
      wrongType('EPOCH', epochField, 'a UTC time YYYY-MM-DDThh:mm:ss[.f] or YYYY-DDDThh:mm:ss[.f]');
  } else if (epochField !== undefined && !epochRead.ok && !epochRead.absent) {
    wrongType('EPOCH', epochField, 'a UTC time YYYY-MM-DDThh:mm:ss[.f] or YYYY-DDDThh:mm:ss[.f]');
  } else {
    missing('EPOCH');
  }

  // Mean elements
  const published: Partial<Record<keyof PublishedElements, number>> = {};
  for (const [key, name, unit] of ELEMENT_FIELDS) {
    const v = num(key, unit);
    if (v !== undefined) published[name] = v;
  }

  // TLE parameters. SGP4-XP replaces BSTAR by BTERM and MEAN_MOTION_DDOT by AGOM.
  const xpSlot = (key: string, xpKey: string, unit: string, xpUnit: string): number | undefined => {
    if (theory === 'SGP4-XP' && fields.get(key) === undefined && fields.get(xpKey) !== undefined) {
      const v = num(xpKey, xpUnit);
      if (v !== undefined) {
        issues.push(
          makeIssue(
            IssueCode.OMM_XP_TERMS,
            at(fields.get(xpKey)),
            key,
            `SGP4-XP ${xpKey} (${xpUnit}) kept in the ${key} slot, as an ephemeris-type-4 TLE carries it`,
            String(v),
            'warning',
          ),
        );
      }
      return v;
    }
    return num(key, unit);
  };
  const bstar = xpSlot('BSTAR', 'BTERM', '1/earth radii', 'm²/kg');
  const nDot = num('MEAN_MOTION_DOT', 'rev/day²');
  const nDdot = xpSlot('MEAN_MOTION_DDOT', 'AGOM', 'rev/day³', 'm²/kg');
  const elementSetNo = optInt('ELEMENT_SET_NO', 'a non-negative integer');
  const revAtEpoch = optInt('REV_AT_EPOCH', 'a non-negative integer');

  const classField = fields.get('CLASSIFICATION_TYPE');
  const classRead = readText(classField);
  let classification = 'U';
  if (classRead.ok && /^[UCS]$/.test(classRead.value)) classification = classRead.value;
  else if (classField !== undefined && !(!classRead.ok && classRead.absent))
    wrongType('CLASSIFICATION_TYPE', classField, 'U, C or S');

  const name = readText(fields.get('OBJECT_NAME'));
  const objectId = readText(fields.get('OBJECT_ID'));

  if (issues.some((i) => i.severity === 'error')) return { item: null, issues };
  const { meanMotionRevPerDay, eccentricity, inclinationDeg, raanDeg, argPerigeeDeg, meanAnomalyDeg } = published;
  if (
    norad === undefined ||
    epoch === undefined ||
    !epochRead.ok ||
    meanMotionRevPerDay === undefined ||
    eccentricity === undefined ||
    inclinationDeg === undefined ||
    raanDeg === undefined ||
    argPerigeeDeg === undefined ||
    meanAnomalyDeg === undefined ||
    bstar === undefined ||
    nDot === undefined ||
    nDdot === undefined ||
    elementSetNo === undefined ||
    revAtEpoch === undefined
  ) {
    return { item: null, issues }; // unreachable: each undefined above pushed an error
  }

  // Plausibility. checkElements takes one line; each field has its own, so the column passed
  // is an index into ELEMENT_FIELDS and is mapped back to the field's own line and column.
  const elements: PublishedElements = {
    meanMotionRevPerDay,
    eccentricity,
    inclinationDeg,
    raanDeg,
    argPerigeeDeg,
    meanAnomalyDeg,
  };
  const physical = checkElements(elements, { file, line: ctx.line }, INDEX_COLUMNS);
  if (physical.length > 0) {
    for (const p of physical) {
      const key = ELEMENT_FIELDS[p.column - 1]?.[0];
      const where = key === undefined ? at(undefined) : at(fields.get(key));
      issues.push({ ...p, line: where.line, column: where.column });
    }
    return { item: null, issues };
  }

  const item: ElementSet = {
    noradId: noradId(norad),
    name: name.ok ? name.value : null,
    cosparId: objectId.ok && COSPAR_RE.test(objectId.value) ? objectId.value : null,
    classification,
    epoch,
    epochText: epochRead.value,
    meanMotionRadPerSec: revPerDayToRadPerSec(meanMotionRevPerDay),
    eccentricity,
    inclinationRad: degToRad(inclinationDeg),
    raanRad: degToRad(raanDeg),
    argPerigeeRad: degToRad(argPerigeeDeg),
    meanAnomalyRad: degToRad(meanAnomalyDeg),
    bstarPerEarthRadii: bstar,
    meanMotionDotRevPerDay2: nDot,
    meanMotionDdotRevPerDay3: nDdot,
    elementSetNo,
    revAtEpoch,
    ephemerisType,
    theory,
    format: ctx.format,
    raw: ctx.raw,
    line: ctx.line,
  };
  return { item, issues };
}
