/**
 * The batch ingest use case: stores parsed element sets (and optional catalogue facts and
 * Space-Track decay messages) through
 * the {@link CatalogRepository} as one ingest run, in batches of N sets with ONE transaction per
 * batch. A process killed mid-ingest therefore leaves only whole batches, and re-running the
 * same input finishes the job: sets already stored are duplicates, nothing is written twice.
 * @module
 */
import type { DecayMessage, ElementSet, Instant, ParseIssue, SatcatRecord } from '@orbwatch/core';
import type { CatalogRepository, ObjectFacts } from './catalog-repository.js';
import type { DecaySaveResult } from './decay-repository.js';
import type { SourceInput } from './ingest-run.js';
import type { IngestSummary } from './ingest-run-lifecycle.js';
import { addBatch, inIngestRun } from './ingest-run-lifecycle.js';
import { satcatFacts } from './satcat-facts.js';
import type { RandomFill } from './uuid-v7.js';

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
  /** Space-Track decay messages, stored last (after the SATCAT facts, which take precedence). */
  readonly decayMessages?: readonly DecayMessage[];
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

export type { IngestSummary } from './ingest-run-lifecycle.js';

/** The run's summary and, when the input held decay messages, what storing them did. */
export interface IngestElementSetsSummary extends IngestSummary {
  readonly decayMessages: DecaySaveResult | null;
}

/**
 * Ingests one input as one run. Throws (after marking the run `failed`) only when the store
 * fails; bad input never throws, it is counted and recorded as issues.
 */
export async function ingestElementSets(
  repo: CatalogRepository,
  input: IngestElementSetsInput,
  options: IngestElementSetsOptions,
): Promise<IngestElementSetsSummary> {
  const batchSize = options.batchSize ?? DEFAULT_INGEST_BATCH_SIZE;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new RangeError(`batchSize must be a positive integer, got ${String(batchSize)}`);
  const total = input.elementSets.length;
  const decay = input.decayMessages ?? [];
  let decaySaved: DecaySaveResult | null = null;
  const summary = await inIngestRun(
    repo,
    { source: input.source, files: input.files, retrievedAt: input.retrievedAt, issues: input.issues },
    options,
    async (runId, tally) => {
      for (let i = 0; i < total; i += batchSize) {
        addBatch(tally, await repo.ingestBatch({ runId, elementSets: input.elementSets.slice(i, i + batchSize) }));
        options.onProgress?.(Math.min(i + batchSize, total), total);
      }
      const facts = [...(input.satcat ?? []).map(satcatFacts), ...(input.objectFacts ?? [])];
      for (let i = 0; i < facts.length; i += batchSize)
        await repo.upsertObjectFacts(runId, facts.slice(i, i + batchSize));
      for (let i = 0; i < decay.length; i += batchSize) {
        const r = await repo.saveDecayMessages(runId, decay.slice(i, i + batchSize));
        decaySaved = {
          stored: (decaySaved?.stored ?? 0) + r.stored,
          duplicates: (decaySaved?.duplicates ?? 0) + r.duplicates,
          decayDatesFilled: (decaySaved?.decayDatesFilled ?? 0) + r.decayDatesFilled,
        };
      }
    },
  );
  return { ...summary, decayMessages: decaySaved };
}
