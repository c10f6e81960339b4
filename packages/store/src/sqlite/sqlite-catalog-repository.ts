/**
 * The SQLite implementation of {@link CatalogRepository} (better-sqlite3, synchronous: every
 * method returns its value directly). One connection per repository; WAL journal,
 * `synchronous=NORMAL`, foreign keys on; migrations are applied on open.
 * @module
 */
import type { Stats } from 'node:fs';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import type {
  DecayMessage,
  DetectedEvent,
  ElementSet,
  ElementSetFormat,
  Finding,
  Instant,
  LaunchGroupReport,
  NoradId,
  ParseIssue,
} from '@orbwatch/core';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type {
  BatchResult,
  BeginIngestRun,
  CatalogRepository,
  ElementSetPageRequest,
  EpochRange,
  IngestBatch,
  IngestColumnarBatch,
  ObjectFacts,
  ObjectFilter,
} from '../catalog-repository.js';
import type { CatalogObject, CatalogObjectDetail } from '../catalog-object.js';
import { contentHash, contentHashOf } from '../content-hash.js';
import type { ElementSetColumns } from '../element-set-columns.js';
import {
  INT_STRIDE,
  IntColumn,
  NUMBER_STRIDE,
  NumberColumn,
  dictionaryEntry,
  elementSetAt,
} from '../element-set-columns.js';
import type { IngestIssue } from '../ingest-issue.js';
import { StoreIssueCode } from '../ingest-issue.js';
import type { IngestRun, IngestRunStatus, Source, SourceInput } from '../ingest-run.js';
import type { ElementSetId, StoredElementSet } from '../stored-element-set.js';
import type { EventFilter, SameEstimate, SaveEventsResult, StoredEvent, Supersession } from '../event-repository.js';
import type { FindingFilter, StoredFinding } from '../finding-repository.js';
import type { FeedEntry, StoredApiToken, StoredWebhook, WebhookDeadLetter } from '../api-repository.js';
import type { BackgroundCheckpointer } from './background-checkpointer.js';
import { startBackgroundCheckpointer } from './background-checkpointer.js';
import { EarlyWriteback } from './early-writeback.js';
import { migrate } from './migrations.js';
import type { InsertOutcome } from './multi-row-insert.js';
import { MAX_ROWS, MultiRowInsert } from './multi-row-insert.js';
import { SqlConditions } from './sql-conditions.js';
import { SqliteEventStore } from './sqlite-event-store.js';
import { SqliteFindingStore } from './sqlite-finding-store.js';
import { SqliteApiStore } from './sqlite-api-store.js';
import { SqliteLaunchReports } from './sqlite-launch-reports.js';
import { SqliteWatchState } from './sqlite-watch-state.js';
import { SqliteDecayMessages } from './sqlite-decay-messages.js';
import type { DecaySaveResult, StoredDecayMessage } from '../decay-repository.js';
import type { SourceFetchState, SpooledFetch, WatchStateRepository } from '../watch-state-repository.js';
import { SqliteScreeningRuns } from './sqlite-screening-runs.js';
import type { ScreeningRunRecord } from '../screening-run-repository.js';
import { SqliteApiRuns } from './sqlite-api-runs.js';
import type { ApiRunChange, ApiRunError, StoredApiRun } from '../api-run-repository.js';
import type { StoredLaunchReport } from '../launch-report-repository.js';
import type { ElementSetRow, IssueRow, ObjectNameRow, ObjectRow, RunRow, SourceRow } from './sqlite-rows.js';
import {
  ELEMENT_SET_COLUMNS,
  ELEMENT_SET_FROM,
  OBJECT_COLUMNS,
  RUN_COLUMNS,
  toCatalogObject,
  toIngestIssue,
  toIngestRun,
  toObjectName,
  toSatcatFacts,
  toSource,
  toStoredElementSet,
  DECODED_COLUMNS,
  decodedValues,
} from './sqlite-rows.js';

export interface SqliteCatalogOptions {
  /** Page size in bytes for a NEW database (ignored for an existing file). Default 16,384. */
  readonly pageSizeBytes?: number;
  /** Page cache size in KiB. Default 65,536 (64 MiB). */
  readonly cacheSizeKiB?: number;
  /** `NORMAL` (default) or `FULL`; see docs/design/storage.md for the durability trade-off. */
  readonly synchronous?: 'NORMAL' | 'FULL';
  /** How long to wait for another writer's lock, ms. Default 5,000. */
  readonly busyTimeoutMs?: number;
  /**
   * Bulk-load an empty catalogue (default true): the epoch index is built once at the end of
   * the first run instead of row by row, with a small page cache while loading. Set false when
   * other connections must query by epoch at full speed while the very first load runs.
   */
  readonly bulkLoad?: boolean;
  /**
   * During a bulk load into a file, run WAL checkpoints on a second thread (default true; see
   * `background-checkpointer.ts`). Started from the load's second batch, stopped when it ends.
   */
  readonly backgroundCheckpoints?: boolean;
  /**
   * The first load into a FRESH catalogue file (no objects, no element sets) runs with a rollback
   * journal and `synchronous=OFF` instead of WAL (default true). A kill -9 still leaves whole
   * batches (the hot journal rolls the cut batch back on the next open); a power failure or OS
   * crash mid-load may damage the file, which then holds nothing but that load: delete it and
   * re-run. WAL and the configured `synchronous` are restored when the load ends. Set false to
   * keep WAL's power-failure safety for the first load too (docs/design/storage.md).
   */
  readonly rollbackFirstLoad?: boolean;
}

const DEFAULT_PAGE_LIMIT = 10_000;
const DEFAULT_BUSY_TIMEOUT_MS = 5_000;
/** SQLite's default `wal_autocheckpoint`, restored after a load checkpointed in the background. */
const SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES = 1_000;
const DEFAULT_CACHE_KIB = 65_536;

/**
 * The secondary index on element-set epochs, as migration 001 creates it. A bulk load into an
 * empty table drops it and builds it once at the end (one sort instead of a random B-tree
 * insert per row); {@link ensureEpochIndex} puts it back after a crash mid-load.
 */
const EPOCH_INDEX_DDL = 'CREATE INDEX IF NOT EXISTS element_sets_epoch ON element_sets(epoch_ms)';

/** Page cache during a bulk load, KiB: the table and natural-key index grow at their ends only. */
const BULK_CACHE_KIB = 4_096;

/** Creates the epoch index when it is missing (a no-op when it exists). */
function ensureEpochIndex(db: Database.Database): void {
  db.exec(EPOCH_INDEX_DDL);
}

/**
 * On open: restores the epoch index if a bulk load was killed before rebuilding it. When another
 * connection is bulk-loading right now (it holds the write lock past the busy timeout) this
 * gives up quietly: that loader rebuilds the index when it finishes, and queries are correct
 * without it, only slower.
 */
function restoreEpochIndex(db: Database.Database): void {
  const found = db
    .prepare("SELECT 1 AS one FROM sqlite_master WHERE type = 'index' AND name = 'element_sets_epoch'")
    .get();
  if (found !== undefined) return;
  try {
    ensureEpochIndex(db);
  } catch {
    // see above: the loader holding the lock restores it
  }
}

interface NorAgg {
  cospar: string | null;
  accepted: number;
  minEpoch: number;
  maxEpoch: number;
  /** Names seen with the object's sets in this batch (usually one). */
  names: NameAgg[];
}

