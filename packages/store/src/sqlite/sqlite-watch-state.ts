/**
 * SQLite implementation of the watcher's state (tables `source_fetch_state` and `fetch_spool`,
 * migration 009; used by SqliteCatalogRepository).
 * @module
 */
import type Database from 'better-sqlite3';
import { instant } from '@orbwatch/core';
import type { SourceKind } from '../ingest-run.js';
import type { SourceFetchState, SpooledFetch } from '../watch-state-repository.js';

interface StateRow {
  source_key: string;
  url: string;
  etag: string | null;
  last_modified: string | null;
  last_attempt_ms: number | null;
  last_success_ms: number | null;
  next_due_ms: number | null;
  consecutive_failures: number;
  last_status: string | null;
  last_run_id: string | null;
}

interface SpoolRow {
  id: number;
  source_key: string;
  source_name: string;
  source_kind: SourceKind;
  url: string;
  file: string;
  retrieved_at_ms: number;
  etag: string | null;
  last_modified: string | null;
  payload: Buffer;
}

const orNull = (t: number | null): ReturnType<typeof instant> | null => (t === null ? null : instant(t));
const ms = (t: number | null): number | null => (t === null ? null : Math.round(t));

export class SqliteWatchState {
  readonly #db: Database.Database;
  readonly #complete: Database.Transaction<(id: number, state: SourceFetchState) => void>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#complete = db.transaction((id: number, state: SourceFetchState) => {
      db.prepare('DELETE FROM fetch_spool WHERE id = ?').run(id);
      this.save(state);
    });
  }

  get(key: string): SourceFetchState | null {
    const r = this.#db.prepare('SELECT * FROM source_fetch_state WHERE source_key = ?').get(key) as
      StateRow | undefined;
    if (r === undefined) return null;
    return {
      key: r.source_key,
      url: r.url,
      etag: r.etag,
      lastModified: r.last_modified,
      lastAttemptAt: orNull(r.last_attempt_ms),
      lastSuccessAt: orNull(r.last_success_ms),
      nextDueAt: orNull(r.next_due_ms),
      consecutiveFailures: r.consecutive_failures,
      lastStatus: r.last_status,
      lastRunId: r.last_run_id,
    };
  }

  save(s: SourceFetchState): void {
    this.#db
      .prepare(
        `INSERT INTO source_fetch_state (source_key, url, etag, last_modified, last_attempt_ms, last_success_ms,
           next_due_ms, consecutive_failures, last_status, last_run_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(source_key) DO UPDATE SET url = excluded.url, etag = excluded.etag,
           last_modified = excluded.last_modified, last_attempt_ms = excluded.last_attempt_ms,
           last_success_ms = excluded.last_success_ms, next_due_ms = excluded.next_due_ms,
           consecutive_failures = excluded.consecutive_failures, last_status = excluded.last_status,
           last_run_id = excluded.last_run_id`,
      )
      .run(
        s.key,
        s.url,
        s.etag,
        s.lastModified,
        ms(s.lastAttemptAt),
        ms(s.lastSuccessAt),
        ms(s.nextDueAt),
        s.consecutiveFailures,
        s.lastStatus,
        s.lastRunId,
      );
  }

  spool(f: Omit<SpooledFetch, 'id'>): number {
    const r = this.#db
      .prepare(
        `INSERT INTO fetch_spool (source_key, source_name, source_kind, url, file, retrieved_at_ms, etag, last_modified, payload)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        f.sourceKey,
        f.sourceName,
        f.sourceKind,
        f.url,
        f.file,
        Math.round(f.retrievedAt),
        f.etag,
        f.lastModified,
        Buffer.from(f.data),
      );
    return Number(r.lastInsertRowid);
  }

  spooled(): SpooledFetch[] {
    const rows = this.#db.prepare('SELECT * FROM fetch_spool ORDER BY id').all() as SpoolRow[];
    return rows.map((r) => ({
      id: r.id,
      sourceKey: r.source_key,
      sourceName: r.source_name,
      sourceKind: r.source_kind,
      url: r.url,
      file: r.file,
      retrievedAt: instant(r.retrieved_at_ms),
      etag: r.etag,
      lastModified: r.last_modified,
      data: new Uint8Array(r.payload.buffer, r.payload.byteOffset, r.payload.byteLength),
    }));
  }

  complete(id: number, state: SourceFetchState): void {
    this.#complete.immediate(id, state);
  }
}
