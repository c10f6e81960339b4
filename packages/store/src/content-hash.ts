/**
 * The content hash that tells a duplicate from a conflict: sha256 (lower-case hex) of the
 * element content of a set's raw text. For TLE/3LE the content is line 1 and line 2 joined by
 * `\n` (the optional name line is NOT content: the same set published as `0 NAME` by
 * Space-Track and as `NAME` by CelesTrak is the same set); for OMM it is the whole raw record.
 * Anyone can recompute it with `printf '%s\n%s' "$L1" "$L2" | sha256sum`.
 * Measured at ~0.35 µs per set (Node 20, `crypto.hash` with hex output; Buffer output is ~4x slower).
 * @module
 */
import { hash } from 'node:crypto';
import type { ElementSet, ElementSetFormat } from '@orbwatch/core';

/** The element content of a set's raw text (see module doc). */
export function elementContent(set: Pick<ElementSet, 'format' | 'raw'>): string {
  const raw = set.raw;
  if (set.format !== 'tle' || raw.startsWith('1 ')) return raw;
  const nl = raw.indexOf('\n');
  // A 3LE record: drop the name line. `raw` always holds line 1 and 2 after it.
  return nl < 0 ? raw : raw.slice(nl + 1);
}

/** {@link contentHash} of a set given as its format and raw text (the columnar ingest path). */
export function contentHashOf(format: ElementSetFormat, raw: string): string {
  return contentHash({ format, raw });
}

/** sha256 hex of {@link elementContent}. */
export function contentHash(set: Pick<ElementSet, 'format' | 'raw'>): string {
  return hash('sha256', elementContent(set), 'hex');
}