interface NameAgg {
  norad: number;
  name: string;
  first: number;
  last: number;
}

/** Escapes LIKE wildcards so user text matches literally (ESCAPE '\'). */
const likeEscape = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function storageError(message: string, cause: unknown): OrbwatchError {
  const busy = sqliteCode(cause) === 'SQLITE_BUSY';
  return new OrbwatchError(
    busy ? ErrorCode.DATABASE_LOCKED : ErrorCode.STORAGE_FAILURE,
    busy ? `${message} (another process held the lock past the busy timeout)` : message,
    {},
    { cause },
  );
}

export class SqliteCatalogRepository implements CatalogRepository, WatchStateRepository {
  /** The underlying connection (for tests and maintenance; not part of the port). */
  readonly db: Database.Database;
  /** Inserts an OMM-format set with its decoded columns. */
  readonly #insertSet: Database.Statement;
  /** Inserts TLE-format sets, many per statement: key, raw lines and provenance; elements decoded on read. */
  readonly #insertTle: MultiRowInsert;
  readonly #findByKey: Database.Statement<[number, number, number], StoredKey>;
  readonly #upsertObject: Database.Statement;
  readonly #bumpObject: Database.Statement;
  readonly #upsertName: Database.Statement;
  readonly #insertIssue: Database.Statement;
  readonly #bumpRun: Database.Statement;
  readonly #runForBatch: Database.Statement<
    [string],
    { source_id: number; retrieved_at_ms: number; status: string; files: string }
  >;
  readonly #ingestTx: Database.Transaction<(batch: IngestBatch) => BatchResult>;
  readonly #ingestColumnarTx: Database.Transaction<(batch: IngestColumnarBatch) => BatchResult>;
  readonly #ingestColumnarBatchesTx: Database.Transaction<(batches: readonly IngestColumnarBatch[]) => BatchResult[]>;
  readonly #events: SqliteEventStore;
  readonly #findings: SqliteFindingStore;
  readonly #api: SqliteApiStore;
  readonly #launchReports: SqliteLaunchReports;
  readonly #watchState: SqliteWatchState;
  readonly #decay: SqliteDecayMessages;
  readonly #screeningRuns: SqliteScreeningRuns;
  readonly #apiRuns: SqliteApiRuns;
  readonly #anyElementSet: Database.Statement<[], { one: number }>;
  readonly #freshCatalogue: Database.Statement<[], { fresh: number }>;
  readonly #cacheSizeKiB: number;
  readonly #bulkLoadAllowed: boolean;
  readonly #backgroundCheckpoints: boolean;
  readonly #busyTimeoutMs: number;
  readonly #rollbackFirstLoadAllowed: boolean;
  readonly #synchronous: 'NORMAL' | 'FULL';
  /** The element-set table is known to hold sets (checked once per connection until true). */
  #holdsSets = false;
  /** The catalogue is known not to be fresh (objects or sets seen): no first load to begin. */
  #notFresh = false;
  /** True while this connection runs a first load with a rollback journal (see the option). */
  #rollbackLoad = false;
  /** During a rollback-journal first load: starts the disk writes early (`early-writeback.ts`). */
  #writeback: EarlyWriteback | undefined;
  /** True while this connection bulk-loads an empty table (epoch index dropped, small cache). */
  #bulkLoad = false;
  /** Batches committed in the current bulk load (the checkpointer starts at the second). */
  #bulkBatches = 0;
  #checkpointer: BackgroundCheckpointer | undefined;

