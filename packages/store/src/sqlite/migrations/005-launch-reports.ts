/**
 * Migration 005: what the release detector concluded for each multi-payload launch it examined —
 * the deployment group with its common epoch, or why none could be measured — so
 * `orbwatch launches` is a read, not a re-run. One row per launch (COSPAR `YYYY-NNN`): a later
 * examination of the launch replaces it; the report itself is kept as JSON (the detector's
 * `LaunchGroupReport`), with the status in a column for filtering.
 * @module
 */
export const migration005 = {
  version: 5,
  name: 'launch-reports',
  sql: /* sql */ `
CREATE TABLE launch_reports (
  cospar           TEXT PRIMARY KEY CHECK (cospar GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9][0-9]'),
  detector         TEXT NOT NULL,
  detector_version TEXT NOT NULL,
  status           TEXT NOT NULL,
  report_json      TEXT NOT NULL CHECK (json_valid(report_json)),
  examined_at_ms   INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
`,
} as const;
