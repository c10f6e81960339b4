/**
 * Which element set of an object's history to propagate to a given time.
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { Instant } from '../time/instant.js';
import { diffSec } from '../time/instant.js';
import type { Sec } from '../units/quantity.js';

/**
 * `latest-before`: the newest set with epoch ≤ t (what an observer at t could have known;
 * never uses later information). `nearest`: the set whose epoch is closest to t, before or after
 * (smallest propagation span; ties go to the earlier set).
 */
export type ElementSetPolicy = 'latest-before' | 'nearest';

/** The chosen set and its age at t: t − epoch in seconds, negative when the epoch is after t. */
export type ChooseElementSetResult =
  | { readonly ok: true; readonly elementSet: ElementSet; readonly index: number; readonly ageSec: Sec }
  | { readonly ok: false; readonly code: 'NO_ELEMENT_SET' };

/**
 * Picks a set from `history`, which must be sorted by epoch ascending (a programmer error
 * otherwise: throws RangeError). Binary search, O(log n). Returns NO_ELEMENT_SET when the history
 * is empty or, for `latest-before`, every epoch is after t. Sets with equal epochs (several
 * sources): the last one in the array wins for `latest-before`, the first for `nearest` ties
 * before t.
 */
export function chooseElementSet(
  history: readonly ElementSet[],
  t: Instant,
  policy: ElementSetPolicy,
): ChooseElementSetResult {
  // First index whose epoch is > t.
  let lo = 0;
  let hi = history.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const s = history[mid];
    if (s === undefined) break;
    if (s.epoch <= t) lo = mid + 1;
    else hi = mid;
  }
  assertSorted(history, lo);
  const before = lo - 1;
  let index: number;
  if (policy === 'latest-before') {
    index = before;
  } else {
    const b = history[before];
    const a = history[lo];
    if (b === undefined) index = lo;
    else if (a === undefined) index = before;
    else index = a.epoch - t < t - b.epoch ? lo : before;
  }
  const chosen = history[index];
  if (chosen === undefined) return { ok: false, code: 'NO_ELEMENT_SET' };
  return { ok: true, elementSet: chosen, index, ageSec: diffSec(t, chosen.epoch) };
}

/** Spot-checks the neighbours of the split point (a full check would make the search O(n)). */
function assertSorted(history: readonly ElementSet[], split: number): void {
  for (let i = Math.max(1, split - 1); i <= Math.min(history.length - 1, split + 1); i++) {
    const prev = history[i - 1];
    const cur = history[i];
    if (prev !== undefined && cur !== undefined && cur.epoch < prev.epoch) {
      throw new RangeError(`element-set history is not sorted by epoch at index ${String(i)}`);
    }
  }
}
