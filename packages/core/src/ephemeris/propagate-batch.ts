/**
 * Single-thread batch propagation onto an evenly spaced grid, without per-sample allocation:
 * near-Earth objects run through orbwatch's SGP4 kernel, deep-space objects through its SDP4
 * kernel (or every object through satellite.js's `sgp4(satrec, tsince)` when prepared with
 * `useKernel: false`). Pure: no clock, no I/O.
 * @module
 */
import { SatRecError, sgp4 } from 'satellite.js';
import { DS_STATE_SIZE, DS_STRIDE, propagateDeepSpaceGrid } from '../sgp4-kernel/deep-space-kernel.js';
import { NE_STRIDE, propagateNearEarthGrid } from '../sgp4-kernel/near-earth-kernel.js';
import type { Instant } from '../time/instant.js';
import type { Ephemeris } from './ephemeris.js';
import { EPHEMERIS_STATE_SIZE, checkGrid, createEphemeris } from './ephemeris.js';
import type { BatchInput, PreparedBatch } from './prepared-batch.js';
import { ROUTE_DEEP_SPACE, ROUTE_NEAR_EARTH, prepareBatch } from './prepared-batch.js';

const MS_PER_MIN = 60_000;

/**
 * Propagates a prepared batch over `count` instants `t0 + i·stepSec` (TEME, km, km/s).
 * Pass `into` (an ephemeris of the same object count and `count`) to reuse its arrays; its
 * `t0`/`stepSec` are replaced in the returned value.
 */
export function propagatePrepared(
  batch: PreparedBatch,
  t0: Instant,
  stepSec: number,
  count: number,
  into?: Ephemeris,
): Ephemeris {
  checkGrid(stepSec, count);
  const n = batch.noradIds.length;
  let eph: Ephemeris;
  if (into === undefined) {
    eph = createEphemeris(batch.noradIds, t0, stepSec, count);
  } else {
    if (into.count !== count || into.noradIds.length !== n) {
      throw new RangeError('propagatePrepared: `into` has a different shape');
    }
    eph = { frame: 'TEME', t0, stepSec, count, noradIds: batch.noradIds, data: into.data, status: into.status };
  }
  const { data, status } = eph;
  const dtMin = stepSec / 60;
  for (let j = 0; j < n; j++) {
    const tsince0 = (t0 - (batch.epochs[j] ?? NaN)) / MS_PER_MIN;
    const k = batch.recordIndex[j] ?? 0;
    const base = j * count;
    const route = batch.route[j];
    if (route === ROUTE_NEAR_EARTH) {
      propagateNearEarthGrid(
        batch.nearEarth,
        k * NE_STRIDE,
        tsince0,
        dtMin,
        count,
        data,
        base * EPHEMERIS_STATE_SIZE,
        status,
        base,
      );
      continue;
    }
    if (route === ROUTE_DEEP_SPACE) {
      propagateDeepSpaceGrid(
        batch.deepSpace,
        k * DS_STRIDE,
        batch.deepSpaceState,
        k * DS_STATE_SIZE,
        tsince0,
        dtMin,
        count,
        data,
        base * EPHEMERIS_STATE_SIZE,
        status,
        base,
      );
      continue;
    }
    const rec = batch.satrecs[k];
    if (rec === undefined) throw new Error('propagatePrepared: missing satellite.js record');
    for (let i = 0; i < count; i++) {
      const o = (base + i) * EPHEMERIS_STATE_SIZE;
      const pv = sgp4(rec, tsince0 + i * dtMin);
      if (pv === null) {
        data.fill(NaN, o, o + EPHEMERIS_STATE_SIZE);
        // satellite.js leaves a code on the record; a null without one is still a failure.
        status[base + i] = rec.error === SatRecError.None ? 255 : rec.error;
        continue;
      }
      data[o] = pv.position.x;
      data[o + 1] = pv.position.y;
      data[o + 2] = pv.position.z;
      data[o + 3] = pv.velocity.x;
      data[o + 4] = pv.velocity.y;
      data[o + 5] = pv.velocity.z;
      status[base + i] = 0;
    }
  }
  return eph;
}

/**
 * Propagates satellite.js records or element sets over `count` instants `t0 + i·stepSec`
 * (seconds), single thread. Equivalent to {@link prepareBatch} then {@link propagatePrepared};
 * prepare once yourself when you propagate the same objects repeatedly.
 */
export function propagateBatch(inputs: BatchInput, t0: Instant, stepSec: number, count: number): Ephemeris {
  return propagatePrepared(prepareBatch(inputs), t0, stepSec, count);
}
