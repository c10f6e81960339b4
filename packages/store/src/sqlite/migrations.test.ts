import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations.js';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

describe('SQLite open: migrations and settings', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-migr-'));
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies the migrations once; re-opening is a no-op', () => {
    const path = join(dir, 'm.db');
    for (let i = 0; i < 3; i++) {
      const repo = openSqliteCatalog(path);
      const versions = repo.db.prepare('SELECT version FROM schema_version ORDER BY version').pluck().all();
      expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
      expect(Math.max(...versions.map(Number))).toBe(SCHEMA_VERSION);
      repo.close();
    }
  });

  it('runs with WAL, synchronous=NORMAL, foreign keys on and 16 KiB pages', () => {
    const repo = openSqliteCatalog(join(dir, 's.db'));
    expect(repo.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(repo.db.pragma('synchronous', { simple: true })).toBe(1); // NORMAL
    expect(repo.db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(repo.db.pragma('page_size', { simple: true })).toBe(16_384);
    repo.close();
  });

  it('refuses a database written by a newer schema', () => {
    const path = join(dir, 'n.db');
    const repo = openSqliteCatalog(path);
    repo.db.prepare('INSERT INTO schema_version (version, name) VALUES (?, ?)').run(SCHEMA_VERSION + 1, 'future');
    repo.close();
    expect(() => openSqliteCatalog(path)).toThrow(expect.objectContaining({ code: 'STORAGE_UNAVAILABLE' }) as Error);
  });
});
