/**
 * WAL checkpoints on a second thread while a bulk load writes. In WAL mode with
 * `synchronous=NORMAL` a commit only appends to the WAL file; the expensive part of a load is
 * the checkpoint that copies those pages into the database file and waits for `fsync` (~0.25 s
 * of the ~1.0 s SQLite needs for history-2026's 182,144 sets on the reference machine;
 * `bench/ingest-floor.ts`). SQLite lets another connection checkpoint while the writer goes on,
 * so during a bulk load the writer's automatic checkpoints are switched off and a worker thread
 * with its own connection runs `PRAGMA wal_checkpoint(PASSIVE)` every few milliseconds.
 *
 * Safety: a checkpoint never changes what the database holds (it copies committed pages; SQLite
 * makes it crash-safe in itself), and a PASSIVE one never blocks the writer. If the checkpointer
 * dies or cannot open the file, the writer's automatic checkpoints come back when the load ends
 * and closing the last connection checkpoints the rest. A kill mid-load leaves a WAL that the
 * next open replays, as before.
 * @module
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Milliseconds between two checkpoints: a few batches' worth of WAL frames each. */
const CHECKPOINT_INTERVAL_MS = 10;

// The worker is plain CommonJS evaluated from this string (no build step, no loader needed
// under tsx): it loads better-sqlite3 from the path resolved here. `signal` is shared memory:
// [0] = 1 asks it to stop, [1] = 1 says it has closed its connection.
const WORKER_SOURCE = `
const { workerData } = require('node:worker_threads');
const signal = new Int32Array(workerData.signal);
function finish() { Atomics.store(signal, 1, 1); Atomics.notify(signal, 1); }
let db;
try {
  const Database = require(workerData.betterSqlite3);
  db = new Database(workerData.path, { fileMustExist: true });
  db.pragma('busy_timeout = ' + String(workerData.busyTimeoutMs));
} catch (e) {
  finish();
  throw e;
}
function checkpoint() {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch (e) { /* busy: the next one catches up */ }
}
function tick() {
  checkpoint();
  if (Atomics.load(signal, 0) === 0) { setTimeout(tick, workerData.intervalMs); return; }
  checkpoint();
  db.close();
  finish();
}
tick();
`;

/** A running checkpointer; {@link BackgroundCheckpointer.stop} it when the load ends. */
export interface BackgroundCheckpointer {
  /**
   * Asks the thread for a last checkpoint and waits (blocking, at most `timeoutMs`) until it has
   * closed its connection, so that the caller's connection is the last one again. Idempotent.
   */
  stop(timeoutMs: number): void;
}

/**
 * Starts checkpointing `path` (a WAL-mode SQLite file that exists) on a worker thread. The
 * thread is unref'd: it never keeps the process alive, and a process that exits mid-load simply
 * leaves the WAL for the next open.
 */
export function startBackgroundCheckpointer(path: string, busyTimeoutMs: number): BackgroundCheckpointer {
  const signal = new Int32Array(new SharedArrayBuffer(8));
  const worker = new Worker(WORKER_SOURCE, {
    eval: true,
    workerData: {
      path,
      busyTimeoutMs,
      intervalMs: CHECKPOINT_INTERVAL_MS,
      betterSqlite3: createRequire(import.meta.url).resolve('better-sqlite3'),
      signal: signal.buffer,
    },
  });
  worker.unref();
  worker.on('error', () => {
    // could not open the file or load the module: the writer's own checkpoints take over
    Atomics.store(signal, 1, 1);
  });
  return {
    stop(timeoutMs: number): void {
      Atomics.store(signal, 0, 1);
      const deadline = performance.now() + timeoutMs;
      while (Atomics.load(signal, 1) === 0) {
        const left = deadline - performance.now();
        if (left <= 0) return;
        Atomics.wait(signal, 1, 0, left);
      }
    },
  };
}
