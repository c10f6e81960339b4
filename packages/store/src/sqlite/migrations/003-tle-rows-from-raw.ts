/**
 * Migration 003: a TLE-format element set is stored as its raw lines; its elements are decoded
 * from them when read (`tleFromRaw`, docs/design/storage.md "TLE rows"). The decoded columns
 * become nullable and are NULL exactly for `format = 'tle'` rows; OMM rows keep them (an OMM
 * record's text is not always decodable on its own). Ids, keys and every other column are kept,
 * so events citing element-set ids still name the same sets.
 *
 * SQLite cannot relax NOT NULL in place: the table is rebuilt (SQLite's documented 12-step
 * procedure, foreign keys off around the transaction; the runner checks them before commit).
 * @module
 */
export const migration003 = {
  version: 3,
  name: 'tle-rows-from-raw',
  foreignKeysOff: true,
  sql: /* sql */ `
CREATE TABLE element_sets_v3 (
  id                      INTEGER PRIMARY KEY,
  norad_id                INTEGER NOT NULL REFERENCES objects(norad_id),
  epoch_ms                REAL NOT NULL,
  source_id               INTEGER NOT NULL REFERENCES sources(id),
  format                  TEXT NOT NULL,
  raw                     TEXT NOT NULL,
  content_hash            TEXT NOT NULL,      -- sha256 hex of the element content
  input_line              INTEGER NOT NULL,   -- 1-based line in the run's input
  retrieved_at_ms         REAL NOT NULL,
  ingest_run_id           TEXT NOT NULL REFERENCES ingest_runs(id),
  -- decoded elements: NULL for format 'tle' (decoded from raw on read), set for OMM formats
  epoch_text              TEXT,
  name                    TEXT,
  cospar_id               TEXT,
  classification          TEXT,
  mean_motion_rad_per_sec REAL,
  eccentricity            REAL,
  inclination_rad         REAL,
  raan_rad                REAL,
  arg_perigee_rad         REAL,
  mean_anomaly_rad        REAL,
  bstar_per_earth_radii   REAL,
  ndot_rev_per_day2       REAL,
  nddot_rev_per_day3      REAL,
  element_set_no          INTEGER,
  rev_at_epoch            INTEGER,
  ephemeris_type          INTEGER,
  theory                  TEXT,
  UNIQUE (norad_id, epoch_ms, source_id),
  CHECK ((format = 'tle') = (mean_motion_rad_per_sec IS NULL)),
  CHECK (format = 'tle' OR (epoch_text IS NOT NULL AND classification IS NOT NULL AND eccentricity IS NOT NULL
    AND inclination_rad IS NOT NULL AND raan_rad IS NOT NULL AND arg_perigee_rad IS NOT NULL
    AND mean_anomaly_rad IS NOT NULL AND bstar_per_earth_radii IS NOT NULL AND ndot_rev_per_day2 IS NOT NULL
    AND nddot_rev_per_day3 IS NOT NULL AND ephemeris_type IS NOT NULL AND theory IS NOT NULL))
) STRICT;

INSERT INTO element_sets_v3 (id, norad_id, epoch_ms, source_id, format, raw, content_hash, input_line,
  retrieved_at_ms, ingest_run_id, epoch_text, name, cospar_id, classification, mean_motion_rad_per_sec,
  eccentricity, inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad, bstar_per_earth_radii,
  ndot_rev_per_day2, nddot_rev_per_day3, element_set_no, rev_at_epoch, ephemeris_type, theory)
SELECT id, norad_id, epoch_ms, source_id, format, raw, content_hash, input_line, retrieved_at_ms, ingest_run_id,
  CASE WHEN format = 'tle' THEN NULL ELSE epoch_text END,
  CASE WHEN format = 'tle' THEN NULL ELSE name END,
  CASE WHEN format = 'tle' THEN NULL ELSE cospar_id END,
  CASE WHEN format = 'tle' THEN NULL ELSE classification END,
  CASE WHEN format = 'tle' THEN NULL ELSE mean_motion_rad_per_sec END,
  CASE WHEN format = 'tle' THEN NULL ELSE eccentricity END,
  CASE WHEN format = 'tle' THEN NULL ELSE inclination_rad END,
  CASE WHEN format = 'tle' THEN NULL ELSE raan_rad END,
  CASE WHEN format = 'tle' THEN NULL ELSE arg_perigee_rad END,
  CASE WHEN format = 'tle' THEN NULL ELSE mean_anomaly_rad END,
  CASE WHEN format = 'tle' THEN NULL ELSE bstar_per_earth_radii END,
  CASE WHEN format = 'tle' THEN NULL ELSE ndot_rev_per_day2 END,
  CASE WHEN format = 'tle' THEN NULL ELSE nddot_rev_per_day3 END,
  CASE WHEN format = 'tle' THEN NULL ELSE element_set_no END,
  CASE WHEN format = 'tle' THEN NULL ELSE rev_at_epoch END,
  CASE WHEN format = 'tle' THEN NULL ELSE ephemeris_type END,
  CASE WHEN format = 'tle' THEN NULL ELSE theory END
FROM element_sets ORDER BY id;

DROP TABLE element_sets;
ALTER TABLE element_sets_v3 RENAME TO element_sets;
CREATE INDEX element_sets_epoch ON element_sets(epoch_ms);
`,
} as const;
