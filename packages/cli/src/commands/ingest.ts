/**
 * `orbwatch ingest <paths…|->`: read files, globs or stdin (gzip-aware), detect each one's
 * format (TLE/3LE, OMM JSON/XML/KVN/CSV, SATCAT), parse, and store the good records as one
 * ingest run; bad records are reported with file, line, column and code, never stop the good ones.
 * @module
 */
import type { ElementSet, Instant, ParseIssue, SatcatRecord } from '@orbwatch/core';
import { IssueCode, makeIssue, parseElementFile } from '@orbwatch/core';
import type { CatalogRepository, IngestIssue, SourceKind } from '@orbwatch/store';
import { ingestElementSets, satcatFacts } from '@orbwatch/store';
import { expandInputPaths, isInputProblem, readInput } from '@orbwatch/sources';
import cliProgress from 'cli-progress';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { EXIT_OK, EXIT_USAGE } from '../exit-codes.js';

export interface IngestOptions {
  readonly source?: string;
  readonly sourceKind?: SourceKind;
  readonly checksum?: 'verify' | 'warn' | 'ignore';
  readonly retrievedAt?: Instant;
  readonly batchSize?: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** The `--json` document of `orbwatch ingest` (design.md contract; fields may be added). */
export interface IngestReport {
  readonly accepted: number;
  readonly duplicates: number;
  readonly rejected: number;
  readonly conflicts: number;
  readonly runId: string | null;
  readonly source: string;
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
  const issues: ParseIssue[] = problems.map((p) =>
    makeIssue(
      IssueCode.INPUT_UNREADABLE,
      { file: p.file, line: 0, column: 0 },
      'a readable file, glob match or -',
      p.message,
    ),
  );
  const elementSets: ElementSet[] = [];
  const satcat: SatcatRecord[] = [];
  const perFile: IngestReport['files'] = [];
  for (const file of files) {
    const input = await readInput(file, ctx.stdin);
    if (isInputProblem(input)) {
      issues.push(
        makeIssue(IssueCode.INPUT_UNREADABLE, { file, line: 0, column: 0 }, 'a readable file', input.message),
      );
      continue;
    }
    const parsed = parseElementFile(
      input.text,
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
  const bar = showProgress
    ? new cliProgress.SingleBar(
        { stream: ctx.stderr, format: 'ingest [{bar}] {value}/{total} element sets' },
        cliProgress.Presets.shades_classic,
      )
    : undefined;
  bar?.start(elementSets.length, 0);
  const now = ctx.now();
  const summary =
    elementSets.length === 0 && satcat.length === 0 && files.length === 0
      ? undefined
      : await ingestElementSets(
          repo,
          {
            source: { name: sourceName, kind: sourceKind },
            retrievedAt: options.retrievedAt ?? now,
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

  const allIssues: readonly IngestIssue[] = summary?.issues ?? issues;
  const report: IngestReport = {
    accepted: summary?.accepted ?? 0,
    duplicates: summary?.duplicates ?? 0,
    rejected: summary?.rejected ?? issues.filter((i) => i.severity === 'error').length,
    conflicts: summary?.conflicts ?? 0,
    runId: summary?.runId ?? null,
    source: sourceName,
    files: perFile,
    issues: allIssues.map((i) => ({
      file: i.file,
      line: i.line,
      column: i.column,
      code: i.code,
      severity: i.severity,
      expected: i.expected,
      message: i.message,
      ...(i.input === undefined ? {} : { input: i.input }),
    })),
  };
  const storedSomething = report.accepted + report.duplicates + satcat.length > 0;
  const exitCode =
    !storedSomething && (report.rejected > 0 || files.length === 0 || problems.length > 0) ? EXIT_USAGE : EXIT_OK;

  if (options.json === true) {
    writeJson(ctx, report);
  } else if (options.quiet !== true) {
    printIngestReport(ctx, report, satcat.length);
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
    writeLine(ctx.stderr, `${i.file}:${String(i.line)}:${String(i.column)} ${i.severity} ${i.code}: ${i.message}`);
    if (i.input !== undefined) writeLine(ctx.stderr, `    input:    ${i.input}`);
    writeLine(ctx.stderr, `    expected: ${i.expected}`);
  }
  if (report.issues.length > MAX_SHOWN) {
    writeLine(ctx.stderr, `… ${String(report.issues.length - MAX_SHOWN)} more issues (use --json for all)`);
  }
  writeLine(
    ctx.stdout,
    `ingested from ${String(report.files.length)} file(s), source '${report.source}': ${String(report.accepted)} accepted, ${String(report.duplicates)} duplicates, ${String(report.rejected)} rejected (${String(errors.length - report.conflicts)} parse errors, ${String(report.conflicts)} conflicts), ${String(warnings)} warnings${satcatCount > 0 ? `, ${String(satcatCount)} SATCAT records` : ''}`,
  );
}
