/**
 * `orbwatch serve [--port 8080] [--host 127.0.0.1] [--db] [--static <dir>]`: the HTTP API and
 * alert feed over the database (packages/api), and the web UI's build at `/` when there is one.
 * Runs until SIGINT or SIGTERM, then closes the socket and the database. `--json` prints
 * `{"url","port","host","staticDir"}` once listening. Runs posted to `/api/runs` execute in a
 * worker thread with its own connection to the database file (runs/worker-run-executor.ts), so
 * requests are answered while a detector computes. One server per database file: it holds
 * `<db>.serve.lock` while it runs (runs/serve-lock.ts).
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ApiLimits } from '@orbwatch/api';
import { createApi, listen } from '@orbwatch/api';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { defaultNorms } from '../norms-file.js';
import { screeningRunner } from '../runs/screening-runner.js';
import { acquireServeLock } from '../runs/serve-lock.js';
import { workerRunExecutor } from '../runs/worker-run-executor.js';

export { screeningRunner } from '../runs/screening-runner.js';

export interface ServeOptions {
  /** The database file `repo` was opened from: runs execute in worker threads on it (absent or `:memory:`: in-process). */
  readonly db?: string;
  readonly port: number;
  readonly host: string;
  readonly static?: string;
  readonly rateLimit?: number;
  readonly json?: boolean;
}

/** The web UI's build beside this package (packages/web/dist), when it has been built. */
export function defaultStaticDir(): string | undefined {
  const dir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../web/dist');
  return existsSync(resolve(dir, 'index.html')) ? dir : undefined;
}

/** How long a run's worker waits for another writer's lock (the CLI's own commands wait as long), ms. */
const RUN_WORKER_BUSY_TIMEOUT_MS = 30_000;

/** Resolves when the process is asked to stop. */
function untilSignal(): Promise<void> {
  return new Promise((done) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

export async function runServe(
  repo: CatalogRepository,
  o: ServeOptions,
  ctx: CliContext,
  stopped: Promise<void> = untilSignal(),
): Promise<number> {
  const staticDir = o.static ?? defaultStaticDir();
  const limits: Partial<ApiLimits> =
    o.rateLimit === undefined ? {} : { ratePerSec: o.rateLimit, burst: 4 * o.rateLimit };
  const onFile = o.db !== undefined && o.db !== '' && o.db !== ':memory:';
  // Before createApi: starting marks the unfinished runs of a stopped server interrupted.
  const lock = onFile ? acquireServeLock(o.db) : undefined;
  try {
    return await serveUntilStopped(repo, o, ctx, stopped, staticDir, limits, onFile);
  } finally {
    lock?.release();
  }
}

async function serveUntilStopped(
  repo: CatalogRepository,
  o: ServeOptions,
  ctx: CliContext,
  stopped: Promise<void>,
  staticDir: string | undefined,
  limits: Partial<ApiLimits>,
  onFile: boolean,
): Promise<number> {
  const norms = defaultNorms();
  const api = createApi({
    repo,
    clock: { now: ctx.now },
    ...(staticDir === undefined ? {} : { staticDir }),
    limits,
    norms,
    screening: screeningRunner(repo, ctx.now),
    ...(onFile
      ? {
          runExecutor: workerRunExecutor({
            dbPath: o.db ?? '',
            norms,
            busyTimeoutMs: RUN_WORKER_BUSY_TIMEOUT_MS,
            log: (line) => {
              writeLine(ctx.stderr, line);
            },
          }),
        }
      : {}),
  });
  const server = await listen(api, { port: o.port, host: o.host });
  if (o.json === true)
    writeJson(ctx, { url: server.url, port: server.port, host: server.host, staticDir: staticDir ?? null });
  else writeLine(ctx.stdout, `orbwatch API on ${server.url} (OpenAPI: ${server.url}/openapi.json)`);
  if (staticDir !== undefined) writeLine(ctx.stderr, `serving the web UI from ${staticDir}`);
  await stopped;
  await server.close();
  return EXIT_OK;
}
