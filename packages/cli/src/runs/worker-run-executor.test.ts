/**
 * The worker-thread run executor when its worker misbehaves (stand-in workers given as code):
 * an exit without a result, an uncaught error and a reported failure each fail the run with the
 * right code, `close` stops a worker that hangs, and through the API the run reads `failed`
 * (RUN_WORKER_FAILED) while the server goes on answering. And the real run worker (from source,
 * through tsx) on a database file gives the report `performRun` gives on this thread.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRequest } from '@orbwatch/api';
import { RUN_WORKER_FAILED, RunFailure, createApi, performRun } from '@orbwatch/api';
import { createApiToken, ingestTexts } from '@orbwatch/app';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import { defaultNorms } from '../norms-file.js';
import { workerRunExecutor } from './worker-run-executor.js';

const standIn = (code: string, log?: (line: string) => void) =>
  workerRunExecutor({
    dbPath: '/nonexistent.db',
    norms: [],
    busyTimeoutMs: 1000,
    spec: { entry: code, options: { eval: true } },
    ...(log === undefined ? {} : { log }),
  });

const job = { runId: 'r1', request: { kind: 'detection' } as const };

async function failure(p: Promise<unknown>): Promise<RunFailure> {
  try {
    await p;
  } catch (e) {
    if (e instanceof RunFailure) return e;
    throw e;
  }
  throw new Error('the run did not fail');
}

describe('workerRunExecutor', () => {
  it('fails a run whose worker exits without a result, with the exit code', async () => {
    const f = await failure(standIn('process.exit(3)').execute(job, () => undefined));
    expect(f.error.code).toBe(RUN_WORKER_FAILED);
    expect(f.error.details).toEqual({ exitCode: 3 });
  });

  it('fails a run whose worker throws, naming the error, and tells the whole error to the log', async () => {
    const lines: string[] = [];
    const f = await failure(
      standIn("throw new TypeError('boom at /some/path')", (l) => lines.push(l)).execute(job, () => undefined),
    );
    expect(f.error.code).toBe(RUN_WORKER_FAILED);
    expect(f.error.details['error']).toBe('TypeError');
    expect(f.error.message).not.toContain('/some/path');
    expect(lines.join('\n')).toContain('boom at /some/path');
  });

  it('passes on progress, and a failure the worker reports in the API shape', async () => {
    const code = `const { parentPort } = require('node:worker_threads');
      parentPort.postMessage({ type: 'progress', progress: { stage: 'maneuver', done: 1, total: 2 } });
      parentPort.postMessage({ type: 'failed', error: { code: 'USAGE', message: 'bad', details: { kind: 'x' } } });`;
    const seen: unknown[] = [];
    const f = await failure(standIn(code).execute(job, (p) => seen.push(p)));
    expect(f.error).toEqual({ code: 'USAGE', message: 'bad', details: { kind: 'x' } });
    expect(seen).toEqual([{ stage: 'maneuver', done: 1, total: 2 }]);
  });

  it('stops a hanging worker on close', async () => {
    const ex = standIn('setInterval(() => {}, 1000)');
    const running = failure(ex.execute(job, () => undefined));
    await new Promise((r) => setTimeout(r, 200));
    await ex.close?.();
    expect((await running).error.code).toBe(RUN_WORKER_FAILED);
  });

  it('through the API: the run reads failed with RUN_WORKER_FAILED and the server keeps answering', async () => {
    const repo = openSqliteCatalog(':memory:');
    const clock = { now: () => instant(Date.UTC(2026, 11, 6)) };
    const token = (await createApiToken(repo, 'test', clock)).token;
    const api = createApi({ repo, clock, webhooks: false, runExecutor: standIn('process.exit(70)') });
    const post = await api.fetch(
      new Request('http://x/api/runs', {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'detection' }),
      }),
    );
    expect(post.status).toBe(202);
    const { runId } = (await post.json()) as { runId: string };
    await api.idle();
    const run = (await (await api.fetch(new Request(`http://x/api/runs/${runId}`))).json()) as {
      status: string;
      executor: string;
      error: { code: string; details: Record<string, unknown> };
    };
    expect(run.status).toBe('failed');
    expect(run.executor).toBe('worker-thread');
    expect(run.error.code).toBe(RUN_WORKER_FAILED);
    expect(run.error.details['exitCode']).toBe(70);
    expect((await api.fetch(new Request('http://x/healthz'))).status).toBe(200);
    await api.close();
    repo.close();
  });

  it('runs the real worker on its own connection: the same report as performRun on this thread', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'orbwatch-run-worker-'));
    try {
      const clock = { now: () => instant(Date.UTC(2026, 11, 6)) };
      const base = join(dir, 'base.db');
      const seed = openSqliteCatalog(base);
      const file = 'htv-x1-and-ten-koh-2.3le';
      const data = readFileSync(resolve(import.meta.dirname, '../../../../fixtures/releases', file));
      await ingestTexts(seed, [{ file, data }], { source: 'fixtures', sourceKind: 'official' }, clock);
      seed.close();
      const here = join(dir, 'here.db');
      const there = join(dir, 'there.db');
      copyFileSync(base, here);
      copyFileSync(base, there);
      const request: RunRequest = { kind: 'detection', kinds: ['maneuver', 'release'] };
      const norms = defaultNorms();
      const local = openSqliteCatalog(here);
      const expected = await performRun(request, { repo: local, clock, norms });
      local.close();
      const ex = workerRunExecutor({ dbPath: there, norms, busyTimeoutMs: 5000 });
      const stages = new Set<string>();
      const report = await ex.execute({ runId: 'r', request }, (p) => stages.add(p.stage));
      expect(report).toEqual(expected);
      expect((expected as { detectors: { inserted: number }[] }).detectors.some((d) => d.inserted > 0)).toBe(true);
      expect(stages.has('maneuver')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
