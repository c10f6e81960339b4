/**
 * The watcher's part of the repository port: per remote source, what its last fetch left (the
 * conditional-GET validators, times, failures, when it is due next), and the spool of fetched
 * payloads waiting to be ingested. A payload is spooled before it is ingested and removed, in
 * one transaction with the source's new state, only after its ingest run has committed: a crash
 * between the two leaves the payload to be ingested again (idempotent: the committed part comes
 * back as duplicates) and the old validators, so nothing fetched is lost and nothing is stored
 * twice.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';
import type { SourceKind } from './ingest-run.js';

export interface SourceFetchState {
  readonly key: string;
  readonly url: string;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly lastAttemptAt: Instant | null;
  readonly lastSuccessAt: Instant | null;
  readonly nextDueAt: Instant | null;
  readonly consecutiveFailures: number;
  /** `200`, `304` or the error code of the last attempt. */
  readonly lastStatus: string | null;
  /** The ingest run of the last payload. */
  readonly lastRunId: string | null;
}

export interface SpooledFetch {
  readonly id: number;
  readonly sourceKey: string;
  /** The source name and kind its element sets are stored under. */
  readonly sourceName: string;
  readonly sourceKind: SourceKind;
  readonly url: string;
  readonly file: string;
  readonly retrievedAt: Instant;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly data: Uint8Array;
}

export interface WatchStateRepository {
  fetchState(key: string): Awaitable<SourceFetchState | null>;
  saveFetchState(state: SourceFetchState): Awaitable<void>;
  /** Stores a fetched payload durably; returns its spool id. */
  spoolFetch(fetch: Omit<SpooledFetch, 'id'>): Awaitable<number>;
  /** Payloads fetched but not yet marked ingested, oldest first. */
  spooledFetches(): Awaitable<SpooledFetch[]>;
  /** Removes the spooled payload and saves the source's state, in one transaction. */
  completeSpooledFetch(id: number, state: SourceFetchState): Awaitable<void>;
}
