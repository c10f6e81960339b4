/**
 * Row shapes of the SQLite schema and their mapping to domain records. Columns carry their
 * units; the mapping re-brands them with core's constructors.
 * @module
 */
import type { ElementSet, ElementSetFormat, MeanElementTheory } from '@orbwatch/core';
import { ErrorCode, instant, km, noradId, OrbwatchError, rad, radPerSec, sec, tleFromRaw } from '@orbwatch/core';
import type { CatalogObject, ObjectName, SatcatFacts } from '../catalog-object.js';
import type { IngestIssue } from '../ingest-issue.js';
import type { IngestRun, IngestRunStatus, Source, SourceKind } from '../ingest-run.js';
import type { StoredElementSet } from '../stored-element-set.js';

export const ELEMENT_SET_COLUMNS = `es.id, es.norad_id, es.epoch_ms, s.name AS source, es.epoch_text, es.name, es.cospar_id,
  es.classification, es.mean_motion_rad_per_sec, es.eccentricity, es.inclination_rad, es.raan_rad,
  es.arg_perigee_rad, es.mean_anomaly_rad, es.bstar_per_earth_radii, es.ndot_rev_per_day2,
  es.nddot_rev_per_day3, es.element_set_no, es.rev_at_epoch, es.ephemeris_type, es.theory, es.format,
  es.raw, es.content_hash, es.input_line, es.retrieved_at_ms, es.ingest_run_id`;

/** The decoded-element columns of `element_sets`, in the order of {@link decodedValues}. */
export const DECODED_COLUMNS = `epoch_text, name, cospar_id, classification, mean_motion_rad_per_sec, eccentricity,
  inclination_rad, raan_rad, arg_perigee_rad, mean_anomaly_rad, bstar_per_earth_radii, ndot_rev_per_day2,
  nddot_rev_per_day3, element_set_no, rev_at_epoch, ephemeris_type, theory`;

/** A set's values for {@link DECODED_COLUMNS} (OMM rows; TLE rows leave them NULL). */
export function decodedValues(s: ElementSet): (string | number | null)[] {
  return [
    s.epochText,
    s.name,
    s.cosparId,
    s.classification,
    s.meanMotionRadPerSec,
    s.eccentricity,
    s.inclinationRad,
    s.raanRad,
    s.argPerigeeRad,
    s.meanAnomalyRad,
    s.bstarPerEarthRadii,
    s.meanMotionDotRevPerDay2,
    s.meanMotionDdotRevPerDay3,
    s.elementSetNo,
    s.revAtEpoch,
    s.ephemerisType,
    s.theory,
  ];
}

export const ELEMENT_SET_FROM = 'element_sets es JOIN sources s ON s.id = es.source_id';

/**
 * One `element_sets` row. The decoded columns are NULL for `format = 'tle'` rows, whose elements
 * are decoded from `raw` on read (migration 003); OMM rows carry them.
 */
export interface ElementSetRow {
  id: number;
  norad_id: number;
  epoch_ms: number;
  source: string;
  epoch_text: string | null;
  name: string | null;
  cospar_id: string | null;
  classification: string | null;
  mean_motion_rad_per_sec: number | null;
  eccentricity: number | null;
  inclination_rad: number | null;
  raan_rad: number | null;
  arg_perigee_rad: number | null;
  mean_anomaly_rad: number | null;
  bstar_per_earth_radii: number | null;
  ndot_rev_per_day2: number | null;
  nddot_rev_per_day3: number | null;
  element_set_no: number | null;
  rev_at_epoch: number | null;
  ephemeris_type: number | null;
  theory: string | null;
  format: string;
  raw: string;
  content_hash: string;
  input_line: number;
  retrieved_at_ms: number;
  ingest_run_id: string;
}

function damaged(r: ElementSetRow, what: string): OrbwatchError {
  return new OrbwatchError(
    ErrorCode.STORAGE_FAILURE,
    `stored element set #${String(r.id)} (${String(r.norad_id)}): ${what}`,
    { id: r.id, noradId: r.norad_id, format: r.format },
  );
}

