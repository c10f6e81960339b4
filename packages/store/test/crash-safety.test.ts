/**
 * Crash safety of batched ingest: a child process ingesting 56,864 real element sets is killed
 * with SIGKILL at seeded random points (aimed at random batches, at a random moment inside the
 * batch) at least 20 times. After every kill the file must pass `PRAGMA integrity_check`, hold
 * only whole batches (the stored sets are exactly the first k x batch sets of the input, and the
 * runs' committed counters agree with the rows), and a final uninterrupted run must complete the
 * ingest with the exact total and no duplicates. Two cases, one per journal the store writes:
 *
 * - every kill into the SAME file: after the first committed batch the catalogue is no longer
 *   fresh, so the loads run in WAL mode;
 * - every kill into a FRESH file: the first load into a fresh catalogue runs with a rollback
 *   journal and `synchronous=OFF` (`rollbackFirstLoad`); a kill leaves a hot journal, which the
 *   next read-write open rolls back.
 *
 * A third case kills the store of the pipelined ingest (columnar batches of 500 sets as the parser
 * worker delivers them, four per transaction) during first loads into fresh files: what is left
 * is always the first k x 2,000 sets.
 *
 * The inspection opens the file read-write, as orbwatch does: a read-only connection cannot roll
 * back a hot journal (SQLite answers SQLITE_READONLY_ROLLBACK until a writer has opened it).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTle } from '@orbwatch/core';
import { readFixture } from './support/read-fixture.js';

const here = dirname(fileURLToPath(import.meta.url));
const CHILD = join(here, 'support', 'crash-ingest-child.ts');
const REPO_ROOT = resolve(here, '../../..');
const BATCH = 1_000;
const KILLS = 20;

const input = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), {
  file: 'launches-2026-03-to-05.3le',
}).items;
const TOTAL = input.length;
const BATCHES = Math.ceil(TOTAL / BATCH);

/** mulberry32: a small seeded PRNG so the kill schedule is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface ChildOutcome {
  readonly killed: boolean;
  readonly lines: string[];
}

/**
 * Runs the child; if `killAt` is given, SIGKILLs it `killAt.delayMs` after it reports batch
 * `killAt.batch`. `columns`: run the pipelined path's store instead (the child's module doc).
 */
function runChild(
  dbPath: string,
  killAt?: { batch: number; delayMs: number },
  columns?: { batch: number; perTransaction: number },
): Promise<ChildOutcome> {
  return new Promise((resolveRun, reject) => {
    const childArgs =
      columns === undefined ? [String(BATCH)] : [String(columns.batch), 'columns', String(columns.perTransaction)];
    const child = spawn(
      process.execPath,
      ['--conditions=@orbwatch/source', '--import', 'tsx', CHILD, dbPath, ...childArgs],
      {
        cwd: REPO_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const lines: string[] = [];
    let stderr = '';
    let buffered = '';
    let armed = false;
    const arm = (): void => {
      if (armed || killAt === undefined) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), killAt.delayMs);
    };
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? '';
      for (const l of parts) {
        lines.push(l);
        if (
          killAt !== undefined &&
          (killAt.batch === 0 ? l.startsWith('parsed') : l === `batch ${String(killAt.batch)}`)
        )
          arm();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolveRun({ killed: true, lines });
      else if (code === 0) resolveRun({ killed: false, lines });
      else reject(new Error(`child exited with ${String(code)}: ${stderr}`));
    });
  });
}

/** Whether a rollback journal file starts with SQLite's journal magic (d9 d5 05 f9 20 a1 63 d7). */
function hotJournal(path: string): boolean {
  if (!existsSync(path)) return false;
  return readFileSync(path).subarray(0, 8).equals(Buffer.from('d9d505f920a163d7', 'hex'));
}

function inspect(dbPath: string): {
  integrity: string;
  count: number;
  distinct: number;
  maxLine: number;
  runAccepted: number;
} {
  const db = new Database(dbPath);
  try {
    const integrity = db.pragma('integrity_check', { simple: true }) as string;
    const row = db
      .prepare(
        `SELECT count(*) AS count, count(DISTINCT norad_id || ' ' || epoch_ms || ' ' || source_id) AS distinct_keys,
        coalesce(max(input_line), 0) AS max_line FROM element_sets`,
      )
      .get() as { count: number; distinct_keys: number; max_line: number };
    const runs = db.prepare('SELECT coalesce(sum(accepted), 0) AS n FROM ingest_runs').get() as { n: number };
    return { integrity, count: row.count, distinct: row.distinct_keys, maxLine: row.max_line, runAccepted: runs.n };
  } finally {
    db.close();
  }
}

/**
 * What a kill may leave: an intact file, no duplicates, run counters committed with their rows,
 * and whole units only (`unit` sets per transaction): exactly the first k x unit sets.
 */
