/**
 * The columnar ingest path (`ingestElementSetColumns` → `ingestColumnarBatch`) stores exactly
 * what the object path (`ingestElementSets` → `ingestBatch`) stores: every column of every table
 * compared with SQLite's `quote()` (type and value, bit-exact doubles), on the real ISS history
 * and the March-May 2026 launches (fixtures/history-2026), for a first load (bulk mode), a
 * second run of the same input (all duplicates) and a run with a conflicting set.
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet, ParseIssue } from '@orbwatch/core';
import { IssueCode, instant, parseTle } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import { elementSetAt, packElementSets } from '../element-set-columns.js';
import { ingestElementSetColumns } from '../ingest-element-set-columns.js';
import type { ColumnarParseBatch } from '../ingest-element-set-columns.js';
import { ingestElementSets } from '../ingest-element-sets.js';
import type { IngestSummary } from '../ingest-element-sets.js';
import type { SqliteCatalogRepository } from './sqlite-catalog-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const FILES = ['iss.3le', 'launches-2026-03-to-05.3le'];
const parsed = FILES.map((f) => parseTle(readFixture(`history-2026/${f}.gz`), { file: f }));
const sets: ElementSet[] = parsed.flatMap((p) => p.items);
const issues: ParseIssue[] = parsed.flatMap((p) => p.issues);
const SOURCE = { name: 'celestrak', kind: 'official' } as const;

/** Every row of every table, each value as SQLite's quote() (type-exact), in id/key order. */
function dump(repo: SqliteCatalogRepository): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  const orderBy: Record<string, string> = {
    element_sets: 'id',
    objects: 'norad_id',
    object_names: 'norad_id, name',
    ingest_runs: 'id',
    ingest_issues: 'file, line_no, column_no, code, message',
    sources: 'id',
  };
  for (const [table, order] of Object.entries(orderBy)) {
    const cols = (repo.db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
      .map((c) => c.name)
      // the issue id depends on insertion order (columnar: per batch, see ingest-issue notes)
      .filter((c) => !(table === 'ingest_issues' && c === 'id'))
      // finished_at/batches: clock ticks and batch counts differ by construction
      .filter((c) => !(table === 'ingest_runs' && (c === 'batches' || c === 'finished_at_ms')));
    const sql = `SELECT ${cols.map((c) => `quote(${c})`).join(" || '|' || ")} AS r FROM ${table} ORDER BY ${order}`;
    out[table] = (repo.db.prepare(sql).all() as { r: string }[]).map((x) => x.r);
  }
  return out;
}

/** A fresh clock and random source per run; run `k` starts k hours after the first. */
const options = (k = 0): { now: () => ReturnType<typeof instant>; random: (b: Uint8Array) => void } => {
  let t = Date.UTC(2026, 4, 8) + k * 3_600_000;
  let r = 7;
  return {
    now: () => instant((t += 1000)),
    random: (b: Uint8Array) => {
      for (let i = 0; i < b.length; i++) b[i] = r = (r * 73 + 11) % 251;
    },
  };
};

/**
 * The input as columnar batches of `size` sets; all parse issues travel with the first. Every
 * other batch carries producer-computed hashes (the worker's way), the others none.
 */
function batchesOf(input: readonly ElementSet[], size: number): ColumnarParseBatch[] {
  const out: ColumnarParseBatch[] = [];
  for (let i = 0; i < input.length; i += size)
    out.push({
      columns: packElementSets(input.slice(i, i + size), { withHashes: (i / size) % 2 === 1 }),
      issues: i === 0 ? issues : [],
    });
  return out;
}

async function viaObjects(
  repo: SqliteCatalogRepository,
  input: readonly ElementSet[],
  k: number,
): Promise<IngestSummary> {
  return ingestElementSets(
    repo,
    { source: SOURCE, retrievedAt: instant(Date.UTC(2026, 4, 7)), files: FILES, elementSets: input, issues },
    { ...options(k), batchSize: 700 },
  );
}

async function viaColumns(
  repo: SqliteCatalogRepository,
  input: readonly ElementSet[],
  k: number,
): Promise<IngestSummary> {
  async function* gen(): AsyncGenerator<ColumnarParseBatch> {
    for (const b of batchesOf(input, 300)) {
      await Promise.resolve();
      yield b;
    }
  }
  return ingestElementSetColumns(
    repo,
    { source: SOURCE, retrievedAt: instant(Date.UTC(2026, 4, 7)), files: FILES, batches: gen() },
    options(k),
  );
}

/** Tables whose rows differ between two dumps, with the first differing row of each (none: []). */
function differences(x: Record<string, string[]>, y: Record<string, string[]>): string[] {
  const out: string[] = [];
  for (const [table, rows] of Object.entries(x)) {
    const other = y[table] ?? [];
    if (rows.length !== other.length) out.push(`${table}: ${String(rows.length)} vs ${String(other.length)} rows`);
    const i = rows.findIndex((r, k) => r !== other[k]);
    if (i >= 0) out.push(`${table}[${String(i)}]: ${rows[i] ?? ''} vs ${other[i] ?? ''}`);
  }
  return out;
}

