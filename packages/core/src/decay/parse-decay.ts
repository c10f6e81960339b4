/**
 * Reads Space-Track `decay` class messages (JSON array, or CSV with a header row) into
 * {@link DecayMessage}s. Space-Track sends every value as a string; DECAY_EPOCH is free text in
 * its model (varchar(24)) and is accepted in the forms it publishes: `YYYY-MM-DD`,
 * `YYYY-MM-DD H:MM[:SS[.f]]` (hour padded or not, space or `T`), UTC. A time of `0:00:00` (or
 * none) is a day, not midnight. Any other DECAY_EPOCH (a window, "approximately …") is
 * `DECAY_FIELD_TYPE`: orbwatch does not guess a date from it. Required per record: NORAD_CAT_ID,
 * MSG_TYPE (`Historical` or `Prediction`), DECAY_EPOCH, SOURCE, PRECEDENCE, and MSG_EPOCH for a
 * prediction (a prediction without the time it was made cannot be weighed). A bad record is
 * rejected with an issue located at its field; the others are kept.
 * @module
 */
import type { ParseIssue, ParseResult } from '../elements/parse-issue.js';
import { IssueCode, makeIssue } from '../elements/parse-issue.js';
import { csvRecords, readCsv } from '../elements/omm/csv-rows.js';
import { LineIndex } from '../elements/omm/line-index.js';
import { readJsonDocument } from '../elements/omm/located-json.js';
import type { LocatedFields, LocatedValue } from '../elements/omm/located-value.js';
import { jsonObjectFields } from '../elements/omm/parse-omm-json.js';
import { fieldInput, isBlank, readInteger, readText } from '../elements/omm/read-field.js';
import { noradId, NORAD_ID_MAX } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import { parseUtcTimestamp } from '../time/instant.js';
import type { DecayEpochPrecision, DecayMessage, DecayMessageType } from './decay-message.js';

export interface ParseDecayOptions {
  readonly file: string;
  /** Detected from the first character when absent (`[`/`{`: JSON, else CSV). */
  readonly format?: 'json' | 'csv';
}

const COSPAR_RE = /^\d{4}-\d{3}[A-Z]{1,3}$/;
/** The published forms: date, optional time with an unpadded hour, optional fraction. */
const SPACETRACK_TIME_RE = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?$/;

/** Reads a Space-Track time; `undefined` when it is not of the published forms. */
export function parseSpaceTrackTime(text: string): { at: Instant; precision: DecayEpochPrecision } | undefined {
  const m = SPACETRACK_TIME_RE.exec(text.trim());
  if (m === null) return undefined;
  const [, date, h, mi, s, frac] = m;
  if (h === undefined) {
    const at = parseUtcTimestamp(`${date ?? ''}T00:00:00`);
    return at === undefined ? undefined : { at, precision: 'day' };
  }
  const at = parseUtcTimestamp(`${date ?? ''}T${h.padStart(2, '0')}:${mi ?? '00'}:${s ?? '00'}${frac ?? ''}`);
  if (at === undefined) return undefined;
  const midnight = Number(h) === 0 && Number(mi) === 0 && Number(s ?? 0) === 0 && Number(frac ?? 0) === 0;
  return { at, precision: midnight ? 'day' : 'time' };
}

interface DecayRow {
  readonly line: number;
  readonly raw: string;
  readonly fields: LocatedFields;
}

/** Parses a decay download. Never throws on bad input; the good records of a batch are kept. */
export function parseDecayMessages(text: string, options: ParseDecayOptions): ParseResult<DecayMessage> {
  const { file } = options;
  const issues: ParseIssue[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') {
    return {
      items: [],
      issues: [
        makeIssue(
          IssueCode.EMPTY_INPUT,
          { file, line: 1, column: 0 },
          'Space-Track decay messages',
          'the input is empty',
        ),
      ],
    };
  }
  const first = body.trimStart()[0];
  const format = options.format ?? (first === '[' || first === '{' ? 'json' : 'csv');
  const rows = format === 'json' ? jsonRows(text, file, issues) : csvRows(text, file, issues);
  if (rows.length === 0 && issues.length === 0) {
    issues.push(
      makeIssue(
        IssueCode.EMPTY_INPUT,
        { file, line: 1, column: 0 },
        'one or more decay messages',
        'the download holds no message',
        undefined,
        'warning',
      ),
    );
  }
  const items: DecayMessage[] = [];
  for (const row of rows) {
    const m = buildMessage(row, file, issues);
    if (m !== null) items.push(m);
  }
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}

function jsonRows(text: string, file: string, issues: ParseIssue[]): DecayRow[] {
  const lines = new LineIndex(text);
  const doc = readJsonDocument(text);
  for (const p of doc.problems) {
    issues.push(
      makeIssue(IssueCode.DECAY_SYNTAX, { file, ...lines.position(p.offset) }, p.expected, `JSON syntax: ${p.message}`),
    );
  }
  const out: DecayRow[] = [];
  for (const el of doc.elements) {
    const at = lines.position(el.start);
    if (el.kind !== 'object') {
      issues.push(
        makeIssue(
          IssueCode.DECAY_SYNTAX,
          { file, ...at },
          'a JSON object per decay message',
          `found a JSON ${el.kind}`,
        ),
      );
      continue;
    }
    out.push({ line: at.line, raw: text.slice(el.start, el.end), fields: jsonObjectFields(el, lines) });
  }
  return out;
}