  constructor(
    db: Database.Database,
    options: Pick<
      SqliteCatalogOptions,
      'cacheSizeKiB' | 'bulkLoad' | 'backgroundCheckpoints' | 'busyTimeoutMs' | 'rollbackFirstLoad' | 'synchronous'
    > = {},
  ) {
    this.db = db;
    this.#events = new SqliteEventStore(db);
    this.#findings = new SqliteFindingStore(db);
    this.#api = new SqliteApiStore(db);
    this.#launchReports = new SqliteLaunchReports(db);
    this.#watchState = new SqliteWatchState(db);
    this.#decay = new SqliteDecayMessages(db);
    this.#screeningRuns = new SqliteScreeningRuns(db);
    this.#apiRuns = new SqliteApiRuns(db);
    this.#insertSet = db.prepare(`INSERT INTO element_sets (norad_id, epoch_ms, source_id, ${DECODED_COLUMNS},
      format, raw, content_hash, input_line, retrieved_at_ms, ingest_run_id)
      VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
      ON CONFLICT (norad_id, epoch_ms, source_id) DO NOTHING`);
    this.#insertTle = new MultiRowInsert(
      db,
      `INSERT INTO element_sets (
        norad_id, epoch_ms, source_id, format, raw, content_hash, input_line, retrieved_at_ms, ingest_run_id) VALUES`,
      "(?,?,?,'tle',?,?,?,?,?)",
      'ON CONFLICT (norad_id, epoch_ms, source_id) DO NOTHING',
      TLE_ROW_VALUES,
    );
    this.#findByKey = db.prepare(
      'SELECT id, content_hash FROM element_sets WHERE norad_id = ? AND epoch_ms = ? AND source_id = ?',
    );
    this.#upsertObject = db.prepare(`INSERT INTO objects (norad_id, cospar_id) VALUES (?, ?)
      ON CONFLICT (norad_id) DO UPDATE SET cospar_id = coalesce(objects.cospar_id, excluded.cospar_id)
      WHERE objects.cospar_id IS NULL AND excluded.cospar_id IS NOT NULL`);
    this.#bumpObject = db.prepare(`UPDATE objects SET element_set_count = element_set_count + @count,
      first_epoch_ms = min(coalesce(first_epoch_ms, @first), @first),
      last_epoch_ms = max(coalesce(last_epoch_ms, @last), @last) WHERE norad_id = @norad`);
    this.#upsertName = db.prepare(`INSERT INTO object_names (norad_id, name, first_seen_epoch_ms, last_seen_epoch_ms)
      VALUES (?, ?, ?, ?) ON CONFLICT (norad_id, name) DO UPDATE SET
      first_seen_epoch_ms = min(first_seen_epoch_ms, excluded.first_seen_epoch_ms),
      last_seen_epoch_ms = max(last_seen_epoch_ms, excluded.last_seen_epoch_ms)`);
    this.#insertIssue = db.prepare(`INSERT INTO ingest_issues
      (run_id, file, line_no, column_no, code, severity, expected, message, input, element_set_id)
      VALUES (?,?,?,?,?,?,?,?,?,?)`);
    this.#bumpRun = db.prepare(`UPDATE ingest_runs SET accepted = accepted + ?, duplicates = duplicates + ?,
      conflicts = conflicts + ?, rejected = rejected + ?, batches = batches + 1 WHERE id = ?`);
    this.#runForBatch = db.prepare('SELECT source_id, retrieved_at_ms, status, files FROM ingest_runs WHERE id = ?');
    this.#ingestTx = db.transaction((batch: IngestBatch) => this.#ingest(batch));
    this.#ingestColumnarTx = db.transaction((batch: IngestColumnarBatch) => this.#ingestColumnar(batch));
    this.#ingestColumnarBatchesTx = db.transaction((batches: readonly IngestColumnarBatch[]) =>
      batches.map((b) => this.#ingestColumnar(b)),
    );
    this.#anyElementSet = db.prepare('SELECT 1 AS one FROM element_sets LIMIT 1');
    this.#cacheSizeKiB = options.cacheSizeKiB ?? DEFAULT_CACHE_KIB;
    this.#bulkLoadAllowed = options.bulkLoad ?? true;
    this.#backgroundCheckpoints = (options.backgroundCheckpoints ?? true) && !db.memory;
    this.#busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
    this.#rollbackFirstLoadAllowed = (options.rollbackFirstLoad ?? true) && this.#bulkLoadAllowed && !db.memory;
    this.#synchronous = options.synchronous ?? 'NORMAL';
    this.#freshCatalogue = db.prepare(
      'SELECT NOT EXISTS (SELECT 1 FROM element_sets) AND NOT EXISTS (SELECT 1 FROM objects) AS fresh',
    );
  }

  /**
   * Bulk mode for a load into an EMPTY element-set table (a fresh catalogue): the epoch index
   * is dropped in the first batch's transaction and rebuilt by {@link finishIngestRun}, and the
   * page cache is kept small while loading (on this class of machine, touching fresh memory for
   * a 64 MiB cache costs more than it saves: rows are appended at the ends of the table and of
   * the natural-key index). Nothing else changes: every batch is still one transaction, and a
   * crash mid-load leaves whole batches, with the index restored on the next open.
   */
  #enterBulkModeIfEmpty(): void {
    if (this.#bulkLoad) {
      // From the second batch on, a long load: checkpoint on another thread (module doc of
      // background-checkpointer.ts); a one-batch load never pays for the thread.
      if (++this.#bulkBatches === 2 && this.#backgroundCheckpoints && !this.#rollbackLoad) this.#startCheckpointer();
      return;
    }
    if (!this.#bulkLoadAllowed || this.#holdsSets) return;
    if (this.#anyElementSet.get() !== undefined) {
      this.#holdsSets = true; // append-only: never empty again, so never asked again
      return;
    }
    this.db.exec('DROP INDEX IF EXISTS element_sets_epoch');
    this.db.pragma(`cache_size = -${String(Math.min(BULK_CACHE_KIB, this.#cacheSizeKiB))}`);
    this.#bulkLoad = true;
    this.#bulkBatches = 1;
  }

  #startCheckpointer(): void {
    try {
      this.#checkpointer = startBackgroundCheckpointer(this.db.name, this.#busyTimeoutMs);
      this.db.pragma('wal_autocheckpoint = 0');
    } catch {
      this.#checkpointer = undefined; // no thread: the writer keeps checkpointing itself
    }
  }

  #leaveBulkMode(): void {
    ensureEpochIndex(this.db); // with the small cache: the sort runs in temp memory anyway
    if (this.#bulkLoad) {
      this.#bulkLoad = false;
      this.#bulkBatches = 0;
      this.db.pragma(`cache_size = -${String(this.#cacheSizeKiB)}`);
      const checkpointer = this.#checkpointer;
      if (checkpointer !== undefined) {
        this.#checkpointer = undefined;
        this.db.pragma(`wal_autocheckpoint = ${String(SQLITE_DEFAULT_AUTOCHECKPOINT_PAGES)}`);
        checkpointer.stop(this.#busyTimeoutMs + 1_000);
      }
    }
    if (this.#rollbackLoad) {
      this.#rollbackLoad = false;
      this.#writeback?.close();
      this.#writeback = undefined;
      this.db.pragma(`synchronous = ${this.#synchronous}`);
      try {
        this.db.pragma('journal_mode = WAL');
      } catch {
        // Another connection holds a lock past the busy timeout (an outside reader in rollback
        // mode). The load is committed either way; the next open of the file returns it to WAL.
      }
    }
  }

  /**
   * Before the first batch of a load into a fresh catalogue file (outside any transaction: the
   * journal mode cannot change inside one), switches to a rollback journal with
   * `synchronous=OFF` (option `rollbackFirstLoad`). Appending rows then writes each page once,
   * to the database file, instead of to the WAL and again at the checkpoint. Stays in WAL when
   * SQLite refuses the switch (another connection has the file open).
   */
  #beginRollbackFirstLoad(): void {
    if (this.#bulkLoad || this.#rollbackLoad || !this.#rollbackFirstLoadAllowed || this.db.inTransaction) return;
    if (this.#notFresh) return;
    if (this.#freshCatalogue.get()?.fresh !== 1) {
      this.#notFresh = true; // objects and sets are never deleted: not fresh for good
      return;
    }
    let mode: unknown;
    try {
      mode = this.db.pragma('journal_mode = PERSIST', { simple: true });
    } catch {
      return; // locked by another connection: stay in WAL
    }
    if (mode !== 'persist') return;
    this.db.pragma('synchronous = OFF');
    this.#rollbackLoad = true;
    this.#writeback = new EarlyWriteback(this.db.name);
  }

  ensureSource(source: SourceInput): Source {
    const found = this.db.prepare('SELECT id, name, kind, description FROM sources WHERE name = ?').get(source.name) as
      SourceRow | undefined;
    if (found !== undefined) {
      if (found.kind !== source.kind) {
        throw new OrbwatchError(
          ErrorCode.USAGE,
          `source ${source.name} is registered as ${found.kind}, not ${source.kind}`,
          { source: source.name, kind: found.kind },
        );
      }
      return toSource(found);
    }
    const r = this.db
      .prepare('INSERT INTO sources (name, kind, description) VALUES (?, ?, ?)')
      .run(source.name, source.kind, source.description ?? '');
    return {
      id: Number(r.lastInsertRowid),
      name: source.name,
      kind: source.kind,
      description: source.description ?? '',
    };
  }

  sources(): Source[] {
    return (this.db.prepare('SELECT id, name, kind, description FROM sources ORDER BY name').all() as SourceRow[]).map(
      toSource,
    );
  }

  beginIngestRun(run: BeginIngestRun): void {
    this.db
      .transaction(() => {
        const source = this.ensureSource(run.source);
        const rejected = run.issues.reduce((n, i) => (i.severity === 'error' ? n + 1 : n), 0);
        this.db
          .prepare(
            `INSERT INTO ingest_runs (id, source_id, started_at_ms, retrieved_at_ms, files, rejected, status)
          VALUES (?, ?, ?, ?, ?, ?, 'running')`,
          )
          .run(run.id, source.id, Math.round(run.startedAt), run.retrievedAt, JSON.stringify(run.files), rejected);
        for (const i of run.issues) this.#recordIssue(run.id, i, null);
      })
      .immediate();
  }

  #recordIssue(runId: string, i: ParseIssue | IngestIssue, elementSetId: number | null): void {
    this.#insertIssue.run(
      runId,
      i.file,
      i.line,
      i.column,
      i.code,
      i.severity,
      i.expected,
      i.message,
      i.input ?? null,
      elementSetId,
    );
  }

