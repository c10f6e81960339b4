/**
 * Reads an OEM in KVN (CCSDS 502.0-B-2/-B-3 §5.2): `CCSDS_OEM_VERS` opens a message (a file may
 * hold several); header keywords (COMMENT, CREATION_DATE, ORIGINATOR, MESSAGE_ID) follow; each
 * segment is `META_START` … `META_STOP` with its metadata keywords, then COMMENT lines and data
 * lines `epoch x y z vx vy vz [ax ay az]` (km, km/s, km/s²). A covariance section
 * (`COVARIANCE_START` … `COVARIANCE_STOP`) is skipped with a warning. Lines are classified by the
 * shared KVN reader (`kvn/kvn-line.ts`), as the OMM and CDM readers do.
 *
 * A message with an error is rejected, others are kept; issues name line and column. Checked:
 * mandatory keywords (header: CCSDS_OEM_VERS, CREATION_DATE, ORIGINATOR; metadata: OBJECT_NAME,
 * OBJECT_ID, CENTER_NAME, REF_FRAME, TIME_SYSTEM, START_TIME, STOP_TIME), value types, TIME_SYSTEM
 * UTC (the only scale orbwatch's Instants carry), states inside START_TIME…STOP_TIME and in
 * time order (a repeated epoch is a warning, as in the CCSDS example file), and at least one
 * state per segment.
 * @module
 */
import type { KvnLine } from '../kvn/kvn-line.js';
import { nonAsciiColumn, readKvnLines } from '../kvn/kvn-line.js';
import type { Instant } from '../time/instant.js';
import { instant, parseUtcTimestamp } from '../time/instant.js';
import type { Oem, OemIssue, OemMetadata, OemParseResult, OemSegment, OemState } from './oem.js';
import { OemIssueCode, oemIssue } from './oem.js';

const HEADER_KEYWORDS = new Set(['CCSDS_OEM_VERS', 'CREATION_DATE', 'ORIGINATOR', 'MESSAGE_ID']);
const META_KEYWORDS = new Set([
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'REF_FRAME_EPOCH',
  'TIME_SYSTEM',
  'START_TIME',
  'USEABLE_START_TIME',
  'USEABLE_STOP_TIME',
  'STOP_TIME',
  'INTERPOLATION',
  'INTERPOLATION_DEGREE',
]);
const META_REQUIRED = [
  'OBJECT_NAME',
  'OBJECT_ID',
  'CENTER_NAME',
  'REF_FRAME',
  'TIME_SYSTEM',
  'START_TIME',
  'STOP_TIME',
];
const TIME_KEYWORDS = new Set(['CREATION_DATE', 'START_TIME', 'USEABLE_START_TIME', 'USEABLE_STOP_TIME', 'STOP_TIME']);

type Field = Extract<KvnLine, { kind: 'keyword' }>;

interface SegmentDraft {
  line: number;
  comments: string[];
  fields: Map<string, Field>;
  metaClosed: boolean;
  dataComments: string[];
  states: OemState[];
}

interface MessageDraft {
  line: number;
  comments: string[];
  fields: Map<string, Field>;
  segments: SegmentDraft[];
  issues: OemIssue[];
}

type Section = 'header' | 'meta' | 'data' | 'covariance';

