/**
 * `orbwatch watch`: watch remote catalogue sources (CelesTrak GP groups and catalogue numbers,
 * Space-Track with credentials from the environment, McCants' amateur classfd), ingest what is
 * new and run incremental detection, until interrupted (`--once`: one cycle). A thin shell over
 * the `watchOnce`/`watchLoop` use case of @orbwatch/app: it builds the clients with the
 * providers' limits, prints one log line per action on stderr (one JSON object per line with
 * `--json`) and stops cleanly on SIGINT/SIGTERM after the current cycle.
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { DetectOptions, DetectorKind, WatchLogEntry, WatchRepository } from '@orbwatch/app';
import { printable, watchLoop, watchOnce } from '@orbwatch/app';
import type { FetchEvent, RateLimit, Timing, WatchSource } from '@orbwatch/sources';
import {
  CELESTRAK_BACKOFF,
  CELESTRAK_BASE_URL,
  CELESTRAK_LIMITS,
  CELESTRAK_DEFAULT_INTERVAL_MS,
  MCCANTS_CLASSFD_URL,
  PoliteFetcher,
  SPACETRACK_BASE_URL,
  SPACETRACK_LIMITS,
  SPACETRACK_PASSWORD_ENV,
  SPACETRACK_USER_ENV,
  SYSTEM_TIMING,
  SpaceTrackSession,
  celestrakSource,
  mccantsSource,
  randomMinute,
  spaceTrackCredentialsFromEnv,
  spaceTrackSources,
} from '@orbwatch/sources';
import type { CliContext } from '../cli-context.js';
import { writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_RUNTIME } from '../exit-codes.js';
import { orbwatchVersion } from '../version.js';

export interface WatchCommandOptions {
  readonly celestrakGroup?: readonly string[];
  readonly celestrakCatnr?: readonly number[];
  readonly celestrakFormat?: 'json' | '3le';
  readonly celestrakUrl?: string;
  /** CelesTrak polling interval, s. */
  readonly interval?: number;
  readonly spacetrack?: boolean;
  readonly spacetrackHistory?: readonly number[];
  readonly spacetrackUrl?: string;
  readonly mccants?: boolean;
  readonly mccantsUrl?: string;
  readonly once?: boolean;
  /** Detector kinds after each cycle; empty: no detection. */
  readonly kinds: readonly DetectorKind[];
  readonly checksum?: 'verify' | 'warn' | 'ignore';
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** CelesTrak's usage policy asks for no more than one query per hour for a data set. */
const CELESTRAK_MIN_INTERVAL_S = 3_600;
const MINUTE_MS = 60_000;
const MCCANTS_LIMITS: readonly RateLimit[] = [{ maxRequests: 4, perMs: MINUTE_MS }];

