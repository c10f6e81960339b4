/**
 * Migration 002: what each detector has already seen, so `orbwatch detect` only redoes the work
 * that new element sets can change. A watermark is the highest element-set id a detector has
 * processed for an object (ids grow with ingest order: sets are append-only).
 * @module
 */
export const migration002 = {
  version: 2,
  name: 'detection-watermarks',
  sql: /* sql */ `
CREATE TABLE detector_watermarks (
  detector          TEXT NOT NULL,
  detector_version  TEXT NOT NULL,
  norad_id          INTEGER NOT NULL,
  max_element_set_id INTEGER NOT NULL,
  updated_at_ms     INTEGER NOT NULL,
  PRIMARY KEY (detector, norad_id)
) STRICT, WITHOUT ROWID;
`,
} as const;
