/**
 * Detection and screening runs started through the API: queued, run one at a time (they write
 * the same tables), polled by id. A run's record (status, times, report or error) is kept in
 * memory for the last {@link KEEP} runs; the events a run stores are in the database and reach
 * the alert feed like any other.
 * @module
 */
import { uuidV7 } from '@orbwatch/store';
import type { Clock } from '@orbwatch/app';
import { formatIso } from '@orbwatch/core';
import { errorResponse } from './errors.js';

export type RunStatus = 'queued' | 'running' | 'done' | 'failed';

export interface RunRecord {
  readonly runId: string;
  readonly kind: string;
  readonly request: unknown;
  status: RunStatus;
  readonly queuedUtc: string;
  startedUtc: string | null;
  finishedUtc: string | null;
  report: unknown;
  error: { code: string; message: string; details: Record<string, unknown> } | null;
}

/** Runs remembered (the oldest finished ones are forgotten first). */
const KEEP = 100;
/** Runs waiting at most; more is RATE_LIMITED-like back-pressure (the caller gets 429). */
export const MAX_QUEUED = 20;

export class RunQueue {
  readonly #clock: Clock;
  readonly #runs = new Map<string, RunRecord>();
  #tail: Promise<void> = Promise.resolve();
  #pending = 0;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  get pending(): number {
    return this.#pending;
  }

  get(id: string): RunRecord | undefined {
    return this.#runs.get(id);
  }

  /** Queues `work`; returns the record at once (status `queued`). */
  start(kind: string, request: unknown, work: () => Promise<unknown>): RunRecord {
    const now = this.#clock.now();
    const rec: RunRecord = {
      runId: uuidV7(now),
      kind,
      request,
      status: 'queued',
      queuedUtc: formatIso(now),
      startedUtc: null,
      finishedUtc: null,
      report: null,
      error: null,
    };
    this.#runs.set(rec.runId, rec);
    this.#forget();
    this.#pending++;
    this.#tail = this.#tail.then(async () => {
      rec.status = 'running';
      rec.startedUtc = formatIso(this.#clock.now());
      try {
        rec.report = await work();
        rec.status = 'done';
      } catch (e) {
        rec.error = { ...errorResponse(e).body.error };
        rec.status = 'failed';
      } finally {
        rec.finishedUtc = formatIso(this.#clock.now());
        this.#pending--;
      }
    });
    return rec;
  }

  /** Resolves when every queued run has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.#tail;
  }

  #forget(): void {
    for (const [id, r] of this.#runs) {
      if (this.#runs.size <= KEEP) break;
      if (r.status === 'done' || r.status === 'failed') this.#runs.delete(id);
    }
  }
}
