/**
 * API runs in SQLite (migration 010): a run is stored when queued, moves through its states with
 * partial changes, is listed newest first in pages, survives closing and reopening the file, and
 * the runs a stopped process left queued or running are marked interrupted in one step.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import type { StoredApiRun } from '../api-run-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const queued = (id: string, ms: number): Omit<StoredApiRun, 'seq'> => ({
  id,
  kind: 'detection',
  request: { kind: 'detection', kinds: ['maneuver'] },
  status: 'queued',
  queuedAt: instant(ms),
  startedAt: null,
  finishedAt: null,
  progress: null,
  report: null,
  error: null,
  executor: null,
  tokenId: 'tok-1',
});

describe('API runs (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-api-runs-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores a queued run, applies partial changes, lists newest first with a cursor, keeps runs across reopening', () => {
    const file = join(dir, 'runs.db');
    const repo = openSqliteCatalog(file);
    // the same millisecond for all three: the order is the insertion order, not the clock's
    for (const id of ['run-a', 'run-b', 'run-c']) repo.insertApiRun(queued(id, 1000));
    repo.updateApiRun('run-a', { status: 'running', startedAt: instant(1500), executor: 'worker-thread' });
    repo.updateApiRun('run-a', { progress: { stage: 'maneuver', done: 3, total: 10 } });
    repo.updateApiRun('run-a', {
      status: 'done',
      finishedAt: instant(2500.4),
      progress: null,
      report: { detectors: [{ kind: 'maneuver', inserted: 2 }] },
    });
    repo.updateApiRun('run-b', {
      status: 'failed',
      error: { code: 'USAGE', message: 'no', details: { kind: 'x' } },
    });
    expect(() => {
      repo.insertApiRun(queued('run-a', 3000));
    }).toThrow();
    expect(() => {
      repo.updateApiRun('run-c', { status: 'paused' as never });
    }).toThrow();
    repo.close();

    const again = openSqliteCatalog(file, { mustExist: true });
    const a = again.getApiRun('run-a');
    expect(a).toMatchObject({
      id: 'run-a',
      kind: 'detection',
      request: { kind: 'detection', kinds: ['maneuver'] },
      status: 'done',
      queuedAt: 1000,
      startedAt: 1500,
      finishedAt: 2500,
      progress: null,
      report: { detectors: [{ kind: 'maneuver', inserted: 2 }] },
      error: null,
      executor: 'worker-thread',
      tokenId: 'tok-1',
    });
    expect(again.getApiRun('run-b')?.error).toEqual({ code: 'USAGE', message: 'no', details: { kind: 'x' } });
    expect(again.getApiRun('nothing')).toBeNull();
    const all = again.listApiRuns({ limit: 10 });
    expect(all.map((r) => r.id)).toEqual(['run-c', 'run-b', 'run-a']);
    const first = again.listApiRuns({ limit: 2 });
    expect(first.map((r) => r.id)).toEqual(['run-c', 'run-b']);
    const last = first[first.length - 1];
    expect(again.listApiRuns({ limit: 2, beforeSeq: last?.seq ?? 0 }).map((r) => r.id)).toEqual(['run-a']);
    again.close();
  });

  it('marks every queued or running run interrupted (with the status it had), leaves finished ones alone', () => {
    const repo = openSqliteCatalog(':memory:');
    repo.insertApiRun(queued('q', 1));
    repo.insertApiRun(queued('r', 2));
    repo.insertApiRun(queued('d', 3));
    repo.updateApiRun('r', { status: 'running', startedAt: instant(5) });
    repo.updateApiRun('d', { status: 'done', finishedAt: instant(6), report: {} });
    const ids = repo.interruptApiRuns(instant(10), { code: 'RUN_INTERRUPTED', message: 'stopped', details: {} });
    expect(ids).toEqual(['q', 'r']);
    expect(repo.getApiRun('q')).toMatchObject({
      status: 'interrupted',
      finishedAt: 10,
      error: { code: 'RUN_INTERRUPTED', details: { previousStatus: 'queued' } },
    });
    expect(repo.getApiRun('r')?.error?.details).toEqual({ previousStatus: 'running' });
    expect(repo.getApiRun('d')?.status).toBe('done');
    expect(repo.interruptApiRuns(instant(11), { code: 'RUN_INTERRUPTED', message: 'x', details: {} })).toEqual([]);
    repo.close();
  });
});
