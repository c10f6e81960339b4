/**
 * One `orbwatch serve` per database file. A server marks the runs a stopped server left
 * unfinished as `interrupted` when it starts; a second server on the same file would do that to
 * the runs the first one is still executing. So a server holds `<db>.serve.lock` (its pid, host
 * and start time) while it runs: created exclusively, removed when it stops. A lock whose process
 * is gone (a server killed with SIGKILL) is taken over; a live one refuses the start with
 * `DATABASE_LOCKED`, naming the process and the file.
 * @module
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';

interface LockRecord {
  readonly pid: number;
  readonly host: string;
  readonly startedUtc: string;
}

export interface ServeLock {
  readonly path: string;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

/** Whether a process with this pid exists on this host (EPERM: it exists, owned by someone else). */
function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readLock(path: string): LockRecord | undefined {
  try {
    const r = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockRecord>;
    return typeof r.pid === 'number' && typeof r.host === 'string'
      ? { pid: r.pid, host: r.host, startedUtc: typeof r.startedUtc === 'string' ? r.startedUtc : '' }
      : undefined;
  } catch {
    return undefined;
  }
}

function createExclusive(path: string, record: LockRecord): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  try {
    writeSync(fd, `${JSON.stringify(record)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

/** Takes the serve lock of `dbPath`, or throws `DATABASE_LOCKED` when a live server holds it. */
export function acquireServeLock(dbPath: string, now: () => number = Date.now): ServeLock {
  const path = `${dbPath}.serve.lock`;
  const mine: LockRecord = { pid: process.pid, host: hostname(), startedUtc: new Date(now()).toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    if (createExclusive(path, mine)) {
      return {
        path,
        release: () => {
          const held = readLock(path);
          if (held?.pid === mine.pid && held.host === mine.host) unlinkSync(path);
        },
      };
    }
    const held = readLock(path);
    // Another host's process cannot be checked from here; an unreadable file may be one being written.
    if (held === undefined || held.host !== mine.host || processAlive(held.pid))
      throw new OrbwatchError(
        ErrorCode.DATABASE_LOCKED,
        held === undefined
          ? `another orbwatch serve is starting on this database (${path}); if none is, remove that file`
          : `orbwatch serve (pid ${String(held.pid)} on ${held.host}, since ${held.startedUtc}) already serves this database; stop it first, or remove ${path} if that process is not orbwatch`,
        { lockFile: path, ...(held === undefined ? {} : { pid: held.pid, host: held.host, since: held.startedUtc }) },
      );
    // The holder is gone (killed): take the lock over.
    unlinkSync(path);
  }
  throw new OrbwatchError(
    ErrorCode.DATABASE_LOCKED,
    `could not take ${path}: another server took it at the same time`,
    {
      lockFile: path,
    },
  );
}
