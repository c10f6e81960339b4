/**
 * SQLite implementation of the API-run part of the repository port (table `api_runs`, migration
 * 010; used by SqliteCatalogRepository). JSON columns are written with `JSON.stringify` and read
 * back with `JSON.parse`.
 * @module
 */
import type Database from 'better-sqlite3';
import type { Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { ApiRunChange, ApiRunError, ApiRunProgress, ApiRunStatus, StoredApiRun } from '../api-run-repository.js';

interface ApiRunRow {
  seq: number;
  id: string;
  kind: string;
  request: string;
  status: ApiRunStatus;
  queued_at_ms: number;
  started_at_ms: number | null;
  finished_at_ms: number | null;
  progress: string | null;
  report: string | null;
  error: string | null;
  executor: string | null;
  token_id: string | null;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));
const parsed = (t: string | null): unknown => (t === null ? null : JSON.parse(t));
const at = (ms: number | null): Instant | null => (ms === null ? null : instant(ms));

const fromRow = (r: ApiRunRow): StoredApiRun => ({
  seq: r.seq,
  id: r.id,
  kind: r.kind,
  request: parsed(r.request),
  status: r.status,
  queuedAt: instant(r.queued_at_ms),
  startedAt: at(r.started_at_ms),
  finishedAt: at(r.finished_at_ms),
  progress: parsed(r.progress) as ApiRunProgress | null,
  report: parsed(r.report),
  error: parsed(r.error) as ApiRunError | null,
  executor: r.executor,
  tokenId: r.token_id,
});

/** Column of each field of {@link ApiRunChange} and how its value is stored. */
const CHANGE_COLUMNS: { [K in keyof ApiRunChange]-?: [string, (v: unknown) => unknown] } = {
  status: ['status', (v) => v],
  startedAt: ['started_at_ms', (v) => Math.round(v as number)],
  finishedAt: ['finished_at_ms', (v) => Math.round(v as number)],
  progress: ['progress', json],
  report: ['report', json],
  error: ['error', json],
  executor: ['executor', (v) => v],
};

export class SqliteApiRuns {
  readonly #db: Database.Database;
  readonly #get: Database.Statement<[string], ApiRunRow>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#get = db.prepare('SELECT * FROM api_runs WHERE id = ?');
  }

  insert(r: Omit<StoredApiRun, 'seq'>): void {
    this.#db
      .prepare(
        `INSERT INTO api_runs (id, kind, request, status, queued_at_ms, started_at_ms, finished_at_ms, progress,
          report, error, executor, token_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        r.id,
        r.kind,
        JSON.stringify(r.request),
        r.status,
        Math.round(r.queuedAt),
        r.startedAt === null ? null : Math.round(r.startedAt),
        r.finishedAt === null ? null : Math.round(r.finishedAt),
        json(r.progress),
        json(r.report),
        json(r.error),
        r.executor,
        r.tokenId,
      );
  }

  update(id: string, change: ApiRunChange): void {
    const sets: string[] = [];
    const args: unknown[] = [];
    for (const [field, [column, store]] of Object.entries(CHANGE_COLUMNS) as [
      keyof ApiRunChange,
      [string, (v: unknown) => unknown],
    ][]) {
      if (!(field in change)) continue;
      const v = change[field];
      sets.push(`${column} = ?`);
      args.push(v === undefined || v === null ? null : store(v));
    }
    if (sets.length === 0) return;
    this.#db.prepare(`UPDATE api_runs SET ${sets.join(', ')} WHERE id = ?`).run(...args, id);
  }

  get(id: string): StoredApiRun | null {
    const r = this.#get.get(id);
    return r === undefined ? null : fromRow(r);
  }

  list(page: { readonly beforeSeq?: number; readonly limit: number }): StoredApiRun[] {
    const rows = this.#db
      .prepare('SELECT * FROM api_runs WHERE seq < ? ORDER BY seq DESC LIMIT ?')
      .all(page.beforeSeq ?? Number.MAX_SAFE_INTEGER, Math.max(0, Math.floor(page.limit))) as ApiRunRow[];
    return rows.map(fromRow);
  }

  interrupt(now: Instant, error: ApiRunError): string[] {
    return this.#db
      .transaction(() => {
        const ids = this.#db
          .prepare("SELECT id, status FROM api_runs WHERE status IN ('queued', 'running') ORDER BY seq")
          .all() as { id: string; status: ApiRunStatus }[];
        const mark = this.#db.prepare(
          "UPDATE api_runs SET status = 'interrupted', finished_at_ms = ?, error = ? WHERE id = ?",
        );
        for (const r of ids)
          mark.run(
            Math.round(now),
            JSON.stringify({ ...error, details: { ...error.details, previousStatus: r.status } }),
            r.id,
          );
        return ids.map((r) => r.id);
      })
      .immediate();
  }
}
