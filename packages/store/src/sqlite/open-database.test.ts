/**
 * What `openSqliteCatalog` says about a path that is not a usable catalogue: a missing file when
 * it must exist (and nothing created), a directory, a file that is not SQLite (left unchanged),
 * and a lock held past the busy timeout, each with its own code. An empty file is an empty
 * database to SQLite and opens as a fresh catalogue.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ErrorCode, isOrbwatchError } from '@orbwatch/core';
import { openSqliteCatalog } from './sqlite-catalog-repository.js';

const freshDir = (): string => mkdtempSync(join(tmpdir(), 'orbwatch-open-'));

/** The code of the OrbwatchError `f` throws. */
function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return isOrbwatchError(e) ? e.code : `not an OrbwatchError: ${String(e)}`;
  }
  return 'no error';
}

describe('openSqliteCatalog() on paths that are not a catalogue', () => {
  it('mustExist: a missing file is DATABASE_NOT_FOUND and nothing is created', () => {
    const dir = freshDir();
    expect(codeOf(() => openSqliteCatalog(join(dir, 'typo.db'), { mustExist: true }))).toBe(
      ErrorCode.DATABASE_NOT_FOUND,
    );
    expect(readdirSync(dir)).toEqual([]);
  });

  it('without mustExist a missing file is created as a fresh catalogue; an empty file opens too', () => {
    const dir = freshDir();
    openSqliteCatalog(join(dir, 'new.db')).close();
    expect(existsSync(join(dir, 'new.db'))).toBe(true);
    writeFileSync(join(dir, 'empty.db'), '');
    const repo = openSqliteCatalog(join(dir, 'empty.db'), { mustExist: true });
    expect(repo.countElementSets()).toBe(0);
    repo.close();
  });

  it('a directory is DATABASE_IS_DIRECTORY', () => {
    expect(codeOf(() => openSqliteCatalog(freshDir()))).toBe(ErrorCode.DATABASE_IS_DIRECTORY);
  });

  it('a text file, and a file shorter than the SQLite header, are DATABASE_NOT_SQLITE and stay as they were', () => {
    const dir = freshDir();
    for (const [name, content] of [
      ['notes.txt', 'ISS (ZARYA)\n1 25544U 98067A …\n'],
      ['short.db', 'SQLite'],
    ] as const) {
      const file = join(dir, name);
      writeFileSync(file, content);
      expect(codeOf(() => openSqliteCatalog(file))).toBe(ErrorCode.DATABASE_NOT_SQLITE);
      expect(readFileSync(file, 'utf8')).toBe(content);
    }
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'short.db']);
  });

  it('a write lock held past the busy timeout in rollback mode is DATABASE_LOCKED, after waiting', () => {
    const file = join(freshDir(), 'locked.db');
    openSqliteCatalog(file).close();
    // Another connection in rollback mode inside a write transaction, as a first load's batch is.
    const other = new Database(file);
    expect(other.pragma('journal_mode = PERSIST', { simple: true })).toBe('persist');
    other.exec("BEGIN IMMEDIATE; INSERT INTO sources (name, kind, description) VALUES ('x', 'official', '')");
    const started = Date.now();
    expect(codeOf(() => openSqliteCatalog(file, { busyTimeoutMs: 300 }))).toBe(ErrorCode.DATABASE_LOCKED);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300); // ms: it waited for the lock
    other.exec('ROLLBACK');
    // Released: the same open now succeeds and returns the file to WAL.
    const repo = openSqliteCatalog(file, { busyTimeoutMs: 300 });
    expect(repo.db.pragma('journal_mode', { simple: true })).toBe('wal');
    repo.close();
    other.close();
  });
});
