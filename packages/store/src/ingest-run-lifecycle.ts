/**
 * What every ingest use case does around its batches: open the run, add up the batch results,
 * mark the run `failed` when the store or the producer throws, `completed` otherwise, and
 * return the summary. Shared by {@link ingestElementSets} and {@link ingestElementSetColumns}.
 * @module
 */
import type { Instant, ParseIssue } from '@orbwatch/core';
import type { BatchResult, CatalogRepository } from './catalog-repository.js';
import type { IngestIssue } from './ingest-issue.js';
import type { IngestCounts, SourceInput } from './ingest-run.js';
import type { RandomFill } from './uuid-v7.js';
import { uuidV7 } from './uuid-v7.js';

/** What an ingest use case returns: the run's counts and every issue. */
export interface IngestSummary extends IngestCounts {
  readonly runId: string;
  /** Parse issues followed by the store's conflict issues. */
  readonly issues: readonly IngestIssue[];
}

/** Running totals of one run's batches. */
export interface IngestTally {
  accepted: number;
  duplicates: number;
  conflicts: number;
  /** The issues to report: parse issues as they become known, then the store's. */
  readonly parseIssues: ParseIssue[];
  readonly storeIssues: IngestIssue[];
}

/** Adds one committed batch's result to the tally. */
export function addBatch(tally: IngestTally, r: BatchResult): void {
  tally.accepted += r.accepted;
  tally.duplicates += r.duplicates;
  tally.conflicts += r.conflicts;
  for (const i of r.issues) tally.storeIssues.push(i);
}

/**
 * Runs `body` inside a new ingest run. `issues` are the parse issues known before the first
 * batch (recorded with the run); `body` stores the batches, calling {@link addBatch} for each.
 */
export async function inIngestRun(
  repo: CatalogRepository,
  run: {
    readonly source: SourceInput;
    readonly files: readonly string[];
    readonly retrievedAt: Instant;
    readonly issues: readonly ParseIssue[];
  },
  options: { readonly now: () => Instant; readonly random?: RandomFill },
  body: (runId: string, tally: IngestTally) => Promise<void>,
): Promise<IngestSummary> {
  const startedAt = options.now();
  const runId = uuidV7(startedAt, options.random);
  await repo.beginIngestRun({ id: runId, ...run, startedAt });
  const tally: IngestTally = {
    accepted: 0,
    duplicates: 0,
    conflicts: 0,
    parseIssues: [...run.issues],
    storeIssues: [],
  };
  try {
    await body(runId, tally);
  } catch (e) {
    try {
      await repo.finishIngestRun(runId, options.now(), 'failed');
    } catch {
      // the store is failing; the original error is what matters
    }
    throw e;
  }
  const finished = await repo.finishIngestRun(runId, options.now(), 'completed');
  return {
    runId,
    accepted: tally.accepted,
    duplicates: tally.duplicates,
    conflicts: tally.conflicts,
    rejected: finished.rejected,
    issues: [...tally.parseIssues, ...tally.storeIssues],
  };
}