/** Parses OEM KVN text (one message, or several each opened by CCSDS_OEM_VERS). */
export function parseOemKvn(text: string, file: string): OemParseResult {
  const items: Oem[] = [];
  const issues: OemIssue[] = [];
  let msg: MessageDraft | null = null;
  let section: Section = 'header';
  let covarianceWarned = false;
  const at = (line: number, column: number) => ({ file, line, column });

  const finish = (m: MessageDraft): void => {
    const built = buildOem(m, file);
    issues.push(...m.issues);
    if (built !== null && !m.issues.some((i) => i.severity === 'error')) items.push(built);
  };

  for (const l of readKvnLines(text)) {
    if (l.kind === 'blank') continue;
    const nonAscii = nonAsciiColumn(l.text);
    const marker = l.kind === 'other' ? l.text.trim().toUpperCase() : '';
    if (l.kind === 'keyword' && l.keyword === 'CCSDS_OEM_VERS') {
      if (msg !== null) finish(msg);
      msg = { line: l.line, comments: [], fields: new Map(), segments: [], issues: [] };
      section = 'header';
      covarianceWarned = false;
    }
    if (msg === null) {
      if (l.kind === 'comment') continue;
      issues.push(
        oemIssue(
          OemIssueCode.OEM_SYNTAX,
          at(l.line, 1),
          'CCSDS_OEM_VERS = 2.0',
          'an OEM must begin with CCSDS_OEM_VERS',
          l.text,
        ),
      );
      continue;
    }
    const m: MessageDraft = msg;
    if (nonAscii > 0)
      m.issues.push(
        oemIssue(
          OemIssueCode.OEM_NON_ASCII,
          at(l.line, nonAscii),
          'ASCII text',
          'non-ASCII character (kept as read)',
          l.text,
          'warning',
        ),
      );
    const segment = m.segments[m.segments.length - 1];
    if (section === 'covariance') {
      if (marker === 'COVARIANCE_STOP') section = 'data';
      continue;
    }
    if (marker === 'META_START') {
      if (section === 'meta')
        m.issues.push(
          oemIssue(OemIssueCode.OEM_SYNTAX, at(l.line, 1), 'META_STOP', 'META_START inside a metadata section', l.text),
        );
      m.segments.push({
        line: l.line,
        comments: [],
        fields: new Map(),
        metaClosed: false,
        dataComments: [],
        states: [],
      });
      section = 'meta';
      continue;
    }
    if (marker === 'META_STOP') {
      if (section !== 'meta' || segment === undefined)
        m.issues.push(
          oemIssue(
            OemIssueCode.OEM_SYNTAX,
            at(l.line, 1),
            'META_START before META_STOP',
            'META_STOP without META_START',
            l.text,
          ),
        );
      else segment.metaClosed = true;
      section = 'data';
      continue;
    }
    if (marker === 'COVARIANCE_START') {
      if (!covarianceWarned)
        m.issues.push(
          oemIssue(
            OemIssueCode.OEM_COVARIANCE_IGNORED,
            at(l.line, 1),
            'ephemeris data',
            'covariance section skipped',
            l.text,
            'warning',
          ),
        );
      covarianceWarned = true;
      section = 'covariance';
      continue;
    }
    if (l.kind === 'comment') {
      if (section === 'header') m.comments.push(l.comment);
      else if (section === 'meta') segment?.comments.push(l.comment);
      else if (segment !== undefined && segment.states.length === 0) segment.dataComments.push(l.comment);
      else
        m.issues.push(
          oemIssue(
            OemIssueCode.OEM_SYNTAX,
            at(l.line, 1),
            'COMMENT only before the first state of a segment',
            'comment between states',
            l.text,
            'warning',
          ),
        );
      continue;
    }
    if (l.kind === 'keyword') {
      const allowed = section === 'header' ? HEADER_KEYWORDS : section === 'meta' ? META_KEYWORDS : new Set<string>();
      if (!allowed.has(l.keyword)) {
        const known = HEADER_KEYWORDS.has(l.keyword) || META_KEYWORDS.has(l.keyword);
        m.issues.push(
          oemIssue(
            known ? OemIssueCode.OEM_SYNTAX : OemIssueCode.OEM_UNKNOWN_KEYWORD,
            at(l.line, l.keyColumn),
            section === 'data'
              ? 'a state line, COMMENT or META_START'
              : `a ${section} keyword of the OEM (CCSDS 502.0)`,
            known ? `${l.keyword} out of place (${section} section)` : `unknown keyword ${l.keyword}`,
            l.text,
          ),
        );
        continue;
      }
      const fields = section === 'header' ? m.fields : segment?.fields;
      if (fields === undefined) continue;
      if (fields.has(l.keyword)) {
        m.issues.push(
          oemIssue(
            OemIssueCode.OEM_SYNTAX,
            at(l.line, l.keyColumn),
            `one ${l.keyword} per ${section}`,
            `keyword ${l.keyword} repeated`,
            l.text,
          ),
        );
        continue;
      }
      fields.set(l.keyword, l);
      continue;
    }
    // a data line
    if (section !== 'data' || segment === undefined) {
      m.issues.push(
        oemIssue(
          OemIssueCode.OEM_SYNTAX,
          at(l.line, l.kind === 'other' ? l.column : 1),
          section === 'meta' ? 'KEYWORD = value or META_STOP' : 'KEYWORD = value or META_START',
          'not a KVN keyword line',
          l.text,
        ),
      );
      continue;
    }
    const state = readStateLine(l.text, l.line, file, m.issues);
    if (state !== null) segment.states.push(state);
  }
  if (msg !== null) finish(msg);
  else if (issues.length === 0)
    issues.push(oemIssue(OemIssueCode.OEM_FIELD_MISSING, at(1, 1), 'CCSDS_OEM_VERS = 2.0', 'empty input: no OEM'));
  issues.sort((a, b) => a.line - b.line || a.column - b.column);
  return { items, issues };
}

