/**
 * Reads satellite catalogue (SATCAT) tables into `SatcatRecord`s. Three column dialects are
 * recognised by their column names, in CSV or JSON:
 * - CelesTrak current (OBJECT_NAME, OBJECT_ID, NORAD_CAT_ID, OBJECT_TYPE = PAY/R/B/DEB/UNK,
 *   OPS_STATUS_CODE, OWNER, LAUNCH_DATE, LAUNCH_SITE, DECAY_DATE, PERIOD, INCLINATION, APOGEE,
 *   PERIGEE, RCS, DATA_STATUS_CODE, ORBIT_CENTER, ORBIT_TYPE);
 * - CelesTrak's older table (INTLDES, SATNAME, PAYLOAD_FLAG, OWNER_SOURCE, PERIOD_MIN,
 *   INCLINATION_DEG, APOGEE_KM, PERIGEE_KM, RCS_M2 with `-1` = no value): it has no object type,
 *   only a payload flag, so non-payloads are typed from CelesTrak's naming convention (`DEB` →
 *   DEBRIS, `R/B` → ROCKET BODY, anything else → UNKNOWN);
 * - Space-Track (INTLDES, SATNAME, OBJECT_TYPE = PAYLOAD/ROCKET BODY/DEBRIS/UNKNOWN/TBA,
 *   COUNTRY, LAUNCH, SITE, DECAY, RCSVALUE with `0` = not published, RCS_SIZE).
 * Periods are minutes, inclinations degrees, altitudes km in all three. A record without a
 * catalogue number or a name (CelesTrak's empty placeholder rows) is `SATCAT_FIELD_MISSING`;
 * an unreadable value is `SATCAT_FIELD_TYPE`; both reject the record, the others are kept.
 * @module
 */
import type { ParseIssue, ParseResult } from '../elements/parse-issue.js';
import { IssueCode, makeIssue } from '../elements/parse-issue.js';
import { detectElementFormat } from '../elements/omm/detect-format.js';
import { csvRecords, readCsv } from '../elements/omm/csv-rows.js';
import { LineIndex } from '../elements/omm/line-index.js';
import { readJsonDocument } from '../elements/omm/located-json.js';
import type { LocatedFields, LocatedValue } from '../elements/omm/located-value.js';
import { jsonObjectFields } from '../elements/omm/parse-omm-json.js';
import { fieldInput, isBlank, readInteger, readNumber, readText } from '../elements/omm/read-field.js';
import { noradId, NORAD_ID_MAX } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import { parseUtcTimestamp } from '../time/instant.js';
import { degToRad, km, sec } from '../units/quantity.js';
import type { RcsSize, SatcatObjectType, SatcatRecord } from './satcat-record.js';

/** Options of {@link parseSatcat}: the file name for issues and the syntax when known. */
export interface ParseSatcatOptions {
  readonly file: string;
  /** Detected from the text when absent. */
  readonly format?: 'csv' | 'json';
}

const COSPAR_RE = /^\d{4}-\d{3}[A-Z]{1,3}$/;

const OBJECT_TYPES: Readonly<Record<string, SatcatObjectType>> = {
  PAYLOAD: 'PAYLOAD',
  PAY: 'PAYLOAD',
  'ROCKET BODY': 'ROCKET BODY',
  'R/B': 'ROCKET BODY',
  DEBRIS: 'DEBRIS',
  DEB: 'DEBRIS',
  UNKNOWN: 'UNKNOWN',
  UNK: 'UNKNOWN',
  TBA: 'TBA',
};

interface SatcatRow {
  readonly line: number;
  readonly fields: LocatedFields;
}

