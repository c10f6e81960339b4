/**
 * Pre-cleaning of one object's element-set history before maneuver detection: order by epoch,
 * drop sets that cannot be a mean orbit, and collapse near-duplicate epochs. CelesTrak
 * re-publishes the same fit with epochs a millisecond apart (seen in the ISS history of
 * 2026-03..05) and sometimes re-fits the same epoch; differencing two such sets divides
 * noise by an interval of ~0, so they are collapsed to the one published last (input order),
 * which is the latest fit.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';

/** The cleaned history and what cleaning did. */
export interface CleanedHistory {
  /** Sets in strictly increasing epoch order, at least `duplicateEpochSec` apart. */
  readonly sets: readonly ElementSet[];
  /** Sets dropped because another set had (nearly) the same epoch. */
  readonly duplicatesCollapsed: number;
  /** Sets dropped because their elements cannot describe a bound orbit. */
  readonly invalidDropped: number;
}

function isUsable(s: ElementSet): boolean {
  return (
    Number.isFinite(s.epoch) &&
    Number.isFinite(s.meanMotionRadPerSec) &&
    s.meanMotionRadPerSec > 0 &&
    s.eccentricity >= 0 &&
    s.eccentricity < 1 &&
    Number.isFinite(s.inclinationRad) &&
    Number.isFinite(s.raanRad)
  );
}

/**
 * Sorts by epoch (stable: equal epochs keep input order) and collapses every run of sets whose
 * epochs lie within `duplicateEpochSec` of the run's first set into the run's last-published set.
 */
export function cleanHistory(history: readonly ElementSet[], duplicateEpochSec: number): CleanedHistory {
  const usable: { readonly set: ElementSet; readonly order: number }[] = [];
  let invalidDropped = 0;
  history.forEach((set, order) => {
    if (isUsable(set)) usable.push({ set, order });
    else invalidDropped++;
  });
  usable.sort((x, y) => x.set.epoch - y.set.epoch || x.order - y.order);
  const out: ElementSet[] = [];
  let duplicatesCollapsed = 0;
  let i = 0;
  const windowMs = duplicateEpochSec * 1000;
  while (i < usable.length) {
    const first = usable[i];
    if (first === undefined) break;
    let chosen = first;
    let j = i + 1;
    for (; j < usable.length; j++) {
      const next = usable[j];
      if (next === undefined || next.set.epoch - first.set.epoch > windowMs) break;
      if (next.order > chosen.order) chosen = next;
    }
    duplicatesCollapsed += j - i - 1;
    out.push(chosen.set);
    i = j;
  }
  return { sets: out, duplicatesCollapsed, invalidDropped };
}
