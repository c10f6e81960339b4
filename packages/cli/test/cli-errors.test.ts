/**
 * Errors that point at the fix (built binary): a mistyped, directory or non-SQLite `--db`; two
 * ingests into one fresh file at once; `propagate` outside the data; binary and missing inputs;
 * bad options. Each case asserts the exit code and the message code, never the wording.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CliRun } from './run-cli.js';
import { BIN, REPO_ROOT, runCli, tempDb } from './run-cli.js';

const EVENTS = 'fixtures/events/inspector-history';
const ISS = 'fixtures/history-2026/iss.3le.gz';
/** Control characters other than LF: what must never reach a terminal from input data. */
// eslint-disable-next-line no-control-regex
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/;

const READ_COMMANDS: readonly (readonly string[])[] = [
  ['history', '25544'],
  ['events'],
  ['objects'],
  ['propagate', '25544', '--from', '2026-04-01T00:00:00Z', '--to', '2026-04-01T01:00:00Z'],
  ['detect'],
];

const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Runs `orbwatch …args` without waiting (for two processes at once). */
function runCliAsync(args: readonly string[]): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, TZ: 'Asia/Kathmandu' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('--db that is not an orbwatch database (built binary)', () => {
  it.each(READ_COMMANDS)('%s refuses a database file that does not exist, and creates nothing', (...args) => {
    const db = tempDb();
    const r = runCli([...args, '--db', db]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('DATABASE_NOT_FOUND');
    expect(readdirSync(dirname(db))).toEqual([]); // no database, no -wal, no -shm
  });

  it('a typo in a directory of the path is the same error', () => {
    const db = join(dirname(tempDb()), 'no-such-dir', 'x.db');
    const r = runCli(['objects', '--db', db]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_NOT_FOUND');
  });

  it.each([['objects'], ['ingest', EVENTS]])('%s: a directory is DATABASE_IS_DIRECTORY', (...args) => {
    const dir = dirname(tempDb());
    const r = runCli([...args, '--db', dir]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('DATABASE_IS_DIRECTORY');
    expect(readdirSync(dir)).toEqual([]);
  });

  it.each([['objects'], ['history', '44835'], ['ingest', `${EVENTS}/44835_COSMOS-2543.3le`]])(
    '%s: a text or binary file is DATABASE_NOT_SQLITE, and is left unchanged',
    (...args) => {
      const dir = dirname(tempDb());
      const text = join(dir, 'notes.md');
      copyFileSync(join(REPO_ROOT, 'fixtures/history-2026/PROVENANCE.md'), text);
      const binary = join(dir, 'iss.gz'); // gzip bytes, not SQLite
      copyFileSync(join(REPO_ROOT, ISS), binary);
      for (const file of [text, binary]) {
        const before = sha256(file);
        const r = runCli([...args, '--db', file]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain('DATABASE_NOT_SQLITE');
        expect(sha256(file)).toBe(before);
      }
      expect(readdirSync(dir).sort()).toEqual(['iss.gz', 'notes.md']);
    },
  );
});

describe('two ingests into one fresh database file at once (built binary)', () => {
  it(
    'the second, started during the first load, waits for the lock and both complete',
    { timeout: 120_000 },
    async () => {
      const big = 'fixtures/history-2026/background-sample-600.3le.gz';
      const small = `${EVENTS}/*.3le`;
      // What each file holds, ingested alone.
      const alone = (path: string): number => {
        const db = tempDb();
        const r = runCli(['ingest', '--db', db, '--json', path]);
        expect(r.code, r.stderr).toBe(0);
        return (JSON.parse(r.stdout) as { accepted: number }).accepted;
      };
      const bigSets = alone(big);
      const smallSets = alone(small);

      for (let attempt = 0; attempt < 2; attempt++) {
        const db = tempDb();
        // Pipelined: the store takes the parser's batches as they come, several per transaction, so
        // the lock is held nearly all through the load.
        const first = runCliAsync(['ingest', '--db', db, '--json', '--pipeline', 'on', big]);
        // Start the second while the first is loading: its rollback journal exists from the first
        // batch of the first load of a fresh file to the end of that load (docs/design/storage.md).
        const deadline = Date.now() + 30_000;
        while (!existsSync(`${db}-journal`) && Date.now() < deadline) await sleep(5);
        const second = runCliAsync(['ingest', '--db', db, '--json', small]);
        const [a, b] = await Promise.all([first, second]);
        expect(a.code, a.stderr).toBe(0);
        expect(b.code, b.stderr).toBe(0);
        expect((JSON.parse(a.stdout) as { accepted: number }).accepted).toBe(bigSets);
        expect((JSON.parse(b.stdout) as { accepted: number }).accepted).toBe(smallSets);
        const catalogue = new Database(db, { readonly: true });
        expect(catalogue.prepare('SELECT count(*) AS n FROM element_sets').get()).toEqual({ n: bigSets + smallSets });
        expect(catalogue.pragma('integrity_check', { simple: true })).toBe('ok');
        catalogue.close();
      }
    },
  );
});

describe('propagate outside the data (built binary)', () => {
  const db = tempDb();
  runCli(['ingest', '--db', db, '--quiet', ISS]); // ISS sets 2026-03-15 … 2026-05-07
  const week2020 = ['propagate', '25544', '--db', db, '--from', '2020-01-01T00:00:00Z', '--to', '2020-01-08T00:00:00Z'];
  const firstEpochUtc = (
    JSON.parse(runCli(['history', '25544', '--db', db, '--json']).stdout) as { elementSets: { epochUtc: string }[] }
  ).elementSets[0]!.epochUtc;

  it('prints one summary, not a line per failed step, and fails with PROPAGATION_FAILED', () => {
    const r = runCli(week2020);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('PROPAGATION_FAILED');
    expect(r.stderr).toContain('ELEMENTS_TOO_OLD');
    expect(r.stderr).toContain('--allow-stale');
    expect(r.stderr).toContain(firstEpochUtc); // the nearest stored set
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout.trim().split('\n').length).toBeLessThan(5); // 10,081 steps
  });

  it('--json keeps an error per state and adds the summary', () => {
    const r = runCli([...week2020, '--json']);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout) as {
      states: { error?: string }[];
      summary: {
        steps: number;
        failed: number;
        computed: number;
        failures: { code: string; count: number }[];
        nearestElementSets: { epochUtc: string }[];
        hints: string[];
      };
    };
    const steps = 7 * 1440 + 1; // a week of 60-s steps, both ends included
    expect(j.states).toHaveLength(steps);
    expect(j.states.every((s) => s.error === 'ELEMENTS_TOO_OLD')).toBe(true);
    expect(j.summary).toMatchObject({ steps, failed: steps, computed: 0 });
    expect(j.summary.failures).toEqual([expect.objectContaining({ code: 'ELEMENTS_TOO_OLD', count: steps })]);
    expect(j.summary.nearestElementSets.map((s) => s.epochUtc)).toEqual([firstEpochUtc]);
    expect(j.summary.hints.some((h) => h.includes('--allow-stale'))).toBe(true);
  });

  it('a window half outside the data computes what it can, exits 0 and warns once', () => {
    const from = new Date(Date.parse(firstEpochUtc) - 60 * 86_400_000).toISOString();
    const to = new Date(Date.parse(firstEpochUtc) + 86_400_000).toISOString();
    const r = runCli(['propagate', '25544', '--db', db, '--from', from, '--to', to, '--step', '1d', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as { summary: { failed: number; computed: number; steps: number } };
    expect(j.summary.failed).toBeGreaterThan(0);
    expect(j.summary.computed).toBeGreaterThan(0);
    expect(j.summary.failed + j.summary.computed).toBe(j.summary.steps);
    expect(r.stderr).toContain('ELEMENTS_TOO_OLD');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('inputs that are not element sets (built binary)', () => {
  it('a binary file is INPUT_NOT_TEXT, reported without echoing its bytes', () => {
    const dir = dirname(tempDb());
    const binary = join(dir, 'program.bin');
    writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x1b, 0x5b, 0x32, 0x4a, 0x07, 0x00]));
    const inputs = existsSync('/bin/ls') ? [binary, '/bin/ls'] : [binary];
    for (const input of inputs) {
      const text = runCli(['ingest', '--db', join(dir, 't.db'), input]);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain('INPUT_NOT_TEXT');
      expect(text.stderr + text.stdout).not.toMatch(RAW_CONTROL);
      const json = runCli(['ingest', '--db', join(dir, 'j.db'), '--json', input]);
      expect(json.code).toBe(2);
      const report = JSON.parse(json.stdout) as { rejected: number; inputProblems: number; issues: { code: string }[] };
      expect(report.issues.map((i) => i.code)).toEqual(['INPUT_NOT_TEXT']);
      expect(report).toMatchObject({ rejected: 0, inputProblems: 1 });
    }
  });

  it('control characters in a text file are escaped in every message and in --json input', () => {
    const dir = dirname(tempDb());
    const file = join(dir, 'damaged.tle');
    const good = readFileSync(join(REPO_ROOT, `${EVENTS}/44835_COSMOS-2543.3le`), 'utf8').split('\n');
    // An escape sequence (clear screen) and a bell inside line 1 of the first set.
    writeFileSync(
      file,
      [good[0], `${good[1]!.slice(0, 30)}\u001b[2J\u0007${good[1]!.slice(35)}`, ...good.slice(2)].join('\n'),
    );
    const text = runCli(['ingest', '--db', join(dir, 't.db'), file]);
    expect(text.code).toBe(0);
    expect(text.stderr).toContain('NON_ASCII');
    expect(text.stderr + text.stdout).not.toMatch(RAW_CONTROL);
    const json = runCli(['ingest', '--db', join(dir, 'j.db'), '--json', file]);
    const report = JSON.parse(json.stdout) as { issues: { input?: string; message: string }[] };
    expect(report.issues.length).toBeGreaterThan(0);
    for (const i of report.issues) expect(`${i.input ?? ''}${i.message}`).not.toMatch(RAW_CONTROL);
    expect(report.issues.some((i) => (i.input ?? '').includes('\\x1b[2J\\x07'))).toBe(true);
  });

  it('a missing file is INPUT_NOT_FOUND, an input problem, not a parse error at 0:0', () => {
    const db = tempDb();
    const text = runCli(['ingest', '--db', db, 'no-such-file.tle']);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain('INPUT_NOT_FOUND');
    expect(text.stderr).not.toContain(':0:0');
    expect(text.stdout).toContain('0 parse errors');
    const json = runCli(['ingest', '--db', db, '--json', 'no-such-file.tle', `${EVENTS}/44835_COSMOS-2543.3le`]);
    expect(json.code).toBe(0); // the good file is stored
    const report = JSON.parse(json.stdout) as {
      accepted: number;
      rejected: number;
      inputProblems: number;
      issues: { code: string; file: string }[];
    };
    expect(report).toMatchObject({ accepted: 7, rejected: 0, inputProblems: 1 });
    expect(report.issues).toEqual([expect.objectContaining({ code: 'INPUT_NOT_FOUND', file: 'no-such-file.tle' })]);
  });
});

describe('bad options (built binary)', () => {
  const cases: readonly (readonly string[])[] = [
    ['propagate', '25544', '--from', 'yesterday', '--to', '2026-04-01T00:00:00Z'],
    ['history', '25544', '--to', 'tomorrow'],
    ['objects', '--limit', 'many'],
    ['events', '--kind', 'teleportation'],
    ['detect', '--max-range-km', 'far'],
    ['ingest', '--checksum', 'sometimes', EVENTS],
    ['demo', '--no-such-option'],
    ['objects', '--json', '--csv'],
  ];
  it.each(cases)('%s: one USAGE line and where to look, not the whole usage text', (...args) => {
    const command = args[0]!;
    const r = runCli([...args, '--db', tempDb()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain(`orbwatch ${command} --help`);
    expect(r.stderr).not.toContain('Options:');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('a usage error found while running names the command too', () => {
    const db = tempDb();
    runCli(['ingest', '--db', db, '--quiet', ISS]);
    const r = runCli([
      'propagate',
      '25544',
      '--db',
      db,
      '--from',
      '2026-04-02T00:00:00Z',
      '--to',
      '2026-04-01T00:00:00Z',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('USAGE');
    expect(r.stderr).toContain('orbwatch propagate --help');
  });
});

describe('--quiet and --json on every command (built binary)', () => {
  const db = tempDb();
  const series = 'fixtures/events/inspector-target-series-2026';
  const ingest = runCli(['ingest', '--db', db, '--quiet', '--json', `${EVENTS}/*.3le`, ISS, `${series}/*.3le`]);

  const commands: readonly (readonly string[])[] = [
    ['objects'],
    ['history', '44835'],
    ['events'],
    ['propagate', '25544', '--from', '2026-04-01T00:00:00Z', '--to', '2026-04-01T01:00:00Z', '--step', '10m'],
    ['detect', '--kinds', 'maneuver'],
  ];

  it('ingest', () => {
    expect(ingest.code, ingest.stderr).toBe(0);
    expect(ingest.stderr).toBe('');
    expect((JSON.parse(ingest.stdout) as { accepted: number }).accepted).toBeGreaterThan(0);
  });

  it.each(commands)('%s prints its JSON document and nothing on stderr', (...args) => {
    const r = runCli([...args, '--db', db, '--quiet', '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toBeTypeOf('object');
  });

  it('demo takes both flags (checked on its help and on a cheap failing run)', () => {
    const help = runCli(['demo', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--quiet');
    expect(help.stdout).toContain('--json');
    const dir = dirname(tempDb());
    mkdirSync(join(dir, 'not-a-file.db'));
    const r = runCli(['demo', '--quiet', '--json', '--db', join(dir, 'not-a-file.db')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('DATABASE_IS_DIRECTORY'); // got past option parsing to the store
  });
});
