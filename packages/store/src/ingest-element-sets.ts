/**
 * The batch ingest use case: stores parsed element sets (and optional catalogue facts) through
 * the {@link CatalogRepository} as one ingest run, in batches of N sets with ONE transaction per
 * batch. A process killed mid-ingest therefore leaves only whole batches, and re-running the
 * same input finishes the job: sets already stored are duplicates, nothing is written twice.
 * @module
 */
import type { ElementSet, Instant, ParseIssue, SatcatRecord } from '@orbwatch/core';
import type { CatalogRepository, ObjectFacts } from './catalog-repository.js';
import type { IngestIssue } from './ingest-issue.js';
import type { IngestCounts, SourceInput } from './ingest-run.js';
import { satcatFacts } from './satcat-facts.js';
import type { RandomFill } from './uuid-v7.js';
import { uuidV7 } from './uuid-v7.js';

/** Default number of element sets per transaction. */
export const DEFAULT_INGEST_BATCH_SIZE = 5_000;

export interface IngestElementSetsInput {
  readonly source: SourceInput;
  /** When the input was retrieved from the source (stored with every set). */
  readonly retrievedAt: Instant;
  /** The input files (names as given by the user), recorded with the run. */
  readonly files: readonly string[];
  readonly elementSets: readonly ElementSet[];
  /** SATCAT records, stored (as object facts) after the element sets. */
  readonly satcat?: readonly SatcatRecord[];
  /** Other catalogue facts, stored after the SATCAT records. */
  readonly objectFacts?: readonly ObjectFacts[];
  /** The parsers' issues; error-severity ones count as rejected. */
  readonly issues: readonly ParseIssue[];
}

export interface IngestElementSetsOptions {
  /** Reads the current time (run start/finish, run id). Injected: no clock in the use case. */
  readonly now: () => Instant;
  /** Element sets per transaction (default {@link DEFAULT_INGEST_BATCH_SIZE}). */
  readonly batchSize?: number;
  /** Called after each committed batch with the number of sets handled so far. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Random source for the run id (tests). */
  readonly random?: RandomFill;
}

export interface IngestSummary extends IngestCounts {
  readonly runId: string;
  /** Parse issues followed by the store's conflict issues. */
  readonly issues: readonly IngestIssue[];
}

/**
 * Ingests one input as one run. Throws (after marking the run `failed`) only when the store
 * fails; bad input never throws, it is counted and recorded as issues.
 */
export async function ingestElementSets(
  repo: CatalogRepository,
  input: IngestElementSetsInput,
  options: IngestElementSetsOptions,
): Promise<IngestSummary> {
  const batchSize = options.batchSize ?? DEFAULT_INGEST_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${String(batchSize)}`);
  const startedAt = options.now();
  const runId = uuidV7(startedAt, options.random);
  await repo.beginIngestRun({
    id: runId,
    source: input.source,
    files: input.files,
    startedAt,
    retrievedAt: input.retrievedAt,
    issues: input.issues,
  });
  let accepted = 0;
  let duplicates = 0;
  let conflicts = 0;
  const storeIssues: IngestIssue[] = [];
  const total = input.elementSets.length;
  try {
    for (let i = 0; i < total; i += batchSize) {
      const r = await repo.ingestBatch({ runId, elementSets: input.elementSets.slice(i, i + batchSize) });
      accepted += r.accepted;
      duplicates += r.duplicates;
      conflicts += r.conflicts;
      storeIssues.push(...r.issues);
      options.onProgress?.(Math.min(i + batchSize, total), total);
    }
    const facts = [...(input.satcat ?? []).map(satcatFacts), ...(input.objectFacts ?? [])];
    for (let i = 0; i < facts.length; i += batchSize)
      await repo.upsertObjectFacts(runId, facts.slice(i, i + batchSize));
  } catch (e) {
    try {
      await repo.finishIngestRun(runId, options.now(), 'failed');
    } catch {
      // the store is failing; the original error is what matters
    }
    throw e;
  }
  const run = await repo.finishIngestRun(runId, options.now(), 'completed');
  return {
    runId,
    accepted,
    duplicates,
    conflicts,
    rejected: run.rejected,
    issues: [...input.issues, ...storeIssues],
  };
}
