/**
 * Names beside ids: each object's latest name, COSPAR id, owner and type, read in one query for
 * all the objects a response mentions.
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';

export interface ObjectLabel {
  readonly name: string | null;
  readonly cosparId: string | null;
  readonly owner: string | null;
  readonly objectType: string | null;
}

export async function objectLabels(
  repo: CatalogRepository,
  norads: Iterable<NoradId>,
): Promise<ReadonlyMap<NoradId, ObjectLabel>> {
  const ids = [...new Set(norads)];
  if (ids.length === 0) return new Map();
  const found = await repo.listObjects({ norads: ids });
  return new Map(
    found.map((o) => [o.noradId, { name: o.name, cosparId: o.cosparId, owner: o.owner, objectType: o.objectType }]),
  );
}
