/**
 * Test support for the release detector's real-data tests: element sets grouped into one
 * history per object, and the bundled March-May 2026 launches by COSPAR launch prefix.
 */
import type { ElementSet } from '../../elements/element-set.js';
import { parseTle } from '../../elements/tle/parse-tle.js';
import type { NoradId } from '../../ids/norad-id.js';
import { readFixture } from '../../../test/support/fixtures.js';
import type { ObjectHistory } from './release-types.js';

/** One history per object, sets in input order (or by epoch with `sortByEpoch`). */
export function objectHistories(sets: readonly ElementSet[], options: { sortByEpoch?: boolean } = {}): ObjectHistory[] {
  const by = new Map<NoradId, ElementSet[]>();
  for (const s of sets) {
    const list = by.get(s.noradId) ?? [];
    list.push(s);
    by.set(s.noradId, list);
  }
  return [...by].map(([id, list]) => ({
    noradId: id,
    sets: options.sortByEpoch === true ? [...list].sort((a, b) => a.epoch - b.epoch) : list,
  }));
}

/** Every set of fixtures/history-2026/launches-2026-03-to-05.3le.gz (parsed once per test file). */
export const launches2026: readonly ElementSet[] = parseTle(readFixture('history-2026/launches-2026-03-to-05.3le.gz'), {
  file: 'launches',
}).items;
