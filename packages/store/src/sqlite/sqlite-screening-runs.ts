/**
 * SQLite implementation of the screening-run part of the repository port (table
 * `screening_runs`, migration 007; used by SqliteCatalogRepository).
 * @module
 */
import type Database from 'better-sqlite3';
import { instant } from '@orbwatch/core';
import type { ScreeningRunRecord } from '../screening-run-repository.js';

interface ScreeningRunRow {
  id: string;
  at_ms: number;
  document: string;
  created_at_ms: number;
}

const fromRow = (r: ScreeningRunRow): ScreeningRunRecord => ({
  id: r.id,
  at: instant(r.at_ms),
  createdAt: instant(r.created_at_ms),
  document: JSON.parse(r.document) as Record<string, unknown>,
});

export class SqliteScreeningRuns {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  save(run: ScreeningRunRecord): void {
    this.#db
      .prepare('INSERT INTO screening_runs (id, at_ms, document, created_at_ms) VALUES (?, ?, ?, ?)')
      .run(run.id, run.at, JSON.stringify(run.document), Math.round(run.createdAt));
  }

  list(limit?: number): ScreeningRunRecord[] {
    const rows = this.#db
      .prepare('SELECT * FROM screening_runs ORDER BY created_at_ms DESC, id DESC LIMIT ?')
      .all(limit ?? -1) as ScreeningRunRow[];
    return rows.map(fromRow);
  }

  get(id: string): ScreeningRunRecord | null {
    const row = this.#db.prepare('SELECT * FROM screening_runs WHERE id = ?').get(id) as ScreeningRunRow | undefined;
    return row === undefined ? null : fromRow(row);
  }
}
