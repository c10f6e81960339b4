/**
 * Migration 011: an event can be superseded by a later estimate. Detection re-examines an
 * object's history (or a time window) as element sets arrive; what it finds is the current
 * estimate for what it examined, and a stored event of the same detector that the re-run no
 * longer returns is marked, never deleted (alerts were sent, findings and reports cite it):
 *
 * - `superseded_at_ms`: when it was superseded (NULL: live, the default for every stored event);
 * - `superseded_by`: the event that is its later estimate (the same objects and kind, an
 *   overlapping time span), NULL when the re-run found nothing there (withdrawn);
 * - `supersession_reason`: `re-estimated` or `withdrawn`;
 * - `identity_fingerprint`: the event without its estimate (kind, detector, version, parameters,
 *   objects, element sets, span: the fingerprint rows had until now, copied); `fingerprint`
 *   of new rows adds the measures and assessment, so a different estimate from the same element
 *   sets is a row of its own.
 *
 * Lists skip superseded events through the partial index. The alert feed gains a row type
 * `supersession` (written by a trigger when an event becomes superseded, whoever supersedes it),
 * so SSE clients and webhooks hear that an alert they had is replaced; the feed table is rebuilt
 * for its CHECK constraint with every row and its sequence kept (clients resume by `seq`).
 * Design: docs/design/watch.md "Later estimates supersede earlier ones".
 * @module
 */
export const migration011 = {
  version: 11,
  name: 'event-supersession',
  sql: /* sql */ `
ALTER TABLE events ADD COLUMN superseded_at_ms INTEGER;
ALTER TABLE events ADD COLUMN superseded_by TEXT REFERENCES events(id);
ALTER TABLE events ADD COLUMN supersession_reason TEXT
  CHECK (supersession_reason IS NULL OR supersession_reason IN ('re-estimated', 'withdrawn'));
-- the identity without the estimate (what every fingerprint was before this migration): a later
-- estimate from the same element sets is found by it
ALTER TABLE events ADD COLUMN identity_fingerprint TEXT;
UPDATE events SET identity_fingerprint = fingerprint;
CREATE INDEX events_identity ON events(identity_fingerprint);
CREATE INDEX events_live_start ON events(start_ms) WHERE superseded_at_ms IS NULL;
CREATE INDEX events_superseded_by ON events(superseded_by) WHERE superseded_by IS NOT NULL;

DROP TRIGGER feed_event_insert;
DROP TRIGGER feed_finding_insert;
DROP TRIGGER feed_finding_update;
CREATE TABLE feed_v11 (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT,
  type          TEXT NOT NULL CHECK (type IN ('event', 'finding', 'supersession')),
  ref_id        TEXT NOT NULL,                  -- events.id (event, supersession) or findings.id
  created_at_ms INTEGER NOT NULL
) STRICT;
INSERT INTO feed_v11 (seq, type, ref_id, created_at_ms) SELECT seq, type, ref_id, created_at_ms FROM feed ORDER BY seq;
-- AUTOINCREMENT never reuses a seq: carry the old table's high-water mark over
DELETE FROM sqlite_sequence WHERE name = 'feed_v11';
INSERT INTO sqlite_sequence (name, seq)
  SELECT 'feed_v11', max(seq) FROM (SELECT seq FROM sqlite_sequence WHERE name = 'feed' UNION ALL SELECT max(seq) FROM feed_v11)
  HAVING max(seq) IS NOT NULL;
DROP TABLE feed;
ALTER TABLE feed_v11 RENAME TO feed;

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

-- An alert already sent is replaced by a later estimate (or withdrawn): that is news too.
CREATE TRIGGER feed_event_superseded AFTER UPDATE OF superseded_at_ms ON events
WHEN old.superseded_at_ms IS NULL AND new.superseded_at_ms IS NOT NULL
BEGIN
  INSERT INTO feed (type, ref_id, created_at_ms) VALUES ('supersession', new.id, new.superseded_at_ms);
END;
`,
} as const;
