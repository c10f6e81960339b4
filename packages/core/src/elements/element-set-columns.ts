/**
 * A batch of element sets in columns (typed arrays plus one packed string), the compact hand-off
 * between a parser on a worker thread and the store: no per-set objects, no boxed doubles, and
 * cheap to post (the typed arrays are transferred, the text is one flat string). One layout for
 * every package: the parser worker writes it (`@orbwatch/workers`), the store binds its rows
 * from it (`ingestColumnarBatch`), and {@link elementSetAt} rebuilds one `ElementSet` for tests
 * and conflict reports. Pure: the content hashes that may travel with a batch are added by the
 * packages that compute them (node:crypto).
 *
 * Layout for set `i` (all units as in `ElementSet`: rad, rad/s, ms since 1970 UTC):
 * - `ints[i*INT_STRIDE + k]`, k = {@link IntColumn}: NORAD id, input line, ephemeris type, and
 *   indexes into `dictionary` for name, COSPAR id, classification, theory, format (−1 = null);
 * - `numbers[i*NUMBER_STRIDE + k]`, k = {@link NumberColumn}: epoch and the mean elements;
 *   `elementSetNo` and `revAtEpoch` are NaN when null (parsed values are always finite);
 * - `text`: `raw` then `epochText` of every set, back to back; `textEnds[2i]` is the end of
 *   set i's `raw`, `textEnds[2i+1]` the end of its `epochText` (set i starts where set i−1 ends);
 * - `dictionary`: each distinct string in the order first coded (per set: name, COSPAR id,
 *   classification, theory, format).
 * @module
 */
import type { ElementSet, ElementSetFormat, MeanElementTheory } from './element-set.js';
import { noradId } from '../ids/norad-id.js';
import { instant } from '../time/instant.js';
import { rad, radPerSec } from '../units/quantity.js';

/** Integer columns (offsets within one set's stride). */
export const IntColumn = {
  NORAD: 0,
  LINE: 1,
  EPHEMERIS_TYPE: 2,
  NAME: 3,
  COSPAR: 4,
  CLASSIFICATION: 5,
  THEORY: 6,
  FORMAT: 7,
} as const;
/** Integers per set. */
export const INT_STRIDE = 8;

/** Float64 columns (offsets within one set's stride). */
export const NumberColumn = {
  EPOCH: 0,
  MEAN_MOTION: 1,
  ECCENTRICITY: 2,
  INCLINATION: 3,
  RAAN: 4,
  ARG_PERIGEE: 5,
  MEAN_ANOMALY: 6,
  BSTAR: 7,
  NDOT: 8,
  NDDOT: 9,
  ELEMENT_SET_NO: 10,
  REV_AT_EPOCH: 11,
} as const;
/** Doubles per set. */
export const NUMBER_STRIDE = 12;

/** A batch of element sets in columns (see module doc for the layout). */
export interface ElementSetColumns {
  readonly count: number;
  readonly ints: Int32Array<ArrayBuffer>;
  readonly numbers: Float64Array<ArrayBuffer>;
  readonly text: string;
  readonly textEnds: Int32Array<ArrayBuffer>;
  /** Distinct names, COSPAR ids, classifications, theories and formats of the batch. */
  readonly dictionary: readonly string[];
  /**
   * Optional: the content hash (`@orbwatch/store`'s `contentHash`) of every set, 64 hex characters per set (set i at 64i),
   * computed by the producer (e.g. the parser worker) to take the work off the storing thread.
   * The store recomputes the first set's hash of every batch and refuses the batch on a
   * mismatch (a producer with another definition is a programmer error); absent, the store
   * computes every hash itself.
   */
  readonly hashes?: string;
}

/**
 * Packs element sets into columns (no hashes); `lineOffset` is added to every set's input line.
 * Sets of one object follow each other, so the last name, COSPAR id and classification are
 * checked before the dictionary.
 */
