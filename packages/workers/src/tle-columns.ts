/**
 * Parsed TLE sets in columns: core's `ElementSetColumns` layout (one definition, shared with the
 * store, which binds its rows from it), with the content hash of every set always present. The
 * hashes are computed here, off the storing thread.
 * @module
 */
import { hash } from 'node:crypto';
import type { ElementSet, ElementSetColumns } from '@orbwatch/core';
import { packElementSetColumns } from '@orbwatch/core';

/** A batch of parsed sets in columns, with hashes. */
export interface TleColumns extends ElementSetColumns {
  /**
   * The content hash of each set, 64 lower-case hex characters per set (set i at 64i): sha256
   * of the element content, as the store defines it (`contentHash`: for TLE, line 1 + `\n` +
   * line 2, without the name line; other formats: the whole raw). The store checks one set per
   * batch against its own definition.
   */
  readonly hashes: string;
}

/** The store's `elementContent` (see {@link TleColumns.hashes}). */
function elementContent(format: string, raw: string): string {
  if (format !== 'tle' || raw.startsWith('1 ')) return raw;
  const nl = raw.indexOf('\n');
  return nl < 0 ? raw : raw.slice(nl + 1);
}

/** Packs parsed sets into columns with their hashes; `lineOffset` is added to every set's line number. */
export function packTleColumns(sets: readonly ElementSet[], lineOffset = 0): TleColumns {
  const hashes: string[] = [];
  for (const s of sets) hashes.push(hash('sha256', elementContent(s.format, s.raw), 'hex'));
  return { ...packElementSetColumns(sets, lineOffset), hashes: hashes.join('') };
}
