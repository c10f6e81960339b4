/**
 * Bulk-load mode of the SQLite repository: a load into an empty element-set table runs without
 * the epoch index (rebuilt when the run finishes) and with a small page cache. Checked on the
 * real ISS history (fixtures/history-2026/iss.3le.gz): the index is gone only while the first
 * run loads, comes back at the end, after a crash on the next open, and a catalogue that already
 * holds sets is never loaded this way. Queries give the same answers with and without it.
 * The first load into a FRESH file (no objects, no sets) runs with a rollback journal and
 * synchronous=OFF, and WAL with the configured synchronous comes back when the run ends.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ElementSet } from '@orbwatch/core';
import { instant, parseTle } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import type { SqliteCatalogRepository } from './sqlite-catalog-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const iss = parseTle(readFixture('history-2026/iss.3le.gz'), { file: 'iss.3le' }).items;
const SOURCE = { name: 'celestrak', kind: 'official' } as const;
const hasEpochIndex = (repo: SqliteCatalogRepository): boolean =>
  repo.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = 'element_sets_epoch'").get() !==
  undefined;
const cacheSize = (repo: SqliteCatalogRepository): unknown => repo.db.pragma('cache_size', { simple: true });

function begin(repo: SqliteCatalogRepository, id: string): void {
  repo.beginIngestRun({
    id,
    source: SOURCE,
    files: ['iss.3le'],
    startedAt: instant(0),
    retrievedAt: instant(0),
    issues: [],
  });
}

/** Ids of the sets with epochs in [from, to), in the repository's order. */
function between(repo: SqliteCatalogRepository, from: number, to: number): number[] {
  return repo.elementSetsBetween(instant(from), instant(to), { limit: 100_000 }).map((s) => s.id);
}

