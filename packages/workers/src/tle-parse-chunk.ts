/**
 * Parses one chunk of TLE/3LE text (see {@link tleChunks}) with core's `parseTle`, with the
 * result `parseTle` gives for those records when it parses the whole text: line numbers of sets
 * and issues counted from the start of the text, and no `EMPTY_INPUT` warning for a chunk after
 * the first (the whole text is not empty then).
 *
 * Sets are parsed from the chunk alone and their line moved by the chunk's offset. Issue
 * messages may quote line numbers, so a chunk that has issues is parsed again behind as many
 * empty lines as precede it (empty lines change nothing but the count): its issues are then
 * word for word those of the whole parse. Issues are rare in published data, so this costs
 * nothing in the usual case.
 * @module
 */
import type { ElementSet, ParseIssue, TleChecksumMode } from '@orbwatch/core';
import { IssueCode, parseTle } from '@orbwatch/core';
import type { TleChunk } from './tle-chunks.js';

/** A parsed chunk; add `lineOffset` to each set's `line` (issues are already right). */
export interface ParsedTleChunk {
  readonly items: ElementSet[];
  readonly issues: ParseIssue[];
  readonly lineOffset: number;
}

/** Parses chunk number `index` (0-based) of `text`; see the module doc. */
export function parseTleChunk(
  text: string,
  chunk: TleChunk,
  index: number,
  options: { readonly file: string; readonly checksum?: TleChecksumMode },
): ParsedTleChunk {
  const part = chunk.start === 0 && chunk.end === text.length ? text : text.slice(chunk.start, chunk.end);
  const offset = chunk.firstLine - 1;
  let r = parseTle(part, options);
  let lineOffset = offset;
  if (offset > 0 && r.issues.length > 0) {
    r = parseTle('\n'.repeat(offset) + part, options);
    lineOffset = 0;
  }
  const issues = index > 0 ? r.issues.filter((i) => i.code !== IssueCode.EMPTY_INPUT) : r.issues;
  return { items: r.items, issues, lineOffset };
}
