/**
 * What a run does and where it executes. {@link performRun} maps a validated run request to its
 * use case (detection: `runDetection`, then the norms judged with `judgeStoredEvents`; screening:
 * the runner the composition root passes) — the one place this mapping is written, called by
 * the in-process executor here and by `orbwatch serve`'s worker thread on its own connection.
 * A {@link RunExecutor} runs a job and reports progress; the run queue records what it says.
 * @module
 */
import type { Clock } from '@orbwatch/app';
import { judgeStoredEvents, runDetection } from '@orbwatch/app';
import type { Norm } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, parseIsoInstant } from '@orbwatch/core';
import type { ApiRunError, ApiRunProgress, CatalogRepository } from '@orbwatch/store';
import type { RunRequest, ScreeningRunRequest } from './schemas.js';

/** Run kinds the API knows. */
export type RunKind = RunRequest['kind'];

/**
 * A screening run, when the server was given one: the composition root passes the `screen` use
 * case with its engine (worker threads live outside the API and the app layer).
 */
export type ScreeningRunner = (
  request: ScreeningRunRequest,
  onProgress?: (progress: ApiRunProgress) => void,
) => Promise<unknown>;

/** One run handed to an executor. */
export interface RunJob {
  readonly runId: string;
  readonly request: RunRequest;
}

/** Runs jobs one at a time for the run queue. */
export interface RunExecutor {
  /** Where runs execute (`in-process`, `worker-thread`): stored with each run. */
  readonly name: string;
  /** The kinds it can run (a server without a screening engine refuses screening with USAGE). */
  readonly kinds: readonly RunKind[];
  /**
   * Runs `job`; resolves with its report (JSON) or rejects: with a {@link RunFailure} for an
   * error already in the API's shape, anything else is mapped as the API maps errors.
   */
  execute(job: RunJob, onProgress: (progress: ApiRunProgress) => void): Promise<unknown>;
  /** Stops whatever runs now (shutdown): its `execute` rejects soon after. */
  close?(): Promise<void>;
}

/** A run that failed with an error already in the API's shape (a worker's report, a crash). */
export class RunFailure extends Error {
  override readonly name = 'RunFailure';
  readonly error: ApiRunError;
  constructor(error: ApiRunError) {
    super(error.message);
    this.error = error;
  }
}

export interface RunWorkDeps {
  readonly repo: CatalogRepository;
  readonly clock: Clock;
  readonly norms: readonly Norm[];
  readonly screening?: ScreeningRunner;
}

/** The detectors a detection run uses when the request names none. */
const ALL_DETECTORS = ['maneuver', 'release', 'proximity', 'fragmentation'] as const;

/**
 * Runs `request` on `d.repo`: detection (then the stored events judged against the norms; the
 * report is the `detect --json` report plus `findings`, the number judged) or screening (the
 * screening run record).
 */
export async function performRun(
  request: RunRequest,
  d: RunWorkDeps,
  onProgress: (progress: ApiRunProgress) => void = () => undefined,
): Promise<unknown> {
  if (request.kind === 'screening') {
    if (d.screening === undefined)
      throw new OrbwatchError(ErrorCode.USAGE, 'this server has no screening engine; run kind "detection"', {
        available: ['detection'],
      });
    return d.screening(request, onProgress);
  }
  const since = request.since === undefined ? undefined : parseIsoInstant(request.since);
  const until = request.until === undefined ? undefined : parseIsoInstant(request.until);
  const report = await runDetection(
    d.repo,
    {
      kinds: request.kinds ?? ALL_DETECTORS,
      ...(request.full === undefined ? {} : { full: request.full }),
      ...(since === undefined ? {} : { since }),
      ...(until === undefined ? {} : { until }),
      onProgress: (p) => {
        onProgress({ stage: p.kind, done: p.done, total: p.total });
      },
    },
    d.clock,
  );
  onProgress({ stage: 'findings', done: 0, total: 1 });
  const findings = await judgeStoredEvents(d.repo, { norms: d.norms, now: d.clock.now() });
  return { ...report, findings: findings.length };
}

/**
 * Runs jobs on the server's own thread and connection: for an in-memory database (tests), which
 * no other thread can open. Requests wait while a detector computes.
 */
export function inProcessExecutor(d: RunWorkDeps): RunExecutor {
  return {
    name: 'in-process',
    kinds: d.screening === undefined ? ['detection'] : ['detection', 'screening'],
    execute: (job, onProgress) => performRun(job.request, d, onProgress),
  };
}
