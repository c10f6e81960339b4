/**
 * Migration 011 (event supersession) on a catalogue written before it: stored events stay live
 * and unchanged, the alert feed keeps every row with its sequence number and never reuses one
 * (also past rows no longer present), and after the upgrade a superseded event leaves the lists,
 * stays readable by id with its later estimate, and enters the feed as a `supersession` row.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DetectedEvent } from '@orbwatch/core';
import { instant, noradId } from '@orbwatch/core';
import { eventIdentityFingerprint } from './sqlite-event-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const IDS = [
  '0192f000-0000-7000-8000-00000000000a',
  '0192f000-0000-7000-8000-00000000000b',
  '0192f000-0000-7000-8000-00000000000c',
];

/** A catalogue at the last schema before 011 holding three manoeuvre events of ISS (25544). */
function writeBefore011(path: string): void {
  const db = new Database(path);
  db.pragma('foreign_keys = ON');
  db.exec('CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT');
  for (const m of MIGRATIONS.filter((x) => x.version < 11)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_version VALUES (?, ?)').run(m.version, m.name);
  }
  db.prepare('INSERT INTO objects (norad_id) VALUES (25544)').run();
  const day = 86_400_000;
  const t0 = Date.UTC(2026, 2, 24);
  for (const [i, id] of IDS.entries()) {
    db.prepare(
      `INSERT INTO events (id, kind, start_ms, end_ms, detector, detector_version, parameters, measures, fingerprint, created_at_ms)
       VALUES (?, 'maneuver', ?, ?, 'maneuver', '1.5.0', '{}', '{"measures":{},"elementSets":[]}', ?, ?)`,
    ).run(id, t0 + i * day, t0 + i * day + 3_600_000, `fp-${String(i)}`, t0 + i * day + day);
    db.prepare("INSERT INTO event_objects VALUES (?, 25544, 'subject')").run(id);
  }
  // the feed's newest row gone: its seq must still never be handed out again
  db.prepare('DELETE FROM feed WHERE seq = (SELECT max(seq) FROM feed)').run();
  db.close();
}

describe('migration 011: event supersession', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-m011-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps existing events live and the feed sequence, then supersedes without losing anything', () => {
    const path = join(dir, 'old.db');
    writeBefore011(path);
    const repo = openSqliteCatalog(path);
    try {
      expect(repo.db.prepare('SELECT max(version) FROM schema_version').pluck().get()).toBe(SCHEMA_VERSION);
      const live = repo.listEvents();
      expect(live.map((e) => e.id)).toEqual(IDS);
      expect(live.every((e) => e.superseded === undefined)).toBe(true);
      expect(repo.feedAfter(0, 10).map((r) => [r.seq, r.type, r.refId])).toEqual([
        [1, 'event', IDS[0]],
        [2, 'event', IDS[1]],
      ]);
      expect(repo.feedHead()).toBe(2);

      const now = instant(Date.UTC(2026, 2, 30));
      expect(
        repo.supersedeEvents(
          [
            { id: IDS[0]!, by: IDS[1]! },
            { id: IDS[2]!, by: null },
          ],
          now,
        ),
      ).toBe(2);
      // a second mark does not overwrite the first
      expect(repo.supersedeEvents([{ id: IDS[0]!, by: null }], now)).toBe(0);
      expect(repo.listEvents().map((e) => e.id)).toEqual([IDS[1]]);
      expect(repo.listEvents({ includeSuperseded: true }).map((e) => e.id)).toEqual(IDS);
      expect(repo.getEvent(IDS[0]!)?.superseded).toEqual({ at: now, by: IDS[1], reason: 're-estimated' });
      expect(repo.getEvent(IDS[2]!)?.superseded).toEqual({ at: now, by: null, reason: 'withdrawn' });
      // seq 3 was used before the upgrade (its row deleted): the supersessions come after it
      expect(repo.feedAfter(2, 10).map((r) => [r.seq, r.type, r.refId])).toEqual([
        [4, 'supersession', IDS[0]],
        [5, 'supersession', IDS[2]],
      ]);
      expect(repo.reviveEvents([IDS[2]!, IDS[1]!])).toBe(1);
      expect(repo.listEvents().map((e) => e.id)).toEqual([IDS[1], IDS[2]]);
      expect(repo.getEvent(IDS[2]!)?.superseded).toBeUndefined();
    } finally {
      repo.close();
    }
  });

  it('finds an event stored before 011 (fingerprint without the estimate) when the same estimate is saved again', () => {
    const path = join(dir, 'same.db');
    writeBefore011(path);
    const e: DetectedEvent = {
      kind: 'maneuver',
      objects: [{ norad: noradId(25544), role: 'subject' }],
      start: instant(Date.UTC(2026, 2, 24)),
      end: instant(Date.UTC(2026, 2, 24) + 3_600_000),
      measures: { deltaVMps: 0.0268, deltaVSigmaMps: 0.0067 },
      elementSets: [],
      detector: 'maneuver',
      detectorVersion: '1.5.0',
      parameters: {},
    };
    const db = new Database(path);
    db.prepare('UPDATE events SET fingerprint = ?, measures = ? WHERE id = ?').run(
      eventIdentityFingerprint(e),
      JSON.stringify({ measures: e.measures, elementSets: [] }),
      IDS[0],
    );
    db.close();
    const repo = openSqliteCatalog(path);
    try {
      expect(repo.saveEvents([e], instant(Date.UTC(2026, 3, 1)))).toEqual({ ids: [IDS[0]], inserted: 0, existing: 1 });
      // another estimate from the same element sets is a row of its own
      const later = { ...e, measures: { deltaVMps: 0.0305, deltaVSigmaMps: 0.0024 } };
      expect(repo.saveEvents([later], instant(Date.UTC(2026, 3, 1))).inserted).toBe(1);
      expect(repo.saveEvents([later], instant(Date.UTC(2026, 3, 2))).existing).toBe(1);
    } finally {
      repo.close();
    }
  });

  it('refuses a supersession pointing at no stored event (foreign key), marking nothing', () => {
    const path = join(dir, 'fk.db');
    writeBefore011(path);
    const repo = openSqliteCatalog(path);
    try {
      expect(() =>
        repo.supersedeEvents(
          [
            { id: IDS[0]!, by: IDS[1]! },
            { id: IDS[2]!, by: '0192f000-0000-7000-8000-0000000000ff' },
          ],
          instant(0),
        ),
      ).toThrow();
      expect(repo.listEvents().map((e) => e.id)).toEqual(IDS);
    } finally {
      repo.close();
    }
  });
});
