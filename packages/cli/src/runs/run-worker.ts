/**
 * The worker thread of one API run (started by worker-run-executor.ts): opens its own connection
 * to the server's SQLite file (WAL: it writes events while the server's connection reads), calls
 * the API's `performRun` — the same use cases as the in-process executor and the CLI — and posts
 * progress (at most every 100 ms), then the report or the error, then closes the connection.
 * @module
 */
import { parentPort, workerData } from 'node:worker_threads';
import { errorResponse, performRun } from '@orbwatch/api';
import type { Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { SqliteCatalogRepository } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import type { FromRunWorker, RunWorkerData } from './run-worker-protocol.js';
import { screeningRunner } from './screening-runner.js';

const PROGRESS_EVERY_MS = 100;

async function main(): Promise<void> {
  const port = parentPort;
  if (port === null) throw new Error('run-worker.ts runs as a worker thread');
  const data = workerData as RunWorkerData;
  const post = (m: FromRunWorker): void => {
    port.postMessage(m);
  };
  const now = (): Instant => instant(Date.now());
  let repo: SqliteCatalogRepository | undefined;
  try {
    const opened = openSqliteCatalog(data.dbPath, { mustExist: true, busyTimeoutMs: data.busyTimeoutMs });
    repo = opened;
    let last = -Infinity;
    const report = await performRun(
      data.request,
      { repo, clock: { now }, norms: data.norms, screening: screeningRunner(opened, now) },
      (progress) => {
        const t = performance.now();
        if (t - last < PROGRESS_EVERY_MS) return;
        last = t;
        post({ type: 'progress', progress });
      },
    );
    post({ type: 'done', report });
  } catch (e) {
    post({ type: 'failed', error: errorResponse(e).body.error });
  } finally {
    repo?.close();
  }
}

void main();
