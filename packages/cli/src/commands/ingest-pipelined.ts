/**
 * The pipelined ingest of `orbwatch ingest` for large TLE/3LE inputs: a parser worker
 * (`createTleParser`, @orbwatch/workers) cuts the texts on record boundaries, parses them with
 * core's `parseTle` and hands each batch over in columns, while this thread stores the previous
 * batch (`ingestElementSetColumns`). Parse and store then overlap on two cores. The stored rows,
 * counts and issues are those of the sequential path (tested in the store and in the CLI tests);
 * see docs/design/ingest-performance.md.
 * @module
 */
import type { Instant, ParseIssue, TleChecksumMode } from '@orbwatch/core';
import type { CatalogRepository, ColumnarParseBatch, IngestSummary, SourceInput } from '@orbwatch/store';
import { ingestElementSetColumns, packElementSets } from '@orbwatch/store';
import { createTleParser } from '@orbwatch/workers';

/**
 * Inputs smaller than this (bytes, all files together) are parsed on the main thread:
 * starting the worker (~0.2 s) costs more than the overlap saves (~0.4 µs a byte at best).
 * 4 MB is about 25,000 sets.
 */
export const PIPELINE_MIN_BYTES = 4_000_000;

/** One input's bytes (gunzipped). Handed to the worker, which decodes it: unusable here afterwards. */
export interface PipelinedInput {
  readonly file: string;
  readonly data: Uint8Array;
}

/** Element sets and issues per input file, as the parser delivered them. */
export interface PipelinedFileCounts {
  readonly file: string;
  elementSets: number;
  issues: number;
}

/**
 * Ingests TLE/3LE texts as one run through the parser worker. `issues` known before parsing
 * (unreadable inputs) are recorded with the run's first batch.
 */
export async function ingestTlePipelined(
  repo: CatalogRepository,
  input: {
    readonly source: SourceInput;
    readonly retrievedAt: Instant;
    readonly files: readonly string[];
    readonly texts: readonly PipelinedInput[];
    readonly issues: readonly ParseIssue[];
    readonly checksum?: TleChecksumMode;
  },
  options: { readonly now: () => Instant; readonly onProgress?: (done: number) => void },
): Promise<{ summary: IngestSummary; perFile: PipelinedFileCounts[] }> {
  const perFile = input.texts.map((t) => ({ file: t.file, elementSets: 0, issues: 0 }));
  const counts = new Map(perFile.map((c) => [c.file, c]));
  const parser = createTleParser();
  async function* batches(): AsyncGenerator<ColumnarParseBatch> {
    if (input.issues.length > 0) yield { columns: packElementSets([]), issues: input.issues };
    const parse = parser.parse(
      input.texts.map((t) => ({ file: t.file, text: t.data })),
      input.checksum === undefined ? {} : { checksum: input.checksum },
    );
    for await (const b of parse) {
      const c = counts.get(b.file);
      if (c !== undefined) {
        c.elementSets += b.columns.count;
        c.issues += b.issues.length;
      }
      yield { columns: b.columns, issues: b.issues };
    }
  }
  try {
    const summary = await ingestElementSetColumns(
      repo,
      { source: input.source, retrievedAt: input.retrievedAt, files: input.files, batches: batches() },
      { now: options.now, ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }) },
    );
    return { summary, perFile };
  } finally {
    await parser.close();
  }
}
