/**
 * A TLE/3LE parser on a worker thread that hands its results over in columns, batch by batch,
 * while it parses on: the caller (e.g. the store's `ingestElementSetColumns`) stores batch k
 * while the worker parses batch k+1, on the other core. Sets and issues are exactly those of
 * core's `parseTle` on each input (see `tle-chunks.ts`, `tle-parse-chunk.ts`); the columns'
 * layout is the store's `ElementSetColumns` (see `tle-columns.ts`).
 * @module
 */
import { Worker } from 'node:worker_threads';
import type { ParseIssue, TleChecksumMode } from '@orbwatch/core';
import type { TleColumns } from './tle-columns.js';
import type { TleParseReply, TleParseRequest } from './tle-parse-protocol.js';
import { tleParseWorkerSpec } from './worker-entry.js';

/**
 * Default records per batch: 500. A batch's text and hashes are then ~120 KiB, under V8's
 * 128 KiB threshold above which a string lives in freshly mapped memory, whose first touch
 * costs 16-30 µs a page on the reference VM, in the worker that builds the strings and again on
 * the thread that receives them. Measured on history-2026 (182,144 sets, docs/benchmarks.md):
 * 159,000-165,000 sets/s parse + store with 500, 135,000-140,000 with 1,000 or 5,000. The store
 * commits one transaction per batch; at this size that costs nothing measurable (grouping ten
 * batches per transaction changed nothing).
 */
export const DEFAULT_TLE_BATCH_RECORDS = 500;

/**
 * One input: a name (copied into issues) and its text or UTF-8 bytes. Bytes that fill their
 * ArrayBuffer are transferred to the worker (unusable here afterwards); others are copied.
 */
export interface TleInput {
  readonly file: string;
  readonly text: string | Uint8Array;
}

/** One batch of parsed sets and the parse issues found in the same stretch of input. */
export interface TleColumnsBatch {
  readonly file: string;
  readonly columns: TleColumns;
  readonly issues: readonly ParseIssue[];
}

export interface TleParseOptions {
  /** Records per batch, at least (cuts are made on record boundaries). */
  readonly records?: number;
  readonly checksum?: TleChecksumMode;
}

/** A started parser worker; {@link TleParser.close} it when done. */
export interface TleParser {
  /**
   * Parses the inputs in order on the worker and yields their batches in input order, as they
   * come. One parse at a time per parser. Leaving the loop early (break, or an error) leaves
   * the worker's remaining batches undelivered: the parser then refuses further parses — close it.
   */
  parse(inputs: readonly TleInput[], options?: TleParseOptions): AsyncGenerator<TleColumnsBatch>;
  close(): Promise<void>;
}

/**
 * The buffer to transfer with `text`: only an ArrayBuffer that `text` covers whole (a Buffer
 * from Node's pool shares its ArrayBuffer with other Buffers: that one is copied instead).
 */
function transferable(text: string | Uint8Array): ArrayBuffer[] {
  if (typeof text === 'string') return [];
  const b = text.buffer;
  return b instanceof ArrayBuffer && text.byteOffset === 0 && text.byteLength === b.byteLength ? [b] : [];
}

/** Starts the parser worker (from dist, or from source under tsx: see `worker-entry.ts`). */
export function createTleParser(): TleParser {
  const spec = tleParseWorkerSpec();
  const worker = new Worker(spec.entry, spec.options);
  const queue: TleParseReply[] = [];
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  let busy = false;
  let abandoned = false;
  const notify = (): void => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  worker.on('message', (m: TleParseReply) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (e) => {
    failure = e;
    notify();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`TLE parser worker exited (code ${String(code)})`);
    notify();
  });
  const next = async (): Promise<TleParseReply> => {
    for (;;) {
      const m = queue.shift();
      if (m !== undefined) return m;
      if (failure !== undefined) throw failure;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
    }
  };

  return {
    async *parse(inputs, options = {}) {
      if (busy) throw new Error('this TLE parser is already parsing');
      if (abandoned) throw new Error('a parse of this TLE parser was left unfinished; close it and start another');
      const records = options.records ?? DEFAULT_TLE_BATCH_RECORDS;
      if (!Number.isInteger(records) || records < 1)
        throw new RangeError(`records must be a positive integer, got ${String(records)}`);
      busy = true;
      let left = inputs.length;
      try {
        for (const input of inputs) {
          const msg: TleParseRequest = {
            type: 'parse',
            file: input.file,
            text: input.text,
            records,
            ...(options.checksum === undefined ? {} : { checksum: options.checksum }),
          };
          worker.postMessage(msg, transferable(input.text));
        }
        left = inputs.length;
        while (left > 0) {
          const m = await next();
          if (m.type === 'error') throw new Error(`TLE parser worker (${m.file}): ${m.message}`);
          if (m.type === 'done') left--;
          else yield { file: m.file, columns: m.columns, issues: m.issues };
        }
      } finally {
        busy = false;
        if (left > 0) abandoned = true;
      }
    },
    async close() {
      await worker.terminate();
    },
  };
}