/** Runs the watcher; returns the exit code (with `--once`: 1 when a source failed). */
export async function runWatch(
  repo: WatchRepository,
  o: WatchCommandOptions,
  ctx: CliContext,
  env: Readonly<Record<string, string | undefined>> = process.env,
  timing: Timing = SYSTEM_TIMING,
): Promise<number> {
  const log = (e: WatchLogEntry): void => {
    if (o.quiet === true && e.action !== 'failed' && e.action !== 'halted') return;
    const when = new Date(e.at).toISOString();
    if (o.json === true) {
      writeLine(
        ctx.stderr,
        JSON.stringify({ at: when, action: e.action, source: e.source, message: e.message, ...e.details }),
      );
    } else {
      writeLine(
        ctx.stderr,
        printable(`${when} ${e.action}${e.source === undefined ? '' : ` ${e.source}`}: ${e.message}`),
      );
    }
  };
  const fetchLog =
    (source: string) =>
    (e: FetchEvent): void => {
      const at = ctx.now();
      if (e.type === 'request')
        log({ at, action: 'request', source, message: `${e.method} ${e.url} (attempt ${String(e.attempt)})` });
      else if (e.type === 'response')
        log({
          at,
          action: 'response',
          source,
          message: `HTTP ${String(e.status)}, ${String(e.bytes)} bytes from ${e.url}`,
        });
      else
        log({
          at,
          action: 'retry',
          source,
          message: `${e.reason}; retrying in ${String(Math.round(e.delayMs / 100) / 10)} s`,
          details: { delayMs: e.delayMs },
        });
    };
  const userAgent = `orbwatch/${orbwatchVersion()} (watch mode; space-security monitor)`;
  const sources: WatchSource[] = [];

  const groups = o.celestrakGroup ?? [];
  const catnrs = o.celestrakCatnr ?? [];
  if (groups.length > 0 || catnrs.length > 0) {
    const baseUrl = o.celestrakUrl ?? CELESTRAK_BASE_URL;
    if (o.interval !== undefined && o.interval < CELESTRAK_MIN_INTERVAL_S && baseUrl === CELESTRAK_BASE_URL)
      throw new OrbwatchError(
        ErrorCode.USAGE,
        `--interval ${String(o.interval)} s: CelesTrak asks for at most one query per data set per hour; use 1h or more`,
      );
    const fetcher = new PoliteFetcher({
      fetch,
      timing,
      limits: CELESTRAK_LIMITS,
      backoff: CELESTRAK_BACKOFF,
      retryHttpErrors: false,
      userAgent,
      onEvent: fetchLog('celestrak'),
    });
    const common = {
      fetcher,
      baseUrl,
      format: o.celestrakFormat ?? 'json',
      intervalMs: (o.interval ?? CELESTRAK_DEFAULT_INTERVAL_MS / 1000) * 1000,
    } as const;
    for (const group of groups) sources.push(celestrakSource({ group }, common));
    for (const catnr of catnrs) sources.push(celestrakSource({ catnr }, common));
  }

  if (o.spacetrack === true || (o.spacetrackHistory ?? []).length > 0) {
    const credentials = spaceTrackCredentialsFromEnv(env);
    if (credentials === undefined)
      throw new OrbwatchError(
        ErrorCode.USAGE,
        `--spacetrack needs the Space-Track account in ${SPACETRACK_USER_ENV} and ${SPACETRACK_PASSWORD_ENV}`,
      );
    const fetcher = new PoliteFetcher({
      fetch,
      timing,
      limits: SPACETRACK_LIMITS,
      backoff: { maxAttempts: 4, baseDelayMs: 30_000, maxDelayMs: 10 * MINUTE_MS },
      userAgent,
      onEvent: fetchLog('space-track'),
    });
    const session = new SpaceTrackSession(fetcher, credentials, o.spacetrackUrl ?? SPACETRACK_BASE_URL);
    sources.push(
      ...spaceTrackSources({
        session,
        gpMinute: randomMinute(timing.random),
        ...(o.spacetrackHistory === undefined ? {} : { historyIds: o.spacetrackHistory }),
      }),
    );
  }

  if (o.mccants === true) {
    const fetcher = new PoliteFetcher({
      fetch,
      timing,
      limits: MCCANTS_LIMITS,
      backoff: { maxAttempts: 3, baseDelayMs: 30_000, maxDelayMs: 10 * MINUTE_MS },
      userAgent,
      onEvent: fetchLog('mccants'),
    });
    sources.push(mccantsSource({ fetcher, url: o.mccantsUrl ?? MCCANTS_CLASSFD_URL }));
  }

  if (sources.length === 0)
    throw new OrbwatchError(
      ErrorCode.USAGE,
      'nothing to watch: give --celestrak-group, --celestrak-catnr, --spacetrack or --mccants',
    );

  const detect: DetectOptions | null = o.kinds.length === 0 ? null : { kinds: o.kinds, quiet: true };
  const options = {
    sources,
    detect,
    log,
    random: timing.random,
    ...(o.checksum === undefined ? {} : { checksum: o.checksum }),
  };
  const clock = { now: ctx.now };
  if (o.once === true) {
    const report = await watchOnce(repo, options, clock);
    return report.failed > 0 ? EXIT_RUNTIME : EXIT_OK;
  }
  const stop = new AbortController();
  const onSignal = (): void => {
    log({ at: ctx.now(), action: 'sleep', message: 'stopping after the current cycle' });
    stop.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await watchLoop(repo, { ...options, signal: stop.signal, sleep: abortableSleep }, clock);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  return EXIT_OK;
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}
