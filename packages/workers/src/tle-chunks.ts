/**
 * Cuts TLE/3LE text into chunks on record boundaries, so that `parseTle` on each chunk gives
 * exactly what `parseTle` on the whole text gives (sets and issues, after moving line numbers).
 *
 * A cut is made only right after a name line, a line 1 and a line 2 that follow each other
 * (no blank or comment line between them). `parseTle`'s state after such a triple is empty
 * whatever came before: a name line drops any pending line 1, name or stray line 2, the line 1
 * is then pending alone, and the line 2 completes (or rejects) the record and clears the state.
 * The line kinds are decided as `parseTle` decides them (`kindOf` below is a copy of core's,
 * proven equal by the chunked-vs-whole tests on real files and fuzzed text).
 *
 * A chunk never starts with U+FEFF (parseTle would drop it as a BOM there, not mid-text).
 *
 * Line numbers: a chunk starts after a `\n`; its first line number is 1 + the number of `\n`
 * before it. That is how `parseTle` counts lines unless a lone CR (old Mac line end) also ends
 * lines; text with a lone CR is therefore never cut (one chunk).
 *
 * {@link tleChunksAscii} does the same on the bytes of ASCII text (byte i = character i), so
 * that the parser worker need not decode a whole input into one string: same chunks (tests).
 * @module
 */

/** One chunk `[start, end)` of the text; `firstLine` is the 1-based line number of `start`. */
export interface TleChunk {
  readonly start: number;
  readonly end: number;
  readonly firstLine: number;
}

const SPACE = 32;
const TAB = 9;
const CR = 13;
const LF = 10;

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB || c === 11 || c === 12;
}

/** Line kind as core's parseTle: 0 = name, 1 = line 1, 2 = line 2; −1 = blank or comment. */
function lineKind(text: string, lineStart: number, lineEnd: number): -1 | 0 | 1 | 2 {
  let e = lineEnd;
  while (e > lineStart && (isBlank(text.charCodeAt(e - 1)) || text.charCodeAt(e - 1) === CR)) e--;
  let s = lineStart;
  while (s < e && isBlank(text.charCodeAt(s))) s++;
  if (s === e) return -1;
  const c0 = text.charCodeAt(s);
  if (c0 === 35) return -1; // '#'
  if ((c0 !== 49 && c0 !== 50) || text.charCodeAt(s + 1) !== SPACE || e - s < 2) return 0;
  const kind = c0 === 49 ? 1 : 2;
  const len = e - s;
  if (len >= 60) return kind;
  const end = Math.min(7, len);
  if (end <= 2) return 0;
  for (let i = 2; i < end; i++) {
    const c = text.charCodeAt(s + i);
    const digit = c >= 48 && c <= 57;
    if (!(digit || c === SPACE || (i === 2 && c >= 65 && c <= 90))) return 0;
  }
  return kind;
}

/** True when `text` has a CR that is not followed by LF (parseTle then ends lines at it too). */
function hasLoneCr(text: string): boolean {
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1))
    if (text.charCodeAt(i + 1) !== LF) return true;
  return false;
}

/**
 * Chunks of at least `records` line-2 lines each (the last one may be shorter), cut on record
 * boundaries as described in the module doc. Always at least one chunk (possibly empty).
 */
