import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isOrbwatchError } from '@orbwatch/core';
import { acquireServeLock } from './serve-lock.js';

describe('acquireServeLock', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-serve-lock-'));
  const db = join(dir, 'orbwatch.db');
  const lockFile = `${db}.serve.lock`;
  afterEach(() => {
    rmSync(lockFile, { force: true });
  });

  it('writes pid, host and start time, refuses a second holder, and removes the file on release', () => {
    const lock = acquireServeLock(db, () => Date.parse('2026-12-06T10:00:00Z'));
    expect(JSON.parse(readFileSync(lockFile, 'utf8'))).toEqual({
      pid: process.pid,
      host: hostname(),
      startedUtc: '2026-12-06T10:00:00.000Z',
    });
    let error: unknown;
    try {
      acquireServeLock(db);
    } catch (e) {
      error = e;
    }
    expect(isOrbwatchError(error) && error.code).toBe('DATABASE_LOCKED');
    expect(isOrbwatchError(error) && error.details).toMatchObject({ lockFile, pid: process.pid });
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over the lock of a server that was killed (its process is gone)', () => {
    // A pid that existed and has exited: the child's.
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockFile, JSON.stringify({ pid: dead, host: hostname(), startedUtc: '2026-12-05T00:00:00.000Z' }));
    const lock = acquireServeLock(db);
    expect((JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number }).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock held on another host (its process cannot be checked) and leaves it in place', () => {
    writeFileSync(lockFile, JSON.stringify({ pid: 1, host: `${hostname()}-other`, startedUtc: '' }));
    expect(() => acquireServeLock(db)).toThrow(/already serves this database/);
    expect(existsSync(lockFile)).toBe(true);
  });

  it('release leaves a lock that another process has taken since', () => {
    const lock = acquireServeLock(db);
    writeFileSync(lockFile, JSON.stringify({ pid: process.pid + 1, host: hostname(), startedUtc: '' }));
    lock.release();
    expect(existsSync(lockFile)).toBe(true);
  });
});