/** Parses a SATCAT table (CSV with a header row, or a JSON array of objects). Never throws on bad input. */
export function parseSatcat(text: string, options: ParseSatcatOptions): ParseResult<SatcatRecord> {
  const { file } = options;
  const issues: ParseIssue[] = [];
  if (text.trim() === '' || text === '\ufeff') {
    return {
      items: [],
      issues: [makeIssue(IssueCode.EMPTY_INPUT, { file, line: 1, column: 0 }, 'a SATCAT table', 'the input is empty')],
    };
  }
  let format = options.format;
  if (format === undefined) {
    const detected = detectElementFormat(text);
    if (detected === 'satcat-csv') format = 'csv';
    else if (detected === 'satcat-json') format = 'json';
    else {
      return {
        items: [],
        issues: [
          makeIssue(
            IssueCode.UNKNOWN_FORMAT,
            { file, line: 1, column: 0 },
            'SATCAT as CSV or JSON',
            `the input looks like ${detected}, not a SATCAT table`,
          ),
        ],
      };
    }
  }
  const rows = format === 'csv' ? csvRows(text, file, issues) : jsonRows(text, file, issues);
  const items: SatcatRecord[] = [];
  if (rows.length === 0 && issues.length === 0) {
    issues.push(
      makeIssue(
        IssueCode.EMPTY_INPUT,
        { file, line: 1, column: 0 },
        'one or more SATCAT records',
        'the table holds no record',
        undefined,
        'warning',
      ),
    );
  }
  for (const row of rows) {
    const rec = buildRecord(row, file, issues);
    if (rec !== null) items.push(rec);
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}

function csvRows(text: string, file: string, issues: ParseIssue[]): SatcatRow[] {
  const doc = readCsv(text);
  const [header, ...rest] = doc.rows;
  const out: SatcatRow[] = [];
  if (header === undefined) return out;
  for (const { line, fields } of csvRecords(header, rest, file, IssueCode.SATCAT_SYNTAX, issues))
    out.push({ line, fields });
  if (doc.unterminatedQuote !== null) {
    issues.push(
      makeIssue(IssueCode.SATCAT_SYNTAX, { file, ...doc.unterminatedQuote }, 'a closing "', 'unterminated quoted cell'),
    );
  }
  return out;
}

function jsonRows(text: string, file: string, issues: ParseIssue[]): SatcatRow[] {
  const lines = new LineIndex(text);
  const doc = readJsonDocument(text);
  for (const p of doc.problems) {
    issues.push(
      makeIssue(
        IssueCode.SATCAT_SYNTAX,
        { file, ...lines.position(p.offset) },
        p.expected,
        `JSON syntax: ${p.message}`,
      ),
    );
  }
  const out: SatcatRow[] = [];
  for (const el of doc.elements) {
    const at = lines.position(el.start);
    if (el.kind !== 'object') {
      issues.push(
        makeIssue(
          IssueCode.SATCAT_SYNTAX,
          { file, ...at },
          'a JSON object per SATCAT record',
          `found a JSON ${el.kind}`,
        ),
      );
      continue;
    }
    out.push({ line: at.line, fields: jsonObjectFields(el, lines) });
  }
  return out;
}

function buildRecord(row: SatcatRow, file: string, issues: ParseIssue[]): SatcatRecord | null {
  const { fields } = row;
  const before = issues.length;
  const pick = (...names: string[]): [string, LocatedValue | undefined] => {
    for (const n of names) {
      const v = fields.get(n);
      if (v !== undefined) return [n, v];
    }
    return [names[0] ?? '', undefined];
  };
  const at = (v: LocatedValue | undefined): { file: string; line: number; column: number } =>
    v === undefined ? { file, line: row.line, column: 0 } : { file, line: v.line, column: v.column };
  const missing = (name: string): void => {
    issues.push(
      makeIssue(IssueCode.SATCAT_FIELD_MISSING, at(undefined), name, `required column ${name} is missing or blank`),
    );
  };
  const wrong = (name: string, v: LocatedValue, expected: string): void => {
    issues.push(makeIssue(IssueCode.SATCAT_FIELD_TYPE, at(v), expected, `${name} is not ${expected}`, fieldInput(v)));
  };
  const legacy = fields.has('PAYLOAD_FLAG');

  const [noradName, noradField] = pick('NORAD_CAT_ID');
  const noradRead = readInteger(noradField);
  let norad: number | null = null;
  if (noradRead.ok && noradRead.value >= 1 && noradRead.value <= NORAD_ID_MAX) norad = noradRead.value;
  else if (noradField === undefined || isBlank(noradField)) missing(noradName);
  else wrong(noradName, noradField, `an integer in 1..${NORAD_ID_MAX}`);

  const [nameName, nameField] = pick('OBJECT_NAME', 'SATNAME');
  const nameRead = readText(nameField);
  if (!nameRead.ok) {
    if (nameField === undefined || isBlank(nameField)) missing(nameName);
    else wrong(nameName, nameField, 'text');
  }

  const [cosparName, cosparField] = pick('OBJECT_ID', 'INTLDES');
  const cosparRead = readText(cosparField);
  let cosparId: string | null = null;
  if (cosparRead.ok) {
    if (COSPAR_RE.test(cosparRead.value)) cosparId = cosparRead.value;
    else if (cosparField !== undefined) wrong(cosparName, cosparField, 'an international designator YYYY-NNNP');
  }

  let objectType: SatcatObjectType | null = null;
  const [typeName, typeField] = pick('OBJECT_TYPE');
  if (typeField !== undefined) {
    const t = readText(typeField);
    const mapped = t.ok ? OBJECT_TYPES[t.value.toUpperCase()] : undefined;
    if (mapped !== undefined) objectType = mapped;
    else if (!t.ok && t.absent) missing(typeName);
    else wrong(typeName, typeField, 'PAYLOAD, ROCKET BODY, DEBRIS, UNKNOWN, TBA (or PAY, R/B, DEB, UNK)');
  } else if (legacy) {
    const flagField = fields.get('PAYLOAD_FLAG');
    const flag = readText(flagField);
    if (flag.ok && flag.value === '1') objectType = 'PAYLOAD';
    else if (flag.ok && flag.value === '0') {
      const n = nameRead.ok ? nameRead.value : '';
      objectType = /\bDEB\b/.test(n) ? 'DEBRIS' : n.includes('R/B') ? 'ROCKET BODY' : 'UNKNOWN';
    } else if (flagField !== undefined) wrong('PAYLOAD_FLAG', flagField, '0 or 1');
  } else {
    missing('OBJECT_TYPE');
  }

  const text = (...names: string[]): string | null => {
    const r = readText(pick(...names)[1]);
    return r.ok ? r.value : null;
  };
  const date = (...names: string[]): Instant | null => {
    const [n, f] = pick(...names);
    const r = readText(f);
    if (f === undefined) return null;
    if (!r.ok) {
      if (!r.absent) wrong(n, f, 'a date YYYY-MM-DD');
      return null;
    }
    const t = typeof f.value === 'string' ? parseUtcTimestamp(r.value) : undefined;
    if (t === undefined) wrong(n, f, 'a date YYYY-MM-DD');
    return t ?? null;
  };
  /** A number, null when blank or equal to the dialect's "no value" sentinel. */
  const number = (unit: string, sentinel: number | null, ...names: string[]): number | null => {
    const [n, f] = pick(...names);
    const r = readNumber(f);
    if (r.ok) return sentinel !== null && r.value === sentinel ? null : r.value;
    if (!r.absent && f !== undefined) wrong(n, f, `a decimal number (${unit})`);
    return null;
  };

  const launchDate = date('LAUNCH_DATE', 'LAUNCH');
  const decayDate = date('DECAY_DATE', 'DECAY');
  const legacySentinel = legacy ? -1 : null;
  const periodMin = number('minutes', legacySentinel, 'PERIOD', 'PERIOD_MIN');
  const inclinationDeg = number('degrees', legacySentinel, 'INCLINATION', 'INCLINATION_DEG');
  const apogee = number('km', legacySentinel, 'APOGEE', 'APOGEE_KM');
  const perigee = number('km', legacySentinel, 'PERIGEE', 'PERIGEE_KM');
  const rcsM2 =
    fields.has('RCS') || fields.has('RCS_M2')
      ? number('m²', legacySentinel, 'RCS', 'RCS_M2')
      : number('m²', 0, 'RCSVALUE');

  let rcsSize: RcsSize | null = null;
  const sizeField = fields.get('RCS_SIZE');
  const size = readText(sizeField);
  if (size.ok) {
    const s = size.value.toUpperCase();
    if (s === 'SMALL' || s === 'MEDIUM' || s === 'LARGE') rcsSize = s;
    else if (sizeField !== undefined) wrong('RCS_SIZE', sizeField, 'SMALL, MEDIUM or LARGE');
  }

  if (issues.length > before || norad === null || !nameRead.ok || objectType === null) return null;
  return {
    noradId: noradId(norad),
    cosparId,
    name: nameRead.value,
    objectType,
    owner: text('OWNER', 'COUNTRY', 'OWNER_SOURCE'),
    launchDate,
    launchSite: text('LAUNCH_SITE', 'SITE'),
    decayDate,
    periodSec: periodMin === null ? null : sec(periodMin * 60),
    inclinationRad: inclinationDeg === null ? null : degToRad(inclinationDeg),
    apogeeKm: apogee === null ? null : km(apogee),
    perigeeKm: perigee === null ? null : km(perigee),
    rcsM2,
    rcsSize,
    opsStatus: text('OPS_STATUS_CODE'),
    line: row.line,
  };
}
