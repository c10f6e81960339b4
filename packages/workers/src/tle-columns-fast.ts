/**
 * The columnar fast path of the parser worker: one chunk of TLE/3LE text (see `tleChunks`)
 * straight to {@link TleColumns}, without building an `ElementSet` per record, for chunks made
 * only of clean records. The result is bit-identical to the general path,
 * `packTleColumns(parseTleChunk(...).items, lineOffset)`: same ints, same doubles (`Object.is`),
 * same text, dictionary (contents and order) and content hashes, and no issues.
 *
 * It reads the text's bytes (ASCII: byte i = character i), never a string of the whole text.
 *
 * Exactness: the fields are decoded by `tle-byte-fields.ts`, core's decoders statement for
 * statement (tested against them); the conversions are core's own functions
 * (`instantFromYearDay`, `degToRad`, `revPerDayToRadPerSec`), as are the bounds check
 * (`tleWithinPublishedBounds`), the designator (`cosparFromTleDesignator`) and the name
 * (`tleNameOf`); the theory table copies core's `theoryOf`. Strings (raw, epoch text, name,
 * COSPAR id) are the same characters, decoded from the bytes; the dictionary is built in the
 * order `packTleColumns` builds it; hashes are `packTleColumns`' sha256 of line 1 + LF +
 * line 2.
 *
 * Accepted (anything else returns `undefined`, and the caller parses the chunk the general
 * way): records `[name line] line 1 line 2`, lines ended by `\n` (the last one may end the
 * text), empty lines only between records, every character printable ASCII (32-126); a name
 * line that does not start with a blank, `#`, `1 ` or `2 ` and does not end with a blank;
 * lines 1 and 2 of exactly 69 characters, no leading blank; everything `parseTleRecord`
 * checks passing without any issue (checksums unless `ignore`, blanks, 5-digit catalog
 * numbers, equal and non-zero, classification, designator, epoch, every field, the element
 * bounds). So no Alpha-5, no 8-digit eccentricity (70-character line 2), no CR, tab, BOM,
 * comment, indentation, trailing blank, orphan or missing line, checksum warning, and at
 * least one record. Under these conditions `parseTle`'s line pairing can do nothing but
 * complete each record, and `parseTleRecord` reports nothing and returns the set.
 * @module
 */
import { Buffer } from 'node:buffer';
import { hash } from 'node:crypto';
import type { TleChecksumMode } from '@orbwatch/core';
import {
  INT_STRIDE,
  IntColumn,
  NUMBER_STRIDE,
  NumberColumn,
  cosparFromTleDesignator,
  degToRad,
  instantFromYearDay,
  revPerDayToRadPerSec,
  tleNameOf,
  tleWithinPublishedBounds,
} from '@orbwatch/core';
import {
  byteDecimalField,
  byteImpliedExponentField,
  byteImpliedFractionField,
  byteIntegerField,
} from './tle-byte-fields.js';
import type { TleChunk } from './tle-chunks.js';
import type { TleColumns } from './tle-columns.js';

const LF = 10;
const SPACE = 32;
const D0 = 48;
const ONE = 49;
const TWO = 50;
/** Characters in a TLE line (column 69 holds the checksum). */
const LINE = 69;
/**
 * Bytes decoded at a time into a string that records are sliced from: small enough for V8's
 * young generation (strings over 128 KiB go to freshly mapped large-object pages, and every
 * first touch of a page costs a fault), large enough to make the decoding calls few.
 */
const WINDOW = 64 * 1024;
/** Theory names by ephemeris type 0-9 (core's `theoryOf`). */
const THEORY = ['SGP4', 'SGP', 'SGP4', 'SGP4', 'SGP4-XP', 'OTHER', 'OTHER', 'OTHER', 'OTHER', 'OTHER'] as const;
/**
 * Per byte: its checksum weight (digits their value, `-` 1, other printable ASCII 0, as core's
 * `checksumOfRange`), or 10 for a byte outside printable ASCII (32-126).
 */
const WEIGHT = new Uint8Array(256).map((_, c) =>
  c < SPACE || c > 126 ? 10 : c >= D0 && c <= D0 + 9 ? c - D0 : c === 45 ? 1 : 0,
);