export function packElementSetColumns(sets: readonly ElementSet[], lineOffset = 0): ElementSetColumns {
  const n = sets.length;
  const ints = new Int32Array(n * INT_STRIDE);
  const numbers = new Float64Array(n * NUMBER_STRIDE);
  const textEnds = new Int32Array(n * 2);
  const dictionary: string[] = [];
  const index = new Map<string, number>();
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
  let lastName: string | null = null;
  let lastNameCode = -1;
  let lastCospar: string | null = null;
  let lastCosparCode = -1;
  let lastClass = '';
  let lastClassCode = -1;
  const parts: string[] = [];
  let end = 0;
  for (let i = 0; i < n; i++) {
    const s = sets[i];
    if (s === undefined) continue;
    const a = i * INT_STRIDE;
    ints[a + IntColumn.NORAD] = s.noradId;
    ints[a + IntColumn.LINE] = s.line + lineOffset;
    ints[a + IntColumn.EPHEMERIS_TYPE] = s.ephemerisType;
    if (s.name !== lastName || lastNameCode < 0) {
      lastName = s.name;
      lastNameCode = code(s.name);
    }
    ints[a + IntColumn.NAME] = s.name === null ? -1 : lastNameCode;
    if (s.cosparId !== lastCospar || lastCosparCode < 0) {
      lastCospar = s.cosparId;
      lastCosparCode = code(s.cosparId);
    }
    ints[a + IntColumn.COSPAR] = s.cosparId === null ? -1 : lastCosparCode;
    if (s.classification !== lastClass || lastClassCode < 0) {
      lastClass = s.classification;
      lastClassCode = code(s.classification);
    }
    ints[a + IntColumn.CLASSIFICATION] = lastClassCode;
    ints[a + IntColumn.THEORY] = code(s.theory);
    ints[a + IntColumn.FORMAT] = code(s.format);
    const b = i * NUMBER_STRIDE;
    numbers[b + NumberColumn.EPOCH] = s.epoch;
    numbers[b + NumberColumn.MEAN_MOTION] = s.meanMotionRadPerSec;
    numbers[b + NumberColumn.ECCENTRICITY] = s.eccentricity;
    numbers[b + NumberColumn.INCLINATION] = s.inclinationRad;
    numbers[b + NumberColumn.RAAN] = s.raanRad;
    numbers[b + NumberColumn.ARG_PERIGEE] = s.argPerigeeRad;
    numbers[b + NumberColumn.MEAN_ANOMALY] = s.meanAnomalyRad;
    numbers[b + NumberColumn.BSTAR] = s.bstarPerEarthRadii;
    numbers[b + NumberColumn.NDOT] = s.meanMotionDotRevPerDay2;
    numbers[b + NumberColumn.NDDOT] = s.meanMotionDdotRevPerDay3;
    numbers[b + NumberColumn.ELEMENT_SET_NO] = s.elementSetNo ?? NaN;
    numbers[b + NumberColumn.REV_AT_EPOCH] = s.revAtEpoch ?? NaN;
    parts.push(s.raw, s.epochText);
    end += s.raw.length;
    textEnds[2 * i] = end;
    end += s.epochText.length;
    textEnds[2 * i + 1] = end;
  }
  return { count: n, ints, numbers, text: parts.join(''), textEnds, dictionary };
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The dictionary entry `k` (null for −1); throws on a corrupt index (programmer error). */
export function dictionaryEntry(cols: ElementSetColumns, k: number): string | null {
  if (k < 0) return null;
  const s = cols.dictionary[k];
  if (s === undefined) throw new RangeError(`dictionary index ${String(k)} out of range`);
  return s;
}

/** Rebuilds set `i` of a columnar batch as an `ElementSet` (tests, conflict reports). */
export function elementSetAt(cols: ElementSetColumns, i: number): ElementSet {
  if (!Number.isInteger(i) || i < 0 || i >= cols.count) throw new RangeError(`set ${String(i)} out of range`);
  const a = i * INT_STRIDE;
  const b = i * NUMBER_STRIDE;
  const int = (k: number): number => cols.ints[a + k] ?? 0;
  const num = (k: number): number => cols.numbers[b + k] ?? NaN;
  const start = i === 0 ? 0 : (cols.textEnds[2 * i - 1] ?? 0);
  const rawEnd = cols.textEnds[2 * i] ?? 0;
  const epochEnd = cols.textEnds[2 * i + 1] ?? 0;
  const dict = (k: number): string => dictionaryEntry(cols, int(k)) ?? '';
  return {
    noradId: noradId(int(IntColumn.NORAD)),
    name: dictionaryEntry(cols, int(IntColumn.NAME)),
    cosparId: dictionaryEntry(cols, int(IntColumn.COSPAR)),
    classification: dict(IntColumn.CLASSIFICATION),
    epoch: instant(num(NumberColumn.EPOCH)),
    epochText: cols.text.slice(rawEnd, epochEnd),
    meanMotionRadPerSec: radPerSec(num(NumberColumn.MEAN_MOTION)),
    eccentricity: num(NumberColumn.ECCENTRICITY),
    inclinationRad: rad(num(NumberColumn.INCLINATION)),
    raanRad: rad(num(NumberColumn.RAAN)),
    argPerigeeRad: rad(num(NumberColumn.ARG_PERIGEE)),
    meanAnomalyRad: rad(num(NumberColumn.MEAN_ANOMALY)),
    bstarPerEarthRadii: num(NumberColumn.BSTAR),
    meanMotionDotRevPerDay2: num(NumberColumn.NDOT),
    meanMotionDdotRevPerDay3: num(NumberColumn.NDDOT),
    elementSetNo: nullable(num(NumberColumn.ELEMENT_SET_NO)),
    revAtEpoch: nullable(num(NumberColumn.REV_AT_EPOCH)),
    ephemerisType: int(IntColumn.EPHEMERIS_TYPE),
    theory: dict(IntColumn.THEORY) as MeanElementTheory,
    format: dict(IntColumn.FORMAT) as ElementSetFormat,
    raw: cols.text.slice(start, rawEnd),
    line: int(IntColumn.LINE),
  };
}
