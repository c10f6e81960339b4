/**
 * Multi-row inserts store what single-row inserts store, with the same ids, and the catalogue
 * settles every set of a batch as the single-row path did: on real TLE sets (March-May 2026
 * launches) with duplicates and conflicts inside one statement, across statements, in the
 * single-row remainder, and an OMM set between TLE rows. Expected counts and ids follow from how
 * the input is built (a set is accepted the first time its key appears, ids in that order).
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '@orbwatch/core';
import { instant, parseOmm, parseTle } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import { packElementSets } from '../element-set-columns.js';
import type { BatchResult } from '../catalog-repository.js';
import { MAX_ROWS, MIN_ROWS, MultiRowInsert } from './multi-row-insert.js';
import type { SqliteCatalogRepository } from './sqlite-catalog-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

describe('MultiRowInsert', () => {
  const schema = 'CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER NOT NULL UNIQUE, v TEXT NOT NULL) STRICT';

  it('inserts, skips conflicts and assigns ids exactly as one single-row insert per row', () => {
    const multi = new Database(':memory:');
    const single = new Database(':memory:');
    multi.exec(schema);
    single.exec(schema);
    const insert = new MultiRowInsert(multi, 'INSERT INTO t (k, v) VALUES', '(?, ?)', 'ON CONFLICT (k) DO NOTHING', 2);
    const one = single.prepare('INSERT INTO t (k, v) VALUES (?, ?) ON CONFLICT (k) DO NOTHING');
    let key = 0;
    for (const rows of [1, MIN_ROWS - 1, MIN_ROWS, MIN_ROWS + 1, 137, MAX_ROWS - 1, MAX_ROWS]) {
      const values: unknown[] = [];
      for (let r = 0; r < rows; r++) {
        // every fifth row repeats a key given before (in an earlier call or in this one)
        const k = r % 5 === 4 && key > 0 ? key - 3 : ++key;
        values.push(k, `row ${String(r)} of ${String(rows)}`);
      }
      let changes = 0;
      let lastId = 0;
      for (let r = 0; r < rows; r++) {
        const res = one.run(values[2 * r], values[2 * r + 1]);
        changes += res.changes;
        if (res.changes > 0) lastId = Number(res.lastInsertRowid);
      }
      expect(insert.run(values)).toEqual({ changes, lastId });
    }
    const all = (db: Database.Database): unknown[] => db.prepare('SELECT id, k, v FROM t ORDER BY id').all();
    expect(all(multi)).toEqual(all(single));
    expect(all(multi).length).toBeGreaterThan(MAX_ROWS);
  });

  it('refuses more rows than a statement takes and values that are not whole rows', () => {
    const db = new Database(':memory:');
    db.exec(schema);
    const insert = new MultiRowInsert(db, 'INSERT INTO t (k, v) VALUES', '(?, ?)', 'ON CONFLICT (k) DO NOTHING', 2);
    expect(() => insert.run(new Array<unknown>(2 * MAX_ROWS + 2).fill(1))).toThrow(RangeError);
    expect(() => insert.run([1, 'a', 2])).toThrow(RangeError);
    expect(() => new MultiRowInsert(db, 'INSERT INTO t (k, v) VALUES', '(?, ?)', '', 3)).toThrow(RangeError);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 0 });
  });
});

const keyOf = (s: ElementSet): string => `${String(s.noradId)}@${String(s.epoch)}`;
/** The same key with other content: the element set number's last digit changed. */
function changed(s: ElementSet): ElementSet {
  const raw = s.raw.replace(/^(1 .{63})(\d)/m, (_m, p: string, d: string) => `${p}${d === '9' ? '8' : '9'}`);
  expect(raw).not.toBe(s.raw);
  return { ...s, raw };
}

const launches = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), { file: 'launches.3le' }).items;
const distinct = [...new Map(launches.map((s) => [keyOf(s), s])).values()].slice(0, 1_200);
const omm = parseOmm(readFixture('omm/celestrak-gp-2026-03/celestrak_stations_gp.json'), {
  file: 'stations.json',
}).items[0] as ElementSet;
const at = (i: number): ElementSet => distinct[i] as ElementSet;

/**
 * One batch of 1,206 sets: the 1,200 distinct sets in order, with a duplicate and a conflict
 * right after their originals (same statement), a conflicting set BEFORE its original (it is
 * stored and the original becomes the conflict), an OMM set between TLE rows, a duplicate of a
 * set from an earlier statement and, last, in the single-row remainder, one more duplicate.
 */
const input: ElementSet[] = [];
for (let i = 0; i < distinct.length; i++) {
  if (i === 40) input.push(changed(at(40)));
  input.push(at(i));
  if (i === 20) input.push(at(20));
  if (i === 30) input.push(changed(at(30)));
  if (i === 600) input.push(omm);
  if (i === 1_150) input.push(at(700));
}
input.push(at(5));

function run(repo: SqliteCatalogRepository, path: 'objects' | 'columns'): BatchResult {
  repo.beginIngestRun({
    id: 'r',
    source: { name: 'celestrak', kind: 'official' },
    files: ['launches.3le'],
    startedAt: instant(0),
    retrievedAt: instant(0),
    issues: [],
  });
  return path === 'objects'
    ? repo.ingestBatch({ runId: 'r', elementSets: input })
    : repo.ingestColumnarBatch({ runId: 'r', columns: packElementSets(input, { withHashes: true }) });
}

describe.each(['objects', 'columns'] as const)('a batch of %s in multi-row statements', (path) => {
  it('accepts each key once in input order, and counts duplicates and conflicts where they are', () => {
    const repo = openSqliteCatalog(':memory:');
    try {
      const r = run(repo, path);
      expect([r.accepted, r.duplicates, r.conflicts]).toEqual([1_201, 3, 2]);

      // ids in order of each key's first appearance; the set stored is the one that came first
      const firstSeen = [...new Map(input.map((s) => [keyOf(s), s])).keys()];
      const firstSet = new Map<string, ElementSet>();
      for (const s of input) if (!firstSet.has(keyOf(s))) firstSet.set(keyOf(s), s);
      const rows = repo.db.prepare('SELECT id, norad_id, epoch_ms, raw FROM element_sets ORDER BY id').all() as {
        id: number;
        norad_id: number;
        epoch_ms: number;
        raw: string;
      }[];
      expect(rows.map((x) => `${String(x.norad_id)}@${String(x.epoch_ms)}`)).toEqual(firstSeen);
      expect(rows.map((x) => x.id)).toEqual(firstSeen.map((_k, i) => i + 1));
      expect(rows.map((x) => x.raw)).toEqual(firstSeen.map((k) => firstSet.get(k)?.raw));

      // each conflict cites the stored set with its key: #31 (set 30 came first), #41 (the changed 40)
      const idOf = (s: ElementSet): number => firstSeen.indexOf(keyOf(s)) + 1;
      expect(r.issues.map((i) => [i.code, i.elementSetId, i.line])).toEqual([
        ['ELEMENT_SET_CONFLICT', idOf(at(30)), changed(at(30)).line],
        ['ELEMENT_SET_CONFLICT', idOf(at(40)), at(40).line],
      ]);
      expect([idOf(at(30)), idOf(at(40))]).toEqual([31, 41]);
      expect(repo.ingestRuns()[0]).toMatchObject({ accepted: 1_201, duplicates: 3, conflicts: 2 });
    } finally {
      repo.close();
    }
  });
});
