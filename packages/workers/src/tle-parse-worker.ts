/**
 * Worker-thread side of {@link createTleParser}: cuts each input on record boundaries
 * (`tleChunks`) and turns every chunk into columns, posted with the typed arrays transferred
 * (no copy). Inputs are handled in the order they arrive.
 *
 * Per chunk, the columnar fast path (`packTleChunkFast`: clean records straight to columns,
 * no `ElementSet` objects) is tried first; a chunk it does not handle (any issue, any unusual
 * layout) is parsed with core's `parseTle` (`parseTleChunk`: same sets and issues as one parse
 * of the whole input) and packed (`packTleColumns`). Both give identical columns for the
 * chunks the fast path accepts (tests: `tle-columns-fast.test.ts`).
 *
 * Inputs given as bytes that are pure ASCII (published element sets are) are never decoded as
 * a whole: they are cut on their bytes (`eachTleChunkAscii`, the same chunks, one at a time), the fast path
 * reads the bytes, and only a chunk that falls back is decoded (Latin-1 = ASCII here, a plain
 * copy), so no string of the input's size is built (on this machine every fresh page of a
 * large string costs a page fault). Other bytes are decoded with Node's UTF-8 decoder, as
 * `readFileSync(p, 'utf8')` does (BOM kept, bad sequences as U+FFFD).
 * @module
 */
import { Buffer, isAscii } from 'node:buffer';
import { parentPort } from 'node:worker_threads';
import type { ParseIssue, TleChecksumMode } from '@orbwatch/core';
import type { TleColumns } from './tle-columns.js';
import { packTleColumns } from './tle-columns.js';
import { packAsciiTleChunkFast, packTleChunkFast } from './tle-columns-fast.js';
import type { TleChunk } from './tle-chunks.js';
import { eachTleChunkAscii, tleChunks } from './tle-chunks.js';
import { parseTleChunk } from './tle-parse-chunk.js';
import type { TleParseReply, TleParseRequest } from './tle-parse-protocol.js';

const port = parentPort;
if (port === null) throw new Error('tle-parse-worker must run in a worker thread');

/**
 * Columns and issues of chunk number `index` of `text`: the fast path when it takes the chunk
 * (it copies an ASCII chunk into a reused buffer; a whole-text copy would be fresh memory, i.e.
 * page faults), else parseTle + pack.
 */
function chunkColumns(
  text: string,
  chunk: TleChunk,
  index: number,
  options: { readonly file: string; readonly checksum?: TleChecksumMode },
): { columns: TleColumns; issues: ParseIssue[] } {
  const columns = packTleChunkFast(text, chunk, options.checksum);
  if (columns !== undefined) return { columns, issues: [] };
  const r = parseTleChunk(text, chunk, index, options);
  return { columns: packTleColumns(r.items, r.lineOffset), issues: r.issues };
}

/** Chunks of a decoded text through {@link chunkColumns}. */
function parseText(
  text: string,
  records: number,
  options: { readonly file: string; readonly checksum?: TleChecksumMode },
  post: (r: { columns: TleColumns; issues: ParseIssue[] }) => void,
): void {
  tleChunks(text, records).forEach((chunk, index) => {
    post(chunkColumns(text, chunk, index, options));
  });
}

/**
 * ASCII bytes, cut on their bytes: the fast path reads them directly; a chunk it leaves is
 * decoded alone and parsed as a text of its own that starts at line `firstLine` (which is all
 * `parseTleChunk` needs).
 */
function parseAsciiBytes(
  bytes: Buffer,
  records: number,
  options: { readonly file: string; readonly checksum?: TleChecksumMode },
  post: (r: { columns: TleColumns; issues: ParseIssue[] }) => void,
): void {
  let index = 0;
  for (const chunk of eachTleChunkAscii(bytes, records)) {
    const columns = packAsciiTleChunkFast(bytes, chunk, options.checksum);
    if (columns !== undefined) post({ columns, issues: [] });
    else {
      const part = bytes.toString('latin1', chunk.start, chunk.end);
      const r = parseTleChunk(part, { start: 0, end: part.length, firstLine: chunk.firstLine }, index, options);
      post({ columns: packTleColumns(r.items, r.lineOffset), issues: r.issues });
    }
    index++;
  }
}

port.on('message', (msg: TleParseRequest) => {
  try {
    const options = msg.checksum === undefined ? { file: msg.file } : { file: msg.file, checksum: msg.checksum };
    let sets = 0;
    const post = (r: { columns: TleColumns; issues: ParseIssue[] }): void => {
      const { columns, issues } = r;
      sets += columns.count;
      if (columns.count === 0 && issues.length === 0) return; // e.g. trailing blank lines
      const reply: TleParseReply = { type: 'batch', file: msg.file, columns, issues };
      port.postMessage(reply, [columns.ints.buffer, columns.numbers.buffer, columns.textEnds.buffer]);
    };
    const input = msg.text;
    if (typeof input === 'string') {
      parseText(input, msg.records, options, post);
    } else {
      const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
      if (isAscii(bytes)) parseAsciiBytes(bytes, msg.records, options, post);
      else parseText(bytes.toString('utf8'), msg.records, options, post);
    }
    const done: TleParseReply = { type: 'done', file: msg.file, sets };
    port.postMessage(done);
  } catch (e) {
    const reply: TleParseReply = { type: 'error', file: msg.file, message: e instanceof Error ? e.message : String(e) };
    port.postMessage(reply);
  }
});