export function tleChunks(text: string, records: number): TleChunk[] {
  if (!Number.isInteger(records) || records < 1)
    throw new RangeError(`records must be a positive integer, got ${String(records)}`);
  const n = text.length;
  if (hasLoneCr(text)) return [{ start: 0, end: n, firstLine: 1 }];
  const chunks: TleChunk[] = [];
  let chunkStart = 0;
  let chunkLine = 1;
  let lineNo = 0;
  let pos = n > 0 && text.charCodeAt(0) === 0xfeff ? 1 : 0; // parseTle skips a leading BOM
  let k1 = -1; // kinds of the last three lines (k3 the latest)
  let k2 = -1;
  let k3 = -1;
  let seen = 0; // line-2 lines in the current chunk
  while (pos < n) {
    lineNo++;
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = n;
    const kind = lineKind(text, pos, nl);
    k1 = k2;
    k2 = k3;
    k3 = kind;
    pos = nl + 1;
    if (kind !== 2) continue;
    seen++;
    if (seen >= records && k1 === 0 && k2 === 1 && pos < n && text.charCodeAt(pos) !== 0xfeff) {
      chunks.push({ start: chunkStart, end: pos, firstLine: chunkLine });
      chunkStart = pos;
      chunkLine = lineNo + 1;
      seen = 0;
    }
  }
  chunks.push({ start: chunkStart, end: n, firstLine: chunkLine });
  return chunks;
}

/** {@link lineKind} on ASCII bytes. */
function lineKindAscii(bytes: Uint8Array, lineStart: number, lineEnd: number): -1 | 0 | 1 | 2 {
  let e = lineEnd;
  while (e > lineStart && (isBlank(bytes[e - 1] ?? 0) || bytes[e - 1] === CR)) e--;
  let s = lineStart;
  while (s < e && isBlank(bytes[s] ?? 0)) s++;
  if (s === e) return -1;
  const c0 = bytes[s];
  if (c0 === 35) return -1; // '#'
  if ((c0 !== 49 && c0 !== 50) || bytes[s + 1] !== SPACE || e - s < 2) return 0;
  const kind = c0 === 49 ? 1 : 2;
  const len = e - s;
  if (len >= 60) return kind;
  const end = Math.min(7, len);
  if (end <= 2) return 0;
  for (let i = 2; i < end; i++) {
    const c = bytes[s + i] ?? 0;
    const digit = c >= 48 && c <= 57;
    if (!(digit || c === SPACE || (i === 2 && c >= 65 && c <= 90))) return 0;
  }
  return kind;
}

/**
 * {@link tleChunks} of ASCII text given as its bytes (byte i = character i): the same chunks
 * as `tleChunks(text, records)`. (ASCII has no U+FEFF, so the BOM rules do not arise.)
 */
export function tleChunksAscii(bytes: Uint8Array, records: number): TleChunk[] {
  return [...eachTleChunkAscii(bytes, records)];
}

/**
 * {@link tleChunksAscii} one chunk at a time: the parser worker posts a chunk's columns before
 * the rest of the input has been cut (cutting a 16 MB file is ~7-40 ms that would otherwise
 * delay the first batch).
 */
export function* eachTleChunkAscii(bytes: Uint8Array, records: number): Generator<TleChunk, void, undefined> {
  if (!Number.isInteger(records) || records < 1)
    throw new RangeError(`records must be a positive integer, got ${String(records)}`);
  const n = bytes.length;
  for (let i = bytes.indexOf(CR); i >= 0; i = bytes.indexOf(CR, i + 1))
    if (bytes[i + 1] !== LF) {
      yield { start: 0, end: n, firstLine: 1 };
      return;
    }
  let chunkStart = 0;
  let chunkLine = 1;
  let lineNo = 0;
  let pos = 0;
  let k1 = -1;
  let k2 = -1;
  let k3 = -1;
  let seen = 0;
  while (pos < n) {
    lineNo++;
    let nl = bytes.indexOf(LF, pos);
    if (nl < 0) nl = n;
    const kind = lineKindAscii(bytes, pos, nl);
    k1 = k2;
    k2 = k3;
    k3 = kind;
    pos = nl + 1;
    if (kind !== 2) continue;
    seen++;
    if (seen >= records && k1 === 0 && k2 === 1 && pos < n) {
      yield { start: chunkStart, end: pos, firstLine: chunkLine };
      chunkStart = pos;
      chunkLine = lineNo + 1;
      seen = 0;
    }
  }
  yield { start: chunkStart, end: n, firstLine: chunkLine };
}
