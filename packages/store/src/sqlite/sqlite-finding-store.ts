/**
 * SQLite implementation of the finding part of the repository port.
 * @module
 */
import type Database from 'better-sqlite3';
import type { Finding, Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { FindingFilter, StoredFinding } from '../finding-repository.js';
import { uuidV7 } from '../uuid-v7.js';
import { SqlConditions } from './sql-conditions.js';

interface FindingRow {
  id: string;
  body: string;
  created_at_ms: number;
}

export class SqliteFindingStore {
  readonly #db: Database.Database;
  readonly #upsert: Database.Statement;
  readonly #saveTx: Database.Transaction<(findings: readonly Finding[], now: Instant) => number>;

  constructor(db: Database.Database) {
    this.#db = db;
    this.#upsert =
      db.prepare(`INSERT INTO findings (id, event_id, norm_id, norm_version, verdict, confidence, body, created_at_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (event_id, norm_id) DO UPDATE SET norm_version = excluded.norm_version, verdict = excluded.verdict,
        confidence = excluded.confidence, body = excluded.body, created_at_ms = excluded.created_at_ms`);
    this.#saveTx = db.transaction((findings: readonly Finding[], now: Instant): number => {
      for (const f of findings)
        this.#upsert.run(
          uuidV7(now),
          f.eventId,
          f.normId,
          f.normVersion,
          f.verdict,
          f.confidence,
          JSON.stringify(f),
          Math.round(now),
        );
      return findings.length;
    });
  }

  saveFindings(findings: readonly Finding[], now: Instant): { saved: number } {
    return { saved: this.#saveTx.immediate(findings, now) };
  }

  getFinding(id: string): StoredFinding | null {
    const r = this.#db.prepare('SELECT id, body, created_at_ms FROM findings WHERE id = ?').get(id) as
      FindingRow | undefined;
    return r === undefined
      ? null
      : { ...(JSON.parse(r.body) as Finding), id: r.id, createdAt: instant(r.created_at_ms) };
  }

  listFindings(filter: FindingFilter = {}): StoredFinding[] {
    const c = new SqlConditions()
      .add('f.norm_id = ?', filter.normId)
      .add('f.event_id = ?', filter.eventId)
      .add('f.verdict = ?', filter.verdict)
      .add('f.event_id IN (SELECT event_id FROM event_objects WHERE norad_id = ?)', filter.norad);
    const rows = this.#db
      .prepare(
        `SELECT f.id, f.body, f.created_at_ms FROM findings f JOIN events e ON e.id = f.event_id${c.where} ORDER BY e.start_ms, f.event_id, f.norm_id`,
      )
      .all(...c.args) as FindingRow[];
    return rows.map((r) => ({ ...(JSON.parse(r.body) as Finding), id: r.id, createdAt: instant(r.created_at_ms) }));
  }
}
