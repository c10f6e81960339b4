/**
 * Parsed TLE sets in columns: the layout of `@orbwatch/store`'s `ElementSetColumns` (this
 * package may not import the store; the layout is repeated here and the store's columnar ingest
 * binds it — `bench/ingest.ts` checks both paths store identical rows). Typed arrays for the
 * numbers, one packed string for `raw` + `epochText`, a small dictionary for the strings that
 * repeat (names, COSPAR ids, classification, theory, format).
 *
 * - `ints[i*8 + k]`: 0 NORAD id, 1 input line, 2 ephemeris type, 3 name, 4 COSPAR id,
 *   5 classification, 6 theory, 7 format (3-7 index `dictionary`, −1 = null);
 * - `numbers[i*12 + k]`: 0 epoch (ms since 1970 UTC), 1 mean motion (rad/s), 2 eccentricity,
 *   3 inclination, 4 RAAN, 5 argument of perigee, 6 mean anomaly (rad), 7 B* (1/earth radii),
 *   8 ṅ/2 (rev/day²), 9 n̈/6 (rev/day³), 10 element set number, 11 rev at epoch (NaN = null);
 * - `text`/`textEnds`: `raw` then `epochText` of each set; `textEnds[2i]` ends set i's raw,
 *   `textEnds[2i+1]` its epoch text.
 * @module
 */
import { hash } from 'node:crypto';
import type { ElementSet } from '@orbwatch/core';
import { instant, noradId, rad, radPerSec } from '@orbwatch/core';

/** Integers per set in {@link TleColumns.ints}. */
export const TLE_INT_STRIDE = 8;
/** Doubles per set in {@link TleColumns.numbers}. */
export const TLE_NUMBER_STRIDE = 12;

/** A batch of parsed sets in columns (layout: module doc). */
export interface TleColumns {
  readonly count: number;
  readonly ints: Int32Array<ArrayBuffer>;
  readonly numbers: Float64Array<ArrayBuffer>;
  readonly text: string;
  readonly textEnds: Int32Array<ArrayBuffer>;
  readonly dictionary: readonly string[];
  /**
   * The content hash of each set, 64 lower-case hex characters per set (set i at 64i): sha256
   * of the element content, as the store defines it (`contentHash`: for TLE, line 1 + `\n` +
   * line 2, without the name line; other formats: the whole raw). Computed here, off the
   * storing thread; the store checks one set per batch against its own definition.
   */
  readonly hashes: string;
}

/** The store's `elementContent` (see {@link TleColumns.hashes}). */
function elementContent(format: string, raw: string): string {
  if (format !== 'tle' || raw.startsWith('1 ')) return raw;
  const nl = raw.indexOf('\n');
  return nl < 0 ? raw : raw.slice(nl + 1);
}

