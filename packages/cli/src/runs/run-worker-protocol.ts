/**
 * What `orbwatch serve` and its run worker thread (run-worker.ts) say to each other: the worker
 * gets the database file, the norms and one run request as `workerData`, and posts progress,
 * then either the report or the error (in the API's shape), then exits.
 * @module
 */
import type { RunRequest } from '@orbwatch/api';
import type { Norm } from '@orbwatch/core';
import type { ApiRunError, ApiRunProgress } from '@orbwatch/store';

export interface RunWorkerData {
  /** The SQLite file the server has open; the worker opens its own connection to it. */
  readonly dbPath: string;
  readonly busyTimeoutMs: number;
  readonly norms: readonly Norm[];
  readonly runId: string;
  readonly request: RunRequest;
}

export type FromRunWorker =
  | { readonly type: 'progress'; readonly progress: ApiRunProgress }
  | { readonly type: 'done'; readonly report: unknown }
  | { readonly type: 'failed'; readonly error: ApiRunError };
