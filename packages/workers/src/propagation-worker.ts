/**
 * Worker-thread side of the propagation pool: holds one shard of objects prepared with
 * core's `prepareBatch` and propagates it with core's single-thread `propagatePrepared` —
 * the same code as the single-thread path, so results are bit-for-bit identical.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { EPHEMERIS_STATE_SIZE, instant, prepareBatch, propagatePrepared } from '@orbwatch/core';
import type { PreparedBatch } from '@orbwatch/core';
import type { FromWorker, ToWorker } from './worker-protocol.js';

const port = parentPort;
if (port === null) throw new Error('propagation-worker must run in a worker thread');

let prepared: PreparedBatch | undefined;

port.on('message', (msg: ToWorker) => {
  try {
    if (msg.type === 'load') {
      prepared = prepareBatch(msg.inputs);
      const reply: FromWorker = { type: 'loaded', objects: prepared.noradIds.length };
      port.postMessage(reply);
      return;
    }
    if (prepared === undefined) throw new Error('propagate before load');
    const n = prepared.noradIds.length;
    const samples = n * msg.count;
    const t0 = instant(msg.t0);
    propagatePrepared(prepared, t0, msg.stepSec, msg.count, {
      frame: 'TEME',
      t0,
      stepSec: msg.stepSec,
      count: msg.count,
      noradIds: prepared.noradIds,
      data: new Float64Array(
        msg.data,
        msg.firstObject * msg.count * EPHEMERIS_STATE_SIZE * 8,
        samples * EPHEMERIS_STATE_SIZE,
      ),
      status: new Uint8Array(msg.status, msg.firstObject * msg.count, samples),
    });
    const reply: FromWorker = { type: 'result', objects: n };
    port.postMessage(reply);
  } catch (e) {
    const reply: FromWorker = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});
