/**
 * Detection and screening runs started through the API: each is stored when queued (the run
 * table of the store, so a run outlives the process), run one at a time by the {@link RunExecutor}
 * the server was made with (they write the same tables), and polled by id. Status, progress
 * (written at most once a second), report and error go to the stored run as they come.
 *
 * On start the queue marks every run a previous process left `queued` or `running` as
 * `interrupted` (RUN_INTERRUPTED, with the status it had): a run that was running may have been
 * what stopped the process, and one that was queued was asked of a process that is gone, so
 * nothing starts again unasked — the client reads `interrupted` and posts the kept request again.
 * On close (shutdown) the executor stops what runs, and the running and waiting runs are marked
 * `interrupted` the same way.
 * @module
 */
import type { Clock } from '@orbwatch/app';
import { uuidV7 } from '@orbwatch/app';
import { formatIso } from '@orbwatch/core';
import type { ApiRunChange, ApiRunError, ApiRunProgress, CatalogRepository, StoredApiRun } from '@orbwatch/store';
import { errorResponse } from './errors.js';
import type { RunExecutor, RunKind } from './run-work.js';
import { RunFailure } from './run-work.js';
import type { RunRequest } from './schemas.js';

/** The stored error of a run the server stopped before it finished. */
export const RUN_INTERRUPTED = 'RUN_INTERRUPTED';
/** The stored error of a run whose worker thread stopped without a result (a crash). */
export const RUN_WORKER_FAILED = 'RUN_WORKER_FAILED';

/** Runs waiting at most; more is RATE_LIMITED-like back-pressure (the caller gets 429). */
export const MAX_QUEUED = 20;
/** Progress is written to the stored run at most this often, ms. */
const PROGRESS_WRITE_MS = 1000;

/** A run as the API shows it. */
export interface RunView {
  readonly runId: string;
  readonly kind: string;
  readonly request: unknown;
  readonly status: StoredApiRun['status'];
  readonly queuedUtc: string;
  readonly startedUtc: string | null;
  readonly finishedUtc: string | null;
  readonly progress: ApiRunProgress | null;
  readonly report: unknown;
  readonly error: ApiRunError | null;
  readonly executor: string | null;
  readonly tokenId: string | null;
}

export function runView(r: StoredApiRun): RunView {
  return {
    runId: r.id,
    kind: r.kind,
    request: r.request,
    status: r.status,
    queuedUtc: formatIso(r.queuedAt),
    startedUtc: r.startedAt === null ? null : formatIso(r.startedAt),
    finishedUtc: r.finishedAt === null ? null : formatIso(r.finishedAt),
    progress: r.progress,
    report: r.report,
    error: r.error,
    executor: r.executor,
    tokenId: r.tokenId,
  };
}

export class RunQueue {
  readonly #repo: CatalogRepository;
  readonly #clock: Clock;
  readonly #executor: RunExecutor;
  /** Resolves when the runs a previous process left unfinished are marked interrupted. */
  readonly ready: Promise<void>;
  #tail: Promise<void>;
  #pending = 0;
  #closing = false;

  constructor(repo: CatalogRepository, clock: Clock, executor: RunExecutor) {
    this.#repo = repo;
    this.#clock = clock;
    this.#executor = executor;
    this.ready = Promise.resolve(
      repo.interruptApiRuns(clock.now(), {
        code: RUN_INTERRUPTED,
        message: 'the server stopped before this run finished; post its request again to run it',
        details: { reason: 'server restarted' },
      }),
    ).then(() => undefined);
    this.#tail = this.ready.catch(() => undefined);
  }

  /** Runs queued or running. */
  get pending(): number {
    return this.#pending;
  }

  /** The kinds this server's executor runs. */
  get kinds(): readonly RunKind[] {
    return this.#executor.kinds;
  }

  async get(id: string): Promise<StoredApiRun | null> {
    await this.ready;
    return this.#repo.getApiRun(id);
  }

  async list(page: { readonly beforeSeq?: number; readonly limit: number }): Promise<StoredApiRun[]> {
    await this.ready;
    return this.#repo.listApiRuns(page);
  }