// Scratch space, reused from chunk to chunk; each result gets exact-length copies.
let scratchInts = new Int32Array(0);
let scratchNumbers = new Float64Array(0);
let scratchEnds = new Int32Array(0);
let scratchBytes = Buffer.alloc(0);

function isLeapYear(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

/**
 * True when the 69-byte TLE line at `at` is printable ASCII and, when `verify`, its checksum
 * digit (column 69) is right (core's `checksumOfRange` over columns 1-68, compared as core does).
 */
function lineOk(bytes: Uint8Array, at: number, verify: boolean): boolean {
  let sum = 0;
  const last = at + LINE - 1;
  for (let i = at; i < last; i++) {
    const w = WEIGHT[bytes[i] ?? 0] ?? 10;
    if (w === 10) return false;
    sum += w;
  }
  const written = bytes[last] ?? 0;
  if (written < SPACE || written > 126) return false;
  return !verify || written - D0 === sum % 10;
}

/** True when `bytes[s..s+len)` and `bytes[t..t+len)` are equal. */
function sameRange(bytes: Uint8Array, s: number, t: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (bytes[s + i] !== bytes[t + i]) return false;
  return true;
}

/** The 5-digit catalog number at `at`, or −1 when the field is not five digits. */
function catalogAt(bytes: Uint8Array, at: number): number {
  let n = 0;
  for (let i = at; i < at + 5; i++) {
    const d = (bytes[i] ?? 0) - D0;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/** True when the bytes at `at + i` are blanks for every `i` of line 1's blank columns. */
function line1Blanks(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at + 1] === SPACE &&
    bytes[at + 8] === SPACE &&
    bytes[at + 17] === SPACE &&
    bytes[at + 32] === SPACE &&
    bytes[at + 43] === SPACE &&
    bytes[at + 52] === SPACE &&
    bytes[at + 61] === SPACE &&
    bytes[at + 63] === SPACE
  );
}

/** Same for line 2's blank columns (a 69-character line: core's L2 blanks with no shift). */
function line2Blanks(bytes: Uint8Array, at: number): boolean {
  return (
    bytes[at + 1] === SPACE &&
    bytes[at + 7] === SPACE &&
    bytes[at + 16] === SPACE &&
    bytes[at + 25] === SPACE &&
    bytes[at + 33] === SPACE &&
    bytes[at + 42] === SPACE &&
    bytes[at + 51] === SPACE
  );
}

/**
 * One chunk being packed. The per-record work is a method called once per record (not one
 * loop inside one big function), so that V8 optimises it after a few hundred records: a fresh
 * worker isolate would otherwise run many records in the interpreter while a single large
 * function waits for on-stack replacement.
 *
 * Everything is read from the bytes of ASCII text (byte i = character i); strings (raw, epoch
 * text, name, COSPAR id) are decoded from them as Latin-1, which for ASCII is the same
 * characters.
 */
class ChunkPacker {
  readonly bytes: Buffer;
  /** End of the chunk. */
  readonly end: number;
  readonly verify: boolean;
  readonly ints: Int32Array<ArrayBuffer>;
  readonly numbers: Float64Array<ArrayBuffer>;
  readonly textEnds: Int32Array<ArrayBuffer>;
  readonly dictionary: string[] = [];
  readonly index = new Map<string, number>();
  readonly parts: string[] = [];
  readonly hashes: string[] = [];
  /** Next byte to read and its line number. */
  pos: number;
  lineNo: number;
  /** Decoded text of bytes `[windowStart, windowEnd)` (see {@link WINDOW}). */
  window = '';
  windowStart = 0;
  windowEnd = 0;
  /** Sets packed so far, and the length of their text. */
  n = 0;
  textLength = 0;
  // one-entry caches (sets of one object follow each other): byte offsets of the previous
  // name line / designator field and their dictionary codes
  nameStart = -1;
  nameLength = 0;
  nameCode = -1;
  designatorAt = -1;
  cosparCode = -1;
  classChar = -1;
  classCode = -1;
  readonly theoryCodes = new Int32Array([-1, -1, -1, -1, -1, -1, -1, -1, -1, -1]);
  formatCode = -1;

  constructor(bytes: Buffer, chunk: TleChunk, verify: boolean) {
    this.bytes = bytes;
    this.end = chunk.end;
    this.verify = verify;
    this.pos = chunk.start;
    this.lineNo = chunk.firstLine;
    // Every record but the last takes at least 140 characters (two 69-character lines + 2 LF).
    const cap = Math.floor((chunk.end - chunk.start) / (2 * LINE + 2)) + 1;
    if (scratchInts.length < cap * INT_STRIDE) {
      scratchInts = new Int32Array(cap * INT_STRIDE);
      scratchNumbers = new Float64Array(cap * NUMBER_STRIDE);
      scratchEnds = new Int32Array(cap * 2);
    }
    this.ints = scratchInts;
    this.numbers = scratchNumbers;
    this.textEnds = scratchEnds;
  }

  /** Bytes `[s, e)` as a string (ASCII = Latin-1), sliced from the decoded window. */
  str(s: number, e: number): string {
    if (s < this.windowStart || e > this.windowEnd) {
      this.windowStart = s;
      this.windowEnd = Math.max(e, Math.min(this.end, s + WINDOW));
      this.window = this.bytes.toString('latin1', s, this.windowEnd);
    }
    return this.window.slice(s - this.windowStart, e - this.windowStart);
  }

  /** The dictionary index of `s` (added at the end when new, as `packTleColumns` does). */
  code(s: string): number {
    let k = this.index.get(s);
    if (k === undefined) {
      k = this.dictionary.length;
      this.dictionary.push(s);
      this.index.set(s, k);
    }
    return k;
  }

  /**
   * Packs the record (or skips the empty line) at {@link pos}; false when the text there is
   * not a record the fast path handles.
   */
  record(): boolean {
    const bytes = this.bytes;
    const end = this.end;
    let pos = this.pos;
    let c0 = bytes[pos] ?? 0;
    if (c0 === LF) {
      // an empty line between records
      this.pos = pos + 1;
      this.lineNo++;
      return true;
    }
    // (the capacity is a proven bound; this only keeps a mistake from losing data silently)
    if (this.n * INT_STRIDE >= this.ints.length) return false;
    const recordStart = pos;
    let nameAt = -1;
    if (c0 !== ONE || bytes[pos + 1] !== SPACE) {
      // a name line: printable ASCII up to the LF, no blank at either end, not a TLE line
      if (c0 === SPACE || c0 === 35 || (c0 === TWO && bytes[pos + 1] === SPACE)) return false;
      let i = pos;
      for (; i < end; i++) {
        const c = bytes[i] ?? 0;
        if (c === LF) break;
        if (c < SPACE || c > 126) return false;
      }
      if (i >= end || bytes[i - 1] === SPACE) return false;
      nameAt = pos;
      pos = i + 1;
      c0 = bytes[pos] ?? 0;
      if (c0 !== ONE || bytes[pos + 1] !== SPACE) return false;
    }
    const a = pos; // line 1
    const b = a + LINE + 1; // line 2
    const bEnd = b + LINE;
    if (bEnd > end || bytes[a + LINE] !== LF || (bEnd < end && bytes[bEnd] !== LF)) return false;
    if (bytes[b] !== TWO || bytes[b + 1] !== SPACE) return false;
    if (!lineOk(bytes, a, this.verify) || !lineOk(bytes, b, this.verify)) return false;
    if (!line1Blanks(bytes, a) || !line2Blanks(bytes, b)) return false;

    // ---- line 1
    const catalog = catalogAt(bytes, a + 2);
    if (catalog <= 0 || !sameRange(bytes, a + 2, b + 2, 5)) return false;
    const cls = bytes[a + 7] ?? 0;
    if (cls !== 85 && cls !== SPACE && cls !== 67 && cls !== 83) return false;
    const y1 = (bytes[a + 18] ?? 0) - D0;
    const y2 = (bytes[a + 19] ?? 0) - D0;
    if (y1 < 0 || y1 > 9 || y2 < 0 || y2 > 9) return false;
    const yy = y1 * 10 + y2;
    const year = yy >= 57 ? 1900 + yy : 2000 + yy;
    const day = byteDecimalField(bytes, a + 20, a + 32, false);
    if (!(day >= 1 && day < (isLeapYear(year) ? 367 : 366))) return false; // NaN too
    const ndot = byteDecimalField(bytes, a + 33, a + 43, true);
    const nddot = byteImpliedExponentField(bytes, a + 44);
    const bstar = byteImpliedExponentField(bytes, a + 53);
    if (Number.isNaN(ndot) || Number.isNaN(nddot) || Number.isNaN(bstar)) return false;
    const eph = bytes[a + 62] ?? 0;
    let ephemerisType = 0;
    if (eph >= D0 && eph <= D0 + 9) ephemerisType = eph - D0;
    else if (eph !== SPACE) return false;
    const elementSetNo = byteIntegerField(bytes, a + 64, a + 68);
    if (elementSetNo !== null && Number.isNaN(elementSetNo)) return false;

    // ---- line 2
    const incl = byteDecimalField(bytes, b + 8, b + 16, true);
    const raan = byteDecimalField(bytes, b + 17, b + 25, true);
    const ecc = byteImpliedFractionField(bytes, b + 26, b + 33);
    const argp = byteDecimalField(bytes, b + 34, b + 42, true);
    const ma = byteDecimalField(bytes, b + 43, b + 51, true);
    const meanMotion = byteDecimalField(bytes, b + 52, b + 63, true);
    const rev = byteIntegerField(bytes, b + 63, b + 68);
    if (rev !== null && Number.isNaN(rev)) return false;
    // NaN fails the bounds too
    if (!tleWithinPublishedBounds(ecc, meanMotion, incl, raan, argp, ma)) return false;

    // ---- strings, in the order packTleColumns codes them: name, COSPAR id, class, theory, format
    let nameCode = -1;
    if (nameAt >= 0) {
      const len = a - 1 - nameAt;
      if (len !== this.nameLength || this.nameCode < 0 || !sameRange(bytes, nameAt, this.nameStart, len)) {
        // (a string of its own, not a slice that would keep a decoded window alive)
        this.nameCode = this.code(tleNameOf(bytes.toString('latin1', nameAt, a - 1)));
        this.nameStart = nameAt;
        this.nameLength = len;
      }
      nameCode = this.nameCode;
    }
    let cosparCode = -1;
    if (!designatorBlank(bytes, a + 9)) {
      if (this.designatorAt < 0 || !sameRange(bytes, a + 9, this.designatorAt, 8)) {
        const cospar = cosparFromTleDesignator(this.str(a + 9, a + 17));
        if (cospar === undefined) return false;
        this.cosparCode = this.code(cospar);
        this.designatorAt = a + 9;
      }
      cosparCode = this.cosparCode;
    }
    if (cls !== this.classChar) {
      this.classChar = cls;
      this.classCode = this.code(cls === 67 ? 'C' : cls === 83 ? 'S' : 'U');
    }
    let theoryCode = this.theoryCodes[ephemerisType] ?? -1;
    if (theoryCode < 0) {
      theoryCode = this.code(THEORY[ephemerisType] ?? 'OTHER');
      this.theoryCodes[ephemerisType] = theoryCode;
    }
    if (this.formatCode < 0) this.formatCode = this.code('tle');

    const n = this.n;
    const ints = this.ints;
    const k = n * INT_STRIDE;
    ints[k + IntColumn.NORAD] = catalog;
    ints[k + IntColumn.LINE] = this.lineNo;
    ints[k + IntColumn.EPHEMERIS_TYPE] = ephemerisType;
    ints[k + IntColumn.NAME] = nameCode;
    ints[k + IntColumn.COSPAR] = cosparCode;
    ints[k + IntColumn.CLASSIFICATION] = this.classCode;
    ints[k + IntColumn.THEORY] = theoryCode;
    ints[k + IntColumn.FORMAT] = this.formatCode;
    const numbers = this.numbers;
    const f = n * NUMBER_STRIDE;
    numbers[f + NumberColumn.EPOCH] = instantFromYearDay(year, day);
    numbers[f + NumberColumn.MEAN_MOTION] = revPerDayToRadPerSec(meanMotion);
    numbers[f + NumberColumn.ECCENTRICITY] = ecc;
    numbers[f + NumberColumn.INCLINATION] = degToRad(incl);
    numbers[f + NumberColumn.RAAN] = degToRad(raan);
    numbers[f + NumberColumn.ARG_PERIGEE] = degToRad(argp);
    numbers[f + NumberColumn.MEAN_ANOMALY] = degToRad(ma);
    numbers[f + NumberColumn.BSTAR] = bstar;
    numbers[f + NumberColumn.NDOT] = ndot;
    numbers[f + NumberColumn.NDDOT] = nddot;
    numbers[f + NumberColumn.ELEMENT_SET_NO] = elementSetNo ?? NaN;
    numbers[f + NumberColumn.REV_AT_EPOCH] = rev ?? NaN;

    // raw (name line to line 2: the lines follow each other with LF) + epoch text; the content
    // hash covers line 1 + LF + line 2 (the store's `elementContent`)
    const raw = this.str(recordStart, bEnd);
    const l1 = a - recordStart;
    this.parts.push(raw, this.str(a + 18, a + 32));
    this.hashes.push(hash('sha256', l1 === 0 ? raw : this.str(a, bEnd), 'hex'));
    this.textLength += bEnd - recordStart;
    this.textEnds[2 * n] = this.textLength;
    this.textLength += 14;
    this.textEnds[2 * n + 1] = this.textLength;
    this.n = n + 1;
    this.pos = bEnd + 1;
    this.lineNo += nameAt >= 0 ? 3 : 2;
    return true;
  }

  /** The packed columns (exact-length copies of the scratch arrays). */
  columns(): TleColumns {
    const n = this.n;
    return {
      count: n,
      ints: this.ints.slice(0, n * INT_STRIDE),
      numbers: this.numbers.slice(0, n * NUMBER_STRIDE),
      text: this.parts.join(''),
      textEnds: this.textEnds.slice(0, 2 * n),
      dictionary: this.dictionary,
      hashes: this.hashes.join(''),
    };
  }
}

/** True when the 8-byte designator field at `at` is all blanks (core: COSPAR id null). */
function designatorBlank(bytes: Uint8Array, at: number): boolean {
  for (let i = at; i < at + 8; i++) if (bytes[i] !== SPACE) return false;
  return true;
}

/**
 * Columns of chunk `chunk` of `text`, equal to the general path's, or `undefined` when the
 * chunk holds anything this fast path does not handle (module doc). `checksum` as core's
 * `parseTle` option (default `verify`).
 *
 * `ascii`, when given, must be the bytes of the whole `text` and `text` pure ASCII (byte i =
 * character i; e.g. the input's UTF-8 bytes when `isAscii` holds): the chunk is then read
 * from them. Otherwise the chunk is copied into a reused buffer first, and a chunk with any
 * character outside ASCII is left to the general path.
 */
export function packTleChunkFast(
  text: string,
  chunk: TleChunk,
  checksum: TleChecksumMode = 'verify',
  ascii?: Uint8Array,
): TleColumns | undefined {
  if (ascii !== undefined) {
    if (ascii.length !== text.length) throw new RangeError('ascii must be the bytes of the whole ASCII text');
    return packAsciiTleChunkFast(ascii, chunk, checksum);
  }
  const part = chunk.start === 0 && chunk.end === text.length ? text : text.slice(chunk.start, chunk.end);
  if (Buffer.byteLength(part, 'utf8') !== part.length) return undefined; // not pure ASCII
  if (scratchBytes.length < part.length) scratchBytes = Buffer.allocUnsafeSlow(Math.max(part.length, 1 << 16));
  scratchBytes.write(part, 0, 'latin1');
  return packAsciiTleChunkFast(scratchBytes, { start: 0, end: part.length, firstLine: chunk.firstLine }, checksum);
}

/**
 * {@link packTleChunkFast} of ASCII text given only as its bytes (byte i = character i), e.g.
 * an input file's bytes when `isAscii` holds: no string of the whole text is needed. `chunk`
 * is in bytes (`tleChunksAscii`).
 */
export function packAsciiTleChunkFast(
  bytes: Uint8Array,
  chunk: TleChunk,
  checksum: TleChecksumMode = 'verify',
): TleColumns | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const p = new ChunkPacker(buf, chunk, checksum !== 'ignore');
  while (p.pos < p.end) if (!p.record()) return undefined;
  return p.n === 0 ? undefined : p.columns();
}
