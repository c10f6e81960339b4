/**
 * Migration 003 on a catalogue written by schema version 2 (every element set with its decoded
 * columns): real TLE sets (ISS 2026) and real OMM sets (CelesTrak stations JSON, March 2026) are
 * stored the version-2 way, with an event and an ingest issue citing set ids; opening the file
 * migrates it. Afterwards the ids, keys, raw text and provenance are unchanged, TLE rows hold no
 * decoded columns, OMM rows keep theirs, every set reads back equal to what the parser gave,
 * the references still resolve, and a row whose raw text no longer matches its key is reported as
 * a damaged store instead of being read.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElementSet } from '@orbwatch/core';
import { contentHash } from '../content-hash.js';
import { parseOmm, parseTle } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import { migration001 } from './migrations/001-initial.js';
import { migration002 } from './migrations/002-detection-watermarks.js';
import { SCHEMA_VERSION } from './migrations.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';
import { DECODED_COLUMNS, decodedValues } from './sqlite-rows.js';

const tle = parseTle(readFixture('history-2026/iss.3le.gz'), { file: 'iss.3le' }).items.slice(0, 40);
const omm = parseOmm(readFixture('omm/celestrak-gp-2026-03/celestrak_stations_gp.json'), {
  file: 'stations.json',
}).items.slice(0, 20);
const RUN = '0192f000-0000-7000-8000-000000000001';

/** A version-2 catalogue holding `sets` (ids 1..n in order), one event and one issue citing them. */
function writeVersion2(path: string, sets: readonly ElementSet[]): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  for (const m of [migration001, migration002]) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_version VALUES (?, ?)').run(m.version, m.name);
  }
  db.prepare("INSERT INTO sources (id, name, kind) VALUES (1, 'celestrak', 'official')").run();
  db.prepare(
    `INSERT INTO ingest_runs (id, source_id, started_at_ms, retrieved_at_ms, files, status)
     VALUES (?, 1, 0, 0, '[]', 'completed')`,
  ).run(RUN);
  // Version 2 had the same decoded columns, all NOT NULL but name, COSPAR id, set number, rev.
  const insert = db.prepare(`INSERT INTO element_sets (norad_id, epoch_ms, source_id, ${DECODED_COLUMNS},
    format, raw, content_hash, input_line, retrieved_at_ms, ingest_run_id)
    VALUES (?, ?, 1, ${'?, '.repeat(17)}?, ?, ?, ?, 0, ?)`);
  for (const s of sets) {
    db.prepare('INSERT OR IGNORE INTO objects (norad_id) VALUES (?)').run(s.noradId);
    insert.run(s.noradId, s.epoch, ...decodedValues(s), s.format, s.raw, contentHash(s), s.line, RUN);
  }
  db.prepare(
    `INSERT INTO events (id, kind, start_ms, end_ms, detector, detector_version, parameters, measures, fingerprint, created_at_ms)
     VALUES ('ev-1', 'maneuver', 0, 1, 'maneuver', '1.5.0', '{}', '{}', 'fp-1', 0)`,
  ).run();
  db.prepare("INSERT INTO event_element_sets VALUES ('ev-1', 3), ('ev-1', ?)").run(sets.length);
  db.prepare(
    `INSERT INTO ingest_issues (run_id, file, line_no, column_no, code, severity, expected, message, element_set_id)
     VALUES (?, 'iss.3le', 1, 0, 'ELEMENT_SET_CONFLICT', 'error', 'x', 'y', 2)`,
  ).run(RUN);
  db.close();
}

describe('migration 003: TLE rows decoded from their raw text', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-m003-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  const sets = [...tle, ...omm];

  it('migrates a version-2 catalogue without changing what any set reads as', () => {
    expect(tle.length).toBe(40);
    expect(omm.length).toBe(20);
    const path = join(dir, 'v2.db');
    writeVersion2(path, sets);
    const before = new Database(path, { readonly: true });
    const keep = 'SELECT id, norad_id, epoch_ms, source_id, format, raw, content_hash, input_line FROM element_sets';
    const kept = before.prepare(`${keep} ORDER BY id`).raw().all();
    before.close();

    const repo = openSqliteCatalog(path);
    expect(repo.db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SCHEMA_VERSION);
    expect(repo.db.prepare(`${keep} ORDER BY id`).raw().all()).toEqual(kept);
    const decoded = (format: string): number =>
      repo.db
        .prepare('SELECT count(*) FROM element_sets WHERE format = ? AND mean_motion_rad_per_sec IS NOT NULL')
        .pluck()
        .get(format) as number;
    expect(decoded('tle')).toBe(0);
    expect(decoded('omm-json')).toBe(20);
    expect(repo.db.pragma('foreign_key_check')).toEqual([]);
    expect(repo.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(repo.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = repo.db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM element_sets WHERE epoch_ms >= ? AND epoch_ms < ?')
      .all(0, 1) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('element_sets_epoch');

    const read = repo.elementSetsById(sets.map((_, i) => i + 1));
    expect(read).toHaveLength(sets.length);
    read.forEach((r, i) => {
      const { id, source, retrievedAt, ingestRunId, contentHash: hash, ...elements } = r;
      expect(id).toBe(i + 1);
      expect([source, retrievedAt, ingestRunId, hash]).toEqual(['celestrak', 0, RUN, contentHash(sets[i]!)]);
      expect(elements).toEqual(sets[i]);
    });
    expect(repo.getEvent('ev-1')?.elementSetIds).toEqual([3, sets.length]);
    expect(repo.ingestIssues(RUN).map((i) => i.elementSetId)).toEqual([2]);
    repo.close();
  });

  it('reports a TLE row whose raw text no longer decodes to its key as a damaged store', () => {
    const path = join(dir, 'damaged.db');
    writeVersion2(path, tle);
    const repo = openSqliteCatalog(path);
    const other = tle[5]!.raw;
    repo.db.prepare('UPDATE element_sets SET raw = ? WHERE id = 1').run(other);
    expect(() => repo.elementSetsById([1])).toThrow(expect.objectContaining({ code: 'STORAGE_FAILURE' }) as Error);
    repo.db.prepare('UPDATE element_sets SET raw = ? WHERE id = 1').run('1 25544U');
    expect(() => repo.history(tle[0]!.noradId)).toThrow(/does not decode/);
    repo.close();
  });
});
