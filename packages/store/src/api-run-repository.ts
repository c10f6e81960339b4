/**
 * The API-run part of the repository port: detection and screening runs started through the
 * HTTP API, kept from the moment they are queued until they are done, failed or interrupted, so
 * a run and its report outlive the server process that ran it.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/**
 * `interrupted`: the process that queued or ran it stopped before the run finished (a crash, a
 * kill, a shutdown); nothing of its result is known beyond the events it had stored.
 */
export type ApiRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'interrupted';

/** Why a run failed or was interrupted: the API's error body. */
export interface ApiRunError {
  readonly code: string;
  readonly message: string;
  readonly details: Readonly<Record<string, unknown>>;
}

/** How far a running run is: `done` of `total` in its current `stage` (a detector, a screening phase). */
export interface ApiRunProgress {
  readonly stage: string;
  readonly done: number;
  readonly total: number;
}

export interface StoredApiRun {
  /** Insertion order: the listing's newest-first order. */
  readonly seq: number;
  /** UUIDv7. */
  readonly id: string;
  readonly kind: string;
  /** The request as validated (JSON). */
  readonly request: unknown;
  readonly status: ApiRunStatus;
  readonly queuedAt: Instant;
  readonly startedAt: Instant | null;
  readonly finishedAt: Instant | null;
  readonly progress: ApiRunProgress | null;
  /** The run's report when done (JSON). */
  readonly report: unknown;
  readonly error: ApiRunError | null;
  /** Where the run executed (`worker-thread`, `in-process`), once started. */
  readonly executor: string | null;
  /** The API token that started it, when known. */
  readonly tokenId: string | null;
}

/** What changes as a run moves on; fields left out keep their value. */
export interface ApiRunChange {
  readonly status?: ApiRunStatus;
  readonly startedAt?: Instant;
  readonly finishedAt?: Instant;
  readonly progress?: ApiRunProgress | null;
  readonly report?: unknown;
  readonly error?: ApiRunError | null;
  readonly executor?: string;
}

export interface ApiRunRepository {
  /** Stores a new run (its `seq` is given by the store). */
  insertApiRun(run: Omit<StoredApiRun, 'seq'>): Awaitable<void>;
  updateApiRun(id: string, change: ApiRunChange): Awaitable<void>;
  getApiRun(id: string): Awaitable<StoredApiRun | null>;
  /** Runs newest first, at most `limit`; with `beforeSeq`, only runs queued before that one. */
  listApiRuns(page: { readonly beforeSeq?: number; readonly limit: number }): Awaitable<StoredApiRun[]>;
  /**
   * Marks every `queued` or `running` run `interrupted`, finished at `now`, with `error` (its
   * details gain `previousStatus`), in one transaction; returns their ids, oldest first.
   */
  interruptApiRuns(now: Instant, error: ApiRunError): Awaitable<string[]>;
}