/** The elements of a row: decoded from its raw text (TLE) or read from its columns (OMM). */
function elementsOf(r: ElementSetRow): ElementSet {
  if (r.format === 'tle') {
    const s = tleFromRaw(r.raw);
    if (s === undefined) throw damaged(r, 'its raw TLE text does not decode to one element set');
    if (s.noradId !== r.norad_id || s.epoch !== r.epoch_ms)
      throw damaged(r, `its raw TLE text is of ${String(s.noradId)} at ${String(s.epoch)} ms, not its key`);
    return s;
  }
  const need = <T>(v: T | null, column: string): T => {
    if (v === null) throw damaged(r, `${column} is NULL in an ${r.format} row`);
    return v;
  };
  return {
    noradId: noradId(r.norad_id),
    name: r.name,
    cosparId: r.cospar_id,
    classification: need(r.classification, 'classification'),
    epoch: instant(r.epoch_ms),
    epochText: need(r.epoch_text, 'epoch_text'),
    meanMotionRadPerSec: radPerSec(need(r.mean_motion_rad_per_sec, 'mean_motion_rad_per_sec')),
    eccentricity: need(r.eccentricity, 'eccentricity'),
    inclinationRad: rad(need(r.inclination_rad, 'inclination_rad')),
    raanRad: rad(need(r.raan_rad, 'raan_rad')),
    argPerigeeRad: rad(need(r.arg_perigee_rad, 'arg_perigee_rad')),
    meanAnomalyRad: rad(need(r.mean_anomaly_rad, 'mean_anomaly_rad')),
    bstarPerEarthRadii: need(r.bstar_per_earth_radii, 'bstar_per_earth_radii'),
    meanMotionDotRevPerDay2: need(r.ndot_rev_per_day2, 'ndot_rev_per_day2'),
    meanMotionDdotRevPerDay3: need(r.nddot_rev_per_day3, 'nddot_rev_per_day3'),
    elementSetNo: r.element_set_no,
    revAtEpoch: r.rev_at_epoch,
    ephemerisType: need(r.ephemeris_type, 'ephemeris_type'),
    theory: need(r.theory, 'theory') as MeanElementTheory,
    format: r.format as ElementSetFormat,
    raw: r.raw,
    line: r.input_line,
  };
}

/**
 * The stored set of a row. Built as one object literal with a fixed key order, whatever the
 * format, so every StoredElementSet has the same shape (a spread would give detectors that touch
 * millions of sets several shapes and a slow, megamorphic property access).
 */
export function toStoredElementSet(r: ElementSetRow): StoredElementSet {
  const e = elementsOf(r);
  return {
    noradId: e.noradId,
    name: e.name,
    cosparId: e.cosparId,
    classification: e.classification,
    epoch: e.epoch,
    epochText: e.epochText,
    meanMotionRadPerSec: e.meanMotionRadPerSec,
    eccentricity: e.eccentricity,
    inclinationRad: e.inclinationRad,
    raanRad: e.raanRad,
    argPerigeeRad: e.argPerigeeRad,
    meanAnomalyRad: e.meanAnomalyRad,
    bstarPerEarthRadii: e.bstarPerEarthRadii,
    meanMotionDotRevPerDay2: e.meanMotionDotRevPerDay2,
    meanMotionDdotRevPerDay3: e.meanMotionDdotRevPerDay3,
    elementSetNo: e.elementSetNo,
    revAtEpoch: e.revAtEpoch,
    ephemerisType: e.ephemerisType,
    theory: e.theory,
    format: e.format,
    raw: r.raw,
    line: r.input_line,
    id: r.id,
    source: r.source,
    retrievedAt: instant(r.retrieved_at_ms),
    ingestRunId: r.ingest_run_id,
    contentHash: r.content_hash,
  };
}

export const OBJECT_COLUMNS = `o.norad_id, o.cospar_id, o.object_type, o.owner, o.launch_date_ms, o.decay_date_ms,
  o.element_set_count, o.first_epoch_ms, o.last_epoch_ms, o.satcat_raw, o.launch_site, o.period_sec,
  o.inclination_rad, o.apogee_km, o.perigee_km, o.rcs_m2, o.ops_status,
  (SELECT n.name FROM object_names n WHERE n.norad_id = o.norad_id
    ORDER BY n.last_seen_epoch_ms DESC, n.name LIMIT 1) AS name`;

