/**
 * Migration 009: what the watcher remembers per remote source (the validators for a conditional
 * GET, when it last tried and succeeded, when it is due) and the spool of fetched payloads not
 * yet ingested, so that a payload fetched before a crash is ingested after the restart instead
 * of lost (docs/design/watch.md).
 * @module
 */
export const migration009 = {
  version: 9,
  name: 'source-fetch-state',
  sql: /* sql */ `
CREATE TABLE source_fetch_state (
  source_key           TEXT PRIMARY KEY,
  url                  TEXT NOT NULL,
  etag                 TEXT,
  last_modified        TEXT,
  last_attempt_ms      INTEGER,
  last_success_ms      INTEGER,
  next_due_ms          INTEGER,
  consecutive_failures INTEGER NOT NULL DEFAULT 0 CHECK (consecutive_failures >= 0),
  last_status          TEXT,
  last_run_id          TEXT
) STRICT;
CREATE TABLE fetch_spool (
  id               INTEGER PRIMARY KEY,
  source_key       TEXT NOT NULL,
  source_name      TEXT NOT NULL,                -- the stored source of its element sets
  source_kind      TEXT NOT NULL CHECK (source_kind IN ('official', 'amateur', 'simulated', 'derived')),
  url              TEXT NOT NULL,
  file             TEXT NOT NULL,
  retrieved_at_ms  INTEGER NOT NULL,
  etag             TEXT,
  last_modified    TEXT,
  payload          BLOB NOT NULL
) STRICT;
`,
} as const;
