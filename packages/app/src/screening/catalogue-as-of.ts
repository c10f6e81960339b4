/**
 * The catalogue as of an instant: each object's latest stored element set with epoch at or
 * before it (a set published later was not known then), read page by page in epoch order.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet } from '@orbwatch/store';

const PAGE = 20_000;
/** Earlier than any epoch the store can hold. */
const BEGINNING = instant(-8.64e15);

/** Latest set per object with epoch ≤ `at` (ties on epoch: the later stored id). */
export async function latestSetsAsOf(repo: CatalogRepository, at: Instant): Promise<Map<NoradId, StoredElementSet>> {
  const latest = new Map<NoradId, StoredElementSet>();
  // elementSetsBetween is half-open [from, to): read 1 ms past `at`, keep epochs ≤ `at`.
  const to = instant(at + 1);
  let after: { epoch: Instant; id: number } | undefined;
  for (;;) {
    const page = await repo.elementSetsBetween(
      BEGINNING,
      to,
      after === undefined ? { limit: PAGE } : { limit: PAGE, after },
    );
    for (const s of page) if (s.epoch <= at) latest.set(s.noradId, s); // ascending (epoch, id): last wins
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) return latest;
    after = { epoch: last.epoch, id: last.id };
  }
}

/** Newest element-set epoch in the store, or null when it holds none. */
export async function newestStoredEpoch(repo: CatalogRepository): Promise<Instant | null> {
  let newest: number | null = null;
  for (const o of await repo.listObjects({}))
    if (o.lastEpoch !== null && (newest === null || o.lastEpoch > newest)) newest = o.lastEpoch;
  return newest === null ? null : instant(newest);
}
