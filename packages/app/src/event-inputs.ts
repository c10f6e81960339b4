/**
 * The element sets a detector read for one stored event: what an evidence bundle must carry so
 * the event can be recomputed, and what its plots are drawn from.
 * - maneuver: the subject's whole history (its noise model is estimated from it);
 * - proximity: both objects' sets within 30 days of the episode (the runner's margin);
 * - release: every object's sets up to 30 days after the event;
 * - fragmentation: the sets the event cites (parent before/after, one per fragment).
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { parseIsoInstant } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';

const DAY_MS = 86_400_000;
/** Margin after a proximity search window, days (the proximity runner reads sets this far out). */
export const PROXIMITY_INPUT_MARGIN_DAYS = 30;
/** Margin before it: the runner reads 120 days of history to find approach manoeuvres. */
export const PROXIMITY_EVIDENCE_MARGIN_DAYS = 120;

const isoMs = (v: unknown): number | null => (typeof v === 'string' ? (parseIsoInstant(v) ?? null) : null);

export interface EventInputs {
  /** Objects the detector read that the event does not name (the other objects of a launch). */
  readonly context: readonly NoradId[];
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
  const context: NoradId[] = [];
  const range = (from: number, to: number) => ({ from: from as Instant, to: to as Instant });
  switch (e.kind) {
    case 'maneuver':
      for (const n of norads) sets.push(...(await repo.history(n)));
      break;
    case 'proximity': {
      // The run's search window (recorded with the event), widened as the runner widens it.
      const from = isoMs(e.measures['searchWindowStartUtc']) ?? e.start;
      const to = isoMs(e.measures['searchWindowEndUtc']) ?? e.end;
      for (const n of norads)
        sets.push(
          ...(await repo.history(
            n,
            range(from - PROXIMITY_EVIDENCE_MARGIN_DAYS * DAY_MS, to + PROXIMITY_INPUT_MARGIN_DAYS * DAY_MS),
          )),
        );
      break;
    }
    case 'release': {
      // Every object of the event's launch(es) was a newcomer the detector read, named or not.
      const launches = new Set<string>();
      for (const n of norads) {
        const cospar = (await repo.getObject(n))?.cosparId ?? null;
        if (cospar !== null && cospar.length >= 8) launches.add(cospar.slice(0, 8));
      }
      const mates: NoradId[] = [];
      for (const l of launches)
        for (const o of await repo.listObjects({ cospar: l }))
          if (o.elementSetCount > 0 && !norads.includes(o.noradId)) mates.push(o.noradId);
      context.push(...mates);
      for (const n of [...norads, ...mates]) sets.push(...(await repo.history(n)));
      break;
    }
    case 'fragmentation':
    case 'conjunction':
      sets = await repo.elementSetsById(e.elementSetIds);
      break;
  }
  const unique = [...new Map(sets.map((s) => [s.id, s])).values()];
  return { context, setsByObject: byObject(unique), all: unique };
}
