/**
 * The batch ingest use case for columnar input: like {@link ingestElementSets}, but the sets
 * arrive as {@link ElementSetColumns} batches from an (async) iterable — typically a parser on
 * a worker thread that is still parsing the next batch while this one is stored. Consecutive
 * batches are stored together in ONE transaction up to `setsPerTransaction` sets (when the
 * repository can: `ingestColumnarBatches`), each batch recording the parse issues of the input
 * it came from; the stored rows, hashes, counts, objects and names are the same as with
 * {@link ingestElementSets}. A crash leaves whole transactions, hence whole batches.
 *
 * Why group: every transaction journals and rewrites the pages all batches touch (the tails of
 * the table and of the natural-key index, the object and run rows). With the parser's 500-set
 * batches one per transaction, the first load of history-2026 wrote 127 MiB to its 63 MiB file
 * and 65 MiB to the journal; four per transaction, 80 and 18 MiB (`strace`, docs/benchmarks.md).
 * Waiting for four batches before storing delays the start and the end of the pipeline by a few
 * milliseconds each.
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
  /** The batches, in input order (stored in transactions of whole batches, see the module note). */
  readonly batches: AsyncIterable<ColumnarParseBatch> | Iterable<ColumnarParseBatch>;
}

/** Default sets per transaction: four of the parser worker's 500-set batches. */
export const DEFAULT_SETS_PER_TRANSACTION = 2_000;

/** Options: as {@link IngestElementSetsOptions}; `batchSize` is the producer's business here. */
export type IngestElementSetColumnsOptions = Omit<IngestElementSetsOptions, 'batchSize' | 'onProgress'> & {
  /** Called after each committed transaction with the number of sets stored so far. */
  readonly onProgress?: (done: number) => void;
  /**
   * Consecutive batches are committed together until they hold at least this many sets
   * (default {@link DEFAULT_SETS_PER_TRANSACTION}); 1 commits every batch on its own.
   */
  readonly setsPerTransaction?: number;
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
  const ingestMany = repo.ingestColumnarBatches?.bind(repo);
  const perTransaction = options.setsPerTransaction ?? DEFAULT_SETS_PER_TRANSACTION;
  if (!Number.isInteger(perTransaction) || perTransaction < 1)
    throw new RangeError(`setsPerTransaction must be a positive integer, got ${String(perTransaction)}`);
  return inIngestRun(
    repo,
    { source: input.source, files: input.files, retrievedAt: input.retrievedAt, issues: [] },
    options,
    async (runId, tally) => {
      let done = 0;
      let group: ColumnarParseBatch[] = [];
      let groupSets = 0;
      const store = async (): Promise<void> => {
        if (group.length === 0) return;
        const batches = group.map((b) => ({ runId, columns: b.columns, issues: b.issues }));
        const results =
          ingestMany !== undefined && batches.length > 1
            ? await ingestMany(batches)
            : [await ingest(batches[0] as (typeof batches)[number])];
        group.forEach((b, k) => {
          for (const i of b.issues) tally.parseIssues.push(i);
          const r = results[k];
          if (r === undefined)
            throw new Error(`the store returned ${String(results.length)} results for ${String(group.length)} batches`);
          addBatch(tally, r);
        });
        done += groupSets;
        group = [];
        groupSets = 0;
        options.onProgress?.(done);
      };
      for await (const b of input.batches) {
        group.push(b);
        groupSets += b.columns.count;
        // without the many-batch method, every batch is its own transaction
        if (groupSets >= perTransaction || ingestMany === undefined) await store();
      }
      await store();
    },
  );
}

/** Every set of a columnar batch as objects (tests; repositories without a columnar method). */
export function unpackElementSets(columns: ElementSetColumns): ReturnType<typeof elementSetAt>[] {
  return Array.from({ length: columns.count }, (_, i) => elementSetAt(columns, i));
}
