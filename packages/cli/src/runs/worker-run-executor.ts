/**
 * The run executor of `orbwatch serve` on a database file: each run executes in its own worker
 * thread (run-worker.ts) with its own connection to the file, so the server's thread stays free
 * for requests while a detector or a screening computes. Progress and the result come back by
 * message; the run queue writes them to the stored run.
 *
 * A worker that stops without a result — an uncaught error, out of memory, an exit — fails its
 * run with RUN_WORKER_FAILED (the exit code or the error's name in the details, the error itself
 * on the server's stderr); the server is not affected. `close` terminates the running worker
 * (shutdown); SQLite rolls back what it had not committed.
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { RunExecutor } from '@orbwatch/api';
import { RUN_WORKER_FAILED, RunFailure } from '@orbwatch/api';
import type { Norm } from '@orbwatch/core';
import type { WorkerSpec } from '@orbwatch/workers';
import { siblingWorkerSpec } from '@orbwatch/workers';
import type { FromRunWorker, RunWorkerData } from './run-worker-protocol.js';

export interface WorkerRunExecutorOptions {
  readonly dbPath: string;
  readonly norms: readonly Norm[];
  /** How long the worker's connection waits for another writer's lock, ms. */
  readonly busyTimeoutMs: number;
  /** Where a worker's uncaught error is told in full (the server's stderr). */
  readonly log?: (line: string) => void;
  /** The worker to start (default run-worker, from dist or source); tests pass others. */
  readonly spec?: WorkerSpec;
}

export function workerRunExecutor(o: WorkerRunExecutorOptions): RunExecutor {
  const active = new Set<Worker>();
  return {
    name: 'worker-thread',
    kinds: ['detection', 'screening'],
    execute: (job, onProgress) =>
      new Promise<unknown>((resolve, reject) => {
        const spec = o.spec ?? siblingWorkerSpec('run-worker', import.meta.url);
        const workerData: RunWorkerData = {
          dbPath: o.dbPath,
          busyTimeoutMs: o.busyTimeoutMs,
          norms: o.norms,
          runId: job.runId,
          request: job.request,
        };
        const w = new Worker(spec.entry, { ...spec.options, workerData });
        active.add(w);
        let settled = false;
        const fail = (message: string, details: Record<string, unknown>): void => {
          if (settled) return;
          settled = true;
          reject(new RunFailure({ code: RUN_WORKER_FAILED, message, details }));
        };
        w.on('message', (m: FromRunWorker) => {
          if (settled) return;
          if (m.type === 'progress') onProgress(m.progress);
          else if (m.type === 'done') {
            settled = true;
            resolve(m.report);
          } else {
            settled = true;
            reject(new RunFailure(m.error));
          }
        });
        w.on('error', (e) => {
          o.log?.(`run ${job.runId}: the worker thread failed: ${e.stack ?? e.message}`);
          fail("the run's worker thread failed with an uncaught error; the server is unaffected", {
            error: e.name,
            ...((e as { code?: unknown }).code === undefined ? {} : { errorCode: (e as { code?: unknown }).code }),
          });
        });
        w.on('exit', (exitCode) => {
          active.delete(w);
          fail(`the run's worker thread stopped without a result (exit code ${String(exitCode)})`, { exitCode });
        });
      }),
    close: async () => {
      await Promise.all([...active].map((w) => w.terminate()));
    },
  };
}
