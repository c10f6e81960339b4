/**
 * Messages between {@link createTleParser} and its worker. Columns travel as transferred typed
 * arrays plus two small strings arrays; issues are plain objects (few).
 * @module
 */
import type { ParseIssue, TleChecksumMode } from '@orbwatch/core';
import type { TleColumns } from './tle-columns.js';

/** Parent → worker: parse one input, in batches of at least `records` records. */
export interface TleParseRequest {
  readonly type: 'parse';
  readonly file: string;
  /** The input text, or its UTF-8 bytes (decoded in the worker as `readFileSync(p, 'utf8')` does). */
  readonly text: string | Uint8Array;
  readonly records: number;
  readonly checksum?: TleChecksumMode;
}

/** Worker → parent. */
export type TleParseReply =
  | { readonly type: 'batch'; readonly file: string; readonly columns: TleColumns; readonly issues: ParseIssue[] }
  | { readonly type: 'done'; readonly file: string; readonly sets: number }
  | { readonly type: 'error'; readonly file: string; readonly message: string };
