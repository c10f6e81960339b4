/**
 * Contract tests of the API-run part of the repository port, against every dialect in DIALECTS:
 * a run is stored when queued, moves through its states with partial changes (fields left out
 * keep their value), is listed newest first in pages (insertion order, whatever the clock says),
 * and the runs a stopped process left queued or running are marked interrupted in one step.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import type { StoredApiRun } from '../src/api-run-repository.js';
import type { CatalogRepository } from '../src/catalog-repository.js';
import type { OpenedCatalog } from './support/catalog-dialects.js';
import { DIALECTS } from './support/catalog-dialects.js';

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

describe.each(DIALECTS)('ApiRunRepository contract: $name', (dialect) => {
  let opened: OpenedCatalog;
  let repo: CatalogRepository;
  beforeEach(() => {
    opened = dialect.open();
    repo = opened.repo;
  });
  afterEach(async () => {
    await opened.dispose();
  });

  it('stores a queued run, applies partial changes, refuses a second run with the same id', async () => {
    await repo.insertApiRun(queued('run-a', 1000));
    await repo.updateApiRun('run-a', { status: 'running', startedAt: instant(1500), executor: 'worker-thread' });
    await repo.updateApiRun('run-a', { progress: { stage: 'maneuver', done: 3, total: 10 } });
    expect((await repo.getApiRun('run-a'))?.progress).toEqual({ stage: 'maneuver', done: 3, total: 10 });
    await repo.updateApiRun('run-a', {
      status: 'done',
      finishedAt: instant(2500.4),
      progress: null,
      report: { detectors: [{ kind: 'maneuver', inserted: 2 }] },
    });
    expect(await repo.getApiRun('run-a')).toMatchObject({
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
    await expect(async () => {
      await repo.insertApiRun(queued('run-a', 3000));
    }).rejects.toThrow();
    expect(await repo.getApiRun('nothing')).toBeNull();
  });

  it('lists newest first by insertion order, in pages', async () => {
    // the same millisecond for all three: the order is the insertion order, not the clock's
    for (const id of ['run-a', 'run-b', 'run-c']) await repo.insertApiRun(queued(id, 1000));
    expect((await repo.listApiRuns({ limit: 10 })).map((r) => r.id)).toEqual(['run-c', 'run-b', 'run-a']);
    const first = await repo.listApiRuns({ limit: 2 });
    expect(first.map((r) => r.id)).toEqual(['run-c', 'run-b']);
    const last = first[first.length - 1];
    expect((await repo.listApiRuns({ limit: 2, beforeSeq: last?.seq ?? 0 })).map((r) => r.id)).toEqual(['run-a']);
  });

  it('marks every queued or running run interrupted (with the status it had), leaves finished ones alone', async () => {
    await repo.insertApiRun(queued('q', 1));
    await repo.insertApiRun(queued('r', 2));
    await repo.insertApiRun(queued('d', 3));
    await repo.updateApiRun('r', { status: 'running', startedAt: instant(5) });
    await repo.updateApiRun('d', { status: 'done', finishedAt: instant(6), report: {} });
    const error = { code: 'RUN_INTERRUPTED', message: 'stopped', details: { reason: 'test' } };
    expect(await repo.interruptApiRuns(instant(10), error)).toEqual(['q', 'r']);
    expect(await repo.getApiRun('q')).toMatchObject({
      status: 'interrupted',
      finishedAt: 10,
      error: { code: 'RUN_INTERRUPTED', message: 'stopped', details: { reason: 'test', previousStatus: 'queued' } },
    });
    expect((await repo.getApiRun('r'))?.error?.details).toEqual({ reason: 'test', previousStatus: 'running' });
    expect((await repo.getApiRun('d'))?.status).toBe('done');
    expect(await repo.interruptApiRuns(instant(11), error)).toEqual([]);
  });
});