/** Fields of two sets that are not identical (Object.is: bit-exact numbers, -0, NaN). */
function fieldDifferences(x: ElementSet, y: ElementSet): string[] {
  return (Object.keys(x) as (keyof ElementSet)[]).filter((k) => !Object.is(x[k], y[k]));
}

const counts = (s: IngestSummary): number[] => [s.accepted, s.duplicates, s.conflicts, s.rejected, s.issues.length];

describe('element-set columns', () => {
  it('round-trip every real set exactly (numbers bit for bit, nulls kept)', () => {
    expect(sets.length).toBeGreaterThan(1000);
    const withNulls: ElementSet[] = [
      ...sets,
      { ...(sets[0] as ElementSet), name: null, cosparId: null, elementSetNo: null, revAtEpoch: null },
    ];
    const cols = packElementSets(withNulls);
    expect(cols.count).toBe(withNulls.length);
    expect(cols.dictionary.length).toBeLessThan(withNulls.length / 5);
    const bad = withNulls.flatMap((s, i) => fieldDifferences(s, elementSetAt(cols, i)).map((f) => `${String(i)}.${f}`));
    expect(bad).toEqual([]);
    expect(elementSetAt(cols, withNulls.length - 1)).toEqual(withNulls[withNulls.length - 1]);
    expect(Object.keys(elementSetAt(cols, 0)).sort()).toEqual(Object.keys(sets[0] as ElementSet).sort());
  });
});

describe('columnar ingest = object ingest', () => {
  it('refuses a batch whose given hashes do not follow contentHash()', () => {
    const repo = openSqliteCatalog(':memory:');
    try {
      repo.beginIngestRun({
        id: 'r',
        source: SOURCE,
        files: ['x'],
        startedAt: instant(0),
        retrievedAt: instant(0),
        issues: [],
      });
      const cols = packElementSets(sets.slice(0, 2), { withHashes: true });
      const wrong = { ...cols, hashes: `${'0'.repeat(64)}${cols.hashes?.slice(64) ?? ''}` };
      expect(() => repo.ingestColumnarBatch({ runId: 'r', columns: wrong })).toThrow(/not contentHash/);
      expect(() => repo.ingestColumnarBatch({ runId: 'r', columns: { ...cols, hashes: 'abc' } })).toThrow(/hash/);
      expect(repo.countElementSets()).toBe(0);
    } finally {
      repo.close();
    }
  });

  it('stores the same rows, objects, names, runs and counts on real files (first load, rerun, conflict)', async () => {
    const a = openSqliteCatalog(':memory:');
    const b = openSqliteCatalog(':memory:');
    try {
      // 1. first load into an empty catalogue (bulk mode in both)
      const sa = await viaObjects(a, sets, 0);
      const sb = await viaColumns(b, sets, 0);
      expect(counts(sb)).toEqual(counts(sa));
      expect(sa.accepted).toBe(sets.length);
      expect(sb.runId).toBe(sa.runId);
      expect(differences(dump(a), dump(b))).toEqual([]);

      // 2. part of the same input again: all duplicates
      const again = sets.slice(0, 4000);
      const ra = await viaObjects(a, again, 1);
      const rb = await viaColumns(b, again, 1);
      expect(ra.duplicates).toBe(again.length);
      expect(counts(rb)).toEqual(counts(ra));

      // 3. a conflicting set (same key, other content: a changed element set number) + new sets
      const s0 = sets[10] as ElementSet;
      const changed = s0.raw.replace(/^(1 .{63})(\d)/m, (_m, p: string, d: string) => `${p}${d === '9' ? '8' : '9'}`);
      expect(changed).not.toBe(s0.raw);
      const input = [{ ...s0, raw: changed }, ...sets.slice(0, 5)];
      const ca = await viaObjects(a, input, 2);
      const cb = await viaColumns(b, input, 2);
      expect(ca.conflicts).toBe(1);
      expect(counts(cb)).toEqual(counts(ca));
      expect(cb.issues).toEqual(ca.issues);
      expect(differences(dump(a), dump(b))).toEqual([]);
      expect(a.countElementSets()).toBe(sets.length);
    } finally {
      a.close();
      b.close();
    }
  });

  it('records parse issues per batch and counts error ones as rejected', async () => {
    const repo = openSqliteCatalog(':memory:');
    try {
      const bad: ParseIssue = {
        code: IssueCode.TLE_CHECKSUM,
        severity: 'error',
        file: 'x.3le',
        line: 3,
        column: 69,
        expected: 'checksum',
        message: 'bad checksum',
        input: '1 25544U',
      };
      const s = await ingestElementSetColumns(
        repo,
        {
          source: SOURCE,
          retrievedAt: instant(0),
          files: ['x.3le'],
          batches: [
            { columns: packElementSets(sets.slice(0, 3)), issues: [bad] },
            { columns: packElementSets(sets.slice(3, 6)), issues: [{ ...bad, severity: 'warning', line: 9 }] },
          ],
        },
        options(),
      );
      expect(counts(s)).toEqual([6, 0, 0, 1, 2]);
      expect(repo.ingestIssues(s.runId).map((i) => [i.line, i.severity])).toEqual([
        [3, 'error'],
        [9, 'warning'],
      ]);
    } finally {
      repo.close();
    }
  });
});