  /** Stores the run as `queued` and queues it; returns its id and status at once. */
  async start(request: RunRequest, tokenId: string | null): Promise<Pick<StoredApiRun, 'id' | 'status'>> {
    await this.ready;
    const now = this.#clock.now();
    const run: Omit<StoredApiRun, 'seq'> = {
      id: uuidV7(now),
      kind: request.kind,
      request,
      status: 'queued',
      queuedAt: now,
      startedAt: null,
      finishedAt: null,
      progress: null,
      report: null,
      error: null,
      executor: null,
      tokenId,
    };
    await this.#repo.insertApiRun(run);
    this.#pending++;
    this.#tail = this.#tail.then(() => this.#execute(run.id, request));
    return { id: run.id, status: run.status };
  }

  /** Resolves when every queued run has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.#tail;
  }

  /** Stops the executor's current run and marks it and the waiting runs interrupted. */
  async close(): Promise<void> {
    this.#closing = true;
    await this.#executor.close?.();
    await this.#tail;
  }

  async #execute(id: string, request: RunRequest): Promise<void> {
    // the event loop first: the 202 of the POST that queued the run goes out before an in-process
    // executor keeps the thread (its repository calls resolve without ever yielding to I/O)
    await new Promise((resolve) => setImmediate(resolve));
    try {
      if (this.#closing) {
        await this.#finish(id, { status: 'interrupted', error: stopped('queued') });
        return;
      }
      await this.#repo.updateApiRun(id, {
        status: 'running',
        startedAt: this.#clock.now(),
        executor: this.#executor.name,
      });
      const progress = new ProgressWriter((p) => this.#repo.updateApiRun(id, { progress: p }));
      let outcome: ApiRunChange;
      try {
        const report = await this.#executor.execute({ runId: id, request }, (p) => {
          progress.offer(p);
        });
        outcome = { status: 'done', report: report ?? null, progress: null };
      } catch (e) {
        const error = e instanceof RunFailure ? e.error : { ...errorResponse(e).body.error };
        const interrupted = stopped('running');
        outcome = this.#closing
          ? { status: 'interrupted', error: { ...interrupted, details: { ...interrupted.details, cause: error } } }
          : { status: 'failed', error };
      }
      await progress.stop();
      await this.#finish(id, outcome);
    } catch {
      // the store refused the write: the run stays as last stored, and the next server start marks it interrupted
    } finally {
      this.#pending--;
    }
  }

  async #finish(id: string, change: ApiRunChange): Promise<void> {
    await this.#repo.updateApiRun(id, { ...change, finishedAt: this.#clock.now() });
  }
}

/**
 * Writes a run's progress at most every {@link PROGRESS_WRITE_MS}: the first at once, then the
 * latest one offered when the interval has passed (so the stored progress trails by at most that).
 */
class ProgressWriter {
  readonly #write: (p: ApiRunProgress) => unknown;
  #last = -Infinity;
  #latest: ApiRunProgress | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #writes: Promise<unknown> = Promise.resolve();

  constructor(write: (p: ApiRunProgress) => unknown) {
    this.#write = write;
  }

  offer(p: ApiRunProgress): void {
    this.#latest = p;
    if (this.#timer !== undefined) return;
    const wait = this.#last + PROGRESS_WRITE_MS - performance.now();
    if (wait <= 0) this.#flush();
    else
      this.#timer = setTimeout(() => {
        this.#flush();
      }, wait);
  }

  /** Drops what was not written yet; resolves when the writes made are done. */
  async stop(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#latest = undefined;
    await this.#writes;
  }

  #flush(): void {
    this.#timer = undefined;
    const p = this.#latest;
    if (p === undefined) return;
    this.#latest = undefined;
    this.#last = performance.now();
    this.#writes = this.#writes.then(() => this.#write(p)).catch(() => undefined);
  }
}

/** The error of a run the server stopped on shutdown. */
function stopped(previousStatus: 'queued' | 'running'): ApiRunError {
  return {
    code: RUN_INTERRUPTED,
    message: 'the server stopped before this run finished; post its request again to run it',
    details: { reason: 'server stopped', previousStatus },
  };
}
