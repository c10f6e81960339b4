/**
 * Numbered schema migrations and the runner that applies them on open. Each migration runs in
 * its own IMMEDIATE transaction together with its `schema_version` row, so a crash mid-migration
 * leaves the previous version intact; re-opening applies only what is missing (idempotent).
 * @module
 */
import type Database from 'better-sqlite3';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import { migration001 } from './migrations/001-initial.js';
import { migration002 } from './migrations/002-detection-watermarks.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Every migration, in order. Append only: never edit a released migration. */
export const MIGRATIONS: readonly Migration[] = [migration001, migration002];

/** The schema version this code writes. */
export const SCHEMA_VERSION = MIGRATIONS.length;

/** Applies the missing migrations; returns the versions applied (empty when up to date). */
export function migrate(db: Database.Database): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  const current = (): number =>
    (db.prepare('SELECT coalesce(max(version), 0) AS v FROM schema_version').get() as { v: number }).v;
  const found = current();
  if (found > SCHEMA_VERSION) {
    throw new OrbwatchError(
      ErrorCode.STORAGE_UNAVAILABLE,
      `database schema version ${String(found)} is newer than this orbwatch (${String(SCHEMA_VERSION)})`,
      { found, supported: SCHEMA_VERSION },
    );
  }
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    const apply = db.transaction(() => {
      if (current() >= m.version) return false; // another process got there first
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)').run(m.version, m.name);
      return true;
    });
    if (m.version > found && apply.immediate()) applied.push(m.version);
  }
  return applied;
}
