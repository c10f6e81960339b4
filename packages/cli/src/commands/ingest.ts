/**
 * `orbwatch ingest <paths…|->`: read files, globs or stdin (gzip-aware), detect each one's
 * format (TLE/3LE, OMM JSON/XML/KVN/CSV, SATCAT), parse, and store the good records as one
 * ingest run; bad records are reported with file, line, column and code, never stop the good ones.
 * @module
 */
import type { ParseIssue } from '@orbwatch/core';
import { detectElementFormat } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import { decodeUtf8, expandInputPaths, isInputProblem, readInputBytes } from '@orbwatch/sources';
import type { IngestReport, IngestSourceOptions } from '@orbwatch/app';
import { inferSourceKind, ingestReport, ingestTexts, inputIssue, isInputProblemIssue } from '@orbwatch/app';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import type { PipelinedInput } from './ingest-pipelined.js';
import { ingestTlePipelined, PIPELINE_MIN_BYTES } from './ingest-pipelined.js';

export interface IngestOptions extends IngestSourceOptions {
  readonly json?: boolean;
  readonly quiet?: boolean;
  /**
   * Parse TLE/3LE on a worker thread while storing (`auto`: when every input is TLE/3LE, the
   * store supports columnar batches and the inputs hold at least {@link PIPELINE_MIN_BYTES}
   * bytes). Same rows, counts and issues either way.
   */
  readonly pipeline?: 'auto' | 'on' | 'off';
}

export type { IngestReport } from '@orbwatch/app';
export { inferSourceKind, isInputProblemIssue } from '@orbwatch/app';

/** Runs an ingest; returns the exit code (2 when every record was rejected or no input could be read). */
export async function runIngest(
  repo: CatalogRepository,
  paths: readonly string[],
  options: IngestOptions,
  ctx: CliContext,
): Promise<{ exitCode: number; report: IngestReport }> {
  const sourceName = options.source ?? 'local-files';
  const sourceKind = options.sourceKind ?? inferSourceKind(sourceName);
  const { files, problems } = await expandInputPaths(paths);
  const issues: ParseIssue[] = problems.map(inputIssue);
  const texts: PipelinedInput[] = [];
  let unusable = problems.length;
  for (const file of files) {
    const input = await readInputBytes(file, ctx.stdin);
    if (isInputProblem(input)) {
      issues.push(inputIssue(input));
      unusable++;
      continue;
    }
    texts.push({ file, data: input.data });
  }
  const source = { name: sourceName, kind: sourceKind };
  const retrievedAt = options.retrievedAt ?? ctx.now();
  if (usePipeline(repo, texts, options.pipeline ?? 'auto')) {
    const bar = progressBar(ctx, options, texts);
    const { summary, perFile } = await ingestTlePipelined(
      repo,
      {
        source,
        retrievedAt,
        files,
        texts,
        issues,
        ...(options.checksum === undefined ? {} : { checksum: options.checksum }),
      },
      { now: ctx.now, onProgress: (done) => bar?.update(done) },
    );
    bar?.stop();
    const report = ingestReport(
      summary,
      issues,
      sourceName,
      true,
      perFile.map((f) => ({
        file: f.file,
        format: 'tle',
        elementSets: f.elementSets,
        satcatRecords: 0,
        decayMessages: 0,
        issues: f.issues,
      })),
      0,
    );
    return finish(ctx, options, report, files.length, unusable);
  }
  let bar: cliProgress.SingleBar | undefined;
  const report = await ingestTexts(repo, texts, { ...options, source: sourceName, sourceKind, retrievedAt }, ctx, {
    issues,
    files,
    onProgress: (done, total) => {
      if (bar === undefined && ctx.stderr.isTTY === true && options.quiet !== true && total > 20_000)
        bar = startBar(ctx, total);
      bar?.update(done);
    },
  });
  bar?.stop();
  return finish(ctx, options, report, files.length, unusable);
}

/** Bytes decoded to recognise a TLE/3LE input (its first lines). */
const FORMAT_PREFIX_BYTES = 4_096;
const LF = 10;

