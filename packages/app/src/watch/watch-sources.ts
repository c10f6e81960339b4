/**
 * Watch mode as a use case: fetch each remote source when it is due, ingest what is new, run
 * incremental detection, repeat. Restart-safe without losing or duplicating data:
 * 1. a fetched payload is first written to the spool (`spoolFetch`, one transaction);
 * 2. it is ingested as one ingest run (`ingestTexts`; whole batches commit, and a set already
 *    stored comes back as a duplicate, never a second row);
 * 3. only then is it removed from the spool, in one transaction with the source's new state
 *    (validators for the next conditional GET, times, when it is due next).
 * A crash before 1 leaves the old validators, so the same data are fetched again; between 1 and
 * 3 the next start ingests the spooled payload again first (`resume`). A 304 records a success
 * without a payload. A source that refuses (3xx, 4xx: a wrong URL or credentials) is halted for
 * this process and reported; one that fails otherwise (network, 429, 5xx after the fetcher's
 * retries) is tried again after the source's failure delay, doubled per consecutive failure
 * (at most a day) with equal jitter. Detection runs once per cycle when anything new was stored,
 * and on the detectors' watermarks only the objects with new sets are examined again.
 * @module
 */
import type { TleChecksumMode } from '@orbwatch/core';
import { ErrorCode, instant, isOrbwatchError } from '@orbwatch/core';
import type { CatalogRepository, SourceFetchState, SpooledFetch, WatchStateRepository } from '@orbwatch/store';
import type { PreviousFetch, WatchSource } from '@orbwatch/sources';
import type { Clock } from '../detection/clock.js';
import type { DetectOptions, DetectReport } from '../detection/detect-options.js';
import { runDetection } from '../detection/run-detection.js';
import type { IngestReport } from '../ingest/ingest-texts.js';
import { ingestTexts } from '../ingest/ingest-texts.js';
import type { WatchLog, WatchLogEntry } from './watch-log.js';

export type WatchRepository = CatalogRepository & WatchStateRepository;

export interface WatchOptions {
  readonly sources: readonly WatchSource[];
  /** Detection after each cycle that stored something; null: none. */
  readonly detect: DetectOptions | null;
  readonly checksum?: TleChecksumMode;
  readonly batchSize?: number;
  readonly log: WatchLog;
  /** Uniform in [0, 1): the jitter of failure delays. */
  readonly random: () => number;
}

/** What one cycle did. */
export interface WatchCycleReport {
  readonly fetched: number;
  readonly notModified: number;
  readonly notDue: number;
  readonly failed: number;
  readonly resumed: number;
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly detection: DetectReport | null;
  /** The earliest time a source that is not halted is due again, ms (null: none left). */
  readonly nextDueAt: number | null;
}

const MAX_FAILURE_DELAY_MS = 86_400_000;

/** Sources halted in this process (refused requests), kept across cycles by the caller. */
export type HaltedSources = Set<string>;

