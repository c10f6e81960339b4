/**
 * `orbwatch ingest <paths…|->`: read files, globs or stdin (gzip-aware), detect each one's
 * format (TLE/3LE, OMM JSON/XML/KVN/CSV, SATCAT), parse, and store the good records as one
 * ingest run; bad records are reported with file, line, column and code, never stop the good ones.
 * @module
 */
import type { ElementSet, Instant, ParseIssue, SatcatRecord } from '@orbwatch/core';
import { detectElementFormat, IssueCode, makeIssue, parseElementFile } from '@orbwatch/core';
import type { CatalogRepository, IngestIssue, SourceKind } from '@orbwatch/store';
import type { IngestSummary } from '@orbwatch/store';
import { ingestElementSets, satcatFacts } from '@orbwatch/store';
import type { InputProblem } from '@orbwatch/sources';
import { decodeUtf8, expandInputPaths, isInputProblem, readInputBytes } from '@orbwatch/sources';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';
import { printable } from '../printable.js';
import type { PipelinedInput } from './ingest-pipelined.js';
import { ingestTlePipelined, PIPELINE_MIN_BYTES } from './ingest-pipelined.js';

export interface IngestOptions {
  readonly source?: string;
  readonly sourceKind?: SourceKind;
  readonly checksum?: 'verify' | 'warn' | 'ignore';
  readonly retrievedAt?: Instant;
  readonly batchSize?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
  /**
   * Parse TLE/3LE on a worker thread while storing (`auto`: when every input is TLE/3LE, the
   * store supports columnar batches and the inputs hold at least {@link PIPELINE_MIN_BYTES}
   * bytes). Same rows, counts and issues either way.
   */
  readonly pipeline?: 'auto' | 'on' | 'off';
}

/** The `--json` document of `orbwatch ingest` (design.md contract; fields may be added). */
export interface IngestReport {
  readonly accepted: number;
  readonly duplicates: number;
  /** Records not stored: error-severity parse issues plus conflicts (not inputs that could not be read). */
  readonly rejected: number;
  readonly conflicts: number;
  /** Inputs that could not be used at all: missing, no glob match, unreadable, binary. */
  readonly inputProblems: number;
  readonly runId: string | null;
  readonly source: string;
  /** Whether the TLE/3LE inputs were parsed on a worker thread while storing (`--pipeline`). */
  readonly pipelined: boolean;
  readonly files: { file: string; format: string; elementSets: number; satcatRecords: number; issues: number }[];
  readonly issues: {
    file: string;
    line: number;
    column: number;
    code: string;
    severity: string;
    expected: string;
    message: string;
    input?: string;
  }[];
}

const AMATEUR_SOURCE_RE = /mccants|classfd|amateur|seesat|molczan|langbroek/i;

/** Source kind from the name when the user did not say: McCants/SeeSat-style names are amateur. */
export function inferSourceKind(name: string): SourceKind {
  return AMATEUR_SOURCE_RE.test(name) ? 'amateur' : 'official';
}

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
        issues: f.issues,
      })),
    );
    return finish(ctx, options, report, 0, files.length, unusable);
  }
  const elementSets: ElementSet[] = [];
  const satcat: SatcatRecord[] = [];
  const perFile: IngestReport['files'] = [];
  for (const { file, data } of texts) {
    const parsed = parseElementFile(
      decodeUtf8(data),
      options.checksum === undefined ? { file } : { file, checksum: options.checksum },
    );
    for (const s of parsed.elementSets) elementSets.push(s);
    for (const r of parsed.satcat) satcat.push(r);
    for (const i of parsed.issues) issues.push(i);
    perFile.push({
      file,
      format: parsed.format,
      elementSets: parsed.elementSets.length,
      satcatRecords: parsed.satcat.length,
      issues: parsed.issues.length,
    });
  }

  const showProgress = ctx.stderr.isTTY === true && options.quiet !== true && elementSets.length > 20_000;
  const bar = showProgress ? startBar(ctx, elementSets.length) : undefined;
  const summary =
    elementSets.length === 0 && satcat.length === 0 && files.length === 0
      ? undefined
      : await ingestElementSets(
          repo,
          {
            source,
            retrievedAt,
            files,
            elementSets,
            objectFacts: satcat.map(satcatFacts),
            issues,
          },
          {
            now: ctx.now,
            ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
            onProgress: (done) => bar?.update(done),
          },
        );
  bar?.stop();

  const report = ingestReport(summary, issues, sourceName, false, perFile);
  return finish(ctx, options, report, satcat.length, files.length, unusable);
}