/** Whether to take the pipelined path (see {@link IngestOptions.pipeline}). */
function usePipeline(
  repo: CatalogRepository,
  texts: readonly PipelinedInput[],
  mode: NonNullable<IngestOptions['pipeline']>,
): boolean {
  if (mode === 'off' || texts.length === 0 || repo.ingestColumnarBatch === undefined) return false;
  // TLE detection reads the first lines only: a prefix decides.
  if (!texts.every((t) => detectElementFormat(decodeUtf8(t.data.subarray(0, FORMAT_PREFIX_BYTES))) === 'tle'))
    return false;
  if (mode === 'on') return true;
  // The overlap needs a second core; on one, the worker only adds its start and hand-off.
  return availableParallelism() >= 2 && texts.reduce((n, t) => n + t.data.byteLength, 0) >= PIPELINE_MIN_BYTES;
}

function startBar(ctx: CliContext, total: number): cliProgress.SingleBar {
  const bar = new cliProgress.SingleBar(
    { stream: ctx.stderr, format: 'ingest [{bar}] {value}/{total} element sets' },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}

/** The pipelined path's bar: the total is estimated from the line count (2 or 3 lines a set). */
function progressBar(
  ctx: CliContext,
  options: IngestOptions,
  texts: readonly PipelinedInput[],
): cliProgress.SingleBar | undefined {
  if (ctx.stderr.isTTY !== true || options.quiet === true) return undefined;
  let lines = 0;
  for (const t of texts) for (let i = t.data.indexOf(LF); i >= 0; i = t.data.indexOf(LF, i + 1)) lines++;
  return startBar(ctx, Math.max(1, Math.round(lines / 3)));
}

/** Prints the report and returns the exit code: 2 when nothing was stored and something was wrong. */
function finish(
  ctx: CliContext,
  options: IngestOptions,
  report: IngestReport,
  fileCount: number,
  unusableCount: number,
): { exitCode: number; report: IngestReport } {
  const storedSomething = report.accepted + report.duplicates + report.satcatRecords + report.decayMessages > 0;
  const exitCode =
    !storedSomething && (report.rejected > 0 || fileCount === 0 || unusableCount > 0) ? EXIT_USAGE : EXIT_OK;
  if (options.json === true) {
    writeJson(ctx, report);
  } else if (options.quiet !== true) {
    printIngestReport(ctx, report);
  }
  return { exitCode, report };
}

/** What storing decay messages did, for the summary line. */
export function decayText(d: NonNullable<IngestReport['decay']>): string {
  return `decay messages: ${String(d.stored)} new, ${String(d.duplicates)} already stored, ${String(d.decayDatesFilled)} empty decay date(s) filled by historical messages`;
}

function printIngestReport(ctx: CliContext, report: IngestReport): void {
  const satcatCount = report.satcatRecords;
  const MAX_SHOWN = 20;
  for (const f of report.files) {
    writeLine(
      ctx.stderr,
      `${f.file}: ${f.format}, ${String(f.elementSets)} element sets${f.satcatRecords > 0 ? `, ${String(f.satcatRecords)} SATCAT records` : ''}${f.decayMessages > 0 ? `, ${String(f.decayMessages)} decay messages` : ''}, ${String(f.issues)} issues`,
    );
  }
  const errors = report.issues.filter((i) => i.severity === 'error');
  const warnings = report.issues.length - errors.length;
  for (const i of report.issues.slice(0, MAX_SHOWN)) {
    // An input problem concerns the whole input: no line or column to show.
    const at = isInputProblemIssue(i) ? i.file : `${i.file}:${String(i.line)}:${String(i.column)}`;
    writeLine(ctx.stderr, `${at} ${i.severity} ${i.code}: ${i.message}`);
    if (i.input !== undefined) writeLine(ctx.stderr, `    input:    ${i.input}`);
    writeLine(ctx.stderr, `    expected: ${i.expected}`);
  }
  if (report.issues.length > MAX_SHOWN) {
    writeLine(ctx.stderr, `… ${String(report.issues.length - MAX_SHOWN)} more issues (use --json for all)`);
  }
  writeLine(
    ctx.stdout,
    `ingested from ${String(report.files.length)} file(s), source '${report.source}': ${String(report.accepted)} accepted, ${String(report.duplicates)} duplicates, ${String(report.rejected)} rejected (${String(errors.length - report.conflicts - report.inputProblems)} parse errors, ${String(report.conflicts)} conflicts), ${String(warnings)} warnings${satcatCount > 0 ? `, ${String(satcatCount)} SATCAT records` : ''}${report.decay === null ? '' : `, ${decayText(report.decay)}`}${report.inputProblems > 0 ? `, ${String(report.inputProblems)} input(s) not read` : ''}`,
  );
}
