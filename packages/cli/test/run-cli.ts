/**
 * Test support: spawn the built `orbwatch` binary (packages/cli/bin/orbwatch.js → dist), the one
 * place tests run compiled output. `npm test` builds first (pretest).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
export const BIN = join(REPO_ROOT, 'packages/cli/bin/orbwatch.js');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `orbwatch …args` in the repository root; `input` goes to stdin. */
export function runCli(args: readonly string[], input?: string | Buffer): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: REPO_ROOT,
    input,
    encoding: 'utf8',
    env: { ...process.env, TZ: 'Asia/Kathmandu' },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** A fresh database path in a temporary folder. */
export function tempDb(): string {
  return join(mkdtempSync(join(tmpdir(), 'orbwatch-cli-')), 'test.db');
}
