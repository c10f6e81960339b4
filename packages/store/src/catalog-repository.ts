/**
 * The catalog repository: the one port through which orbwatch reads and writes its element-set
 * history, objects, sources and ingest runs. SQLite implements it now (synchronously: every
 * method returns its value directly); PostgreSQL will implement it with promises. Callers that
 * hold the port `await` each result (awaiting a plain value costs one microtask), so one contract
 * test suite runs against every implementation.
 *
 * Time ranges are half-open: `from` inclusive, `to` exclusive, both {@link Instant}s.
 * @module
 */
import type { ElementSet, Instant, Km, NoradId, ParseIssue, Rad, Sec } from '@orbwatch/core';
import type { CatalogObject, CatalogObjectDetail } from './catalog-object.js';
import type { ElementSetColumns } from './element-set-columns.js';
import type { IngestIssue } from './ingest-issue.js';
import type { IngestCounts, IngestRun, IngestRunStatus, Source, SourceInput } from './ingest-run.js';
import type { ElementSetId, StoredElementSet } from './stored-element-set.js';

import type { Awaitable } from './awaitable.js';
import type { EventRepository } from './event-repository.js';
import type { FindingRepository } from './finding-repository.js';
import type { LaunchReportRepository } from './launch-report-repository.js';
import type { DecayRepository } from './decay-repository.js';
import type { ScreeningRunRepository } from './screening-run-repository.js';
import type { FeedRepository, TokenRepository, WebhookRepository } from './api-repository.js';
import type { ApiRunRepository } from './api-run-repository.js';

export type { Awaitable } from './awaitable.js';

export interface ObjectFilter {
  /** Case-insensitive substring of any name the object has carried. */
  readonly name?: string;
  /** Exact owner code (SATCAT `OWNER`/`COUNTRY`), case-insensitive. */
  readonly owner?: string;
  /** Exact object type (`PAYLOAD`, `ROCKET BODY`, `DEBRIS`, `UNKNOWN`), case-insensitive. */
  readonly objectType?: string;
  /** COSPAR id or prefix: `2026-049` matches every piece of that launch, `2026-049A` one piece. */
  readonly cospar?: string;
  /** Exactly this object. */
  readonly norad?: NoradId;
  /** Only these objects. */
  readonly norads?: readonly NoradId[];
  /** Only objects with a NORAD id above this one (keyset paging). */
  readonly afterNorad?: NoradId;
  /** Only objects with at least one stored element set. */
  readonly withSets?: boolean;
  /** At most this many objects (ordered by NORAD id). */
  readonly limit?: number;
}

/** A half-open epoch range `[from, to)`; either end may be omitted. */
export interface EpochRange {
  readonly from?: Instant;
  readonly to?: Instant;
}

/** Keyset paging over (epoch, id): pass the last set of a page as `after` to get the next. */
export interface ElementSetPageRequest {
  readonly after?: { readonly epoch: Instant; readonly id: ElementSetId };
  /** Page size (default 10,000). */
  readonly limit?: number;
  /** Only these objects. */
  readonly noradIds?: readonly NoradId[];
}

/** Starts an ingest run; parse issues known up front are recorded with it. */
export interface BeginIngestRun {
  /** UUIDv7 chosen by the caller (see `uuidV7`). */
  readonly id: string;
  readonly source: SourceInput;
  readonly files: readonly string[];
  readonly startedAt: Instant;
  /** When the input was retrieved from its source; stored with every set of the run. */
  readonly retrievedAt: Instant;
  readonly issues: readonly ParseIssue[];
}

/** One batch of an ingest run; stored in exactly one transaction. */
export interface IngestBatch {
  readonly runId: string;
  readonly elementSets: readonly ElementSet[];
}

/**
 * One batch of an ingest run in columns (see `ElementSetColumns`), with the parse issues found
 * in the input the batch was parsed from: they are recorded (and error ones counted as
 * rejected) in the batch's transaction, so a pipelined ingest need not know every issue before
 * its first batch.
 */
export interface IngestColumnarBatch {
  readonly runId: string;
  readonly columns: ElementSetColumns;
  readonly issues?: readonly ParseIssue[];
}

