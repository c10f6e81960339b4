/**
 * Migration 010: detection and screening runs started through the HTTP API (`POST /api/runs`),
 * one row per run from the moment it is queued, so a run outlives the server process that
 * queued it: `GET /api/runs/{id}` reads this table, and a server that starts after a crash
 * finds the runs it was working on and marks them `interrupted` (docs/design/api.md).
 *
 * `seq` is the insertion order (the listing's newest-first order and its cursor); `id` is the
 * run's UUIDv7. `request`, `progress`, `report` and `error` are JSON. `token_id` names the API
 * token that started the run (no foreign key: the record outlives a removed token).
 * @module
 */
export const migration010 = {
  version: 10,
  name: 'api-runs',
  sql: /* sql */ `
CREATE TABLE api_runs (
  seq            INTEGER PRIMARY KEY AUTOINCREMENT,
  id             TEXT NOT NULL UNIQUE,
  kind           TEXT NOT NULL,
  request        TEXT NOT NULL,
  status         TEXT NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed', 'interrupted')),
  queued_at_ms   INTEGER NOT NULL,
  started_at_ms  INTEGER,
  finished_at_ms INTEGER,
  progress       TEXT,
  report         TEXT,
  error          TEXT,
  executor       TEXT,
  token_id       TEXT
) STRICT;
CREATE INDEX api_runs_unfinished ON api_runs(status) WHERE status IN ('queued', 'running');
`,
} as const;