/** Packs parsed sets into columns; `lineOffset` is added to every set's line number. */
export function packTleColumns(sets: readonly ElementSet[], lineOffset = 0): TleColumns {
  const n = sets.length;
  const ints = new Int32Array(n * TLE_INT_STRIDE);
  const numbers = new Float64Array(n * TLE_NUMBER_STRIDE);
  const textEnds = new Int32Array(n * 2);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
  // Sets of one object follow each other: the last name/COSPAR id is the usual hit.
  let lastName: string | null = null;
  let lastNameCode = -1;
  let lastCospar: string | null = null;
  let lastCosparCode = -1;
  const code = (s: string | null): number => {
    if (s === null) return -1;
    let k = index.get(s);
    if (k === undefined) {
      k = dictionary.length;
      dictionary.push(s);
      index.set(s, k);
    }
    return k;
  };
  const parts: string[] = [];
  const hashes: string[] = [];
  let end = 0;
  let lastClass = '';
  let lastClassCode = -1;
  for (let i = 0; i < n; i++) {
    const s = sets[i];
    if (s === undefined) continue;
    const a = i * TLE_INT_STRIDE;
    ints[a] = s.noradId;
    ints[a + 1] = s.line + lineOffset;
    ints[a + 2] = s.ephemerisType;
    if (s.name !== lastName || lastNameCode < 0) {
      lastName = s.name;
      lastNameCode = code(s.name);
    }
    ints[a + 3] = s.name === null ? -1 : lastNameCode;
    if (s.cosparId !== lastCospar || lastCosparCode < 0) {
      lastCospar = s.cosparId;
      lastCosparCode = code(s.cosparId);
    }
    ints[a + 4] = s.cosparId === null ? -1 : lastCosparCode;
    if (s.classification !== lastClass || lastClassCode < 0) {
      lastClass = s.classification;
      lastClassCode = code(s.classification);
    }
    ints[a + 5] = lastClassCode;
    ints[a + 6] = code(s.theory);
    ints[a + 7] = code(s.format);
    const b = i * TLE_NUMBER_STRIDE;
    numbers[b] = s.epoch;
    numbers[b + 1] = s.meanMotionRadPerSec;
    numbers[b + 2] = s.eccentricity;
    numbers[b + 3] = s.inclinationRad;
    numbers[b + 4] = s.raanRad;
    numbers[b + 5] = s.argPerigeeRad;
    numbers[b + 6] = s.meanAnomalyRad;
    numbers[b + 7] = s.bstarPerEarthRadii;
    numbers[b + 8] = s.meanMotionDotRevPerDay2;
    numbers[b + 9] = s.meanMotionDdotRevPerDay3;
    numbers[b + 10] = s.elementSetNo ?? NaN;
    numbers[b + 11] = s.revAtEpoch ?? NaN;
    parts.push(s.raw, s.epochText);
    hashes.push(hash('sha256', elementContent(s.format, s.raw), 'hex'));
    end += s.raw.length;
    textEnds[2 * i] = end;
    end += s.epochText.length;
    textEnds[2 * i + 1] = end;
  }
  return { count: n, ints, numbers, text: parts.join(''), textEnds, dictionary, hashes: hashes.join('') };
}

/** Set `i` of a batch as an `ElementSet` again (tests: columns ⇄ objects round trip). */
export function tleColumnsAt(cols: TleColumns, i: number): ElementSet {
  if (!Number.isInteger(i) || i < 0 || i >= cols.count) throw new RangeError(`set ${String(i)} out of range`);
  const int = (k: number): number => cols.ints[i * TLE_INT_STRIDE + k] ?? 0;
  const num = (k: number): number => cols.numbers[i * TLE_NUMBER_STRIDE + k] ?? NaN;
  const str = (k: number): string | null => {
    const c = int(k);
    return c < 0 ? null : (cols.dictionary[c] ?? null);
  };
  const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);
  const start = i === 0 ? 0 : (cols.textEnds[2 * i - 1] ?? 0);
  const rawEnd = cols.textEnds[2 * i] ?? 0;
  const theory = str(6);
  const format = str(7);
  if (theory !== 'SGP4' && theory !== 'SGP4-XP' && theory !== 'SGP' && theory !== 'OTHER')
    throw new Error(`bad theory ${String(theory)}`);
  if (format !== 'tle' && format !== 'omm-json' && format !== 'omm-xml' && format !== 'omm-kvn' && format !== 'omm-csv')
    throw new Error(`bad format ${String(format)}`);
  return {
    noradId: noradId(int(0)),
    name: str(3),
    cosparId: str(4),
    classification: str(5) ?? '',
    epoch: instant(num(0)),
    epochText: cols.text.slice(rawEnd, cols.textEnds[2 * i + 1] ?? 0),
    meanMotionRadPerSec: radPerSec(num(1)),
    eccentricity: num(2),
    inclinationRad: rad(num(3)),
    raanRad: rad(num(4)),
    argPerigeeRad: rad(num(5)),
    meanAnomalyRad: rad(num(6)),
    bstarPerEarthRadii: num(7),
    meanMotionDotRevPerDay2: num(8),
    meanMotionDdotRevPerDay3: num(9),
    elementSetNo: nullable(num(10)),
    revAtEpoch: nullable(num(11)),
    ephemerisType: int(2),
    theory,
    format,
    raw: cols.text.slice(start, rawEnd),
    line: int(1),
  };
}
