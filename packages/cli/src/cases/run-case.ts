/**
 * The case use case: one case file's whole chain. Ingest each named element-set file (with its
 * source name and kind), run each named detector with its options (scoped to the case's objects
 * unless it says otherwise; fragmentation looks at the whole catalogue, its fragments are not
 * case objects), take the stored events of the case (an event of a case object that overlaps the
 * window), judge them against the norms with the case's published facts, write the report site,
 * and put each published fact beside what orbwatch measured (see case-measures.ts). What the data
 * cover and what is missing are counted from the store, not asserted.
 * @module
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { CaseFile, CaseIssue, DetectedEvent, Finding, Instant, NoradId, PublishedFact } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, formatIso, instant, noradId, parseCaseFile } from '@orbwatch/core';
import type { CatalogRepository, SourceKind, StoredEvent } from '@orbwatch/store';
import { judgeEvents, writeReport } from '@orbwatch/app';
import type { CliContext } from '../cli-context.js';
import { runIngest } from '../commands/ingest.js';
import { directorySink } from '../commands/report.js';
import type { DetectOptions, DetectorRunReport } from '@orbwatch/app';
import { runFragmentation } from '@orbwatch/app';
import { PER_OBJECT_DETECTORS, runPerObject } from '@orbwatch/app';
import { runProximity } from '@orbwatch/app';
import { runRelease } from '@orbwatch/app';
import { defaultNorms } from '../norms-file.js';
import type { Comparison } from './case-measures.js';
import { compareFact } from './case-measures.js';

/** A case file read from disk: the case, or the issues that stop it. */
export interface LoadedCase {
  readonly file: string;
  readonly caseFile: CaseFile | null;
  readonly issues: readonly CaseIssue[];
}

const GLOB_CHARS = /[*?[\]{}]/;

/** Reads and validates a case file; element-set paths are checked against the case file's folder. */
export function loadCaseFile(file: string): LoadedCase {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new OrbwatchError(
      ErrorCode.INPUT_REJECTED,
      `cannot read the case file ${file}`,
      { path: file },
      { cause: e },
    );
  }
  const dir = dirname(resolve(file));
  const r = parseCaseFile(text, file, {
    exists: (p) => GLOB_CHARS.test(p) || existsSync(isAbsolute(p) ? p : resolve(dir, p)),
  });
  return { file, caseFile: r.caseFile, issues: r.issues };
}

/** What the store holds of one case object. */
export interface ObjectCoverage {
  readonly norad: number;
  readonly name: string;
  readonly role: string;
  readonly elementSets: number;
  readonly inWindow: number;
  readonly firstEpochUtc: string | null;
  readonly lastEpochUtc: string | null;
  readonly sources: readonly string[];
}

/** A missing-data note with the sets the store holds in its window (counted, not assumed). */
export interface MissingDataNote {
  readonly what: string;
  readonly objects: readonly number[];
  readonly window: { readonly from: string; readonly to: string };
  readonly setsInWindow: number;
  readonly wouldFill: string;
  readonly request: string | null;
}

export interface CaseRun {
  readonly id: string;
  readonly title: string;
  readonly summary: string | null;
  readonly file: string;
  readonly window: { readonly from: string; readonly to: string };
  readonly ingests: readonly {
    path: string;
    source: string;
    sourceKind: SourceKind;
    accepted: number;
    duplicates: number;
    rejected: number;
  }[];
  readonly detectors: readonly DetectorRunReport[];
  readonly coverage: readonly ObjectCoverage[];
  readonly events: readonly StoredEvent[];
  readonly comparisons: readonly Comparison[];
  readonly findings: readonly Finding[];
  readonly missingData: readonly MissingDataNote[];
  readonly report: { readonly out: string; readonly index: string; readonly plots: number } | null;
}

export interface RunCaseOptions {
  /** Report site folder; null: no report. */
  readonly out: string | null;
  /** Told before each stage (ingest, detect, report), for progress lines. */
  readonly onStage?: (text: string) => void;
}

const at = (iso: string): Instant => instant(Date.parse(iso));

function detectOptions(step: CaseFile['detect'][number], caseObjects: readonly NoradId[]): DetectOptions {
  const objects = step.objects?.map((n) => noradId(n)) ?? (step.kind === 'fragmentation' ? undefined : caseObjects);
  return {
    kinds: [step.kind],
    full: true,
    quiet: true,
    ...(objects === undefined ? {} : { objects }),
    ...(step.kind === 'proximity'
      ? {
          ...(step.preset === undefined ? {} : { preset: step.preset }),
          ...(step.since === undefined ? {} : { since: at(step.since) }),
          ...(step.until === undefined ? {} : { until: at(step.until) }),
          ...(step.maxRangeKm === undefined ? {} : { maxRangeKm: step.maxRangeKm }),
          ...(step.maxRelativeSpeedKmPerSec === undefined
            ? {}
            : { maxRelativeSpeedKmPerSec: step.maxRelativeSpeedKmPerSec }),
        }
      : {}),
    ...(step.kind === 'fragmentation' && step.baseline !== undefined ? { baseline: at(step.baseline) } : {}),
  };
}

