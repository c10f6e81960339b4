/**
 * The watcher's state in SQLite (migration 009): fetch state round-trips; a spooled payload is
 * kept byte for byte until `completeSpooledFetch` removes it and saves the source's state in one
 * transaction (if saving fails, the payload stays spooled); state and spool survive a reopen.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import type { SourceFetchState } from '../watch-state-repository.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const state: SourceFetchState = {
  key: 'celestrak:GROUP=stations:json',
  url: 'https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=JSON',
  etag: '"abc"',
  lastModified: 'Thu, 07 May 2026 12:00:00 GMT',
  lastAttemptAt: instant(1_778_155_200_000),
  lastSuccessAt: instant(1_778_155_200_000),
  nextDueAt: instant(1_778_162_400_000),
  consecutiveFailures: 0,
  lastStatus: '200',
  lastRunId: '019de368-f600-7d8a-b401-2bb2ae19bb1c',
};

describe('SQLite watch state', () => {
  it('spools a payload until it is completed with the new state, atomically, across reopen', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'orbwatch-watch-state-')), 'w.db');
    const data = new Uint8Array([0, 1, 2, 250, 255, 10, 13]);
    let repo = openSqliteCatalog(file);
    expect(repo.fetchState(state.key)).toBeNull();
    const id = repo.spoolFetch({
      sourceKey: state.key,
      sourceName: 'celestrak',
      sourceKind: 'official',
      url: state.url,
      file: state.url,
      retrievedAt: instant(1_778_155_200_000),
      etag: '"abc"',
      lastModified: null,
      data,
    });
    repo.close();
    repo = openSqliteCatalog(file);
    const spooled = repo.spooledFetches();
    expect(spooled).toHaveLength(1);
    expect(spooled[0]?.id).toBe(id);
    expect([...(spooled[0]?.data ?? [])]).toEqual([...data]);
    expect(spooled[0]?.sourceKind).toBe('official');
    // a state that violates the schema rolls the whole completion back: the payload stays
    expect(() => {
      repo.completeSpooledFetch(id, { ...state, consecutiveFailures: -1 });
    }).toThrow();
    expect(repo.spooledFetches()).toHaveLength(1);
    expect(repo.fetchState(state.key)).toBeNull();
    repo.completeSpooledFetch(id, state);
    expect(repo.spooledFetches()).toEqual([]);
    repo.close();
    repo = openSqliteCatalog(file);
    expect(repo.fetchState(state.key)).toEqual(state);
    repo.saveFetchState({ ...state, etag: null, consecutiveFailures: 2, lastStatus: 'SOURCE_UNAVAILABLE' });
    expect(repo.fetchState(state.key)?.consecutiveFailures).toBe(2);
    expect(repo.fetchState(state.key)?.etag).toBeNull();
    repo.close();
  });
});
