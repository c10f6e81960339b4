/**
 * Migration 007: screening runs (`orbwatch screen`), one row per run with its document (window,
 * threshold, mode, counts, engine version and parameters, conjunction event ids) as JSON.
 * @module
 */
export const migration007 = {
  version: 7,
  name: 'screening-runs',
  sql: /* sql */ `
CREATE TABLE screening_runs (
  id            TEXT PRIMARY KEY,               -- UUIDv7
  at_ms         REAL NOT NULL,                  -- the catalogue as of this instant
  document      TEXT NOT NULL,                  -- JSON: the run record
  created_at_ms INTEGER NOT NULL
) STRICT;
CREATE INDEX screening_runs_created ON screening_runs(created_at_ms);
`,
} as const;