/** `epoch x y z vx vy vz [ax ay az]`; null (and an issue) when malformed. */
function readStateLine(text: string, line: number, file: string, issues: OemIssue[]): OemState | null {
  const tokens: { text: string; column: number }[] = [];
  const re = /\S+/g;
  for (let mt = re.exec(text); mt !== null; mt = re.exec(text)) tokens.push({ text: mt[0], column: mt.index + 1 });
  if (tokens.length !== 7 && tokens.length !== 10) {
    issues.push(
      oemIssue(
        OemIssueCode.OEM_SYNTAX,
        { file, line, column: tokens[0]?.column ?? 1 },
        'epoch X Y Z X_DOT Y_DOT Z_DOT [X_DDOT Y_DDOT Z_DDOT]',
        `${String(tokens.length)} fields on a state line`,
        text,
      ),
    );
    return null;
  }
  const [epochToken, ...numberTokens] = tokens;
  const t = epochToken === undefined ? undefined : parseUtcTimestamp(epochToken.text);
  if (epochToken === undefined || t === undefined) {
    issues.push(
      oemIssue(
        OemIssueCode.OEM_FIELD_TYPE,
        { file, line, column: epochToken?.column ?? 1 },
        'YYYY-MM-DDThh:mm:ss[.d…]',
        'epoch is not a CCSDS time',
        text,
      ),
    );
    return null;
  }
  const values: number[] = [];
  for (const tok of numberTokens) {
    const v = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(tok.text) ? Number(tok.text) : NaN;
    if (!Number.isFinite(v)) {
      issues.push(
        oemIssue(
          OemIssueCode.OEM_FIELD_TYPE,
          { file, line, column: tok.column },
          'a number',
          `'${tok.text}' is not a number`,
          text,
        ),
      );
      return null;
    }
    values.push(v);
  }
  const vec = (i: number) => ({ x: values[i] ?? NaN, y: values[i + 1] ?? NaN, z: values[i + 2] ?? NaN });
  return { t, rKm: vec(0), vKmPerSec: vec(3), ...(values.length === 9 ? { aKmPerSec2: vec(6) } : {}), line };
}