/** One cycle: resume spooled payloads, fetch the due sources, ingest, detect. */
export async function watchOnce(
  repo: WatchRepository,
  o: WatchOptions,
  clock: Clock,
  halted: HaltedSources = new Set(),
): Promise<WatchCycleReport> {
  const log = (e: Omit<WatchLogEntry, 'at'>): void => {
    o.log({ at: clock.now(), ...e });
  };
  const byKey = new Map(o.sources.map((s) => [s.key, s]));
  const counts = {
    fetched: 0,
    notModified: 0,
    notDue: 0,
    failed: 0,
    resumed: 0,
    accepted: 0,
    duplicates: 0,
    rejected: 0,
  };
  const add = (r: IngestReport): void => {
    counts.accepted += r.accepted;
    counts.duplicates += r.duplicates;
    counts.rejected += r.rejected;
  };

  for (const spooled of await repo.spooledFetches()) {
    log({
      action: 'resume',
      source: spooled.sourceKey,
      message: `payload fetched ${new Date(spooled.retrievedAt).toISOString()} was not marked ingested: ingesting it again`,
      details: { spoolId: spooled.id, url: spooled.url },
    });
    const report = await ingestPayload(repo, o, clock, spooled, log);
    add(report);
    counts.resumed++;
    const previous = await repo.fetchState(spooled.sourceKey);
    const source = byKey.get(spooled.sourceKey);
    await repo.completeSpooledFetch(spooled.id, {
      key: spooled.sourceKey,
      url: spooled.url,
      etag: spooled.etag,
      lastModified: spooled.lastModified,
      lastAttemptAt: spooled.retrievedAt,
      lastSuccessAt: spooled.retrievedAt,
      nextDueAt:
        source === undefined ? (previous?.nextDueAt ?? null) : instant(source.schedule.next(spooled.retrievedAt)),
      consecutiveFailures: 0,
      lastStatus: '200',
      lastRunId: report.runId,
    });
  }

  for (const source of o.sources) {
    if (halted.has(source.key)) continue;
    const state = await repo.fetchState(source.key);
    const now = clock.now();
    const due = state?.nextDueAt ?? source.schedule.first(now);
    if (now < due) {
      // the first due time is remembered: a schedule whose first slot lies ahead (daily or weekly
      // after an hour UTC) would otherwise be recomputed from a later clock at every cycle and
      // pass that slot by, and a timer's `--once` runs would never reach it
      if (state === null) await repo.saveFetchState({ ...stateBase(source, null), nextDueAt: instant(due) });
      counts.notDue++;
      log({
        action: 'not-due',
        source: source.key,
        message: `${source.description}: not due until ${new Date(due).toISOString()} (${source.schedule.text})`,
      });
      continue;
    }
    const previous: PreviousFetch | undefined =
      state === null
        ? undefined
        : { etag: state.etag, lastModified: state.lastModified, lastSuccessAt: state.lastSuccessAt };
    let fetched;
    try {
      fetched = await source.fetch(previous, now);
    } catch (e) {
      if (!isOrbwatchError(e) || (e.code !== ErrorCode.SOURCE_UNAVAILABLE && e.code !== ErrorCode.SOURCE_REFUSED))
        throw e;
      counts.failed++;
      const failures = (state?.consecutiveFailures ?? 0) + 1;
      const refused = e.code === ErrorCode.SOURCE_REFUSED;
      const waitMs = Math.min(MAX_FAILURE_DELAY_MS, source.failureDelayMs * 2 ** (failures - 1));
      const nextDueAt = instant(now + waitMs / 2 + (o.random() * waitMs) / 2);
      await repo.saveFetchState({
        ...stateBase(source, state),
        lastAttemptAt: instant(now),
        nextDueAt,
        consecutiveFailures: failures,
        lastStatus: e.code,
      });
      if (refused) {
        halted.add(source.key);
        log({
          action: 'halted',
          source: source.key,
          message: `${source.description}: ${e.message}; not asked again until orbwatch watch is restarted (fix the URL or credentials first)`,
          details: { code: e.code, ...e.details },
        });
      } else {
        log({
          action: 'failed',
          source: source.key,
          message: `${source.description}: ${e.message}; next try ${new Date(nextDueAt).toISOString()} (failure ${String(failures)} in a row)`,
          details: { code: e.code, ...e.details },
        });
      }
      continue;
    }
    if (fetched.kind === 'not-modified') {
      counts.notModified++;
      const nextDueAt = instant(source.schedule.next(now));
      await repo.saveFetchState({
        ...stateBase(source, state),
        url: fetched.url,
        lastAttemptAt: instant(now),
        lastSuccessAt: instant(now),
        nextDueAt,
        consecutiveFailures: 0,
        lastStatus: '304',
      });
      log({
        action: 'not-modified',
        source: source.key,
        message: `${source.description}: not modified since the last fetch; next ${new Date(nextDueAt).toISOString()}`,
      });
      continue;
    }
    counts.fetched++;
    const spool: Omit<SpooledFetch, 'id'> = {
      sourceKey: source.key,
      sourceName: source.storedAs.name,
      sourceKind: source.storedAs.kind,
      url: fetched.url,
      file: fetched.file,
      retrievedAt: instant(now),
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      data: fetched.data,
    };
    const spoolId = await repo.spoolFetch(spool);
    log({
      action: 'spooled',
      source: source.key,
      message: `${source.description}: ${String(fetched.data.byteLength)} bytes fetched and spooled`,
      details: { spoolId, bytes: fetched.data.byteLength, etag: fetched.etag, lastModified: fetched.lastModified },
    });
    const report = await ingestPayload(repo, o, clock, { ...spool, id: spoolId }, log);
    add(report);
    await repo.completeSpooledFetch(spoolId, {
      ...stateBase(source, state),
      url: fetched.url,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
      lastAttemptAt: instant(now),
      lastSuccessAt: instant(now),
      nextDueAt: instant(source.schedule.next(now)),
      consecutiveFailures: 0,
      lastStatus: '200',
      lastRunId: report.runId,
    });
  }

  let detection: DetectReport | null = null;
  if (o.detect !== null && counts.accepted > 0) {
    detection = await runDetection(repo, o.detect, clock);
    for (const d of detection.detectors) {
      log({
        action: 'detected',
        message: `${d.kind}: ${String(d.objectsExamined)} object(s) examined, ${String(d.inserted)} new event(s), ${String(d.existing)} already stored, ${String(d.superseded)} superseded (${d.detector} ${d.version})`,
        details: { ...d },
      });
    }
  }

  let nextDueAt: number | null = null;
  for (const source of o.sources) {
    if (halted.has(source.key)) continue;
    const due = (await repo.fetchState(source.key))?.nextDueAt ?? source.schedule.first(clock.now());
    nextDueAt = nextDueAt === null ? due : Math.min(nextDueAt, due);
  }
  return { ...counts, detection, nextDueAt };
}

