/**
 * Object search for the API and the CLI: by name (substring of any name the object carried),
 * NORAD id, owner, type or COSPAR id (a launch `2026-049` or one piece `2026-049A`), paged by
 * NORAD id. `q` is read by its shape: digits are a NORAD id, `YYYY-NNN…` a COSPAR id, anything
 * else a name. Without a filter only objects with element sets are listed (a SATCAT load adds
 * tens of thousands of entries without any), as `orbwatch objects` does.
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import { noradId } from '@orbwatch/core';
import type { CatalogRepository, ObjectFilter } from '@orbwatch/store';
import type { Page } from './cursor.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ObjectDocument } from './documents.js';
import { objectDocument } from './documents.js';

export interface ObjectQuery {
  readonly q?: string;
  readonly norad?: NoradId;
  readonly owner?: string;
  readonly objectType?: string;
  readonly cospar?: string;
  /** List entries without element sets too (default: only when a filter is given). */
  readonly all?: boolean;
  readonly limit: number;
  readonly cursor?: string;
}

const CURSOR_TAG = 'objects';
const MAX_NORAD = 339_999;

/** What `q` asks for, by its shape. */
function readQ(q: string): Pick<ObjectFilter, 'name' | 'norad' | 'cospar'> | 'nothing' {
  const t = q.trim();
  if (/^\d{1,6}$/.test(t)) {
    const n = Number(t);
    return n >= 1 && n <= MAX_NORAD ? { norad: noradId(n) } : 'nothing';
  }
  if (/^\d{4}-\d{3}[A-Z]{0,3}$/i.test(t)) return { cospar: t.toUpperCase() };
  return { name: t };
}

export async function searchObjects(repo: CatalogRepository, q: ObjectQuery): Promise<Page<ObjectDocument>> {
  const fromQ = q.q === undefined || q.q.trim() === '' ? {} : readQ(q.q);
  if (fromQ === 'nothing') return { items: [], nextCursor: null };
  const afterNorad = q.cursor === undefined ? undefined : decodeCursor(CURSOR_TAG, q.cursor, ['number'] as const)[0];
  const filtered =
    Object.keys(fromQ).length > 0 ||
    q.norad !== undefined ||
    q.owner !== undefined ||
    q.objectType !== undefined ||
    q.cospar !== undefined;
  const filter: ObjectFilter = {
    ...fromQ,
    ...(q.norad === undefined ? {} : { norad: q.norad }),
    ...(q.owner === undefined ? {} : { owner: q.owner }),
    ...(q.objectType === undefined ? {} : { objectType: q.objectType }),
    ...(q.cospar === undefined ? {} : { cospar: q.cospar }),
    ...(afterNorad === undefined ? {} : { afterNorad: afterNorad as NoradId }),
    ...(q.all === true || filtered ? {} : { withSets: true }),
    limit: q.limit + 1,
  };
  const objects = await repo.listObjects(filter);
  const page = objects.slice(0, q.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(objectDocument),
    nextCursor: objects.length > q.limit && last !== undefined ? encodeCursor(CURSOR_TAG, [last.noradId]) : null,
  };
}