  /**
   * The state of a batch of the running run `runId` (checked), entering bulk-load mode on an
   * empty table.
   */
  #openBatch(runId: string): BatchState {
    const run = this.#runForBatch.get(runId);
    if (run === undefined) throw new OrbwatchError(ErrorCode.NOT_FOUND, `no ingest run ${runId}`);
    if (run.status !== 'running') {
      throw new OrbwatchError(ErrorCode.USAGE, `ingest run ${runId} is ${run.status}, not running`);
    }
    this.#enterBulkModeIfEmpty();
    return {
      runId,
      sourceId: run.source_id,
      retrievedAt: run.retrieved_at_ms,
      files: run.files,
      perNorad: new Map(),
      accepted: 0,
      duplicates: 0,
      conflicts: 0,
      issues: [],
    };
  }

  /**
   * Runs one batch transaction (`batches` batches in it, for the early writeback's count); store
   * failures other than orbwatch's own become STORAGE_FAILURE.
   */
  #inBatchTransaction<B, R>(tx: Database.Transaction<(b: B) => R>, batch: B, runId: string, batches = 1): R {
    this.#beginRollbackFirstLoad();
    try {
      const result = tx.immediate(batch);
      for (let k = 0; k < batches; k++) this.#writeback?.afterBatch();
      return result;
    } catch (e) {
      if (e instanceof OrbwatchError) throw e;
      throw storageError(`ingest batch of run ${runId} failed: ${e instanceof Error ? e.message : String(e)}`, e);
    }
  }

  /**
   * Counts one single-row insert's outcome (`changes` of the INSERT … ON CONFLICT DO NOTHING):
   * accepted, or settled against the stored set with its key ({@link #settleStored}). `set`
   * builds the element set for a conflict issue (rare, so built lazily).
   */
  #settle(
    b: BatchState,
    changes: number,
    norad: number,
    epoch: number,
    name: string | null,
    hash: string,
    set: () => ElementSet,
  ): void {
    if (changes === 1) this.#accept(b, norad, epoch, name);
    else this.#settleStored(b, this.#storedByKey(b, norad, epoch, set), norad, epoch, name, hash, set);
  }

  /** An inserted set: counted, widening its object's epoch span and names. */
  #accept(b: BatchState, norad: number, epoch: number, name: string | null): void {
    const agg = b.perNorad.get(norad);
    b.accepted++;
    if (agg !== undefined) {
      agg.accepted++;
      if (epoch < agg.minEpoch) agg.minEpoch = epoch;
      if (epoch > agg.maxEpoch) agg.maxEpoch = epoch;
    }
    noteName(agg, norad, name, epoch);
  }

  #storedByKey(b: BatchState, norad: number, epoch: number, set: () => ElementSet): StoredKey {
    const stored = this.#findByKey.get(norad, epoch, b.sourceId);
    if (stored === undefined) {
      const s = set();
      throw new Error(`element set ${String(s.noradId)} @ ${s.epochText} neither inserted nor found`);
    }
    return stored;
  }

  /**
   * A set that was not inserted because a set with its key is stored: a duplicate (same content
   * hash) or a conflict (other content: recorded as an issue citing the stored set). A
   * duplicate's name widens the object's names over time, a conflict's does not (a rejected set
   * says nothing about names).
   */
  #settleStored(
    b: BatchState,
    stored: StoredKey,
    norad: number,
    epoch: number,
    name: string | null,
    hash: string,
    set: () => ElementSet,
  ): void {
    if (stored.content_hash !== hash) {
      b.conflicts++;
      const issue = conflictIssue(set(), JSON.parse(b.files) as string[], stored.id);
      b.issues.push(issue);
      this.#recordIssue(b.runId, issue, stored.id);
      return;
    }
    b.duplicates++;
    noteName(b.perNorad.get(norad), norad, name, epoch);
  }

  /**
   * Inserts the batch's pending TLE rows in one statement (multi-row-insert.ts) and settles each:
   * when every row went in, all are accepted; otherwise each row's key is looked up, and a row
   * is the one inserted when the stored id is among the ids this insert assigned and no earlier
   * pending row with the same key claimed it. `setAt` builds the batch's set `i` for an issue.
   */
  #flushTle(b: BatchState, p: PendingTle, setAt: (i: number) => ElementSet): void {
    const n = p.at.length;
    if (n === 0) return;
    const v = p.values;
    const norad = (k: number): number => v[k * TLE_ROW_VALUES + TLE_NORAD] as number;
    const epoch = (k: number): number => v[k * TLE_ROW_VALUES + TLE_EPOCH] as number;
    const outcome: InsertOutcome = this.#insertTle.run(v);
    if (outcome.changes === n) {
      for (let k = 0; k < n; k++) this.#accept(b, norad(k), epoch(k), p.name[k] ?? null);
    } else {
      const firstNew = outcome.lastId - outcome.changes + 1;
      const claimed = new Set<number>();
      for (let k = 0; k < n; k++) {
        const set = (): ElementSet => setAt(p.at[k] ?? 0);
        const stored = this.#storedByKey(b, norad(k), epoch(k), set);
        if (outcome.changes > 0 && stored.id >= firstNew && stored.id <= outcome.lastId && !claimed.has(stored.id)) {
          claimed.add(stored.id);
          this.#accept(b, norad(k), epoch(k), p.name[k] ?? null);
        } else {
          const hash = v[k * TLE_ROW_VALUES + TLE_HASH] as string;
          this.#settleStored(b, stored, norad(k), epoch(k), p.name[k] ?? null, hash, set);
        }
      }
      if (claimed.size !== outcome.changes)
        throw new Error(
          `a multi-row insert stored ${String(outcome.changes)} sets but ${String(claimed.size)} were found among its ids`,
        );
    }
    p.values.length = 0;
    p.at.length = 0;
    p.name.length = 0;
  }

  /** Objects first (element_sets.norad_id references them): one upsert per distinct object. */
  #upsertBatchObjects(b: BatchState): void {
    for (const [norad, agg] of b.perNorad) this.#upsertObject.run(norad, agg.cospar);
  }

  /** Names over time, object summaries and the run's counters for a batch; its result. */
  #closeBatch(b: BatchState, parseRejected: number): BatchResult {
    for (const agg of b.perNorad.values())
      for (const n of agg.names) this.#upsertName.run(n.norad, n.name, n.first, n.last);
    for (const [norad, agg] of b.perNorad) {
      if (agg.accepted > 0)
        this.#bumpObject.run({ count: agg.accepted, first: agg.minEpoch, last: agg.maxEpoch, norad });
    }
    this.#bumpRun.run(b.accepted, b.duplicates, b.conflicts, b.conflicts + parseRejected, b.runId);
    return { accepted: b.accepted, duplicates: b.duplicates, conflicts: b.conflicts, issues: b.issues };
  }

  ingestBatch(batch: IngestBatch): BatchResult {
    return this.#inBatchTransaction(this.#ingestTx, batch, batch.runId);
  }

  #ingest(batch: IngestBatch): BatchResult {
    const bs = this.#openBatch(batch.runId);
    const { sourceId, retrievedAt, runId } = bs;
    const sets = batch.elementSets;
    for (const s of sets) noteObject(bs.perNorad, s.noradId, s.cosparId);
    this.#upsertBatchObjects(bs);

    const insert = this.#insertSet;
    const pending = newPendingTle();
    const setAt = (i: number): ElementSet => sets[i] as ElementSet;
    for (let i = 0; i < sets.length; i++) {
      const s = sets[i] as ElementSet;
      const hash = contentHash(s);
      const epoch = s.epoch;
      if (s.format === 'tle') {
        pushTleRow(pending, i, s.name, s.noradId, epoch, sourceId, s.raw, hash, s.line, retrievedAt, runId);
        if (pending.at.length === MAX_ROWS) this.#flushTle(bs, pending, setAt);
        continue;
      }
      this.#flushTle(bs, pending, setAt); // keep the input order (ids, which of two equal keys wins)
      const r = insert.run(
        s.noradId,
        epoch,
        sourceId,
        ...decodedValues(s),
        s.format,
        s.raw,
        hash,
        s.line,
        retrievedAt,
        runId,
      );
      this.#settle(bs, r.changes, s.noradId, epoch, s.name, hash, () => s);
    }
    this.#flushTle(bs, pending, setAt);
    return this.#closeBatch(bs, 0);
  }

  ingestColumnarBatch(batch: IngestColumnarBatch): BatchResult {
    return this.#inBatchTransaction(this.#ingestColumnarTx, batch, batch.runId);
  }

  /**
   * Several batches in one transaction: fewer commits, and the pages every batch touches (the
   * tails of the table and of the natural-key index, the object and run rows) are journaled and
   * written once per transaction instead of once per batch (docs/design/ingest-performance.md).
   */
  ingestColumnarBatches(batches: readonly IngestColumnarBatch[]): BatchResult[] {
    if (batches.length === 0) return [];
    const runId = batches[0]?.runId ?? '';
    return this.#inBatchTransaction(this.#ingestColumnarBatchesTx, batches, runId, batches.length);
  }

  /**
   * {@link #ingest} for columns: the same statements with the same values in the same order,
   * read from typed arrays instead of objects (see `ElementSetColumns`). Parse issues of the
   * batch are recorded first and error ones added to the run's `rejected`, as
   * {@link beginIngestRun} does for issues known up front.
   */
  #ingestColumnar(batch: IngestColumnarBatch): BatchResult {
    const bs = this.#openBatch(batch.runId);
    const { sourceId, retrievedAt, runId } = bs;
    const cols: ElementSetColumns = batch.columns;
    const n = cols.count;
    const ints = cols.ints;
    const nums = cols.numbers;
    const ends = cols.textEnds;
    const text = cols.text;
    if (ints.length < n * INT_STRIDE || nums.length < n * NUMBER_STRIDE || ends.length < n * 2)
      throw new RangeError(`columnar batch of ${String(n)} sets has short columns`);
    // Dictionary entries as stored values (null for -1): resolved once per batch.
    const dict = cols.dictionary;
    const hashes = cols.hashes;
    if (hashes !== undefined && hashes.length !== 64 * n)
      throw new RangeError(`columnar batch of ${String(n)} sets has ${String(hashes.length)} hash characters`);
    const entry = (k: number): string | null => (k < 0 ? null : (dict[k] ?? dictionaryEntry(cols, k)));

    let parseRejected = 0;
    for (const i of batch.issues ?? []) {
      if (i.severity === 'error') parseRejected++;
      this.#recordIssue(runId, i, null);
    }

    for (let i = 0; i < n; i++)
      noteObject(
        bs.perNorad,
        ints[i * INT_STRIDE + IntColumn.NORAD] ?? 0,
        entry(ints[i * INT_STRIDE + IntColumn.COSPAR] ?? -1),
      );
    this.#upsertBatchObjects(bs);

    const insert = this.#insertSet;
    const pending = newPendingTle();
    const setAt = (i: number): ElementSet => elementSetAt(cols, i);
    let start = 0;
    for (let i = 0; i < n; i++) {
      const a = i * INT_STRIDE;
      const b = i * NUMBER_STRIDE;
      const norad = ints[a + IntColumn.NORAD] ?? 0;
      const rawEnd = ends[2 * i] ?? 0;
      const epochEnd = ends[2 * i + 1] ?? 0;
      const raw = text.slice(start, rawEnd);
      start = epochEnd;
      const format = entry(ints[a + IntColumn.FORMAT] ?? -1) ?? '';
      const name = entry(ints[a + IntColumn.NAME] ?? -1);
      const hash =
        hashes === undefined ? contentHashOf(format as ElementSetFormat, raw) : hashes.slice(64 * i, 64 * i + 64);
      if (i === 0 && hashes !== undefined && hash !== contentHashOf(format as ElementSetFormat, raw))
        throw new Error(
          `columnar batch: the given content hash of ${String(norad)} @ ${text.slice(rawEnd, epochEnd)} is not contentHash()`,
        );
      const epoch = nums[b + NumberColumn.EPOCH] ?? NaN;
      const line = ints[a + IntColumn.LINE];
      if (format === 'tle') {
        pushTleRow(pending, i, name, norad, epoch, sourceId, raw, hash, line, retrievedAt, runId);
        if (pending.at.length === MAX_ROWS) this.#flushTle(bs, pending, setAt);
      } else {
        this.#flushTle(bs, pending, setAt); // keep the input order (ids, which of two equal keys wins)
        const setNo = nums[b + NumberColumn.ELEMENT_SET_NO] ?? NaN;
        const rev = nums[b + NumberColumn.REV_AT_EPOCH] ?? NaN;
        const r = insert.run(
          norad,
          epoch,
          sourceId,
          text.slice(rawEnd, epochEnd),
          name,
          entry(ints[a + IntColumn.COSPAR] ?? -1),
          entry(ints[a + IntColumn.CLASSIFICATION] ?? -1),
          nums[b + NumberColumn.MEAN_MOTION],
          nums[b + NumberColumn.ECCENTRICITY],
          nums[b + NumberColumn.INCLINATION],
          nums[b + NumberColumn.RAAN],
          nums[b + NumberColumn.ARG_PERIGEE],
          nums[b + NumberColumn.MEAN_ANOMALY],
          nums[b + NumberColumn.BSTAR],
          nums[b + NumberColumn.NDOT],
          nums[b + NumberColumn.NDDOT],
          Number.isNaN(setNo) ? null : setNo,
          Number.isNaN(rev) ? null : rev,
          ints[a + IntColumn.EPHEMERIS_TYPE],
          entry(ints[a + IntColumn.THEORY] ?? -1),
          format,
          raw,
          hash,
          line,
          retrievedAt,
          runId,
        );
        this.#settle(bs, r.changes, norad, epoch, name, hash, () => elementSetAt(cols, i));
      }
    }
    this.#flushTle(bs, pending, setAt);
    return this.#closeBatch(bs, parseRejected);
  }

  upsertObjectFacts(runId: string, facts: readonly ObjectFacts[]): number {
    const upsert = this.db.prepare(`INSERT INTO objects
      (norad_id, cospar_id, object_type, owner, launch_date_ms, decay_date_ms, launch_site, period_sec, inclination_rad, apogee_km, perigee_km, rcs_m2, ops_status, satcat_raw, satcat_run_id)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (norad_id) DO UPDATE SET
        cospar_id = coalesce(excluded.cospar_id, objects.cospar_id),
        object_type = coalesce(excluded.object_type, objects.object_type),
        owner = coalesce(excluded.owner, objects.owner),
        launch_date_ms = coalesce(excluded.launch_date_ms, objects.launch_date_ms),
        decay_date_ms = coalesce(excluded.decay_date_ms, objects.decay_date_ms),
        launch_site = coalesce(excluded.launch_site, objects.launch_site),
        period_sec = coalesce(excluded.period_sec, objects.period_sec),
        inclination_rad = coalesce(excluded.inclination_rad, objects.inclination_rad),
        apogee_km = coalesce(excluded.apogee_km, objects.apogee_km),
        perigee_km = coalesce(excluded.perigee_km, objects.perigee_km),
        rcs_m2 = coalesce(excluded.rcs_m2, objects.rcs_m2),
        ops_status = coalesce(excluded.ops_status, objects.ops_status),
        satcat_raw = coalesce(excluded.satcat_raw, objects.satcat_raw),
        satcat_run_id = coalesce(excluded.satcat_run_id, objects.satcat_run_id),
        -- a catalogue decay date replaces one a decay message filled
        decay_message_id = CASE WHEN excluded.decay_date_ms IS NULL THEN objects.decay_message_id END`);
    const run = this.#runForBatch.get(runId);
    if (run === undefined) throw new OrbwatchError(ErrorCode.NOT_FOUND, `no ingest run ${runId}`);
    const seen = run.retrieved_at_ms;
    const ms = (t: Instant | null | undefined): number | null => (t === null || t === undefined ? null : Math.round(t));
    return this.db
      .transaction(() => {
        for (const f of facts) {
          upsert.run(
            f.noradId,
            f.cosparId ?? null,
            f.objectType ?? null,
            f.owner ?? null,
            ms(f.launchDate),
            ms(f.decayDate),
            f.launchSite ?? null,
            f.periodSec ?? null,
            f.inclinationRad ?? null,
            f.apogeeKm ?? null,
            f.perigeeKm ?? null,
            f.rcsM2 ?? null,
            f.opsStatus ?? null,
            f.raw ?? null,
            runId,
          );
          if (f.name !== undefined && f.name !== null && f.name.length > 0)
            this.#upsertName.run(f.noradId, f.name, seen, seen);
        }
        return facts.length;
      })
      .immediate();
  }

  finishIngestRun(runId: string, finishedAt: Instant, status: Exclude<IngestRunStatus, 'running'>): IngestRun {
    this.#leaveBulkMode();
    const r = this.db
      .prepare('UPDATE ingest_runs SET finished_at_ms = ?, status = ? WHERE id = ?')
      .run(Math.round(finishedAt), status, runId);
    if (r.changes !== 1) throw new OrbwatchError(ErrorCode.NOT_FOUND, `no ingest run ${runId}`);
    const row = this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM ingest_runs r JOIN sources s ON s.id = r.source_id WHERE r.id = ?`)
      .get(runId) as RunRow;
    return toIngestRun(row);
  }

  ingestRuns(): IngestRun[] {
    const rows = this.db
      .prepare(`SELECT ${RUN_COLUMNS} FROM ingest_runs r JOIN sources s ON s.id = r.source_id ORDER BY r.id DESC`)
      .all() as RunRow[];
    return rows.map(toIngestRun);
  }

  ingestIssues(runId: string): IngestIssue[] {
    const rows = this.db
      .prepare(
        `SELECT file, line_no, column_no, code, severity, expected, message, input, element_set_id
        FROM ingest_issues WHERE run_id = ? ORDER BY file, line_no, column_no, id`,
      )
      .all(runId) as IssueRow[];
    return rows.map(toIngestIssue);
  }

  listObjects(filter: ObjectFilter = {}): CatalogObject[] {
    const c = new SqlConditions()
      .add(
        `EXISTS (SELECT 1 FROM object_names n WHERE n.norad_id = o.norad_id AND n.name LIKE ? ESCAPE '\\')`,
        filter.name === undefined ? undefined : `%${likeEscape(filter.name)}%`,
      )
      .add('o.owner = ? COLLATE NOCASE', filter.owner)
      .add('o.object_type = ? COLLATE NOCASE', filter.objectType)
      .add(`o.cospar_id LIKE ? ESCAPE '\\'`, filter.cospar === undefined ? undefined : `${likeEscape(filter.cospar)}%`)
      .add('o.norad_id = ?', filter.norad)
      .add(
        'o.norad_id IN (SELECT value FROM json_each(?))',
        filter.norads === undefined ? undefined : JSON.stringify(filter.norads),
      )
      .add('o.norad_id > ?', filter.afterNorad)
      .add('o.element_set_count > ?', filter.withSets === true ? 0 : undefined);
    let sql = `SELECT ${OBJECT_COLUMNS} FROM objects o${c.where} ORDER BY o.norad_id`;
    const args = [...c.args];
    if (filter.limit !== undefined) {
      sql += ' LIMIT ?';
      args.push(filter.limit);
    }
    return (this.db.prepare(sql).all(...args) as ObjectRow[]).map(toCatalogObject);
  }

  getObject(norad: NoradId): CatalogObjectDetail | null {
    const row = this.db.prepare(`SELECT ${OBJECT_COLUMNS} FROM objects o WHERE o.norad_id = ?`).get(norad) as
      ObjectRow | undefined;
    if (row === undefined) return null;
    const names = this.db
      .prepare(
        `SELECT name, first_seen_epoch_ms, last_seen_epoch_ms FROM object_names WHERE norad_id = ?
        ORDER BY first_seen_epoch_ms, name`,
      )
      .all(norad) as ObjectNameRow[];
    const source = this.db
      .prepare(
        `SELECT s.name FROM objects o JOIN ingest_runs r ON r.id = o.satcat_run_id JOIN sources s ON s.id = r.source_id WHERE o.norad_id = ?`,
      )
      .pluck()
      .get(norad) as string | undefined;
    const decayMessageId = this.db
      .prepare('SELECT decay_message_id FROM objects WHERE norad_id = ?')
      .pluck()
      .get(norad) as number | null;
    return {
      ...toCatalogObject(row),
      ...toSatcatFacts(row),
      names: names.map(toObjectName),
      satcatRaw: row.satcat_raw,
      satcatSource: source ?? null,
      decayDateFrom: row.decay_date_ms === null ? null : decayMessageId === null ? 'satcat' : 'decay-message',
      decayMessageId,
    };
  }

  saveDecayMessages(runId: string, messages: readonly DecayMessage[]): DecaySaveResult {
    const run = this.#runForBatch.get(runId);
    if (run === undefined) throw new OrbwatchError(ErrorCode.NOT_FOUND, `no ingest run ${runId}`);
    const seen = run.retrieved_at_ms;
    // a decayed object's name as the message gives it, seen at the retrieval time (as SATCAT names)
    return this.#decay.save(runId, messages, (m) => {
      if (m.name !== null && m.name.length > 0) this.#upsertName.run(m.noradId, m.name, seen, seen);
    });
  }

  decayMessages(norad: NoradId): StoredDecayMessage[] {
    return this.#decay.forObject(norad);
  }

  history(norad: NoradId, range: EpochRange = {}): StoredElementSet[] {
    const rows = this.db
      .prepare(
        `SELECT ${ELEMENT_SET_COLUMNS} FROM ${ELEMENT_SET_FROM}
        WHERE es.norad_id = ? AND es.epoch_ms >= ? AND es.epoch_ms < ? ORDER BY es.epoch_ms, es.id`,
      )
      .all(norad, range.from ?? -Number.MAX_VALUE, range.to ?? Number.MAX_VALUE) as ElementSetRow[];
    return rows.map(toStoredElementSet);
  }

  elementSetsBetween(from: Instant, to: Instant, page: ElementSetPageRequest = {}): StoredElementSet[] {
    const where = ['es.epoch_ms >= ?', 'es.epoch_ms < ?'];
    const args: (number | string)[] = [from, to];
    if (page.after !== undefined) {
      where.push('(es.epoch_ms, es.id) > (?, ?)');
      args.push(page.after.epoch, page.after.id);
    }
    if (page.noradIds !== undefined) {
      where.push('es.norad_id IN (SELECT value FROM json_each(?))');
      args.push(JSON.stringify(page.noradIds));
    }
    args.push(page.limit ?? DEFAULT_PAGE_LIMIT);
    const sql = `SELECT ${ELEMENT_SET_COLUMNS} FROM ${ELEMENT_SET_FROM} WHERE ${where.join(' AND ')}
      ORDER BY es.epoch_ms, es.id LIMIT ?`;
    return (this.db.prepare(sql).all(...args) as ElementSetRow[]).map(toStoredElementSet);
  }

  elementSetsById(ids: readonly ElementSetId[]): StoredElementSet[] {
    const rows = this.db
      .prepare(`SELECT ${ELEMENT_SET_COLUMNS} FROM ${ELEMENT_SET_FROM} WHERE es.id IN (SELECT value FROM json_each(?))`)
      .all(JSON.stringify(ids)) as ElementSetRow[];
    const byId = new Map(rows.map((r) => [r.id, toStoredElementSet(r)]));
    return ids.flatMap((id) => {
      const s = byId.get(id);
      return s === undefined ? [] : [s];
    });
  }

  feedAfter(afterSeq: number, limit: number): FeedEntry[] {
    return this.#api.feedAfter(afterSeq, limit);
  }

  feedHead(): number {
    return this.#api.feedHead();
  }

  dataVersion(): string {
    return this.#api.dataVersion();
  }

  saveApiToken(token: Omit<StoredApiToken, 'lastUsedAt' | 'revokedAt'>): void {
    this.#api.saveApiToken(token);
  }

  apiTokens(): StoredApiToken[] {
    return this.#api.apiTokens();
  }

  apiTokenByHash(secretSha256: string): StoredApiToken | null {
    return this.#api.apiTokenByHash(secretSha256);
  }

  revokeApiToken(idOrPrefix: string, now: Instant): StoredApiToken | null {
    return this.#api.revokeApiToken(idOrPrefix, now);
  }

  touchApiToken(id: string, now: Instant): void {
    this.#api.touchApiToken(id, now);
  }

  saveWebhook(hook: StoredWebhook): void {
    this.#api.saveWebhook(hook);
  }

  webhooks(): StoredWebhook[] {
    return this.#api.webhooks();
  }

  removeWebhook(id: string): boolean {
    return this.#api.removeWebhook(id);
  }

  setWebhookSeq(id: string, lastSeq: number): void {
    this.#api.setWebhookSeq(id, lastSeq);
  }

  saveDeadLetter(letter: Omit<WebhookDeadLetter, 'id' | 'url'>): void {
    this.#api.saveDeadLetter(letter);
  }

  deadLetters(webhookId?: string): WebhookDeadLetter[] {
    return this.#api.deadLetters(webhookId);
  }

  saveFindings(findings: readonly Finding[], now: Instant): { saved: number } {
    return this.#findings.saveFindings(findings, now);
  }

  getFinding(id: string): StoredFinding | null {
    return this.#findings.getFinding(id);
  }

  listFindings(filter?: FindingFilter): StoredFinding[] {
    return this.#findings.listFindings(filter);
  }

  saveEvents(events: readonly DetectedEvent[], now: Instant, sameEstimate?: SameEstimate): SaveEventsResult {
    return this.#events.saveEvents(events, now, sameEstimate);
  }

  listEvents(filter?: EventFilter): StoredEvent[] {
    return this.#events.listEvents(filter);
  }

  getEvent(id: string): StoredEvent | null {
    return this.#events.getEvent(id);
  }

  supersedeEvents(supersessions: readonly Supersession[], now: Instant): number {
    return this.#events.supersedeEvents(supersessions, now);
  }

  reviveEvents(ids: readonly string[]): number {
    return this.#events.reviveEvents(ids);
  }

  eventIdsWithPrefix(prefix: string, limit?: number): string[] {
    return this.#events.eventIdsWithPrefix(prefix, limit);
  }

  detectorWatermarks(detector: string): Map<NoradId, ElementSetId> {
    return this.#events.detectorWatermarks(detector);
  }

  setDetectorWatermarks(
    detector: string,
    detectorVersion: string,
    marks: ReadonlyMap<NoradId, ElementSetId>,
    now: Instant,
  ): void {
    this.#events.setDetectorWatermarks(detector, detectorVersion, marks, now);
  }

  saveLaunchReports(
    detector: string,
    detectorVersion: string,
    reports: readonly LaunchGroupReport[],
    now: Instant,
  ): number {
    return this.#launchReports.save(detector, detectorVersion, reports, now);
  }

  launchReports(filter?: { readonly cospar?: string }): StoredLaunchReport[] {
    return this.#launchReports.list(filter);
  }

  saveScreeningRun(run: ScreeningRunRecord): void {
    this.#screeningRuns.save(run);
  }

  screeningRuns(limit?: number): ScreeningRunRecord[] {
    return this.#screeningRuns.list(limit);
  }

  getScreeningRun(id: string): ScreeningRunRecord | null {
    return this.#screeningRuns.get(id);
  }

  insertApiRun(run: Omit<StoredApiRun, 'seq'>): void {
    this.#apiRuns.insert(run);
  }

  updateApiRun(id: string, change: ApiRunChange): void {
    this.#apiRuns.update(id, change);
  }

  getApiRun(id: string): StoredApiRun | null {
    return this.#apiRuns.get(id);
  }

  listApiRuns(page: { readonly beforeSeq?: number; readonly limit: number }): StoredApiRun[] {
    return this.#apiRuns.list(page);
  }

  interruptApiRuns(now: Instant, error: ApiRunError): string[] {
    return this.#apiRuns.interrupt(now, error);
  }

  latestElementSetIds(): Map<NoradId, ElementSetId> {
    return this.#events.latestElementSetIds();
  }

  fetchState(key: string): SourceFetchState | null {
    return this.#watchState.get(key);
  }

  saveFetchState(state: SourceFetchState): void {
    this.#watchState.save(state);
  }

  spoolFetch(fetch: Omit<SpooledFetch, 'id'>): number {
    return this.#watchState.spool(fetch);
  }

  spooledFetches(): SpooledFetch[] {
    return this.#watchState.spooled();
  }

  completeSpooledFetch(id: number, state: SourceFetchState): void {
    this.#watchState.complete(id, state);
  }

  countElementSets(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM element_sets').get() as { n: number }).n;
  }

  close(): void {
    if (!this.db.open) return;
    try {
      if (this.#bulkLoad || this.#rollbackLoad) this.#leaveBulkMode();
    } finally {
      this.db.close(); // if the index could not be rebuilt now, the next open does it
    }
  }
}

/** One batch in progress: its run, its per-object aggregates and its counts. */
interface BatchState {
  readonly runId: string;
  readonly sourceId: number;
  readonly retrievedAt: number;
  /** The run's input files (JSON array), quoted in conflict issues. */
  readonly files: string;
  readonly perNorad: Map<number, NorAgg>;
  accepted: number;
  duplicates: number;
  conflicts: number;
  readonly issues: IngestIssue[];
}

/** A stored set's id and content hash, found by its natural key. */
interface StoredKey {
  readonly id: number;
  readonly content_hash: string;
}

/** Values of the TLE insert per row: norad, epoch, source, raw, hash, input line, retrieval, run. */
const TLE_ROW_VALUES = 8;
/** Where a TLE row's norad id, epoch and content hash sit among its values. */
const TLE_NORAD = 0;
const TLE_EPOCH = 1;
const TLE_HASH = 4;

/**
 * TLE rows of a batch waiting for their multi-row insert: their values (which also settle them:
 * key and hash), and per row what the insert does not take: its index in the batch (for
 * {@link conflictIssue}) and its name.
 */
interface PendingTle {
  readonly values: unknown[];
  readonly at: number[];
  readonly name: (string | null)[];
}

function newPendingTle(): PendingTle {
  return { values: [], at: [], name: [] };
}

/** Queues a TLE row; its values in the order of the insert's columns. */
function pushTleRow(
  p: PendingTle,
  at: number,
  name: string | null,
  norad: number,
  epoch: number,
  sourceId: number,
  raw: string,
  hash: string,
  line: number | undefined,
  retrievedAt: number,
  runId: string,
): void {
  p.values.push(norad, epoch, sourceId, raw, hash, line, retrievedAt, runId);
  p.at.push(at);
  p.name.push(name);
}

/** Adds an object to the batch's per-object aggregates (the first known COSPAR id wins). */
function noteObject(perNorad: Map<number, NorAgg>, norad: number, cospar: string | null): void {
  const agg = perNorad.get(norad);
  if (agg === undefined) {
    perNorad.set(norad, { cospar, accepted: 0, minEpoch: Infinity, maxEpoch: -Infinity, names: [] });
  } else if (agg.cospar === null && cospar !== null) {
    agg.cospar = cospar;
  }
}

/** Widens the epoch span of a name seen with an object in this batch. */
function noteName(agg: NorAgg | undefined, norad: number, name: string | null, epoch: number): void {
  if (name === null || agg === undefined) return;
  const n = findName(agg.names, name);
  if (n === undefined) agg.names.push({ norad, name, first: epoch, last: epoch });
  else {
    if (epoch < n.first) n.first = epoch;
    if (epoch > n.last) n.last = epoch;
  }
}

/** The entry for `name` (objects carry one name, rarely a few: a linear scan, last first). */
function findName(names: readonly NameAgg[], name: string): NameAgg | undefined {
  for (let i = names.length - 1; i >= 0; i--) {
    const n = names[i];
    if (n !== undefined && n.name === name) return n;
  }
  return undefined;
}

function conflictIssue(s: ElementSet, files: readonly string[], storedId: number): IngestIssue {
  return {
    code: StoreIssueCode.ELEMENT_SET_CONFLICT,
    severity: 'error',
    file: files.length === 1 ? (files[0] ?? '') : files.join(', '),
    line: s.line,
    column: 0,
    expected: 'the same element content as the stored set with this (norad, epoch, source)',
    message: `element set of ${String(s.noradId)} at epoch ${s.epochText} differs from stored set #${String(storedId)}; the stored set is kept`,
    input: s.raw.length > 200 ? `${s.raw.slice(0, 200)}…` : s.raw,
    elementSetId: storedId,
  };
}

