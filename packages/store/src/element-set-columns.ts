/**
 * Element-set columns, the hand-off between the parser worker and the store: the layout is
 * core's (`@orbwatch/core` `element-set-columns.ts`, one definition for every package); this
 * module adds the content hashes, which need node:crypto.
 * @module
 */
import type { ElementSet, ElementSetColumns } from '@orbwatch/core';
import { packElementSetColumns } from '@orbwatch/core';
import { contentHash } from './content-hash.js';

export type { ElementSetColumns } from '@orbwatch/core';
export {
  INT_STRIDE,
  IntColumn,
  NUMBER_STRIDE,
  NumberColumn,
  dictionaryEntry,
  elementSetAt,
  packElementSetColumns,
} from '@orbwatch/core';

/** Packs element sets into columns, optionally with their content hashes ({@link contentHash}). */
export function packElementSets(
  sets: readonly ElementSet[],
  options: { readonly withHashes?: boolean } = {},
): ElementSetColumns {
  const cols = packElementSetColumns(sets);
  return options.withHashes === true ? { ...cols, hashes: sets.map(contentHash).join('') } : cols;
}
