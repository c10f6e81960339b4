/**
 * Migration 001: the initial catalog schema. Time columns are ms since 1970 UTC: integer for
 * whole-ms facts (run start/finish, launch/decay dates), REAL where sub-millisecond precision is
 * part of the data (element-set epochs, which are also part of the natural key). Units are in
 * the column names; angles are radians and mean motion rad/s as inside orbwatch.
 * @module
 */
export const migration001 = {
  version: 1,
  name: 'initial',
  sql: /* sql */ `
CREATE TABLE sources (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('official', 'amateur', 'simulated', 'derived')),
  description TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE objects (
  norad_id          INTEGER PRIMARY KEY CHECK (norad_id BETWEEN 0 AND 339999),
  cospar_id         TEXT,
  object_type       TEXT,
  owner             TEXT,
  launch_date_ms    INTEGER,
  decay_date_ms     INTEGER,
  launch_site       TEXT,
  period_sec        REAL,
  inclination_rad   REAL,
  apogee_km         REAL,
  perigee_km        REAL,
  rcs_m2            REAL,
  ops_status        TEXT,
  -- SATCAT row as received, who sent it and which run stored it
  satcat_raw        TEXT,
  satcat_run_id     TEXT REFERENCES ingest_runs(id),
  -- summary of the element-set history, maintained by each ingest batch
  element_set_count INTEGER NOT NULL DEFAULT 0,
  first_epoch_ms    REAL,
  last_epoch_ms     REAL
) STRICT;
CREATE INDEX objects_cospar ON objects(cospar_id);

CREATE TABLE object_names (
  norad_id            INTEGER NOT NULL REFERENCES objects(norad_id),
  name                TEXT NOT NULL,
  first_seen_epoch_ms REAL NOT NULL,
  last_seen_epoch_ms  REAL NOT NULL,
  PRIMARY KEY (norad_id, name)
) STRICT, WITHOUT ROWID;

CREATE TABLE ingest_runs (
  id              TEXT PRIMARY KEY,           -- UUIDv7
  source_id       INTEGER NOT NULL REFERENCES sources(id),
  started_at_ms   INTEGER NOT NULL,
  finished_at_ms  INTEGER,
  retrieved_at_ms REAL NOT NULL,
  files           TEXT NOT NULL,              -- JSON array of file names
  accepted        INTEGER NOT NULL DEFAULT 0,
  duplicates      INTEGER NOT NULL DEFAULT 0,
  conflicts       INTEGER NOT NULL DEFAULT 0,
  rejected        INTEGER NOT NULL DEFAULT 0,
  batches         INTEGER NOT NULL DEFAULT 0,
  status          TEXT NOT NULL CHECK (status IN ('running', 'completed', 'failed'))
) STRICT;

-- Append-only. Natural key (norad_id, epoch_ms, source_id); id is what events cite.
CREATE TABLE element_sets (
  id                      INTEGER PRIMARY KEY,
  norad_id                INTEGER NOT NULL REFERENCES objects(norad_id),
  epoch_ms                REAL NOT NULL,
  source_id               INTEGER NOT NULL REFERENCES sources(id),
  epoch_text              TEXT NOT NULL,
  name                    TEXT,
  cospar_id               TEXT,
  classification          TEXT NOT NULL,
  mean_motion_rad_per_sec REAL NOT NULL,
  eccentricity            REAL NOT NULL,
  inclination_rad         REAL NOT NULL,
  raan_rad                REAL NOT NULL,
  arg_perigee_rad         REAL NOT NULL,
  mean_anomaly_rad        REAL NOT NULL,
  bstar_per_earth_radii   REAL NOT NULL,
  ndot_rev_per_day2       REAL NOT NULL,
  nddot_rev_per_day3      REAL NOT NULL,
  element_set_no          INTEGER,
  rev_at_epoch            INTEGER,
  ephemeris_type          INTEGER NOT NULL,
  theory                  TEXT NOT NULL,
  format                  TEXT NOT NULL,
  raw                     TEXT NOT NULL,
  content_hash            TEXT NOT NULL,      -- sha256 hex of the element content
  input_line              INTEGER NOT NULL,   -- 1-based line in the run's input
  retrieved_at_ms         REAL NOT NULL,
  ingest_run_id           TEXT NOT NULL REFERENCES ingest_runs(id),
  UNIQUE (norad_id, epoch_ms, source_id)
) STRICT;
CREATE INDEX element_sets_epoch ON element_sets(epoch_ms);

CREATE TABLE ingest_issues (
  id             INTEGER PRIMARY KEY,
  run_id         TEXT NOT NULL REFERENCES ingest_runs(id),
  file           TEXT NOT NULL,
  line_no        INTEGER NOT NULL,
  column_no      INTEGER NOT NULL,
  code           TEXT NOT NULL,
  severity       TEXT NOT NULL CHECK (severity IN ('error', 'warning')),
  expected       TEXT NOT NULL,
  message        TEXT NOT NULL,
  input          TEXT,
  element_set_id INTEGER REFERENCES element_sets(id)
) STRICT;
CREATE INDEX ingest_issues_run ON ingest_issues(run_id, file, line_no);

-- Events seen by detectors (written later by detection runs). fingerprint = hash of
-- (kind, detector, detector_version, parameters, element set ids): re-running a detector on the
-- same sets finds the same row instead of adding a copy.
CREATE TABLE events (
  id               TEXT PRIMARY KEY,          -- UUIDv7
  kind             TEXT NOT NULL CHECK (kind IN ('maneuver', 'release', 'proximity', 'fragmentation', 'conjunction')),
  start_ms         REAL NOT NULL,
  end_ms           REAL NOT NULL,
  detector         TEXT NOT NULL,
  detector_version TEXT NOT NULL,
  parameters       TEXT NOT NULL,             -- JSON
  measures         TEXT NOT NULL,             -- JSON, each measure with its sigma
  fingerprint      TEXT NOT NULL UNIQUE,
  created_at_ms    INTEGER NOT NULL,
  CHECK (end_ms >= start_ms)
) STRICT;
CREATE INDEX events_kind_start ON events(kind, start_ms);
CREATE INDEX events_start ON events(start_ms);

CREATE TABLE event_objects (
  event_id TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  norad_id INTEGER NOT NULL REFERENCES objects(norad_id),
  role     TEXT NOT NULL CHECK (role IN ('parent', 'child', 'chaser', 'target', 'primary', 'secondary', 'subject')),
  PRIMARY KEY (event_id, norad_id, role)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_objects_norad ON event_objects(norad_id);

CREATE TABLE event_element_sets (
  event_id       TEXT NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  element_set_id INTEGER NOT NULL REFERENCES element_sets(id),
  PRIMARY KEY (event_id, element_set_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX event_element_sets_set ON event_element_sets(element_set_id);
`,
} as const;
