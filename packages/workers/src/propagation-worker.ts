/**
 * Worker-thread side of the propagation pool: holds one shard of objects prepared with
 * core's `prepareBatch` and propagates it with core's single-thread `propagatePrepared` —
 * the same code as the single-thread path, so results are bit-for-bit identical.
 * @module
 */
import { parentPort } from 'node:worker_threads';
import { instant, prepareBatch, propagatePrepared } from '@orbwatch/core';
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
    const eph = propagatePrepared(prepared, instant(msg.t0), msg.stepSec, msg.count);
    const noradIds = eph.noradIds.slice();
    const reply: FromWorker = { type: 'result', data: eph.data, status: eph.status, noradIds };
    port.postMessage(reply, [eph.data.buffer, eph.status.buffer, noradIds.buffer]);
  } catch (e) {
    const reply: FromWorker = { type: 'error', message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});
