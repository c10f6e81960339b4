/**
 * Test support: every CatalogRepository implementation the contract suite runs against. A
 * PostgreSQL entry joins this list when that implementation exists.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { CatalogRepository } from '../../src/catalog-repository.js';
import { openSqliteCatalog } from '../../src/sqlite/sqlite-catalog-repository.js';

export interface OpenedCatalog {
  readonly repo: CatalogRepository;
  /** Closes the repository and removes whatever it created. */
  readonly dispose: () => Promise<void>;
}

export interface Dialect {
  readonly name: string;
  readonly open: () => OpenedCatalog;
}

export const DIALECTS: readonly Dialect[] = [
  {
    name: 'sqlite file (WAL)',
    open: () => {
      const dir = mkdtempSync(join(tmpdir(), 'orbwatch-store-'));
      const repo = openSqliteCatalog(join(dir, 'catalog.db'));
      return {
        repo,
        dispose: () => {
          repo.close();
          rmSync(dir, { recursive: true, force: true });
          return Promise.resolve();
        },
      };
    },
  },
  {
    name: 'sqlite :memory:',
    open: () => {
      const repo = openSqliteCatalog(':memory:');
      return {
        repo,
        dispose: () => {
          repo.close();
          return Promise.resolve();
        },
      };
    },
  },
];

/** A fake clock: starts at 2026-05-08T00:00:00Z and advances 1 s per reading. */
export function fakeClock(start = Date.UTC(2026, 4, 8)): () => Instant {
  let t = start;
  return () => {
    const now = instant(t);
    t += 1000;
    return now;
  };
}
