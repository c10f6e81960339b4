/**
 * `orbwatch serve [--port 8080] [--host 127.0.0.1] [--db] [--static <dir>]`: the HTTP API and
 * alert feed over the database (packages/api), and the web UI's build at `/` when there is one.
 * Runs until SIGINT or SIGTERM, then closes the socket and the database. `--json` prints
 * `{"url","port","host","staticDir"}` once listening.
 * @module
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism } from 'node:os';
import type { ApiLimits, ScreeningRunner } from '@orbwatch/api';
import { createApi, listen } from '@orbwatch/api';
import { screenCatalogue } from '@orbwatch/app';
import type { Instant } from '@orbwatch/core';
import { noradId, parseIsoInstant } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import { uuidV7 } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK } from '../exit-codes.js';
import { screeningEngine } from './screen.js';

export interface ServeOptions {
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

/**
 * `POST /api/runs {"kind":"screening",…}`: the same use case and engine as `orbwatch screen`
 * (defaults 7 days, 5 km, all primaries, 10 m hard-body radius), on the cores available; the run's
 * report is the screening run record (counts, engine, event ids).
 */
export function screeningRunner(repo: CatalogRepository, now: () => Instant): ScreeningRunner {
  return async (r) => {
    const engine = screeningEngine(availableParallelism());
    const at = r.at === undefined ? undefined : parseIsoInstant(r.at);
    const primaries = r.primaries ?? 'all';
    const outcome = await screenCatalogue(
      repo,
      {
        windowSec: r.windowSec ?? 7 * 86_400,
        thresholdKm: r.thresholdKm ?? 5,
        hardBodyRadiusKm: (r.hardBodyRadiusM ?? 10) / 1000,
        primaries:
          primaries === 'all' || primaries === 'payloads'
            ? { kind: primaries }
            : { kind: 'ids', ids: primaries.map((n) => noradId(n)) },
        ...(at === undefined ? {} : { at }),
      },
      { engine: engine.engine, engineInfo: engine.info, now, newId: (t) => uuidV7(t) },
    );
    return outcome.run;
  };
}

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
  const api = createApi({
    repo,
    clock: { now: ctx.now },
    ...(staticDir === undefined ? {} : { staticDir }),
    limits,
    screening: screeningRunner(repo, ctx.now),
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
