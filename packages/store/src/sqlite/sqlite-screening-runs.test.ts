/**
 * Screening runs in SQLite (migration 007): a run record is stored once, read back whole (its
 * JSON document included), listed newest first, and survives closing and reopening the file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

describe('screening runs (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-screening-runs-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores, lists newest first, finds by id, and keeps runs across reopening', () => {
    const file = join(dir, 'r.db');
    const repo = openSqliteCatalog(file);
    const doc = { windowSec: 604_800, thresholdKm: 5, counts: { conjunctions: 2 }, eventIds: ['a', 'b'] };
    repo.saveScreeningRun({ id: 'run-1', createdAt: instant(1000), at: instant(500.25), document: doc });
    repo.saveScreeningRun({ id: 'run-2', createdAt: instant(2000), at: instant(600), document: {} });
    expect(repo.screeningRuns().map((r) => r.id)).toEqual(['run-2', 'run-1']);
    expect(repo.screeningRuns(1).map((r) => r.id)).toEqual(['run-2']);
    expect(() => {
      repo.saveScreeningRun({ id: 'run-1', createdAt: instant(3000), at: instant(0), document: {} });
    }).toThrow();
    repo.close();
    const again = openSqliteCatalog(file, { mustExist: true });
    expect(again.getScreeningRun('run-1')).toEqual({ id: 'run-1', createdAt: 1000, at: 500.25, document: doc });
    expect(again.getScreeningRun('nope')).toBeNull();
    again.close();
  });
});
