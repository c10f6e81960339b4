/**
 * The element sets a detector read for one stored event: what an evidence bundle must carry so
 * the event can be recomputed, and what its plots are drawn from.
 * - maneuver: the subject's whole history (its noise model is estimated from it);
 * - proximity: both objects' sets within 30 days of the episode (the runner's margin);
 * - release: every object's sets up to 30 days after the event;
 * - fragmentation: the sets the event cites (parent before/after, one per fragment).
 * @module
 */
import type { Instant } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';

const DAY_MS = 86_400_000;
/** Margin around a proximity episode, days (the proximity runner reads sets this far out). */
export const PROXIMITY_INPUT_MARGIN_DAYS = 30;

export interface EventInputs {
  /** Sets per object, epoch order. */
  readonly setsByObject: ReadonlyMap<number, readonly StoredElementSet[]>;
  /** Every set, cited or not, by stored id. */
  readonly all: readonly StoredElementSet[];
}

function byObject(sets: readonly StoredElementSet[]): Map<number, StoredElementSet[]> {
  const out = new Map<number, StoredElementSet[]>();
  for (const s of sets) {
    const list = out.get(Number(s.noradId));
    if (list === undefined) out.set(Number(s.noradId), [s]);
    else list.push(s);
  }
  for (const list of out.values()) list.sort((a, b) => a.epoch - b.epoch || a.id - b.id);
  return out;
}

/** Loads the sets the detector read for `e` from the store. */
export async function eventInputs(repo: CatalogRepository, e: StoredEvent): Promise<EventInputs> {
  const norads = [...new Set(e.objects.map((o) => o.norad))];
  let sets: StoredElementSet[] = [];
  const range = (from: number, to: number) => ({ from: from as Instant, to: to as Instant });
  switch (e.kind) {
    case 'maneuver':
      for (const n of norads) sets.push(...(await repo.history(n)));
      break;
    case 'proximity':
      for (const n of norads)
        sets.push(
          ...(await repo.history(
            n,
            range(e.start - PROXIMITY_INPUT_MARGIN_DAYS * DAY_MS, e.end + PROXIMITY_INPUT_MARGIN_DAYS * DAY_MS),
          )),
        );
      break;
    case 'release':
      for (const n of norads) sets.push(...(await repo.history(n, { to: (e.end + 30 * DAY_MS) as Instant })));
      break;
    case 'fragmentation':
    case 'conjunction':
      sets = await repo.elementSetsById(e.elementSetIds);
      break;
  }
  const unique = [...new Map(sets.map((s) => [s.id, s])).values()];
  return { setsByObject: byObject(unique), all: unique };
}