/** The state fields a new attempt keeps from the stored state. */
function stateBase(source: WatchSource, state: SourceFetchState | null): SourceFetchState {
  return {
    key: source.key,
    url: state?.url ?? source.key,
    etag: state?.etag ?? null,
    lastModified: state?.lastModified ?? null,
    lastAttemptAt: state?.lastAttemptAt ?? null,
    lastSuccessAt: state?.lastSuccessAt ?? null,
    nextDueAt: state?.nextDueAt ?? null,
    consecutiveFailures: state?.consecutiveFailures ?? 0,
    lastStatus: state?.lastStatus ?? null,
    lastRunId: state?.lastRunId ?? null,
  };
}

async function ingestPayload(
  repo: WatchRepository,
  o: WatchOptions,
  clock: Clock,
  spooled: SpooledFetch,
  log: (e: Omit<WatchLogEntry, 'at'>) => void,
): Promise<IngestReport> {
  log({
    action: 'ingest-started',
    source: spooled.sourceKey,
    message: `ingest started: ${String(spooled.data.byteLength)} bytes as source ${spooled.sourceName} (${spooled.sourceKind})`,
    details: { spoolId: spooled.id, file: spooled.file },
  });
  const report = await ingestTexts(
    repo,
    [{ file: spooled.file, data: spooled.data }],
    {
      source: spooled.sourceName,
      sourceKind: spooled.sourceKind,
      retrievedAt: spooled.retrievedAt,
      ...(o.checksum === undefined ? {} : { checksum: o.checksum }),
      ...(o.batchSize === undefined ? {} : { batchSize: o.batchSize }),
    },
    clock,
  );
  log({
    action: 'ingested',
    source: spooled.sourceKey,
    message: `ingested: ${String(report.accepted)} new, ${String(report.duplicates)} duplicate(s), ${String(report.rejected)} rejected, ${String(report.satcatRecords)} SATCAT record(s)${decayLog(report)} (run ${report.runId ?? '-'})`,
    details: {
      runId: report.runId,
      accepted: report.accepted,
      duplicates: report.duplicates,
      rejected: report.rejected,
      conflicts: report.conflicts,
      satcatRecords: report.satcatRecords,
      decayMessages: report.decayMessages,
      decay: report.decay,
      issues: report.issues.length,
    },
  });
  return report;
}

/** The decay part of the `ingested` line: facts and predictions stored, decay dates filled. */
function decayLog(r: IngestReport): string {
  if (r.decay === null) return '';
  return `, ${String(r.decayMessages)} decay message(s): ${String(r.decay.stored)} new, ${String(r.decay.duplicates)} already stored, ${String(r.decay.decayDatesFilled)} empty decay date(s) filled`;
}

/** Options of the endless loop. */
export interface WatchLoopOptions extends WatchOptions {
  /** Stops the loop after the current cycle (and any sleep) when aborted. */
  readonly signal?: AbortSignal;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Longest sleep between cycles, ms (default 10 min), so a changed clock or spool is noticed. */
  readonly maxSleepMs?: number;
}

/** Runs cycles until `signal` aborts or every source is halted; returns the number of cycles. */
export async function watchLoop(repo: WatchRepository, o: WatchLoopOptions, clock: Clock): Promise<number> {
  const halted: HaltedSources = new Set();
  let cycles = 0;
  while (o.signal?.aborted !== true) {
    const report = await watchOnce(repo, o, clock, halted);
    cycles++;
    if (report.nextDueAt === null) {
      o.log({ at: clock.now(), action: 'halted', message: 'every source is halted: stopping' });
      break;
    }
    const waitMs = Math.max(1_000, Math.min(o.maxSleepMs ?? 600_000, report.nextDueAt - clock.now()));
    o.log({
      at: clock.now(),
      action: 'sleep',
      message: `next source due ${new Date(report.nextDueAt).toISOString()}; sleeping ${String(Math.round(waitMs / 1000))} s`,
    });
    await o.sleep(waitMs, o.signal);
  }
  return cycles;
}
