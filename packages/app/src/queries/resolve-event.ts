/**
 * An event named by its id or a unique prefix of it (case-insensitive), as git names commits.
 * Not hex: `USAGE`; no match: `NOT_FOUND`; several: `USAGE` with up to 10 candidates
 * (`details.candidates`: id, kind, start, objects) so the caller can show them.
 * @module
 */
import { ErrorCode, OrbwatchError, formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';

/** Candidates returned for an ambiguous prefix. */
export const MAX_EVENT_CANDIDATES = 10;

export interface EventCandidate {
  readonly id: string;
  readonly kind: StoredEvent['kind'];
  readonly start: string;
  readonly objects: readonly number[];
}

export async function resolveEventId(repo: CatalogRepository, idOrPrefix: string): Promise<StoredEvent> {
  const p = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f][0-9a-f-]*$/.test(p) || p.length > 36) {
    throw new OrbwatchError(ErrorCode.USAGE, `'${idOrPrefix}' is not an event id or id prefix (hex digits and -)`, {
      id: idOrPrefix.slice(0, 100),
    });
  }
  const exact = await repo.getEvent(p);
  if (exact !== null) return exact;
  const ids = await repo.eventIdsWithPrefix(p, MAX_EVENT_CANDIDATES + 1);
  const [only] = ids;
  if (only === undefined)
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `no event with id or id prefix '${p}'`, { id: p });
  if (ids.length === 1) {
    const e = await repo.getEvent(only);
    if (e !== null) return e;
  }
  const candidates: EventCandidate[] = [];
  for (const id of ids.slice(0, MAX_EVENT_CANDIDATES)) {
    const e = await repo.getEvent(id);
    if (e !== null)
      candidates.push({ id: e.id, kind: e.kind, start: formatIso(e.start), objects: e.objects.map((o) => o.norad) });
  }
  throw new OrbwatchError(
    ErrorCode.USAGE,
    `event id prefix '${p}' is ambiguous: ${ids.length > MAX_EVENT_CANDIDATES ? `more than ${String(MAX_EVENT_CANDIDATES)}` : String(ids.length)} events match; give more of the id`,
    { id: p, ambiguous: true, candidates },
  );
}
