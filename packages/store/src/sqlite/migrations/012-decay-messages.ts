/**
 * Migration 012: Space-Track decay messages, facts (`Historical`) and predictions
 * (`Prediction`), one row per (object, message epoch, type, source) so a re-fetch adds nothing;
 * and where an object's decay date came from when a historical message filled it (SATCAT had
 * none). A prediction never sets `objects.decay_date_ms`: the store links `decay_message_id`
 * only to Historical rows (docs/design/watch.md).
 * @module
 */
export const migration012 = {
  version: 12,
  name: 'decay-messages',
  sql: /* sql */ `
CREATE TABLE decay_messages (
  id               INTEGER PRIMARY KEY,
  norad_id         INTEGER NOT NULL CHECK (norad_id BETWEEN 1 AND 339999),
  msg_type         TEXT NOT NULL CHECK (msg_type IN ('Historical', 'Prediction')),
  -- when the message was issued; NULL only for Historical rows taken from SATCAT
  msg_epoch_ms     INTEGER CHECK (msg_epoch_ms IS NOT NULL OR msg_type = 'Historical'),
  decay_epoch_ms   INTEGER NOT NULL,
  precision        TEXT NOT NULL CHECK (precision IN ('day', 'time')),
  decay_epoch_text TEXT NOT NULL,
  message_source   TEXT NOT NULL,            -- Space-Track's SOURCE: satcat, decay_msg, 60day_msg, tip_msg
  precedence       INTEGER NOT NULL,
  name             TEXT,
  cospar_id        TEXT,
  country          TEXT,
  raw              TEXT NOT NULL,
  run_id           TEXT NOT NULL REFERENCES ingest_runs(id)
) STRICT;
CREATE UNIQUE INDEX decay_messages_key
  ON decay_messages(norad_id, ifnull(msg_epoch_ms, -1), msg_type, message_source);
CREATE INDEX decay_messages_object ON decay_messages(norad_id, msg_epoch_ms);
ALTER TABLE objects ADD COLUMN decay_message_id INTEGER REFERENCES decay_messages(id);
`,
} as const;