/** What one batch did; `issues` are the conflicts it found. */
export interface BatchResult extends Omit<IngestCounts, 'rejected'> {
  readonly issues: readonly IngestIssue[];
}

/**
 * Facts about an object from a catalogue (SATCAT) row. Absent or null fields leave stored values
 * alone (a later catalogue never erases what an earlier one said). Units: km, s, rad, m².
 */
export interface ObjectFacts {
  readonly noradId: NoradId;
  readonly name?: string | null;
  readonly cosparId?: string | null;
  readonly objectType?: string | null;
  readonly owner?: string | null;
  readonly launchDate?: Instant | null;
  readonly decayDate?: Instant | null;
  readonly launchSite?: string | null;
  readonly periodSec?: Sec | null;
  readonly inclinationRad?: Rad | null;
  /** Apogee/perigee altitude above the surface, as the catalogue publishes it. */
  readonly apogeeKm?: Km | null;
  readonly perigeeKm?: Km | null;
  readonly rcsM2?: number | null;
  readonly opsStatus?: string | null;
  /** The record as received, or as parsed (JSON) when the parser keeps no raw text. */
  readonly raw?: string;
}

export interface CatalogRepository
  extends
    EventRepository,
    FindingRepository,
    DecayRepository,
    LaunchReportRepository,
    ScreeningRunRepository,
    FeedRepository,
    TokenRepository,
    WebhookRepository,
    ApiRunRepository {
  /** Registers a source, or returns the stored one (its kind must match). */
  ensureSource(source: SourceInput): Awaitable<Source>;
  sources(): Awaitable<Source[]>;

  /** Creates a run in status `running` and records its parse issues, in one transaction. */
  beginIngestRun(run: BeginIngestRun): Awaitable<void>;
  /**
   * Stores a batch in ONE transaction: new sets are inserted, same-key same-content sets count as
   * duplicates, same-key different-content sets are rejected as conflicts (recorded as issues);
   * objects, names over time and the run's counters are updated in the same transaction, so a
   * crash leaves only whole batches.
   */
  ingestBatch(batch: IngestBatch): Awaitable<BatchResult>;
  /**
   * Same as {@link ingestBatch} for a batch in columns (same rows, hashes, duplicate/conflict
   * handling, names and object updates; ONE transaction), plus the batch's parse issues.
   * Optional: an implementation without it is fed objects by the caller.
   */
  ingestColumnarBatch?(batch: IngestColumnarBatch): Awaitable<BatchResult>;
  /**
   * Several columnar batches of one run in ONE transaction, each settled exactly as
   * {@link ingestColumnarBatch} settles it, results in order; a crash leaves all of them or none.
   * Optional: the caller then stores them one by one.
   */
  ingestColumnarBatches?(batches: readonly IngestColumnarBatch[]): Awaitable<BatchResult[]>;
  /** Upserts catalogue facts (SATCAT) for objects, in one transaction, attributed to a run. */
  upsertObjectFacts(runId: string, facts: readonly ObjectFacts[]): Awaitable<number>;
  finishIngestRun(
    runId: string,
    finishedAt: Instant,
    status: Exclude<IngestRunStatus, 'running'>,
  ): Awaitable<IngestRun>;
  /** Runs, newest first. */
  ingestRuns(): Awaitable<IngestRun[]>;
  /** Issues of one run, in file/line order. */
  ingestIssues(runId: string): Awaitable<IngestIssue[]>;

  listObjects(filter?: ObjectFilter): Awaitable<CatalogObject[]>;
  getObject(noradId: NoradId): Awaitable<CatalogObjectDetail | null>;
  /** Every set of one object from every source, ordered by epoch then id. */
  history(noradId: NoradId, range?: EpochRange): Awaitable<StoredElementSet[]>;
  /** One page of sets with epoch in `[from, to)`, ordered by (epoch, id). */
  elementSetsBetween(from: Instant, to: Instant, page?: ElementSetPageRequest): Awaitable<StoredElementSet[]>;
  /** Sets by id (order of `ids`; unknown ids are left out). Events name their sets this way. */
  elementSetsById(ids: readonly ElementSetId[]): Awaitable<StoredElementSet[]>;
  /** Total number of stored element sets. */
  countElementSets(): Awaitable<number>;

  close(): Awaitable<void>;
}
