/**
 * Guesses what an element-set or catalogue file holds, so that ingest can route it to the right
 * parser: TLE/3LE, OMM (JSON, XML, KVN, CSV), SATCAT (CSV, JSON) or Space-Track decay messages
 * (JSON, CSV). It looks only at the start
 * of the text (after an optional byte-order mark) and never fails: `unknown` when unsure.
 * @module
 */

/** The formats {@link detectElementFormat} tells apart. */
export type DetectedFormat =
  | 'tle'
  | 'omm-json'
  | 'omm-xml'
  | 'omm-kvn'
  | 'omm-csv'
  | 'satcat-csv'
  | 'satcat-json'
  | 'decay-json'
  | 'decay-csv'
  | 'unknown';

const OMM_ELEMENT_KEYS = ['MEAN_MOTION', 'ECCENTRICITY', 'EPOCH', 'MEAN_ANOMALY', 'RA_OF_ASC_NODE'];
const SATCAT_KEYS = [
  'OPS_STATUS_CODE',
  'LAUNCH_DATE',
  'LAUNCH',
  'LAUNCH_SITE',
  'DECAY_DATE',
  'DECAY',
  'SATNAME',
  'INTLDES',
  'OWNER',
  'COUNTRY',
  'OBJECT_TYPE',
  'RCS',
  'RCS_SIZE',
  'PAYLOAD_FLAG',
  'OWNER_SOURCE',
];
/**
 * A Space-Track decay message carries these (its other columns, INTLDES, COUNTRY, RCS_SIZE, are
 * SATCAT's too, so they are tested first: a decay message read as SATCAT would lose its type).
 */
const DECAY_KEYS = ['MSG_TYPE', 'DECAY_EPOCH'];
const HEAD_CHARS = 8192;

/**
 * Detects the format of `text`. JSON (`[`/`{`) and CSV (a header line) are told apart as OMM
 * when they carry mean elements (MEAN_MOTION, ECCENTRICITY, EPOCH…) and as SATCAT when they
 * carry catalogue columns (LAUNCH_DATE, OPS_STATUS_CODE, SATNAME…) but no elements. XML is
 * OMM; decay messages when they carry MSG_TYPE and DECAY_EPOCH. KVN starts with `CCSDS_OMM_VERS`; TLE when the first non-blank line starts with `1 `
 * or the second with `1 `/`2 `.
 */
export function detectElementFormat(text: string): DetectedFormat {
  const head = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).slice(0, HEAD_CHARS);
  const start = head.trimStart();
  const first = start[0];
  if (first === '[' || first === '{') {
    const keys = new Set([...start.matchAll(/"([A-Za-z_]+)"\s*:/g)].map((m) => (m[1] ?? '').toUpperCase()));
    if (OMM_ELEMENT_KEYS.some((k) => keys.has(k))) return 'omm-json';
    if (DECAY_KEYS.every((k) => keys.has(k))) return 'decay-json';
    if (SATCAT_KEYS.some((k) => keys.has(k))) return 'satcat-json';
    if (keys.has('NORAD_CAT_ID') || keys.size === 0) return 'omm-json';
    return 'unknown';
  }
  if (first === '<') return 'omm-xml';
  const lines = start.split('\n').map((l) => l.replace(/\r$/, ''));
  const nonBlank = lines.filter((l) => l.trim() !== '');
  const firstLine = nonBlank[0] ?? '';
  const firstWithoutComments = nonBlank.find((l) => !/^\s*COMMENT(\s|$)/.test(l)) ?? '';
  if (/^\s*CCSDS_OMM_VERS\s*=/.test(firstWithoutComments)) return 'omm-kvn';
  if (firstLine.includes(',')) {
    const cols = new Set(firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, '').toUpperCase()));
    if (OMM_ELEMENT_KEYS.filter((k) => cols.has(k)).length >= 2) return 'omm-csv';
    if (DECAY_KEYS.every((k) => cols.has(k))) return 'decay-csv';
    if (cols.has('NORAD_CAT_ID') && SATCAT_KEYS.some((k) => cols.has(k))) return 'satcat-csv';
  }
  const second = nonBlank[1] ?? '';
  if (firstLine.startsWith('1 ') || second.startsWith('1 ') || second.startsWith('2 ')) return 'tle';
  return 'unknown';
}
