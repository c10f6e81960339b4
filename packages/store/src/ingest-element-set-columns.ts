/**
 * The batch ingest use case for columnar input: like {@link ingestElementSets}, but the sets
 * arrive as {@link ElementSetColumns} batches from an (async) iterable — typically a parser on
 * a worker thread that is still parsing the next batch while this one is stored. Each batch is
 * ONE transaction that also records the parse issues of the input it came from; the stored
 * rows, hashes, counts, objects and names are the same as with {@link ingestElementSets}.
 * @module
 */
import type { Instant, ParseIssue } from '@orbwatch/core';
import type { CatalogRepository } from './catalog-repository.js';
import type { ElementSetColumns } from './element-set-columns.js';
import { elementSetAt } from './element-set-columns.js';
import type { IngestElementSetsOptions, IngestSummary } from './ingest-element-sets.js';
import type { SourceInput } from './ingest-run.js';
import { addBatch, inIngestRun } from './ingest-run-lifecycle.js';

/** One batch as a parser delivers it: its sets in columns and the issues found meanwhile. */
export interface ColumnarParseBatch {
  readonly columns: ElementSetColumns;
  readonly issues: readonly ParseIssue[];
}

export interface IngestElementSetColumnsInput {
  readonly source: SourceInput;
  /** When the input was retrieved from the source (stored with every set). */
  readonly retrievedAt: Instant;
  /** The input files (names as given by the user), recorded with the run. */
  readonly files: readonly string[];
  /** The batches, in input order; each is stored as one transaction. */
  readonly batches: AsyncIterable<ColumnarParseBatch> | Iterable<ColumnarParseBatch>;
}

/** Options: as {@link IngestElementSetsOptions}; `batchSize` is the producer's business here. */
export type IngestElementSetColumnsOptions = Omit<IngestElementSetsOptions, 'batchSize' | 'onProgress'> & {
  /** Called after each committed batch with the number of sets stored so far. */
  readonly onProgress?: (done: number) => void;
};

/**
 * Ingests columnar batches as one run. Throws (after marking the run `failed`) when the store
 * or the producer fails; bad input never throws, it arrives as issues.
 */
export async function ingestElementSetColumns(
  repo: CatalogRepository,
  input: IngestElementSetColumnsInput,
  options: IngestElementSetColumnsOptions,
): Promise<IngestSummary> {
  const ingest = repo.ingestColumnarBatch?.bind(repo);
  if (ingest === undefined) throw new TypeError('this repository has no ingestColumnarBatch; use ingestElementSets');
  return inIngestRun(
    repo,
    { source: input.source, files: input.files, retrievedAt: input.retrievedAt, issues: [] },
    options,
    async (runId, tally) => {
      let done = 0;
      for await (const b of input.batches) {
        const r = await ingest({ runId, columns: b.columns, issues: b.issues });
        for (const i of b.issues) tally.parseIssues.push(i);
        addBatch(tally, r);
        done += b.columns.count;
        options.onProgress?.(done);
      }
    },
  );
}

/** Every set of a columnar batch as objects (tests; repositories without a columnar method). */
export function unpackElementSets(columns: ElementSetColumns): ReturnType<typeof elementSetAt>[] {
  return Array.from({ length: columns.count }, (_, i) => elementSetAt(columns, i));
}