/** The first 16 bytes of every SQLite 3 database file. */
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * What is at `path` before SQLite opens it: a directory or a file that is not an SQLite database
 * is refused with its own code (SQLite would say `unable to open` or `file is not a database`
 * only later, from some pragma); a missing file is refused when `mustExist`. An empty file is a
 * valid empty database to SQLite, and is accepted.
 */
function checkDatabasePath(path: string, mustExist: boolean): void {
  if (path === ':memory:' || path === '') return;
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return; // let SQLite report it
    if (mustExist)
      throw new OrbwatchError(ErrorCode.DATABASE_NOT_FOUND, `no orbwatch database at ${path}`, { path }, { cause: e });
    return;
  }
  if (st.isDirectory())
    throw new OrbwatchError(ErrorCode.DATABASE_IS_DIRECTORY, `${path} is a directory, not a database file`, { path });
  if (!st.isFile() || st.size === 0) return;
  const head = Buffer.alloc(SQLITE_HEADER.length);
  let n = 0;
  try {
    const fd = openSync(path, 'r');
    try {
      n = readSync(fd, head, 0, head.length, 0);
    } finally {
      closeSync(fd);
    }
  } catch {
    return; // unreadable: SQLite says why
  }
  if (n < head.length || !head.equals(SQLITE_HEADER))
    throw new OrbwatchError(ErrorCode.DATABASE_NOT_SQLITE, `${path} is not an SQLite database`, { path });
}

