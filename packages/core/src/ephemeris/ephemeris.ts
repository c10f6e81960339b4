/**
 * A batch ephemeris: SGP4 states of many objects on one evenly spaced time grid, held in flat
 * typed arrays so that it can be transferred between threads without copying or JSON.
 * @module
 */
import type { Instant } from '../time/instant.js';
import { instant } from '../time/instant.js';

/** Values per sample in {@link Ephemeris.data}: x, y, z (km), vx, vy, vz (km/s). */
export const EPHEMERIS_STATE_SIZE = 6;

/**
 * States of `noradIds.length` objects at `count` instants `t0 + i·stepSec`, frame TEME.
 *
 * `data` holds, object after object and sample after sample, x, y, z in km and vx, vy, vz in
 * km/s: the state of object `j` at sample `i` starts at `(j·count + i)·6`.
 * `status` holds one byte per object per sample (index `j·count + i`): 0 when SGP4 succeeded,
 * otherwise the SGP4 error code (1 mean eccentricity, 2 mean motion, 3 perturbed eccentricity,
 * 4 semi-latus rectum, 6 decayed); the six data slots of such a sample are NaN. Always read
 * `status` before using a state.
 */
export interface Ephemeris {
  readonly frame: 'TEME';
  readonly t0: Instant;
  readonly stepSec: number;
  readonly count: number;
  readonly noradIds: Int32Array<ArrayBuffer>;
  readonly data: Float64Array;
  readonly status: Uint8Array;
}

/** Allocates an ephemeris for `objects` objects (data NaN, status 0 until filled). */
export function createEphemeris(
  noradIds: Int32Array<ArrayBuffer>,
  t0: Instant,
  stepSec: number,
  count: number,
): Ephemeris {
  checkGrid(stepSec, count);
  const n = noradIds.length;
  return {
    frame: 'TEME',
    t0,
    stepSec,
    count,
    noradIds,
    data: new Float64Array(n * count * EPHEMERIS_STATE_SIZE).fill(NaN),
    status: new Uint8Array(n * count),
  };
}

/** Throws RangeError unless `stepSec` is finite and > 0 and `count` an integer ≥ 1. */
export function checkGrid(stepSec: number, count: number): void {
  if (!Number.isFinite(stepSec) || stepSec <= 0) throw new RangeError(`stepSec must be > 0, got ${String(stepSec)}`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be an integer >= 1, got ${String(count)}`);
}

/** Instant of sample `i`. */
export function ephemerisTime(eph: Ephemeris, i: number): Instant {
  return instant(eph.t0 + i * eph.stepSec * 1000);
}

/** Index into `data` of the first value (x) of object `j` at sample `i`. */
export function ephemerisOffset(eph: Ephemeris, j: number, i: number): number {
  return (j * eph.count + i) * EPHEMERIS_STATE_SIZE;
}
