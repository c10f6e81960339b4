/**
 * `orbwatch ingest --pipeline on|off|auto`: the parser-worker path stores the same rows, counts
 * and issues as the main-thread path, on real history files (gzip) plus a damaged text whose
 * bad records are located the same way by both. `--wal-first-load` (WAL instead of the
 * rollback-journal first load into a fresh file) stores the same rows too.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { ingestCatalogOptions } from '../src/main.js';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';

interface IngestJson {
  accepted: number;
  duplicates: number;
  rejected: number;
  conflicts: number;
  pipelined: boolean;
  files: { file: string; format: string; elementSets: number; issues: number }[];
  issues: { file: string; line: number; column: number; code: string; message: string }[];
}

/** Every column of the stored element sets, objects and names (run ids aside), in key order. */
function tableDump(db: string): string[] {
  const d = new Database(db, { readonly: true });
  try {
    const out: string[] = [];
    for (const [table, order] of [
      ['element_sets', 'norad_id, epoch_ms, source_id'],
      ['objects', 'norad_id'],
      ['object_names', 'norad_id, name'],
    ] as const) {
      const cols = (d.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[])
        .map((c) => c.name)
        .filter((c) => !c.endsWith('run_id') && c !== 'id');
      const rows = d
        .prepare(`SELECT ${cols.map((c) => `quote(${c})`).join(" || '|' || ")} AS r FROM ${table} ORDER BY ${order}`)
        .all() as { r: string }[];
      for (const r of rows) out.push(`${table}:${r.r}`);
    }
    return out;
  } finally {
    d.close();
  }
}

describe('orbwatch ingest: pipelined and main-thread paths agree', () => {
  // A damaged copy of the ISS history: one checksum broken, one line 2 dropped, one junk line inside a set.
  const dir = mkdtempSync(join(tmpdir(), 'orbwatch-pipe-'));
  const iss = gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026/iss.3le.gz')))
    .toString('utf8')
    .split('\n');
  const l1 = iss[1]!;
  iss[1] = `${l1.slice(0, 68)}${String((Number(l1[68]) + 1) % 10)}`; // set 1: bad checksum on line 2 of the file
  iss.splice(302, 1); // a line 2 missing further down
  iss.splice(152, 0, 'this is not an element set'); // between a line 1 and its line 2
  const damaged = join(dir, 'iss-damaged.3le');
  writeFileSync(damaged, iss.join('\n'));
  const inputs = ['fixtures/history-2026/launches-2026-03-to-05.3le.gz', damaged];

  const run = (mode: string, db: string): IngestJson => {
    const r = runCli([
      'ingest',
      '--db',
      db,
      '--json',
      '--retrieved-at',
      '2026-05-08T00:00:00Z',
      '--pipeline',
      mode,
      ...inputs,
    ]);
    expect(r.code, r.stderr).toBe(0);
    return JSON.parse(r.stdout) as IngestJson;
  };

  it('same counts, per-file figures, issues and stored rows; a re-run is all duplicates', () => {
    const dbOn = tempDb();
    const dbOff = tempDb();
    const on = run('on', dbOn);
    const off = run('off', dbOff);
    expect(off.rejected).toBeGreaterThanOrEqual(3);
    expect(off.accepted).toBeGreaterThan(20_000);
    expect([on.pipelined, off.pipelined]).toEqual([true, false]);
    expect(on).toMatchObject({
      accepted: off.accepted,
      duplicates: off.duplicates,
      rejected: off.rejected,
      conflicts: off.conflicts,
    });
    expect(on.files.map((f) => [f.file, f.elementSets, f.issues])).toEqual(
      off.files.map((f) => [f.file, f.elementSets, f.issues]),
    );
    const key = (i: IngestJson['issues'][number]): string =>
      `${i.file}:${String(i.line)}:${String(i.column)}:${i.code}`;
    expect(on.issues.map(key).sort()).toEqual(off.issues.map(key).sort());
    expect(off.issues.map(key)).toContain(`${damaged}:2:69:TLE_CHECKSUM`);
    expect(tableDump(dbOn)).toEqual(tableDump(dbOff));

    const again = run('on', dbOn);
    expect(again).toMatchObject({ accepted: 0, duplicates: off.accepted, rejected: off.rejected });
  });

  it('auto takes the worker for large TLE inputs and the main thread for small or mixed ones', () => {
    const small = runCli(['ingest', '--db', tempDb(), '--json', 'fixtures/releases/htv-x1-and-ten-koh-2.3le']);
    expect(small.code).toBe(0);
    expect((JSON.parse(small.stdout) as IngestJson).pipelined).toBe(false);
    const large = run('auto', tempDb());
    expect(large.pipelined).toBe(true);
    expect(large.rejected).toBeGreaterThanOrEqual(3);
    const mixed = runCli([
      'ingest',
      '--db',
      tempDb(),
      '--json',
      ...inputs,
      'fixtures/satcat/celestrak-current-dialect.csv',
    ]);
    expect((JSON.parse(mixed.stdout) as IngestJson).pipelined).toBe(false);
  });

  it('--wal-first-load keeps WAL for a fresh file and stores the same rows', () => {
    expect(ingestCatalogOptions({ walFirstLoad: true })).toEqual({ rollbackFirstLoad: false });
    expect(ingestCatalogOptions({})).toEqual({});
    const ingest = (db: string, extra: string[]): IngestJson => {
      const r = runCli(['ingest', '--db', db, '--json', '--retrieved-at', '2026-05-08T00:00:00Z', ...extra, damaged]);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as IngestJson;
    };
    const rollback = tempDb();
    const wal = tempDb();
    const a = ingest(rollback, []);
    const b = ingest(wal, ['--wal-first-load']);
    expect(b).toMatchObject({ accepted: a.accepted, rejected: a.rejected });
    expect(a.accepted).toBeGreaterThan(100);
    expect(tableDump(wal)).toEqual(tableDump(rollback));
    expect(runCli(['ingest', '--help']).stdout).toContain('--wal-first-load');
  });
});