/** SQLite's result code of a better-sqlite3 error (`SQLITE_BUSY`, …), if it is one. */
function sqliteCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_') ? code : undefined;
}

const RETRY_SLEEP_MS = 20;
const sleepSync = (ms: number): void => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
};

/**
 * `journal_mode = WAL`, waiting for the lock. SQLite answers SQLITE_BUSY at once, without its busy
 * handler, when another connection is inside a transaction on a file in rollback mode (a first
 * load's batch, docs/design/storage.md): the switch is retried until the busy timeout, so a
 * second process opening the file mid-load waits for the end of the current batch and goes on.
 */
function enterWal(db: Database.Database, busyTimeoutMs: number): void {
  const deadline = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (e) {
      if (sqliteCode(e) !== 'SQLITE_BUSY' || Date.now() >= deadline) throw e;
      sleepSync(RETRY_SLEEP_MS);
    }
  }
}

/** A failure while preparing the connection, classified by SQLite's code. */
function openFailure(path: string, e: unknown): OrbwatchError {
  const code = sqliteCode(e);
  if (code === 'SQLITE_NOTADB')
    return new OrbwatchError(
      ErrorCode.DATABASE_NOT_SQLITE,
      `${path} is not an SQLite database`,
      { path },
      { cause: e },
    );
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED')
    return new OrbwatchError(
      ErrorCode.DATABASE_LOCKED,
      `the database ${path} is locked by another process (another orbwatch ingest?); try again when it has finished`,
      { path },
      { cause: e },
    );
  return new OrbwatchError(
    ErrorCode.STORAGE_FAILURE,
    `cannot prepare SQLite database ${path}: ${e instanceof Error ? e.message : String(e)}`,
    { path },
    { cause: e },
  );
}