/** What each input problem of `@orbwatch/sources` expects instead. */
const INPUT_EXPECTED: Readonly<Record<InputProblem['code'], string>> = {
  INPUT_NOT_FOUND: 'an existing file, directory, glob or - (stdin)',
  INPUT_NO_MATCH: 'a glob that matches at least one file',
  INPUT_UNREADABLE: 'a readable file',
  INPUT_NOT_TEXT: 'a text file of TLE/3LE, OMM (JSON/XML/KVN/CSV) or SATCAT records, optionally gzipped',
};

/** An input that could not be used, as an issue of the run (no line: it concerns the whole input). */
function inputIssue(p: InputProblem): ParseIssue {
  return makeIssue(IssueCode[p.code], { file: p.file, line: 0, column: 0 }, INPUT_EXPECTED[p.code], p.message);
}

const INPUT_PROBLEM_CODES: ReadonlySet<string> = new Set(Object.keys(INPUT_EXPECTED));

/** Whether an issue is about a whole input (missing, binary, unreadable) rather than a record in it. */
export function isInputProblemIssue(i: { readonly code: string }): boolean {
  return INPUT_PROBLEM_CODES.has(i.code);
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

function ingestReport(
  summary: IngestSummary | undefined,
  issues: readonly ParseIssue[],
  sourceName: string,
  pipelined: boolean,
  perFile: IngestReport['files'],
): IngestReport {
  const allIssues: readonly IngestIssue[] = summary?.issues ?? issues;
  // The store counts every error-severity issue of the run as rejected; an input that could not be
  // read is not a record, so it is counted apart.
  const inputProblems = issues.filter(isInputProblemIssue).length;
  return {
    accepted: summary?.accepted ?? 0,
    duplicates: summary?.duplicates ?? 0,
    rejected: (summary?.rejected ?? issues.filter((i) => i.severity === 'error').length) - inputProblems,
    conflicts: summary?.conflicts ?? 0,
    inputProblems,
    runId: summary?.runId ?? null,
    source: sourceName,
    pipelined,
    files: perFile.map((f) => ({ ...f, file: printable(f.file) })),
    issues: allIssues.map((i) => ({
      file: printable(i.file),
      line: i.line,
      column: i.column,
      code: i.code,
      severity: i.severity,
      expected: i.expected,
      message: printable(i.message),
      ...(i.input === undefined ? {} : { input: printable(i.input) }),
    })),
  };
}

/** Prints the report and returns the exit code: 2 when nothing was stored and something was wrong. */
function finish(
  ctx: CliContext,
  options: IngestOptions,
  report: IngestReport,
  satcatCount: number,
  fileCount: number,
  unusableCount: number,
): { exitCode: number; report: IngestReport } {
  const storedSomething = report.accepted + report.duplicates + satcatCount > 0;
  const exitCode =
    !storedSomething && (report.rejected > 0 || fileCount === 0 || unusableCount > 0) ? EXIT_USAGE : EXIT_OK;
  if (options.json === true) {
    writeJson(ctx, report);
  } else if (options.quiet !== true) {
    printIngestReport(ctx, report, satcatCount);
  }
  return { exitCode, report };
}

function printIngestReport(ctx: CliContext, report: IngestReport, satcatCount: number): void {
  const MAX_SHOWN = 20;
  for (const f of report.files) {
    writeLine(
      ctx.stderr,
      `${f.file}: ${f.format}, ${String(f.elementSets)} element sets${f.satcatRecords > 0 ? `, ${String(f.satcatRecords)} SATCAT records` : ''}, ${String(f.issues)} issues`,
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
    `ingested from ${String(report.files.length)} file(s), source '${report.source}': ${String(report.accepted)} accepted, ${String(report.duplicates)} duplicates, ${String(report.rejected)} rejected (${String(errors.length - report.conflicts - report.inputProblems)} parse errors, ${String(report.conflicts)} conflicts), ${String(warnings)} warnings${satcatCount > 0 ? `, ${String(satcatCount)} SATCAT records` : ''}${report.inputProblems > 0 ? `, ${String(report.inputProblems)} input(s) not read` : ''}`,
  );
}
