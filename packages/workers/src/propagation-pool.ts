/**
 * A pool of worker threads that each hold a contiguous shard of a batch of objects and
 * propagate it on request; the parent assembles the shards into one {@link Ephemeris} whose
 * object order is the input order. Bit-for-bit equal to core's single-thread `propagateBatch`
 * (same code per object; structured clone preserves every float64 exactly).
 * @module
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { EPHEMERIS_STATE_SIZE, checkGrid, decodeAlpha5, instant } from '@orbwatch/core';
import type { BatchInput, BatchItem, Ephemeris, Instant } from '@orbwatch/core';
import { propagationWorkerSpec } from './worker-entry.js';
import type { FromWorker, ToWorker } from './worker-protocol.js';

/** Options of {@link createPropagationPool}. */
export interface PoolOptions {
  /** Worker threads; default: `os.availableParallelism()`. */
  readonly threads?: number;
}

/** A running pool; call {@link PropagationPool.close} when done. */
export interface PropagationPool {
  readonly threads: number;
  /** Shards `inputs` over the workers, which initialise SGP4 for their shard. */
  load(inputs: BatchInput): Promise<void>;
  /**
   * Propagates the loaded objects over `count` instants `t0 + i·stepSec`. With `reuseOutput`, the
   * pool writes into the same shared arrays on every call of the same shape (no fresh memory to
   * fault in — the main cost on this machine); the caller must be done with one result before
   * asking for the next. Without it every result has arrays of its own.
   */
  propagate(
    t0: Instant,
    stepSec: number,
    count: number,
    options?: { readonly reuseOutput?: boolean },
  ): Promise<Ephemeris>;
  close(): Promise<void>;
}

/** Relative cost of a deep-space object (satellite.js SDP4 path) vs a near-Earth one. */
const DEEP_SPACE_WEIGHT = 4;
const DEEP_SPACE_RAD_PER_MIN = (2 * Math.PI) / 225;

function weight(x: BatchItem): number {
  const radPerMin = 'jdsatepoch' in x ? x.no : x.meanMotionRadPerSec * 60;
  return radPerMin <= DEEP_SPACE_RAD_PER_MIN ? DEEP_SPACE_WEIGHT : 1;
}

/** Contiguous shard boundaries [start, end) balancing the estimated cost. */
export function shardBounds(inputs: BatchInput, shards: number): [number, number][] {
  const items = inputs;
  const w = items.map(weight);
  const total = w.reduce((a, b) => a + b, 0);
  const bounds: [number, number][] = [];
  let start = 0;
  let acc = 0;
  for (let s = 0; s < shards; s++) {
    const goal = (total * (s + 1)) / shards;
    let end = start;
    while (end < items.length && (s === shards - 1 || acc + (w[end] ?? 0) / 2 <= goal)) acc += w[end++] ?? 0;
    bounds.push([start, end]);
    start = end;
  }
  return bounds;
}

class WorkerChannel {
  readonly worker: Worker;
  private pending: { resolve: (m: FromWorker) => void; reject: (e: Error) => void } | undefined;

  constructor() {
    const spec = propagationWorkerSpec();
    this.worker = new Worker(spec.entry, spec.options);
    this.worker.on('message', (m: FromWorker) => {
      const p = this.pending;
      this.pending = undefined;
      if (p === undefined) return;
      if (m.type === 'error') p.reject(new Error(`propagation worker: ${m.message}`));
      else p.resolve(m);
    });
    this.worker.on('error', (e) => {
      const p = this.pending;
      this.pending = undefined;
      p?.reject(e);
    });
  }

  request(msg: ToWorker): Promise<FromWorker> {
    if (this.pending !== undefined) throw new Error('worker busy');
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(msg);
    });
  }
}

/** Starts `threads` propagation workers. */
export function createPropagationPool(options: PoolOptions = {}): PropagationPool {
  const threads = options.threads ?? availableParallelism();
  if (!Number.isInteger(threads) || threads < 1)
    throw new RangeError(`threads must be an integer >= 1, got ${String(threads)}`);
  const channels = Array.from({ length: threads }, () => new WorkerChannel());
  let loaded = 0;
  let active: WorkerChannel[] = [];
  let firstObjects: number[] = [];
  let noradIds = new Int32Array(0);
  let output: { data: SharedArrayBuffer; status: SharedArrayBuffer } | undefined;

  return {
    threads,
    async load(inputs) {
      const bounds = shardBounds(inputs, threads);
      active = [];
      firstObjects = [];
      const work: Promise<FromWorker>[] = [];
      bounds.forEach(([a, b], s) => {
        const ch = channels[s];
        if (ch === undefined || b <= a) return;
        active.push(ch);
        firstObjects.push(a);
        work.push(ch.request({ type: 'load', inputs: inputs.slice(a, b) }));
      });
      await Promise.all(work);
      loaded = inputs.length;
      noradIds = Int32Array.from(inputs, (x) => ('jdsatepoch' in x ? (decodeAlpha5(x.satnum) ?? 0) : x.noradId));
    },
    async propagate(t0, stepSec, count, options = {}) {
      checkGrid(stepSec, count);
      // Each worker writes its objects' samples straight into its slice of shared memory: no
      // transfer, no copy, and the fresh pages are touched in parallel by the workers.
      const bytes = loaded * count * EPHEMERIS_STATE_SIZE * 8;
      const kept = options.reuseOutput === true && output?.data.byteLength === bytes ? output : undefined;
      const data = kept?.data ?? new SharedArrayBuffer(bytes);
      const status = kept?.status ?? new SharedArrayBuffer(loaded * count);
      if (options.reuseOutput === true) output = { data, status };
      const replies = await Promise.all(
        active.map((ch, i) =>
          ch.request({ type: 'propagate', t0, stepSec, count, data, status, firstObject: firstObjects[i] ?? 0 }),
        ),
      );
      for (const r of replies) if (r.type !== 'result') throw new Error(`unexpected worker reply ${r.type}`);
      return {
        frame: 'TEME',
        t0: instant(t0),
        stepSec,
        count,
        noradIds,
        data: new Float64Array(data),
        status: new Uint8Array(status),
      };
    },
    async close() {
      await Promise.all(channels.map((c) => c.worker.terminate()));
    },
  };
}

/**
 * Propagates `inputs` over `count` instants `t0 + i·stepSec` on `threads` worker threads
 * (start, load, propagate, close). Same result, bit for bit, as core's `propagateBatch`.
 */
export async function propagateBatchParallel(
  inputs: BatchInput,
  t0: Instant,
  stepSec: number,
  count: number,
  options: PoolOptions = {},
): Promise<Ephemeris> {
  const pool = createPropagationPool(options);
  try {
    await pool.load(inputs);
    return await pool.propagate(t0, stepSec, count);
  } finally {
    await pool.close();
  }
}