/**
 * Opens a SQLite catalog at `path` (`:memory:` for a private in-memory one), creating the file
 * unless `mustExist`. A directory, a file that is not SQLite, a missing file under `mustExist` and
 * a lock held past the busy timeout each fail with their own {@link ErrorCode}.
 */
export function openSqliteCatalog(
  path: string,
  options: SqliteCatalogOptions & { readonly mustExist?: boolean } = {},
): SqliteCatalogRepository {
  checkDatabasePath(path, options.mustExist === true);
  const busyTimeoutMs = options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS;
  let db: Database.Database;
  try {
    db = new Database(path, { fileMustExist: options.mustExist === true });
  } catch (e) {
    throw new OrbwatchError(
      ErrorCode.STORAGE_UNAVAILABLE,
      `cannot open SQLite database ${path}: ${e instanceof Error ? e.message : String(e)}`,
      { path },
      { cause: e },
    );
  }
  try {
    db.pragma(`busy_timeout = ${String(busyTimeoutMs)}`);
    db.pragma(`page_size = ${String(options.pageSizeBytes ?? 16_384)}`); // no effect once the file has tables
    enterWal(db, busyTimeoutMs);
    db.pragma(`synchronous = ${options.synchronous ?? 'NORMAL'}`);
    db.pragma('foreign_keys = ON');
    db.pragma(`cache_size = -${String(options.cacheSizeKiB ?? DEFAULT_CACHE_KIB)}`);
    db.pragma('temp_store = MEMORY');
    migrate(db);
    restoreEpochIndex(db);
  } catch (e) {
    db.close();
    if (e instanceof OrbwatchError) throw e;
    throw openFailure(path, e);
  }
  return new SqliteCatalogRepository(db, options);
}
