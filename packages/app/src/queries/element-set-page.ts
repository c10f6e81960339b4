/**
 * One object's element-set history, paged in (epoch, id) order: each set in its `history --json`
 * form with its source kind (official, amateur, derived).
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import type { Page } from './cursor.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import type { ElementSetDocument } from './documents.js';
import { elementSetDocument } from './documents.js';

const CURSOR_TAG = 'element-sets';

export type ElementSetPageItem = ElementSetDocument & { readonly id: number; readonly sourceKind: string };

export async function elementSetPage(
  repo: CatalogRepository,
  norad: NoradId,
  q: { readonly limit: number; readonly cursor?: string },
): Promise<Page<ElementSetPageItem>> {
  const object = await repo.getObject(norad);
  // An object known only from decay messages is in the catalogue's view (its detail answers) with no sets.
  if (object === null && (await repo.decayMessages(norad)).length === 0)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `object ${String(norad)} is not in the catalog`, { norad });
  const after = q.cursor === undefined ? undefined : decodeCursor(CURSOR_TAG, q.cursor, ['number', 'number'] as const);
  const sets = await repo.history(norad);
  const start =
    after === undefined ? 0 : sets.findIndex((s) => s.epoch > after[0] || (s.epoch === after[0] && s.id > after[1]));
  const from = start < 0 ? sets.length : start;
  const page = sets.slice(from, from + q.limit);
  const kinds = new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  const last = page[page.length - 1];
  return {
    items: page.map((s, i) => ({
      id: s.id,
      ...elementSetDocument(s, sets[from + i + 1]),
      sourceKind: kinds.get(s.source) ?? 'unknown',
    })),
    nextCursor:
      from + q.limit < sets.length && last !== undefined ? encodeCursor(CURSOR_TAG, [last.epoch, last.id]) : null,
  };
}
