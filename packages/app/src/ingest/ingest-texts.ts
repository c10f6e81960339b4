/**
 * Ingest as a use case: element-set texts (TLE/3LE, OMM JSON/XML/KVN/CSV, SATCAT, Space-Track
 * decay messages; the format recognised per input) are parsed and their good records stored as
 * one ingest run; bad records
 * come back as issues with file, line, column and code and never stop the good ones. The CLI's
 * `ingest` (which adds reading files and a pipelined path for large TLE inputs), the watcher and
 * the API's POST all ingest through here and report the same document.
 * @module
 */
import type {
  DecayMessage,
  ElementFileFormat,
  ElementSet,
  Instant,
  ParseIssue,
  SatcatRecord,
  TleChecksumMode,
} from '@orbwatch/core';
import { IssueCode, makeIssue, parseElementFile } from '@orbwatch/core';
import type { CatalogRepository, DecaySaveResult, IngestIssue, IngestSummary, SourceKind } from '@orbwatch/store';
import { ingestElementSets, satcatFacts } from '@orbwatch/store';
import type { InputProblem } from '@orbwatch/sources';
import { decodeUtf8 } from '@orbwatch/sources';
import type { Clock } from '../detection/clock.js';
import { printable } from './printable.js';

/** Where the records came from and how to read them. */
export interface IngestSourceOptions {
  /** The source's name as stored with every set (default `local-files`). */
  readonly source?: string;
  /** `official` or `amateur`; inferred from the name when absent ({@link inferSourceKind}). */
  readonly sourceKind?: SourceKind;
  readonly checksum?: TleChecksumMode;
  /** Read every text as this format instead of detecting it. */
  readonly format?: Exclude<ElementFileFormat, 'unknown'>;
  /** When the data was retrieved (default: now). */
  readonly retrievedAt?: Instant;
  readonly batchSize?: number;
}

/** One input's bytes (gunzipped) and the name it is reported under. */
export interface IngestText {
  readonly file: string;
  readonly data: Uint8Array;
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
  /** Whether the TLE/3LE inputs were parsed on a worker thread while storing. */
  readonly pipelined: boolean;
  /** SATCAT records stored as object facts. */
  readonly satcatRecords: number;
  /** Space-Track decay messages read (facts and predictions). */
  readonly decayMessages: number;
  /** What storing them did (new, already stored, empty decay dates filled by Historical messages); null when none. */
  readonly decay: DecaySaveResult | null;
  readonly files: {
    file: string;
    format: string;
    elementSets: number;
    satcatRecords: number;
    decayMessages: number;
    issues: number;
  }[];
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

/** What each input problem of `@orbwatch/sources` expects instead. */
const INPUT_EXPECTED: Readonly<Record<InputProblem['code'], string>> = {
  INPUT_NOT_FOUND: 'an existing file, directory, glob or - (stdin)',
  INPUT_NO_MATCH: 'a glob that matches at least one file',
  INPUT_UNREADABLE: 'a readable file',
  INPUT_NOT_TEXT: 'a text file of TLE/3LE, OMM (JSON/XML/KVN/CSV) or SATCAT records, optionally gzipped',
};

/** An input that could not be used, as an issue of the run (no line: it concerns the whole input). */
export function inputIssue(p: InputProblem): ParseIssue {
  return makeIssue(IssueCode[p.code], { file: p.file, line: 0, column: 0 }, INPUT_EXPECTED[p.code], p.message);
}

const INPUT_PROBLEM_CODES: ReadonlySet<string> = new Set(Object.keys(INPUT_EXPECTED));

/** Whether an issue is about a whole input (missing, binary, unreadable) rather than a record in it. */
export function isInputProblemIssue(i: { readonly code: string }): boolean {
  return INPUT_PROBLEM_CODES.has(i.code);
}

/**
 * Parses `texts` and stores their good records as one run. `issues` may hold problems found
 * before parsing (inputs that could not be read); they are reported with the run's. `files` are
 * the names recorded on the run (default: the texts' names).
 */
export async function ingestTexts(
  repo: CatalogRepository,
  texts: readonly IngestText[],
  options: IngestSourceOptions,
  clock: Clock,
  extra: {
    readonly issues?: readonly ParseIssue[];
    readonly files?: readonly string[];
    readonly onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<IngestReport> {
  const sourceName = options.source ?? 'local-files';
  const source = { name: sourceName, kind: options.sourceKind ?? inferSourceKind(sourceName) };
  const files = extra.files ?? texts.map((t) => t.file);
  const issues: ParseIssue[] = [...(extra.issues ?? [])];
  const elementSets: ElementSet[] = [];
  const satcat: SatcatRecord[] = [];
  const decay: DecayMessage[] = [];
  const perFile: IngestReport['files'] = [];
  for (const { file, data } of texts) {
    const parsed = parseElementFile(decodeUtf8(data), {
      file,
      ...(options.checksum === undefined ? {} : { checksum: options.checksum }),
      ...(options.format === undefined ? {} : { format: options.format }),
    });
    for (const s of parsed.elementSets) elementSets.push(s);
    for (const r of parsed.satcat) satcat.push(r);
    for (const m of parsed.decay) decay.push(m);
    for (const i of parsed.issues) issues.push(i);
    perFile.push({
      file,
      format: parsed.format,
      elementSets: parsed.elementSets.length,
      satcatRecords: parsed.satcat.length,
      decayMessages: parsed.decay.length,
      issues: parsed.issues.length,
    });
  }
  const total = elementSets.length;
  const summary =
    elementSets.length === 0 && satcat.length === 0 && decay.length === 0 && files.length === 0
      ? undefined
      : await ingestElementSets(
          repo,
          {
            source,
            retrievedAt: options.retrievedAt ?? clock.now(),
            files,
            elementSets,
            objectFacts: satcat.map(satcatFacts),
            decayMessages: decay,
            issues,
          },
          {
            now: clock.now,
            ...(options.batchSize === undefined ? {} : { batchSize: options.batchSize }),
            onProgress: (done) => extra.onProgress?.(done, total),
          },
        );
  return ingestReport(summary, issues, sourceName, false, perFile, satcat.length, {
    read: decay.length,
    saved: summary?.decayMessages ?? null,
  });
}

/** The report of a run from the store's summary and the issues found before and while parsing. */
export function ingestReport(
  summary: IngestSummary | undefined,
  issues: readonly ParseIssue[],
  sourceName: string,
  pipelined: boolean,
  perFile: IngestReport['files'],
  satcatRecords: number,
  decay: { readonly read: number; readonly saved: DecaySaveResult | null } = { read: 0, saved: null },
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
    satcatRecords,
    decayMessages: decay.read,
    decay: decay.saved,
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
