/**
 * A catalogue snapshot from the stored history: each object's latest element set with epoch
 * before an instant — what a catalogue published at that instant would have held.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet } from '@orbwatch/store';

const PAGE = 20_000;
/** Earliest instant the store can hold (1957 is far after this). */
const BEGINNING = instant(-8.64e15);

/** Every stored element set with epoch before `t`, in (epoch, id) order, page by page. */
export async function* elementSetsBefore(repo: CatalogRepository, t: Instant): AsyncGenerator<StoredElementSet> {
  let after: { epoch: Instant; id: number } | undefined;
  for (;;) {
    const page = await repo.elementSetsBetween(
      BEGINNING,
      t,
      after === undefined ? { limit: PAGE } : { limit: PAGE, after },
    );
    for (const s of page) yield s;
    const last = page[page.length - 1];
    if (last === undefined || page.length < PAGE) return;
    after = { epoch: last.epoch, id: last.id };
  }
}

/** Latest set per object with epoch before `t`. */
export async function snapshotAsOf(repo: CatalogRepository, t: Instant): Promise<StoredElementSet[]> {
  const latest = new Map<NoradId, StoredElementSet>();
  for await (const s of elementSetsBefore(repo, t)) latest.set(s.noradId, s); // ascending epoch: last wins
  return [...latest.values()];
}

/** Newest element-set epoch in the store (null when empty). */
export async function newestEpoch(repo: CatalogRepository): Promise<Instant | null> {
  const objects = await repo.listObjects({});
  let newest: number | null = null;
  for (const o of objects) if (o.lastEpoch !== null && (newest === null || o.lastEpoch > newest)) newest = o.lastEpoch;
  return newest === null ? null : instant(newest);
}
