/**
 * `orbwatch case <file> [--db FILE] [--out DIR]`: runs a case file's whole chain (ingest →
 * detect → findings with the case's published facts → report) and prints the published facts
 * beside what orbwatch measured, the findings and the missing-data notes. A case file with
 * issues is reported with file, line, column and JSON path and nothing runs (exit 2). The use
 * case lives in `../cases/`.
 * @module
 */
import { resolve } from 'node:path';
import type { CatalogRepository } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { caseLines } from '../cases/case-text.js';
import type { CaseRun } from '../cases/run-case.js';
import { loadCaseFile, runCase } from '../cases/run-case.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { eventJson } from './events.js';
import { objectNamesFrom } from '../presentation/object-names.js';
import { printable } from '@orbwatch/app';

export interface CaseCommandOptions {
  readonly db?: string;
  readonly out?: string;
  readonly report?: boolean;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Opens (creating if needed) the catalogue at `db` for the run. */
export type OpenRepo = <T>(db: string, run: (repo: CatalogRepository) => Promise<T>) => Promise<T>;

function runJson(run: CaseRun, database: string): unknown {
  return {
    case: { id: run.id, title: run.title, file: run.file, window: run.window, summary: run.summary },
    database,
    ingests: run.ingests,
    detectors: run.detectors,
    coverage: run.coverage,
    events: run.events.map(eventJson),
    comparisons: run.comparisons,
    findings: run.findings,
    missingData: run.missingData,
    report: run.report,
  };
}

export async function runCaseCommand(
  file: string,
  o: CaseCommandOptions,
  ctx: CliContext,
  openRepo: OpenRepo,
): Promise<number> {
  const loaded = loadCaseFile(file);
  const c = loaded.caseFile;
  if (c === null) {
    if (o.json === true) writeJson(ctx, { file, issues: loaded.issues });
    for (const i of loaded.issues)
      writeLine(
        ctx.stderr,
        printable(
          `${i.file}:${String(i.line)}:${String(i.column)}: ${i.code} ${i.path}: ${i.message} (expected ${i.expected})`,
        ),
      );
    writeLine(ctx.stderr, `orbwatch case: ${file} has ${String(loaded.issues.length)} issue(s); nothing was run`);
    return EXIT_USAGE;
  }
  const db = o.db ?? `./orbwatch-case-${c.id}.db`;
  const out = o.report === false ? null : (o.out ?? `./orbwatch-case-${c.id}`);
  return openRepo(db, async (repo) => {
    const run = await runCase(repo, { file, caseFile: c }, ctx, {
      out,
      onStage: (t) => {
        if (o.json !== true) writeLine(ctx.stderr, t);
      },
    });
    if (o.json === true) {
      writeJson(ctx, runJson(run, resolve(db)));
      return EXIT_OK;
    }
    const names = objectNamesFrom(await repo.listObjects({}));
    for (const block of caseLines(run, names, resolve(db)))
      for (const line of block.split('\n')) writeLine(ctx.stdout, printable(line));
    return EXIT_OK;
  });
}