function csvRows(text: string, file: string, issues: ParseIssue[]): DecayRow[] {
  const doc = readCsv(text);
  const [header, ...rest] = doc.rows;
  if (header === undefined) return [];
  const out = csvRecords(header, rest, file, IssueCode.DECAY_SYNTAX, issues).map((r) => ({
    line: r.line,
    raw: r.raw,
    fields: r.fields,
  }));
  if (doc.unterminatedQuote !== null)
    issues.push(
      makeIssue(IssueCode.DECAY_SYNTAX, { file, ...doc.unterminatedQuote }, 'a closing "', 'unterminated quoted cell'),
    );
  return out;
}

function buildMessage(row: DecayRow, file: string, issues: ParseIssue[]): DecayMessage | null {
  const { fields } = row;
  const before = issues.length;
  const at = (v: LocatedValue | undefined): { file: string; line: number; column: number } =>
    v === undefined ? { file, line: row.line, column: 0 } : { file, line: v.line, column: v.column };
  const missing = (name: string, v: LocatedValue | undefined, why = 'is missing or blank'): void => {
    issues.push(makeIssue(IssueCode.DECAY_FIELD_MISSING, at(v), name, `required field ${name} ${why}`));
  };
  const wrong = (name: string, v: LocatedValue, expected: string): void => {
    issues.push(makeIssue(IssueCode.DECAY_FIELD_TYPE, at(v), expected, `${name} is not ${expected}`, fieldInput(v)));
  };
  const text = (name: string): string | null => {
    const r = readText(fields.get(name));
    return r.ok ? r.value : null;
  };

  const noradField = fields.get('NORAD_CAT_ID') ?? fields.get('OBJECT_NUMBER');
  const noradRead = readInteger(noradField);
  let norad: number | null = null;
  if (noradRead.ok && noradRead.value >= 1 && noradRead.value <= NORAD_ID_MAX) norad = noradRead.value;
  else if (noradField === undefined || isBlank(noradField)) missing('NORAD_CAT_ID', noradField);
  else wrong('NORAD_CAT_ID', noradField, `an integer in 1..${String(NORAD_ID_MAX)}`);

  const typeField = fields.get('MSG_TYPE');
  const typeText = readText(typeField);
  let messageType: DecayMessageType | null = null;
  if (typeText.ok && /^historical$/i.test(typeText.value)) messageType = 'Historical';
  else if (typeText.ok && /^prediction$/i.test(typeText.value)) messageType = 'Prediction';
  else if (typeField === undefined || isBlank(typeField)) missing('MSG_TYPE', typeField);
  else wrong('MSG_TYPE', typeField, 'Historical or Prediction');

  const decayField = fields.get('DECAY_EPOCH');
  const decayText = readText(decayField);
  let decay: { at: Instant; precision: DecayEpochPrecision } | undefined;
  if (!decayText.ok) {
    if (decayField === undefined || isBlank(decayField)) missing('DECAY_EPOCH', decayField);
    else wrong('DECAY_EPOCH', decayField, 'a UTC date or time YYYY-MM-DD[ H:MM:SS]');
  } else {
    decay = parseSpaceTrackTime(decayText.value);
    if (decay === undefined && decayField !== undefined)
      wrong('DECAY_EPOCH', decayField, 'a UTC date or time YYYY-MM-DD[ H:MM:SS]');
  }

  const msgField = fields.get('MSG_EPOCH');
  const msgText = readText(msgField);
  let messageEpoch: Instant | null = null;
  if (msgText.ok) {
    const t = parseSpaceTrackTime(msgText.value);
    if (t === undefined && msgField !== undefined) wrong('MSG_EPOCH', msgField, 'a UTC time YYYY-MM-DD HH:MM:SS');
    else messageEpoch = t?.at ?? null;
  } else if (msgField !== undefined && !isBlank(msgField)) {
    wrong('MSG_EPOCH', msgField, 'a UTC time YYYY-MM-DD HH:MM:SS');
  } else if (messageType === 'Prediction') {
    missing('MSG_EPOCH', msgField, 'is missing or blank in a prediction (a prediction needs the time it was made)');
  }

  const sourceField = fields.get('SOURCE');
  const source = text('SOURCE');
  if (source === null) {
    if (sourceField === undefined || isBlank(sourceField)) missing('SOURCE', sourceField);
    else wrong('SOURCE', sourceField, 'text');
  }

  const precField = fields.get('PRECEDENCE');
  const precRead = readInteger(precField);
  if (!precRead.ok) {
    if (precField === undefined || isBlank(precField)) missing('PRECEDENCE', precField);
    else wrong('PRECEDENCE', precField, 'an integer');
  }

  const cosparField = fields.get('INTLDES') ?? fields.get('OBJECT_ID');
  const cosparText = readText(cosparField);
  const cosparId = cosparText.ok && COSPAR_RE.test(cosparText.value) ? cosparText.value : null;
  const size = text('RCS_SIZE')?.toUpperCase() ?? null;
  const rcsSize = size === 'SMALL' || size === 'MEDIUM' || size === 'LARGE' ? size : null;

  if (
    issues.length > before ||
    norad === null ||
    messageType === null ||
    decay === undefined ||
    !decayText.ok ||
    source === null ||
    !precRead.ok
  )
    return null;
  return {
    noradId: noradId(norad),
    name: text('OBJECT_NAME'),
    cosparId,
    country: text('COUNTRY'),
    rcsSize,
    messageType,
    messageEpoch,
    decayEpoch: decay.at,
    precision: decay.precision,
    decayEpochText: decayText.value,
    source,
    precedence: precRead.value,
    raw: row.raw,
    line: row.line,
  };
}