function buildOem(m: MessageDraft, file: string): Oem | null {
  const issues = m.issues;
  const missing = (keyword: string, line: number, where: string): void => {
    issues.push(
      oemIssue(
        OemIssueCode.OEM_FIELD_MISSING,
        { file, line, column: 1 },
        `${keyword} = …`,
        `${keyword} missing from the ${where}`,
      ),
    );
  };
  const time = (f: Field | undefined): Instant | undefined => {
    if (f === undefined) return undefined;
    const t = parseUtcTimestamp(f.value);
    if (t === undefined)
      issues.push(
        oemIssue(
          OemIssueCode.OEM_FIELD_TYPE,
          { file, line: f.line, column: f.valueColumn },
          'YYYY-MM-DDThh:mm:ss[.d…]',
          `${f.keyword} is not a CCSDS time`,
          f.text,
        ),
      );
    return t;
  };
  for (const k of ['CREATION_DATE', 'ORIGINATOR']) if (!m.fields.has(k)) missing(k, m.line, 'header');
  const creationDate = time(m.fields.get('CREATION_DATE'));
  const segments: OemSegment[] = [];
  if (m.segments.length === 0) missing('META_START', m.line, 'message (no segment)');
  for (const s of m.segments) {
    if (!s.metaClosed) missing('META_STOP', s.line, 'segment');
    for (const k of META_REQUIRED) if (!s.fields.has(k)) missing(k, s.line, 'segment metadata');
    for (const [k, f] of s.fields) if (TIME_KEYWORDS.has(k)) time(f);
    const ts = s.fields.get('TIME_SYSTEM');
    if (ts !== undefined && ts.value.toUpperCase() !== 'UTC')
      issues.push(
        oemIssue(
          OemIssueCode.OEM_UNSUPPORTED_METADATA,
          { file, line: ts.line, column: ts.valueColumn },
          'UTC',
          `TIME_SYSTEM ${ts.value} (orbwatch reads UTC)`,
          ts.text,
        ),
      );
    const degree = s.fields.get('INTERPOLATION_DEGREE');
    if (degree !== undefined && !/^\d+$/.test(degree.value))
      issues.push(
        oemIssue(
          OemIssueCode.OEM_FIELD_TYPE,
          { file, line: degree.line, column: degree.valueColumn },
          'a non-negative integer',
          'INTERPOLATION_DEGREE is not an integer',
          degree.text,
        ),
      );
    const start = parseUtcTimestamp(s.fields.get('START_TIME')?.value ?? '');
    const stop = parseUtcTimestamp(s.fields.get('STOP_TIME')?.value ?? '');
    if (s.states.length === 0 && s.metaClosed) missing('state line', s.line, 'segment (no data)');
    let prev: Instant | undefined;
    for (const st of s.states) {
      // Equality with START/STOP is compared at the microsecond the file can carry.
      const us = (t: Instant): number => Math.round(t * 1000);
      if ((start !== undefined && us(st.t) < us(start)) || (stop !== undefined && us(st.t) > us(stop)))
        issues.push(
          oemIssue(
            OemIssueCode.OEM_DATA_ORDER,
            { file, line: st.line, column: 1 },
            'START_TIME <= epoch <= STOP_TIME',
            'state outside the segment span',
          ),
        );
      if (prev !== undefined && st.t < prev)
        issues.push(
          oemIssue(
            OemIssueCode.OEM_DATA_ORDER,
            { file, line: st.line, column: 1 },
            'increasing epochs',
            'state before the previous one',
          ),
        );
      else if (prev !== undefined && st.t === prev)
        issues.push(
          oemIssue(
            OemIssueCode.OEM_DATA_ORDER,
            { file, line: st.line, column: 1 },
            'increasing epochs',
            'state at the same epoch as the previous one (kept)',
            undefined,
            'warning',
          ),
        );
      prev = st.t;
    }
    const text = (k: string): string => s.fields.get(k)?.value ?? '';
    const opt = (k: string): Instant | undefined => parseUtcTimestamp(text(k));
    const usableStart = opt('USEABLE_START_TIME');
    const usableStop = opt('USEABLE_STOP_TIME');
    const metadata: OemMetadata = {
      comments: s.comments,
      objectName: text('OBJECT_NAME'),
      objectId: text('OBJECT_ID'),
      centerName: text('CENTER_NAME'),
      refFrame: text('REF_FRAME'),
      ...(s.fields.has('REF_FRAME_EPOCH') ? { refFrameEpoch: text('REF_FRAME_EPOCH') } : {}),
      timeSystem: text('TIME_SYSTEM'),
      startTime: start ?? instant(Number.NaN),
      stopTime: stop ?? instant(Number.NaN),
      ...(usableStart === undefined ? {} : { useableStartTime: usableStart }),
      ...(usableStop === undefined ? {} : { useableStopTime: usableStop }),
      ...(s.fields.has('INTERPOLATION') ? { interpolation: text('INTERPOLATION') } : {}),
      ...(degree === undefined ? {} : { interpolationDegree: Number(degree.value) }),
    };
    segments.push({ line: s.line, metadata, dataComments: s.dataComments, states: s.states });
  }
  if (creationDate === undefined) return null;
  const messageId = m.fields.get('MESSAGE_ID')?.value;
  return {
    file,
    line: m.line,
    version: m.fields.get('CCSDS_OEM_VERS')?.value ?? '',
    comments: m.comments,
    creationDate,
    originator: m.fields.get('ORIGINATOR')?.value ?? '',
    ...(messageId === undefined ? {} : { messageId }),
    segments,
  };
}
