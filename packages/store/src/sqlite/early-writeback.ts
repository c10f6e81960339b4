/**
 * Early writeback for a first load that runs with `synchronous=OFF` (the rollback-journal first
 * load, docs/design/storage.md). Without it, every page of the load stays dirty in the OS page
 * cache until the load returns to WAL, whose fsync then waits for all of it (~60-80 ms for
 * history-2026's 63 MiB on this machine) on the writer's thread at the very end. Asking for an
 * `fdatasync` of the file on libuv's thread pool every few batches starts the disk writes while
 * the writer goes on, so the final fsync finds little left to do.
 *
 * This changes no guarantee: SQLite still does the final fsync itself, and a sync in the middle of
 * an `OFF` load only makes pages durable sooner. Requests are not throttled by their completion:
 * the pipelined ingest takes the parser's batches synchronously while the parser is ahead, so the
 * event loop (and a completion callback) may not run until the load ends; a request every 32
 * batches keeps them few (11 for history-2026). A file that cannot be opened (or a failed sync)
 * simply leaves the final fsync to do all the work.
 * @module
 */
import { closeSync, fdatasync, openSync } from 'node:fs';

/** Batches between two writeback requests (500-set batches: ~5.5 MiB of pages each time). */
const DEFAULT_EVERY_BATCHES = 32;

export class EarlyWriteback {
  #fd: number | undefined;
  /** Requests whose completion has not been seen yet. */
  #inFlight = 0;
  #closed = false;
  #batches = 0;
  #requests = 0;
  readonly #every: number;

  constructor(path: string, everyBatches = DEFAULT_EVERY_BATCHES) {
    this.#every = everyBatches;
    try {
      this.#fd = openSync(path, 'r');
    } catch {
      this.#fd = undefined;
    }
  }

  /** Called after each committed batch: every `everyBatches`, one asynchronous fdatasync. */
  afterBatch(): void {
    if (this.#fd === undefined || this.#closed || ++this.#batches % this.#every !== 0) return;
    this.#inFlight++;
    this.#requests++;
    fdatasync(this.#fd, () => {
      if (--this.#inFlight === 0 && this.#closed) this.#closeFd();
    });
  }

  /** Writeback requests made so far (for tests and benchmarks). */
  get requests(): number {
    return this.#requests;
  }

  /** Whether the file descriptor is still open. */
  get open(): boolean {
    return this.#fd !== undefined;
  }

  /** The load has ended: the descriptor is closed now, or when the last request in flight returns. */
  close(): void {
    this.#closed = true;
    if (this.#inFlight === 0) this.#closeFd();
  }

  #closeFd(): void {
    if (this.#fd === undefined) return;
    try {
      closeSync(this.#fd);
    } catch {
      // already gone: nothing to release
    }
    this.#fd = undefined;
  }
}
