/**
 * WAL checkpoints on a second thread during a bulk load: the writer's own checkpoints are off
 * while it runs, the database file receives the committed pages meanwhile (only the background
 * thread can have written them), the thread is gone when the run finishes (closing the writer
 * then removes the WAL), the stored rows are those of a load without it, and a checkpointer
 * that cannot open its file never blocks the writer. Real data: the March-May 2026 launches.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instant, parseTle } from '@orbwatch/core';
import { readFixture } from '../../test/support/read-fixture.js';
import { startBackgroundCheckpointer } from './background-checkpointer.js';
import type { SqliteCatalogRepository } from './sqlite-catalog-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const sets = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), { file: 'launches' }).items;
const BATCH = 2_000;

function load(
  repo: SqliteCatalogRepository,
  during: (batch: number) => void = () => undefined,
): { accepted: number; dbBytesBeforeFinish: number } {
  repo.beginIngestRun({
    id: 'run-1',
    source: { name: 'celestrak', kind: 'official' },
    files: ['launches'],
    startedAt: instant(0),
    retrievedAt: instant(0),
    issues: [],
  });
  let accepted = 0;
  for (let i = 0, b = 0; i < sets.length; i += BATCH, b++) {
    accepted += repo.ingestBatch({ runId: 'run-1', elementSets: sets.slice(i, i + BATCH) }).accepted;
    during(b);
  }
  const dbBytesBeforeFinish = statSync(repo.db.name).size;
  repo.finishIngestRun('run-1', instant(1), 'completed');
  return { accepted, dbBytesBeforeFinish };
}

const dump = (repo: SqliteCatalogRepository): unknown[] =>
  repo.db.prepare('SELECT norad_id, epoch_ms, raw, content_hash, input_line FROM element_sets ORDER BY id').raw().all();

describe('background WAL checkpoints during a bulk load', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-ckpt-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  expect(sets.length).toBeGreaterThan(5 * BATCH);

  it('moves the checkpoints off the writer and leaves the same rows', () => {
    const path = join(dir, 'with.db');
    // A fresh file would take the rollback-journal first load (no WAL, no checkpoints): off here.
    const repo = openSqliteCatalog(path, { rollbackFirstLoad: false });
    const emptyBytes = statSync(path).size;
    const autocheckpoint: unknown[] = [];
    const r = load(repo, () => autocheckpoint.push(repo.db.pragma('wal_autocheckpoint', { simple: true })));
    expect(r.accepted).toBe(sets.length);
    // First batch: the writer's default; from the second batch on the thread checkpoints.
    expect(autocheckpoint[0]).toBe(1000);
    expect(autocheckpoint.slice(1).every((v) => v === 0)).toBe(true);
    // The writer wrote only to the WAL meanwhile; pages reached the database file anyway.
    expect(r.dbBytesBeforeFinish).toBeGreaterThan(emptyBytes + 1_000_000);
    expect(repo.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);

    const plain = openSqliteCatalog(join(dir, 'without.db'), {
      backgroundCheckpoints: false,
      rollbackFirstLoad: false,
    });
    expect(load(plain).accepted).toBe(sets.length);
    expect(dump(repo)).toEqual(dump(plain));
    plain.close();
    repo.close();
    // The checkpointer had closed its connection: the writer was the last one and removed the WAL.
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(openSqliteCatalog(path).db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('a one-batch load starts no thread; a checkpointer that cannot open its file never blocks', () => {
    const repo = openSqliteCatalog(join(dir, 'small.db'), { rollbackFirstLoad: false });
    repo.beginIngestRun({
      id: 'run-s',
      source: { name: 'celestrak', kind: 'official' },
      files: ['launches'],
      startedAt: instant(0),
      retrievedAt: instant(0),
      issues: [],
    });
    repo.ingestBatch({ runId: 'run-s', elementSets: sets.slice(0, 100) });
    expect(repo.db.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    repo.close();

    const t0 = performance.now();
    startBackgroundCheckpointer(join(dir, 'no-such.db'), 100).stop(10_000);
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