describe('SQLite bulk load into an empty catalogue', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-bulk-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  expect(iss.length).toBeGreaterThan(150);
  const half = iss.slice(0, 100);
  const rest = iss.slice(100);
  const mid = (iss[50] as ElementSet).epoch;
  const last = (iss[iss.length - 1] as ElementSet).epoch;

  it('drops the epoch index during the first run and rebuilds it when the run finishes', () => {
    const repo = openSqliteCatalog(join(dir, 'a.db'));
    expect(hasEpochIndex(repo)).toBe(true);
    begin(repo, 'run-a');
    expect(repo.ingestBatch({ runId: 'run-a', elementSets: half.slice(0, 50) }).accepted).toBe(50);
    expect(hasEpochIndex(repo)).toBe(false);
    expect(cacheSize(repo)).toBe(-4096);
    expect(repo.ingestBatch({ runId: 'run-a', elementSets: half.slice(50) }).accepted).toBe(50);
    const withoutIndex = between(repo, mid, last + 1);
    expect(withoutIndex).toHaveLength(50);
    const run = repo.finishIngestRun('run-a', instant(1), 'completed');
    expect(run.accepted).toBe(100);
    expect(hasEpochIndex(repo)).toBe(true);
    expect(cacheSize(repo)).toBe(-65_536);
    expect(between(repo, mid, last + 1)).toEqual(withoutIndex);
    const plan = repo.db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM element_sets WHERE epoch_ms >= ? AND epoch_ms < ?')
      .all(mid, last) as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('element_sets_epoch');

    // A second run into the now non-empty catalogue keeps the index throughout.
    begin(repo, 'run-b');
    expect(repo.ingestBatch({ runId: 'run-b', elementSets: rest }).accepted).toBe(rest.length);
    expect(hasEpochIndex(repo)).toBe(true);
    expect(cacheSize(repo)).toBe(-65_536);
    repo.finishIngestRun('run-b', instant(2), 'completed');
    expect(repo.countElementSets()).toBe(iss.length);
    repo.close();
  });

  it('restores the epoch index on the next open after a crash mid-load', () => {
    const path = join(dir, 'b.db');
    const repo = openSqliteCatalog(path);
    begin(repo, 'run-c');
    repo.ingestBatch({ runId: 'run-c', elementSets: half });
    expect(hasEpochIndex(repo)).toBe(false);
    repo.db.close(); // the process dies: no finishIngestRun, no repository close
    const reopened = openSqliteCatalog(path);
    expect(hasEpochIndex(reopened)).toBe(true);
    expect(reopened.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reopened.countElementSets()).toBe(half.length);
    const runs = reopened.ingestRuns();
    expect(runs.map((r) => [r.status, r.accepted])).toEqual([['running', half.length]]);
    reopened.close();
  });

  it('loads with the index when bulk loading is switched off', () => {
    const repo = openSqliteCatalog(join(dir, 'd.db'), { bulkLoad: false });
    begin(repo, 'run-e');
    expect(repo.ingestBatch({ runId: 'run-e', elementSets: half }).accepted).toBe(half.length);
    expect(hasEpochIndex(repo)).toBe(true);
    expect(cacheSize(repo)).toBe(-65_536);
    repo.close();
  });

  it('rebuilds the index when a bulk-loading repository is closed without finishing the run', () => {
    const repo = openSqliteCatalog(join(dir, 'c.db'));
    begin(repo, 'run-d');
    repo.ingestBatch({ runId: 'run-d', elementSets: half });
    repo.close();
    const reopened = openSqliteCatalog(join(dir, 'c.db'));
    expect(hasEpochIndex(reopened)).toBe(true);
    reopened.close();
  });

  const journal = (repo: SqliteCatalogRepository): unknown => repo.db.pragma('journal_mode', { simple: true });
  const sync = (repo: SqliteCatalogRepository): unknown => repo.db.pragma('synchronous', { simple: true });
  const rows = (repo: SqliteCatalogRepository): unknown[] =>
    repo.db
      .prepare('SELECT id, norad_id, epoch_ms, raw, content_hash, input_line FROM element_sets ORDER BY id')
      .raw()
      .all();

  it('loads a fresh file with a rollback journal, then returns to WAL; the rows are those of a WAL load', () => {
    const repo = openSqliteCatalog(join(dir, 'r.db'), { synchronous: 'FULL' });
    expect([journal(repo), sync(repo)]).toEqual(['wal', 2]);
    begin(repo, 'run-r');
    repo.ingestBatch({ runId: 'run-r', elementSets: half });
    expect([journal(repo), sync(repo)]).toEqual(['persist', 0]);
    repo.ingestBatch({ runId: 'run-r', elementSets: rest });
    repo.finishIngestRun('run-r', instant(1), 'completed');
    expect([journal(repo), sync(repo)]).toEqual(['wal', 2]);
    expect(existsSync(join(dir, 'r.db-journal'))).toBe(false); // the persisted journal is gone
    expect(hasEpochIndex(repo)).toBe(true);

    const wal = openSqliteCatalog(join(dir, 'w.db'), { synchronous: 'FULL', rollbackFirstLoad: false });
    begin(wal, 'run-r');
    wal.ingestBatch({ runId: 'run-r', elementSets: half });
    expect(journal(wal)).toBe('wal');
    wal.ingestBatch({ runId: 'run-r', elementSets: rest });
    wal.finishIngestRun('run-r', instant(1), 'completed');
    expect(rows(repo)).toEqual(rows(wal));
    expect(repo.history(iss[0]!.noradId)).toEqual(wal.history(iss[0]!.noradId));
    wal.close();

    // The second load is not a first load: WAL throughout.
    begin(repo, 'run-r2');
    repo.ingestBatch({ runId: 'run-r2', elementSets: half });
    expect(journal(repo)).toBe('wal');
    repo.finishIngestRun('run-r2', instant(2), 'completed');
    repo.close();
  });

  it('keeps WAL for the first sets of a catalogue that already holds objects, or has a second connection', () => {
    const repo = openSqliteCatalog(join(dir, 'o.db'));
    begin(repo, 'run-o');
    repo.upsertObjectFacts('run-o', [{ noradId: iss[0]!.noradId, objectType: 'PAYLOAD' }]);
    repo.ingestBatch({ runId: 'run-o', elementSets: half });
    expect(journal(repo)).toBe('wal');
    repo.close();

    const path = join(dir, 'two.db');
    const writer = openSqliteCatalog(path);
    const reader = openSqliteCatalog(path);
    expect(reader.countElementSets()).toBe(0);
    begin(writer, 'run-t');
    writer.ingestBatch({ runId: 'run-t', elementSets: half });
    expect(journal(writer)).toBe('wal'); // SQLite refuses to leave WAL while another connection is open
    expect(reader.countElementSets()).toBe(half.length);
    writer.close();
    reader.close();
  });

  it('a closed-without-finishing first load comes back in WAL', () => {
    const repo = openSqliteCatalog(join(dir, 'k.db'));
    begin(repo, 'run-k');
    repo.ingestBatch({ runId: 'run-k', elementSets: half });
    expect(journal(repo)).toBe('persist');
    repo.close();
    const reopened = openSqliteCatalog(join(dir, 'k.db'));
    expect(journal(reopened)).toBe('wal');
    expect(reopened.countElementSets()).toBe(half.length);
    reopened.close();
  });

  it('a connection opened in the middle of a first load returns the file to WAL, and the load completes', () => {
    const path = join(dir, 'mid.db');
    const writer = openSqliteCatalog(path);
    begin(writer, 'run-m');
    writer.ingestBatch({ runId: 'run-m', elementSets: half.slice(0, 50) });
    expect(journal(writer)).toBe('persist');
    // Between two batches no lock is held: the newcomer's open switches the file to WAL.
    const reader = openSqliteCatalog(path);
    expect(journal(reader)).toBe('wal');
    expect(reader.countElementSets()).toBe(50);
    writer.ingestBatch({ runId: 'run-m', elementSets: half.slice(50) });
    expect(journal(writer)).toBe('wal');
    expect(reader.countElementSets()).toBe(half.length);
    writer.finishIngestRun('run-m', instant(1), 'completed');
    expect([journal(writer), sync(writer)]).toEqual(['wal', 1]);
    expect(reader.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(reader.history(iss[0]!.noradId)).toEqual(writer.history(iss[0]!.noradId));
    reader.close();
    writer.close();
  });
});
