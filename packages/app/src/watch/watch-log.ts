/**
 * What the watcher reports as it works: one entry per action (a request, a retry, a 304, a
 * spooled payload, an ingest run, a detection run, a failure, a source that is not due). The CLI
 * prints each as one line on stderr (or one JSON object with `--json`).
 * @module
 */

export type WatchAction =
  | 'request'
  | 'response'
  | 'retry'
  | 'not-due'
  | 'not-modified'
  | 'spooled'
  | 'ingest-started'
  | 'ingested'
  | 'resume'
  | 'detected'
  | 'failed'
  | 'halted'
  | 'sleep';

export interface WatchLogEntry {
  /** When, ms since 1970 (the use case's clock). */
  readonly at: number;
  readonly action: WatchAction;
  /** The source's key, when the action concerns one source. */
  readonly source?: string;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type WatchLog = (entry: WatchLogEntry) => void;
