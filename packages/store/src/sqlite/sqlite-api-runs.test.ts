/**
 * API runs in SQLite (migration 010), beyond the port's contract (test/api-run-repository.contract
 * .test.ts): a run survives closing and reopening the file, and a status outside the table's
 * CHECK is refused by the database itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

describe('API runs (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-api-runs-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps runs across reopening the file and refuses an unknown status', () => {
    const file = join(dir, 'runs.db');
    const repo = openSqliteCatalog(file);
    repo.insertApiRun({
      id: 'run-a',
      kind: 'screening',
      request: { kind: 'screening', windowSec: 86_400 },
      status: 'queued',
      queuedAt: instant(1000),
      startedAt: null,
      finishedAt: null,
      progress: null,
      report: null,
      error: null,
      executor: null,
      tokenId: null,
    });
    repo.updateApiRun('run-a', {
      status: 'failed',
      finishedAt: instant(2000),
      error: { code: 'USAGE', message: 'no', details: { kind: 'x' } },
    });
    expect(() => {
      repo.updateApiRun('run-a', { status: 'paused' as never });
    }).toThrow(/CHECK/);
    repo.close();
    const again = openSqliteCatalog(file, { mustExist: true });
    expect(again.getApiRun('run-a')).toMatchObject({
      status: 'failed',
      request: { kind: 'screening', windowSec: 86_400 },
      finishedAt: 2000,
      error: { code: 'USAGE', message: 'no', details: { kind: 'x' } },
      tokenId: null,
    });
    expect(again.listApiRuns({ limit: 5 }).map((r) => r.id)).toEqual(['run-a']);
    again.close();
  });
});
