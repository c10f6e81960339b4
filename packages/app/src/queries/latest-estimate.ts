/**
 * The current estimate of a superseded event: its `supersededBy` pointers followed to the live
 * event they end at (each re-estimate may itself have been re-estimated since), or to the
 * estimate that was withdrawn.
 * @module
 */
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';

export interface LatestEstimate {
  /** The live event the chain ends at; null when the last estimate in it was withdrawn. */
  readonly live: StoredEvent | null;
  /** Ids from the event's later estimate on, in order. */
  readonly chain: readonly string[];
}

/** Null for a live event. */
export async function latestEstimate(repo: CatalogRepository, e: StoredEvent): Promise<LatestEstimate | null> {
  if (e.superseded === undefined) return null;
  const chain: string[] = [];
  let next = e.superseded.by;
  const seen = new Set([e.id]);
  while (next !== null && !seen.has(next)) {
    seen.add(next);
    chain.push(next);
    const n = await repo.getEvent(next);
    if (n === null) return { live: null, chain };
    if (n.superseded === undefined) return { live: n, chain };
    next = n.superseded.by;
  }
  return { live: null, chain };
}
