/**
 * Migration 004: the roles an object can take in an event grow by `sibling` (deployed with the
 * others of its launch), `participant` (took part, no direction claimed) and `fragment` (a piece
 * of a breakup). Roles claim only what the data shows (design.md), so a proximity episode without
 * evidence of who manoeuvred names both objects `participant` instead of `chaser`/`target`.
 *
 * SQLite cannot change a CHECK constraint in place: `event_objects` is rebuilt (SQLite's 12-step
 * procedure, foreign keys off around the transaction; the runner checks them before commit).
 * @module
 */
export const migration004 = {
  version: 4,
  name: 'event-roles',
  foreignKeysOff: true,
  sql: /* sql */ `
CREATE TABLE event_objects_v4 (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  norad_id INTEGER NOT NULL REFERENCES objects(norad_id),
  role     TEXT NOT NULL CHECK (role IN ('parent', 'child', 'sibling', 'chaser', 'target', 'participant', 'primary', 'secondary', 'subject', 'fragment')),
  PRIMARY KEY (event_id, norad_id, role)
) STRICT, WITHOUT ROWID;
INSERT INTO event_objects_v4 (event_id, norad_id, role) SELECT event_id, norad_id, role FROM event_objects;
DROP TABLE event_objects;
ALTER TABLE event_objects_v4 RENAME TO event_objects;
CREATE INDEX event_objects_norad ON event_objects(norad_id);
`,
} as const;
