/**
 * Transactions of several columnar batches (`setsPerTransaction`): on real 2026 launch histories, the
 * same rows as one batch per transaction, progress reported per transaction, a store without
 * `ingestColumnarBatches` fed one batch at a time, and a failing batch taking its whole
 * transaction with it (and nothing committed before).
 */
import { describe, expect, it } from 'vitest';
import type { ElementSet } from '@orbwatch/core';
import { instant, parseTle } from '@orbwatch/core';
import { readFixture } from '../test/support/read-fixture.js';
import type { CatalogRepository } from './catalog-repository.js';
import { packElementSets } from './element-set-columns.js';
import type { ColumnarParseBatch, IngestElementSetColumnsOptions } from './ingest-element-set-columns.js';
import { ingestElementSetColumns } from './ingest-element-set-columns.js';
import type { SqliteCatalogRepository } from './sqlite/sqlite-catalog-repository.js';
import { openSqliteCatalog } from './sqlite/sqlite-catalog-repository.js';

const sets: ElementSet[] = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), {
  file: 'launches.3le',
}).items.slice(0, 2_000);
const BATCH = 300;
/** 2,000 sets in batches of 300: six full batches and one of 200. */
const batches = (): ColumnarParseBatch[] => {
  const out: ColumnarParseBatch[] = [];
  for (let i = 0; i < sets.length; i += BATCH)
    out.push({ columns: packElementSets(sets.slice(i, i + BATCH), { withHashes: true }), issues: [] });
  return out;
};

let clock = Date.UTC(2026, 4, 8);
const run = (
  repo: CatalogRepository,
  input: ColumnarParseBatch[],
  options: Partial<IngestElementSetColumnsOptions> = {},
) =>
  ingestElementSetColumns(
    repo,
    {
      source: { name: 'celestrak', kind: 'official' },
      retrievedAt: instant(Date.UTC(2026, 4, 7)),
      files: ['launches.3le'],
      batches: input,
    },
    { now: () => instant((clock += 1000)), ...options },
  );

const rows = (repo: SqliteCatalogRepository): unknown[] =>
  repo.db.prepare('SELECT id, norad_id, epoch_ms, raw, content_hash, input_line FROM element_sets ORDER BY id').all();

describe('ingestElementSetColumns: several batches per transaction', () => {
  it('stores the same rows as one batch per transaction and reports progress per transaction', async () => {
    const grouped = openSqliteCatalog(':memory:');
    const single = openSqliteCatalog(':memory:');
    try {
      const progressGrouped: number[] = [];
      const progressSingle: number[] = [];
      const g = await run(grouped, batches(), {
        setsPerTransaction: 600,
        onProgress: (d) => progressGrouped.push(d),
      });
      const s = await run(single, batches(), { setsPerTransaction: 1, onProgress: (d) => progressSingle.push(d) });
      expect([g.accepted, g.duplicates, g.conflicts]).toEqual([sets.length, 0, 0]);
      expect([s.accepted, s.duplicates, s.conflicts]).toEqual([g.accepted, g.duplicates, g.conflicts]);
      expect(rows(grouped)).toEqual(rows(single));
      // 600 sets per transaction = two 300-set batches; the last transaction holds the 200 left
      expect(progressGrouped).toEqual([600, 1_200, 1_800, 2_000]);
      expect(progressSingle).toEqual([300, 600, 900, 1_200, 1_500, 1_800, 2_000]);
    } finally {
      grouped.close();
      single.close();
    }
  });

  it('feeds a store without ingestColumnarBatches one batch at a time', async () => {
    const repo = openSqliteCatalog(':memory:');
    const reference = openSqliteCatalog(':memory:');
    try {
      const withoutMany = new Proxy(repo, {
        get: (target, key) => {
          if (key === 'ingestColumnarBatches') return undefined;
          const v: unknown = Reflect.get(target, key, target);
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
        },
      }) as CatalogRepository;
      const progress: number[] = [];
      await run(withoutMany, batches(), { onProgress: (d) => progress.push(d) });
      await run(reference, batches());
      expect(progress).toEqual([300, 600, 900, 1_200, 1_500, 1_800, 2_000]);
      expect(rows(repo)).toEqual(rows(reference));
    } finally {
      repo.close();
      reference.close();
    }
  });

  it('commits whole transactions only: a bad batch takes its transaction with it', async () => {
    const repo = openSqliteCatalog(':memory:');
    try {
      const input = batches();
      // batch 3 (sets 900-1,199) claims hashes that are not contentHash(): a programmer error
      const bad = input[3] as ColumnarParseBatch;
      input[3] = { ...bad, columns: { ...bad.columns, hashes: '0'.repeat(64 * bad.columns.count) } };
      await expect(run(repo, input, { setsPerTransaction: 600 })).rejects.toThrow(/not contentHash/);
      // transactions of batches {0,1} committed; {2,3} rolled back whole
      expect(repo.countElementSets()).toBe(600);
      expect(repo.ingestRuns()[0]?.status).toBe('failed');
    } finally {
      repo.close();
    }
  });

  it('refuses a setsPerTransaction that is not a positive integer', async () => {
    const repo = openSqliteCatalog(':memory:');
    try {
      await expect(run(repo, batches(), { setsPerTransaction: 0 })).rejects.toThrow(RangeError);
      await expect(run(repo, batches(), { setsPerTransaction: 1.5 })).rejects.toThrow(RangeError);
      expect(repo.countElementSets()).toBe(0);
    } finally {
      repo.close();
    }
  });
});