export interface ObjectRow {
  norad_id: number;
  name: string | null;
  cospar_id: string | null;
  object_type: string | null;
  owner: string | null;
  launch_date_ms: number | null;
  decay_date_ms: number | null;
  element_set_count: number;
  first_epoch_ms: number | null;
  last_epoch_ms: number | null;
  satcat_raw: string | null;
  launch_site: string | null;
  period_sec: number | null;
  inclination_rad: number | null;
  apogee_km: number | null;
  perigee_km: number | null;
  rcs_m2: number | null;
  ops_status: string | null;
}

export function toSatcatFacts(r: ObjectRow): SatcatFacts {
  return {
    launchSite: r.launch_site,
    periodSec: r.period_sec === null ? null : sec(r.period_sec),
    inclinationRad: r.inclination_rad === null ? null : rad(r.inclination_rad),
    apogeeKm: r.apogee_km === null ? null : km(r.apogee_km),
    perigeeKm: r.perigee_km === null ? null : km(r.perigee_km),
    rcsM2: r.rcs_m2,
    opsStatus: r.ops_status,
  };
}

const orNull = (ms: number | null): ReturnType<typeof instant> | null => (ms === null ? null : instant(ms));

export function toCatalogObject(r: ObjectRow): CatalogObject {
  return {
    noradId: noradId(r.norad_id),
    name: r.name,
    cosparId: r.cospar_id,
    objectType: r.object_type,
    owner: r.owner,
    launchDate: orNull(r.launch_date_ms),
    decayDate: orNull(r.decay_date_ms),
    elementSetCount: r.element_set_count,
    firstEpoch: orNull(r.first_epoch_ms),
    lastEpoch: orNull(r.last_epoch_ms),
  };
}

export interface ObjectNameRow {
  name: string;
  first_seen_epoch_ms: number;
  last_seen_epoch_ms: number;
}

export const toObjectName = (r: ObjectNameRow): ObjectName => ({
  name: r.name,
  firstSeen: instant(r.first_seen_epoch_ms),
  lastSeen: instant(r.last_seen_epoch_ms),
});

export interface SourceRow {
  id: number;
  name: string;
  kind: string;
  description: string;
}

export const toSource = (r: SourceRow): Source => ({
  id: r.id,
  name: r.name,
  kind: r.kind as SourceKind,
  description: r.description,
});

export const RUN_COLUMNS = `r.id, s.name AS source, r.files, r.started_at_ms, r.finished_at_ms, r.retrieved_at_ms,
  r.accepted, r.duplicates, r.conflicts, r.rejected, r.batches, r.status`;

export interface RunRow {
  id: string;
  source: string;
  files: string;
  started_at_ms: number;
  finished_at_ms: number | null;
  retrieved_at_ms: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejected: number;
  batches: number;
  status: string;
}

export function toIngestRun(r: RunRow): IngestRun {
  return {
    id: r.id,
    source: r.source,
    files: JSON.parse(r.files) as string[],
    startedAt: instant(r.started_at_ms),
    finishedAt: orNull(r.finished_at_ms),
    retrievedAt: instant(r.retrieved_at_ms),
    accepted: r.accepted,
    duplicates: r.duplicates,
    conflicts: r.conflicts,
    rejected: r.rejected,
    batches: r.batches,
    status: r.status as IngestRunStatus,
  };
}

export interface IssueRow {
  file: string;
  line_no: number;
  column_no: number;
  code: string;
  severity: string;
  expected: string;
  message: string;
  input: string | null;
  element_set_id: number | null;
}

export function toIngestIssue(r: IssueRow): IngestIssue {
  const base = {
    code: r.code as IngestIssue['code'],
    severity: r.severity as IngestIssue['severity'],
    file: r.file,
    line: r.line_no,
    column: r.column_no,
    expected: r.expected,
    message: r.message,
  };
  const withInput = r.input === null ? base : { ...base, input: r.input };
  return r.element_set_id === null ? withInput : { ...withInput, elementSetId: r.element_set_id };
}
