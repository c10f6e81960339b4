/**
 * A batch of objects made ready for repeated grid propagation: near-Earth and deep-space
 * objects packed into orbwatch's SGP4 kernel records (or, on request, kept as satellite.js
 * records for its own `sgp4`), and each
 * object's element-set epoch as an Instant (tsince is computed from it in float minutes, never
 * through a Julian date, which would quantise time to about 40 µs).
 * @module
 */
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import { decodeAlpha5 } from '../ids/norad-id.js';
import { DS_STATE_SIZE, DS_STRIDE, packDeepSpace } from '../sgp4-kernel/deep-space-kernel.js';
import { NE_STRIDE, packNearEarth } from '../sgp4-kernel/near-earth-kernel.js';
import type { Instant } from '../time/instant.js';
import { instantFromYearDay } from '../time/instant.js';
import { satrecFromElementSet } from '../propagation/satrec-from-element-set.js';

/** One object for {@link prepareBatch}: an initialised satellite.js record or an element set. */
export type BatchItem = SatRec | ElementSet;

/** What {@link prepareBatch} accepts (records and element sets may be mixed). */
export type BatchInput = readonly BatchItem[];

/** How an object of a {@link PreparedBatch} is propagated. */
export const ROUTE_NEAR_EARTH = 0;
/** Deep space (period ≥ 225 min) in orbwatch's SDP4 kernel. */
export const ROUTE_DEEP_SPACE = 1;
/** satellite.js `sgp4(satrec, t)` (only with `useKernel: false`). */
export const ROUTE_SATELLITE_JS = 2;

/** Objects ready for {@link propagatePrepared}. Index `j` is the input order. */
export interface PreparedBatch {
  readonly noradIds: Int32Array<ArrayBuffer>;
  /** Element-set epoch of each object, UTC ms since 1970. */
  readonly epochs: Float64Array;
  /** Per object: ROUTE_NEAR_EARTH, ROUTE_DEEP_SPACE or ROUTE_SATELLITE_JS. */
  readonly route: Uint8Array;
  /** Per object: index of its record in `nearEarth` or `deepSpace`, or in `satrecs`. */
  readonly recordIndex: Int32Array;
  /** Near-Earth kernel records, NE_STRIDE values each. */
  readonly nearEarth: Float64Array;
  /** Deep-space kernel records, DS_STRIDE values each. */
  readonly deepSpace: Float64Array;
  /**
   * Resonance-integrator state of each deep-space record (DS_STATE_SIZE values), updated by
   * propagation. It only caches work: results do not depend on it (see deep-space-kernel.ts).
   */
  readonly deepSpaceState: Float64Array;
  /** satellite.js records of the objects routed to ROUTE_SATELLITE_JS. */
  readonly satrecs: readonly SatRec[];
}

function isSatRec(x: BatchItem): x is SatRec {
  return 'jdsatepoch' in x;
}

/** Epoch of a satellite.js record from its two-digit year and fractional day (1957-2056). */
export function satrecEpoch(s: SatRec): Instant {
  const yy = s.epochyr % 100;
  const year = yy < 57 ? 2000 + yy : 1900 + yy;
  return instantFromYearDay(year, s.epochdays);
}

/**
 * Initialises (if needed) and packs every object. `useKernel: false` routes every object to
 * satellite.js's `sgp4` instead of orbwatch's kernel (for comparison and benchmarks).
 */
export function prepareBatch(inputs: BatchInput, options: { useKernel?: boolean } = {}): PreparedBatch {
  const useKernel = options.useKernel ?? true;
  const n = inputs.length;
  const noradIds = new Int32Array(n);
  const epochs = new Float64Array(n);
  const route = new Uint8Array(n);
  const recordIndex = new Int32Array(n);
  const recs: SatRec[] = [];
  const satrecs: SatRec[] = [];
  let nNear = 0;
  let nDeep = 0;
  for (let j = 0; j < n; j++) {
    const input = inputs[j];
    if (input === undefined) throw new RangeError(`prepareBatch: hole at index ${String(j)}`);
    let rec: SatRec;
    if (isSatRec(input)) {
      rec = input;
      noradIds[j] = decodeAlpha5(rec.satnum) ?? 0;
      epochs[j] = satrecEpoch(rec);
    } else {
      rec = satrecFromElementSet(input);
      noradIds[j] = input.noradId;
      epochs[j] = input.epoch;
    }
    recs.push(rec);
    if (!useKernel) {
      route[j] = ROUTE_SATELLITE_JS;
      recordIndex[j] = satrecs.length;
      satrecs.push(rec);
    } else if (rec.method === 'n') {
      route[j] = ROUTE_NEAR_EARTH;
      recordIndex[j] = nNear++;
    } else {
      route[j] = ROUTE_DEEP_SPACE;
      recordIndex[j] = nDeep++;
    }
  }
  const nearEarth = new Float64Array(nNear * NE_STRIDE);
  const deepSpace = new Float64Array(nDeep * DS_STRIDE);
  const deepSpaceState = new Float64Array(nDeep * DS_STATE_SIZE);
  for (let j = 0; j < n; j++) {
    const k = recordIndex[j] ?? 0;
    const rec = recs[j];
    if (rec === undefined) continue;
    if (route[j] === ROUTE_NEAR_EARTH) packNearEarth(rec, nearEarth, k * NE_STRIDE);
    else if (route[j] === ROUTE_DEEP_SPACE)
      packDeepSpace(rec, deepSpace, k * DS_STRIDE, deepSpaceState, k * DS_STATE_SIZE);
  }
  return { noradIds, epochs, route, recordIndex, nearEarth, deepSpace, deepSpaceState, satrecs };
}
