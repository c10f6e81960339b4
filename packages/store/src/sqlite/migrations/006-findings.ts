/**
 * Migration 006: findings, one per (event, norm): the verdict, its confidence and the norm
 * version that gave it; the reasons, instruments and dissent as JSON.
 * @module
 */
export const migration006 = {
  version: 6,
  name: 'findings',
  sql: /* sql */ `
CREATE TABLE findings (
  id            TEXT PRIMARY KEY,               -- UUIDv7
  event_id      TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  norm_id       TEXT NOT NULL,
  norm_version  TEXT NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('consistent', 'inconsistent', 'not-assessable')),
  confidence    TEXT NOT NULL CHECK (confidence IN ('high', 'medium', 'low')),
  body          TEXT NOT NULL,                  -- JSON: the whole finding
  created_at_ms INTEGER NOT NULL,
  UNIQUE (event_id, norm_id)
) STRICT;
CREATE INDEX findings_norm ON findings(norm_id);
`,
} as const;
