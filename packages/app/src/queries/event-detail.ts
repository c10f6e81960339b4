/**
 * One event in full, as `orbwatch event <id> --json` prints it and the API's event page serves
 * it: the `events --json` document with names, COSPAR ids, owners and types of its objects (and
 * which SATCAT source gave each owner), each element set with its source kind and its age
 * relative to the moment the event is about, and the stored findings of the event; a superseded
 * event also names its current estimate.
 * @module
 */
import type { Instant } from '@orbwatch/core';
import { formatIso, instant } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';
import { namedEventDocument } from './list-events.js';
import { latestEstimate } from './latest-estimate.js';
import { objectLabels } from './object-labels.js';

/** Objects whose SATCAT source is looked up one by one (a breakup names a thousand fragments). */
const OWNER_SOURCES_MAX = 200;

/** The instant the event's element-set ages are measured from, and what it is. */
export function eventReference(e: StoredEvent): { t: Instant; what: string } {
  const named: readonly [string, string][] = [
    ['minRangeUtc', 'closest approach'],
    ['separationEpochUtc', 'separation epoch'],
    ['epochUtc', 'breakup epoch'],
    ['tcaUtc', 'time of closest approach'],
  ];
  for (const [key, what] of named) {
    const v = e.measures[key];
    const t = typeof v === 'string' ? Date.parse(v) : Number.NaN;
    if (Number.isFinite(t)) return { t: instant(t), what };
  }
  return { t: e.start, what: e.kind === 'maneuver' ? 'start of the burn window' : 'event start' };
}

/** Source and source kind of each element set the event names, and its age from `ref`. */
export async function eventSetSources(
  repo: CatalogRepository,
  e: StoredEvent,
  ref: Instant,
): Promise<{ storedId: string; name: string | null; source: string; sourceKind: string; ageSec: number }[]> {
  const stored = new Map<string, StoredElementSet>(
    (await repo.elementSetsById(e.elementSetIds)).map((s) => [String(s.id), s]),
  );
  const kinds = new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  return e.elementSets.map((r) => {
    const s = r.storedId === undefined ? undefined : stored.get(r.storedId);
    const source = s?.source ?? r.source ?? 'unknown';
    return {
      storedId: r.storedId ?? '',
      name: s?.name ?? null,
      source,
      sourceKind: kinds.get(source) ?? 'unknown',
      ageSec: (r.epoch - ref) / 1000,
    };
  });
}

export async function eventDetail(repo: CatalogRepository, e: StoredEvent) {
  const labels = await objectLabels(
    repo,
    e.objects.map((o) => o.norad),
  );
  const doc = namedEventDocument(e, labels);
  const ref = eventReference(e);
  const sets = await eventSetSources(repo, e, ref.t);
  const ownerSources: Record<string, string | null> = {};
  for (const o of e.objects.slice(0, OWNER_SOURCES_MAX))
    ownerSources[String(o.norad)] = (await repo.getObject(o.norad))?.satcatSource ?? null;
  const findings = await repo.listFindings({ eventId: e.id });
  const latest = await latestEstimate(repo, e);
  return {
    ...doc,
    /** A superseded event's current estimate (the live end of its `supersededBy` chain); null otherwise. */
    latestEstimateId: latest?.live?.id ?? null,
    ownerSources,
    elementSets: doc.elementSets.map((s, i) => ({
      ...s,
      source: s.source ?? sets[i]?.source ?? 'unknown',
      sourceKind: sets[i]?.sourceKind ?? 'unknown',
      ageRelativeToEventSec: sets[i]?.ageSec ?? null,
    })),
    referenceUtc: formatIso(ref.t),
    reference: ref.what,
    findings: findings.map((f) => ({ ...f, createdUtc: formatIso(f.createdAt) })),
  };
}
export type EventDetail = Awaited<ReturnType<typeof eventDetail>>;
