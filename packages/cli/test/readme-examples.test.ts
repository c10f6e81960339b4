/**
 * Every `npx orbwatch …` command in README.md's shell blocks (Quick start, the examples) is run
 * with the built binary, as written, in a working folder holding `fixtures/` and an
 * `orbwatch.db` built from a subset of the bundled data (the README's examples run on the demo
 * database; the full demo load takes ~35 s and is run, and checked, by demo.test.ts). Each must
 * exit 0 and print something. A README line this test cannot run (a shell feature it does not
 * interpret, a command the subset lacks data for) fails with the line's number and text.
 *
 * Placeholder input files of the examples (`my-elsets.3le`: "your own file") are provided as a
 * copy of a bundled 3LE file, so the command runs as printed.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CliRun } from './run-cli.js';
import { BIN, REPO_ROOT } from './run-cli.js';

/** Commands of the README run in full by another test (too long to repeat here), and where. */
const RUN_ELSEWHERE: Readonly<Record<string, { test: string; why: string }>> = {
  demo: { test: 'demo.test.ts', why: 'the full demo load (~35 s on 2 cores) is run and checked there' },
};

/** A bundled file standing in for the user's own element-set file in the examples. */
const PLACEHOLDER_ELEMENTS = 'fixtures/events/inspector-target-series-2026/48247_USA-314.3le';
const ELEMENT_FILE = /\.(3le|tle|txt|json|xml|kvn|csv)(\.gz)?$/i;

interface ReadmeCommand {
  /** 1-based line in README.md. */
  readonly line: number;
  readonly text: string;
  /** The orbwatch invocations of the line (`a && b`), in order. */
  readonly runs: readonly (readonly string[])[];
  /** Why the line cannot be run, if so. */
  readonly problem?: string;
}

/** Splits a command into words: plain words, '…' and "…" quoting; anything else is refused. */
function words(command: string): string[] | string {
  const out: string[] = [];
  const re = /\s*(?:'([^']*)'|"([^"$`\\]*)"|([^\s'"]+))/gy;
  let m: RegExpExecArray | null;
  let at = 0;
  while (at < command.trimEnd().length && (m = re.exec(command)) !== null) {
    const word = m[1] ?? m[2] ?? m[3] ?? '';
    if (m[3] !== undefined && /[|<>;$`*?(){}\\]/.test(word)) return `shell syntax this test does not run: '${word}'`;
    out.push(word);
    at = re.lastIndex;
  }
  return at >= command.trimEnd().length ? out : `unbalanced quoting in '${command}'`;
}

/** The `npx orbwatch …` commands of README.md's ```sh blocks. */
function readmeCommands(readme: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let inShell = false;
  readme.split('\n').forEach((raw, i) => {
    if (/^```/.test(raw)) {
      inShell = !inShell && /^```(sh|bash|shell)\s*$/.test(raw);
      return;
    }
    if (!inShell || !raw.includes('npx orbwatch')) return;
    const text = raw.replace(/\s+#.*$/, '').trim(); // a trailing comment
    if (text.startsWith('#')) return;
    const runs: string[][] = [];
    let problem: string | undefined;
    for (const part of text.split('&&').map((p) => p.trim())) {
      if (!part.startsWith('npx orbwatch')) continue; // npm ci, npm test: not orbwatch's
      const w = words(part.slice('npx orbwatch'.length));
      if (typeof w === 'string') problem = w;
      else runs.push(w);
    }
    if (runs.length === 0 && problem === undefined) problem = 'no orbwatch command found';
    commands.push({ line: i + 1, text: raw.trim(), runs, ...(problem === undefined ? {} : { problem }) });
  });
  return commands;
}

/** Runs the binary in `cwd`. */
function run(args: readonly string[], cwd: string): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kathmandu' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const COMMANDS = readmeCommands(README);

describe('README examples (built binary)', () => {
  const work = mkdtempSync(join(tmpdir(), 'orbwatch-readme-'));

  beforeAll(() => {
    symlinkSync(join(REPO_ROOT, 'fixtures'), join(work, 'fixtures'), 'dir');
    // A subset of what `orbwatch demo` loads, under the same sources, then the same detectors.
    const series = 'fixtures/events/inspector-target-series-2026';
    const steps: string[][] = [
      ['ingest', '--quiet', '--source', 'celestrak', 'fixtures/history-2026/iss.3le.gz'],
      ['ingest', '--quiet', '--source', 'catalog-snapshots', 'fixtures/events/inspector-history/*.3le'],
      ['ingest', '--quiet', '--source', 'celestrak', `${series}/*COSMOS*.3le`],
      ['ingest', '--quiet', '--source', 'mccants-classfd', `${series}/*USA*.3le`],
      ['ingest', '--quiet', '--source', 'celestrak', 'fixtures/releases/htv-x1-and-ten-koh-2.3le'],
      ['ingest', '--quiet', '--source', 'celestrak-satcat', 'fixtures/satcat/celestrak-current-dialect.csv'],
      ['detect', '--quiet', '--kinds', 'maneuver,release'],
    ];
    for (const s of steps) {
      const r = run(s, work);
      if (r.code !== 0) throw new Error(`building the example database: orbwatch ${s.join(' ')}: ${r.stderr}`);
    }
  }, 300_000);

  it('README.md has runnable examples', () => {
    expect(COMMANDS.length).toBeGreaterThanOrEqual(8);
  });

  it.each(COMMANDS.map((c) => [`README.md:${String(c.line)}: ${c.text}`, c] as const))(
    '%s',
    (_title, c) => {
      const where = `README.md line ${String(c.line)}: ${c.text}`;
      if (c.problem !== undefined) throw new Error(`cannot run ${where}: ${c.problem}`);
      for (const args of c.runs) {
        const elsewhere = RUN_ELSEWHERE[args[0] ?? ''];
        if (elsewhere !== undefined) {
          // Not skipped silently: the other test must exist and run this command.
          const other = readFileSync(join(REPO_ROOT, 'packages/cli/test', elsewhere.test), 'utf8');
          expect(other, `${where}: ${elsewhere.test} must run it (${elsewhere.why})`).toContain(`['${args[0]}'`);
          continue;
        }
        for (const a of args) {
          if (ELEMENT_FILE.test(a) && !a.includes('*') && !existsSync(join(work, a)))
            copyFileSync(join(REPO_ROOT, PLACEHOLDER_ELEMENTS), join(work, a));
        }
        const r = run(args, work);
        expect(r.code, `${where}\norbwatch ${args.join(' ')} exited ${String(r.code)}:\n${r.stderr}`).toBe(0);
        expect(r.stdout.trim().length, `${where}\norbwatch ${args.join(' ')} printed nothing`).toBeGreaterThan(0);
      }
    },
    180_000,
  );
});
