/**
 * Migration 008: what the HTTP API and its alert feed keep.
 *
 * - `feed`: one row per new event and per new or changed finding, in commit order. Triggers on
 *   `events` and `findings` write it, so events stored by any process on the database (the
 *   watcher, `orbwatch detect`) reach the API's Server-Sent Events stream; `seq` is the stream's
 *   `id:` and what a client resumes from with `Last-Event-ID` (AUTOINCREMENT: never reused).
 *   Rows already stored are entered once, in creation order.
 * - `api_tokens`: write tokens, stored as the SHA-256 of the secret (the secret is shown once).
 * - `webhooks` and `webhook_dead_letters`: subscribers of the feed, and the deliveries that failed
 *   every retry.
 * @module
 */
export const migration008 = {
  version: 8,
  name: 'api-feed-tokens-webhooks',
  sql: /* sql */ `
CREATE TABLE feed (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  type          TEXT NOT NULL CHECK (type IN ('event', 'finding')),
  ref_id        TEXT NOT NULL,                  -- events.id or findings.id
  created_at_ms INTEGER NOT NULL
) STRICT;

INSERT INTO feed (type, ref_id, created_at_ms)
  SELECT type, ref_id, created_at_ms FROM (
    SELECT 'event' AS type, id AS ref_id, created_at_ms, 0 AS o FROM events
    UNION ALL
    SELECT 'finding', id, created_at_ms, 1 FROM findings
  ) ORDER BY created_at_ms, o, ref_id;

CREATE TRIGGER feed_event_insert AFTER INSERT ON events
BEGIN
  INSERT INTO feed (type, ref_id, created_at_ms) VALUES ('event', new.id, new.created_at_ms);
END;

CREATE TRIGGER feed_finding_insert AFTER INSERT ON findings
BEGIN
  INSERT INTO feed (type, ref_id, created_at_ms) VALUES ('finding', new.id, new.created_at_ms);
END;

-- A finding judged again with the same verdict is not news; a changed verdict is.
CREATE TRIGGER feed_finding_update AFTER UPDATE ON findings
WHEN old.verdict IS NOT new.verdict OR old.confidence IS NOT new.confidence
BEGIN
  INSERT INTO feed (type, ref_id, created_at_ms) VALUES ('finding', new.id, new.created_at_ms);
END;

CREATE TABLE api_tokens (
  id            TEXT PRIMARY KEY,               -- UUIDv7, shown by 'orbwatch token list'
  name          TEXT NOT NULL,
  secret_sha256 TEXT NOT NULL UNIQUE,           -- hex; the secret itself is never stored
  created_at_ms INTEGER NOT NULL,
  last_used_ms  INTEGER,
  revoked_at_ms INTEGER
) STRICT;

CREATE TABLE webhooks (
  id            TEXT PRIMARY KEY,               -- UUIDv7
  url           TEXT NOT NULL,
  secret        TEXT NOT NULL,                  -- HMAC-SHA256 key (the receiver holds it too)
  kinds         TEXT,                           -- JSON array of event kinds, null: all
  labels        TEXT,                           -- JSON array of assessment labels, null: all
  created_at_ms INTEGER NOT NULL,
  last_seq      INTEGER NOT NULL DEFAULT 0      -- feed rows up to here were delivered or dead-lettered
) STRICT;

CREATE TABLE webhook_dead_letters (
  id            INTEGER PRIMARY KEY,
  webhook_id    TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  feed_seq      INTEGER NOT NULL,
  payload       TEXT NOT NULL,                  -- the JSON body that could not be delivered
  attempts      INTEGER NOT NULL,
  last_error    TEXT NOT NULL,
  failed_at_ms  INTEGER NOT NULL
) STRICT;
CREATE INDEX webhook_dead_letters_hook ON webhook_dead_letters(webhook_id);
`,
} as const;
