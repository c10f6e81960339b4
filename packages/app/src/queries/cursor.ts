/**
 * Opaque page cursors for keyset paging: the position after which the next page starts, as
 * base64url JSON tagged with what it pages, so a cursor of one listing is refused by another.
 * A cursor that does not decode is `USAGE` (the client sent something we never gave out).
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';

export function encodeCursor(tag: string, position: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify([tag, ...position]), 'utf8').toString('base64url');
}

/** The position of `cursor`, checked against the kinds of its parts; throws USAGE otherwise. */
export function decodeCursor<const K extends readonly ('string' | 'number')[]>(
  tag: string,
  cursor: string,
  kinds: K,
): { [I in keyof K]: K[I] extends 'string' ? string : number } {
  const bad = (): OrbwatchError =>
    new OrbwatchError(ErrorCode.USAGE, 'the cursor is not one this listing gave out; start again without it', {
      cursor: cursor.slice(0, 200),
    });
  if (cursor.length > 512 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length + 1 || parsed[0] !== tag) throw bad();
  const rest = parsed.slice(1) as unknown[];
  rest.forEach((v, i) => {
    const k = kinds[i];
    if (k === 'number' ? typeof v !== 'number' || !Number.isFinite(v) : typeof v !== 'string') throw bad();
  });
  return rest as { [I in keyof K]: K[I] extends 'string' ? string : number };
}

/** A page of a listing: the items, and the cursor of the next page (null on the last). */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
