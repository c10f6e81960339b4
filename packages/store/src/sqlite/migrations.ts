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
import { migration003 } from './migrations/003-tle-rows-from-raw.js';
import { migration004 } from './migrations/004-event-roles.js';
import { migration006 } from './migrations/006-findings.js';
import { migration005 } from './migrations/005-launch-reports.js';
import { migration007 } from './migrations/007-screening-runs.js';
import { migration008 } from './migrations/008-api.js';
import { migration009 } from './migrations/009-source-fetch-state.js';
import { migration010 } from './migrations/010-api-runs.js';
import { migration011 } from './migrations/011-event-supersession.js';
import { migration012 } from './migrations/012-decay-messages.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /**
   * The migration rebuilds a table that others reference (SQLite's 12-step ALTER procedure):
   * foreign keys are switched off around its transaction and checked inside it before commit.
   */
  readonly foreignKeysOff?: boolean;
}

/** Every migration, in order. Append only: never edit a released migration. */
export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
];

/** The schema version this code writes: the highest migration's. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

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
  // in version order whatever the order of the list (migrations written in parallel are appended as merged)
  for (const m of [...MIGRATIONS].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      if (current() >= m.version) return false; // another process got there first
      db.exec(m.sql);
      if (m.foreignKeysOff === true) {
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0)
          throw new OrbwatchError(
            ErrorCode.STORAGE_FAILURE,
            `migration ${String(m.version)} (${m.name}) would break ${String(broken.length)} foreign keys; not applied`,
            { version: m.version, broken: broken.slice(0, 5) },
          );
      }
      db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)').run(m.version, m.name);
      return true;
    });
    if (m.version <= found) continue;
    const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
    if (m.foreignKeysOff === true) db.pragma('foreign_keys = OFF'); // a no-op inside a transaction
    try {
      if (apply.immediate()) applied.push(m.version);
    } finally {
      if (m.foreignKeysOff === true) db.pragma(`foreign_keys = ${String(foreignKeys)}`);
    }
  }
  return applied;
}