async function runStep(repo: CatalogRepository, o: DetectOptions, ctx: CliContext): Promise<DetectorRunReport[]> {
  const kind = o.kinds[0];
  if (kind === 'release') return [await runRelease(repo, o, ctx)];
  if (kind === 'proximity') return [await runProximity(repo, o, ctx)];
  if (kind === 'fragmentation') return [await runFragmentation(repo, o, ctx)];
  const out: DetectorRunReport[] = [];
  for (const d of PER_OBJECT_DETECTORS.filter((x) => x.kind === kind)) out.push(await runPerObject(repo, d, o, ctx));
  return out;
}

/** The stored events of the case: a case object takes part (not as a fragment) and the event overlaps the window. */
export function caseEvents(
  events: readonly StoredEvent[],
  norads: ReadonlySet<number>,
  from: Instant,
  to: Instant,
): StoredEvent[] {
  return events.filter(
    (e) =>
      e.end >= from &&
      e.start <= to &&
      e.objects.some((o: DetectedEvent['objects'][number]) => o.role !== 'fragment' && norads.has(Number(o.norad))),
  );
}

/** Runs the case into `repo`. `ctx` receives nothing on stdout (the command prints the result). */
export async function runCase(
  repo: CatalogRepository,
  loaded: { readonly file: string; readonly caseFile: CaseFile },
  ctx: CliContext,
  o: RunCaseOptions,
): Promise<CaseRun> {
  const c = loaded.caseFile;
  const dir = dirname(resolve(loaded.file));
  const quiet: CliContext = { ...ctx, stdout: devNull(), stderr: devNull() };
  const from = at(c.window.from);
  const to = at(c.window.to);
  const norads = c.objects.map((x) => noradId(x.norad));

  const ingests = [];
  for (const f of c.elementSets) {
    o.onStage?.(`ingesting ${f.path} (${f.source}, ${f.sourceKind}) …`);
    const { report } = await runIngest(
      repo,
      [isAbsolute(f.path) ? f.path : resolve(dir, f.path)],
      { source: f.source, sourceKind: f.sourceKind, quiet: true },
      quiet,
    );
    ingests.push({
      path: f.path,
      source: f.source,
      sourceKind: f.sourceKind,
      accepted: report.accepted,
      duplicates: report.duplicates,
      rejected: report.rejected,
    });
  }

  const detectors: DetectorRunReport[] = [];
  for (const step of c.detect) {
    o.onStage?.(`detecting: ${step.kind} …`);
    detectors.push(...(await runStep(repo, detectOptions(step, norads), quiet)));
  }

  const facts: PublishedFact[] = c.findingFacts.map((f) => ({
    kind: f.kind,
    norad: f.norad,
    statement: f.statement,
    source: f.source,
    ...(f.date === undefined ? {} : { date: f.date }),
  }));
  const events = caseEvents(await repo.listEvents({}), new Set(c.objects.map((x) => x.norad)), from, to);
  let findings: readonly Finding[];
  let report: CaseRun['report'] = null;
  const now = ctx.now();
  if (o.out !== null) {
    o.onStage?.(`writing the report to ${o.out} …`);
    const out = resolve(o.out);
    const r = await writeReport(repo, events, directorySink(out), {
      norms: defaultNorms(),
      facts,
      now,
      title: `orbwatch case: ${c.title}`,
    });
    findings = r.findings;
    report = { out, index: resolve(out, 'index.html'), plots: r.plots };
  } else {
    findings = await judgeEvents(repo, events, defaultNorms(), facts);
  }
  if (findings.length > 0) await repo.saveFindings(findings, now);

  const names = new Map(c.objects.map((x) => [x.norad, x.name]));
  const comparisons: Comparison[] = [];
  for (const fact of c.publishedFacts) comparisons.push(await compareFact(repo, fact, events, names, c.window));

  const coverage: ObjectCoverage[] = [];
  for (const x of c.objects) {
    const hist = await repo.history(noradId(x.norad));
    const first = hist[0];
    const last = hist.at(-1);
    coverage.push({
      norad: x.norad,
      name: x.name,
      role: x.role,
      elementSets: hist.length,
      inWindow: hist.filter((s) => s.epoch >= from && s.epoch <= to).length,
      firstEpochUtc: first === undefined ? null : formatIso(first.epoch),
      lastEpochUtc: last === undefined ? null : formatIso(last.epoch),
      sources: [...new Set(hist.map((s) => s.source))],
    });
  }

  const missingData: MissingDataNote[] = [];
  for (const m of c.missingData) {
    let setsInWindow = 0;
    for (const n of m.objects)
      setsInWindow += (await repo.history(noradId(n), { from: at(m.window.from), to: at(m.window.to) })).length;
    missingData.push({
      what: m.what,
      objects: m.objects,
      window: m.window,
      setsInWindow,
      wouldFill: m.wouldFill,
      request: m.request ?? null,
    });
  }

  return {
    id: c.id,
    title: c.title,
    summary: c.summary ?? null,
    file: loaded.file,
    window: c.window,
    ingests,
    detectors,
    coverage,
    events,
    comparisons,
    findings,
    missingData,
    report,
  };
}

function devNull(): NodeJS.WritableStream {
  return { write: () => true } as unknown as NodeJS.WritableStream;
}
