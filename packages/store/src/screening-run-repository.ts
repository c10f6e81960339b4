/**
 * The screening-run part of the repository port: one record per `orbwatch screen` run — when it
 * ran, the instant its catalogue was taken as of, and the run document (window, threshold,
 * mode, counts, engine and its parameters, the conjunction event ids) as JSON — so every stored
 * conjunction can be traced to the run that found it and how.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/** A stored screening run. `document` is JSON-serialisable (the use case defines its shape). */
export interface ScreeningRunRecord {
  /** UUIDv7. */
  readonly id: string;
  readonly createdAt: Instant;
  /** The catalogue was taken as of this instant (latest element set per object). */
  readonly at: Instant;
  readonly document: Readonly<Record<string, unknown>>;
}

export interface ScreeningRunRepository {
  saveScreeningRun(run: ScreeningRunRecord): Awaitable<void>;
  /** Runs, newest first; at most `limit` (default all). */
  screeningRuns(limit?: number): Awaitable<ScreeningRunRecord[]>;
  getScreeningRun(id: string): Awaitable<ScreeningRunRecord | null>;
}