function expectWholeUnits(s: ReturnType<typeof inspect>, unit: number): void {
  expect(s.integrity).toBe('ok');
  expect(s.distinct).toBe(s.count); // no duplicates
  expect(s.count).toBe(s.runAccepted); // run counters commit with their rows
  if (s.count < TOTAL) {
    expect(s.count % unit).toBe(0); // only whole transactions
    expect(s.maxLine).toBe(s.count === 0 ? 0 : input[s.count - 1]!.line); // ...of the first sets
  }
}

describe('crash safety of batched ingest (SIGKILL)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-crash-'));
  const dbPath = join(dir, 'crash.db');
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it(`leaves only whole batches after ${String(KILLS)} kills, and a re-run completes the ingest exactly`, async () => {
    expect(TOTAL).toBe(56_864); // the README's count for this file
    const random = seeded(20_260_507);
    let kills = 0;
    let previous = 0;
    const batchTimeMs = 40; // rough time of one 1,000-set batch; the delay lands inside a batch or two
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 2; attempt++) {
      const target = { batch: Math.floor(random() * BATCHES), delayMs: Math.floor(random() * batchTimeMs) };
      const outcome = await runChild(dbPath, target);
      const s = inspect(dbPath);
      expectWholeUnits(s, BATCH);
      expect(s.count).toBeGreaterThanOrEqual(previous); // committed batches survive later kills
      previous = s.count;
      if (outcome.killed) kills++;
    }
    expect(kills).toBe(KILLS);

    const final = await runChild(dbPath);
    expect(final.killed).toBe(false);
    const before = previous;
    expect(final.lines.at(-1)).toBe(`done ${String(TOTAL - before)} ${String(before)}`);
    const s = inspect(dbPath);
    expect(s).toMatchObject({ integrity: 'ok', count: TOTAL, distinct: TOTAL, runAccepted: TOTAL });
  }, 600_000); // est. ~40 s on an idle 2-core machine (child start-up + parse ~1.5 s each); far more when the box is loaded

  it(`a first load into a fresh file (rollback journal) keeps whole batches through ${String(KILLS)} kills`, async () => {
    const random = seeded(20_261_127);
    let kills = 0;
    let hotJournals = 0;
    let partial = 0;
    let last = '';
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 2; attempt++) {
      const path = join(dir, `fresh-${String(attempt)}.db`);
      const target = { batch: Math.floor(random() * BATCHES), delayMs: Math.floor(random() * 40) };
      const outcome = await runChild(path, target);
      // A kill inside a transaction leaves a hot journal: PERSIST mode zeroes the journal's
      // header at each commit, so a header with its magic number is a cut transaction.
      if (hotJournal(`${path}-journal`)) hotJournals++;
      const s = inspect(path);
      if (s.count > 0 && s.count < TOTAL) partial++;
      expectWholeUnits(s, BATCH);
      if (outcome.killed) {
        kills++;
        last = path;
      }
    }
    expect(kills).toBe(KILLS);
    expect(hotJournals).toBeGreaterThan(0); // some kills did land inside a transaction...
    expect(partial).toBeGreaterThan(0); // ...and some after whole batches had committed
    // The last killed file, re-run: the load completes, back in WAL mode.
    const before = inspect(last).count;
    const final = await runChild(last);
    expect(final.lines.at(-1)).toBe(`done ${String(TOTAL - before)} ${String(before)}`);
    expect(inspect(last)).toMatchObject({ integrity: 'ok', count: TOTAL, distinct: TOTAL, runAccepted: TOTAL });
    const db = new Database(last);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  }, 600_000);

  it(`the pipelined path's store (4 batches per transaction) keeps whole transactions through ${String(KILLS)} kills`, async () => {
    const columns = { batch: 500, perTransaction: 2_000 };
    const transactions = Math.ceil(TOTAL / columns.perTransaction);
    const random = seeded(20_261_128);
    let kills = 0;
    let partial = 0;
    let last = '';
    for (let attempt = 0; kills < KILLS && attempt < KILLS * 2; attempt++) {
      const path = join(dir, `columns-${String(attempt)}.db`);
      const target = { batch: Math.floor(random() * transactions), delayMs: Math.floor(random() * 40) };
      const outcome = await runChild(path, target, columns);
      const s = inspect(path);
      if (s.count > 0 && s.count < TOTAL) partial++;
      expectWholeUnits(s, columns.perTransaction); // whole transactions of whole batches
      if (outcome.killed) {
        kills++;
        last = path;
      }
    }
    expect(kills).toBe(KILLS);
    expect(partial).toBeGreaterThan(0);
    const before = inspect(last).count;
    const final = await runChild(last, undefined, columns);
    expect(final.lines.at(-1)).toBe(`done ${String(TOTAL - before)} ${String(before)}`);
    expect(inspect(last)).toMatchObject({ integrity: 'ok', count: TOTAL, distinct: TOTAL, runAccepted: TOTAL });
  }, 600_000);
});
