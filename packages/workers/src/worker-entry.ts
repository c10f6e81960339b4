/**
 * Where the workers' code is (propagation, TLE parsing, screening; and, through
 * {@link siblingWorkerSpec}, another package's worker) and how to start them, from source or from dist.
 *
 * - From dist (`dist/worker-entry.js`), the worker is the compiled sibling
 *   `dist/propagation-worker.js`, started directly.
 * - From source (`src/worker-entry.ts`, under Vitest or `node --import tsx`), a worker thread
 *   does not inherit the TypeScript loader, so the worker starts from a tiny inline bootstrap
 *   that registers tsx's ESM loader (`tsx/esm/api`, resolved from this package) and then
 *   imports `src/propagation-worker.ts`; `--conditions=@orbwatch/source` is added so that
 *   `@orbwatch/core` resolves to core's source as it does in the parent.
 * @module
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { WorkerOptions } from 'node:worker_threads';

/** What `new Worker(spec.entry, spec.options)` needs. */
export interface WorkerSpec {
  readonly entry: URL | string;
  readonly options: WorkerOptions;
}

const SOURCE_CONDITION = '--conditions=@orbwatch/source';

/** Resolves how to start the propagation worker from the module at `selfUrl`. */
export function propagationWorkerSpec(selfUrl: string = import.meta.url): WorkerSpec {
  return workerSpec('propagation-worker', selfUrl);
}

/** Resolves how to start the TLE parser worker (`tle-parse-worker`) from the module at `selfUrl`. */
export function tleParseWorkerSpec(selfUrl: string = import.meta.url): WorkerSpec {
  return workerSpec('tle-parse-worker', selfUrl);
}

/** Resolves how to start the screening worker (`screening-worker`) from the module at `selfUrl`. */
export function screeningWorkerSpec(selfUrl: string = import.meta.url): WorkerSpec {
  return workerSpec('screening-worker', selfUrl);
}

/** How to start the worker module `name` (a sibling of this file, without extension). */
function workerSpec(name: string, selfUrl: string): WorkerSpec {
  return siblingWorkerSpec(name, selfUrl);
}

/**
 * How to start the worker module `name` that sits beside the module at `selfUrl` (another
 * package's worker, e.g. the CLI's run worker): the compiled `name.js` beside a `.js` module, or
 * `name.ts` through tsx beside a `.ts` one (source, under Vitest).
 */
export function siblingWorkerSpec(name: string, selfUrl: string): WorkerSpec {
  if (!selfUrl.endsWith('.ts')) {
    return { entry: new URL(`./${name}.js`, selfUrl), options: {} };
  }
  const target = new URL(`./${name}.ts`, selfUrl).href;
  const tsxDir = dirname(createRequire(selfUrl).resolve('tsx/package.json'));
  const api = join(tsxDir, 'dist', 'esm', 'api', 'index.mjs');
  if (!existsSync(api)) throw new Error(`tsx ESM API not found at ${api}; cannot run the worker from source`);
  const bootstrap =
    `import(${JSON.stringify(pathToFileURL(api).href)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(target)}); })` +
    `.catch((e) => { setImmediate(() => { throw e; }); });`;
  const execArgv = process.execArgv.includes(SOURCE_CONDITION)
    ? [...process.execArgv]
    : [...process.execArgv, SOURCE_CONDITION];
  return { entry: bootstrap, options: { eval: true, execArgv } };
}
