/**
 * The alert feed as documents: new events (in their `events --json` form with names), new or
 * changed findings (with their event's kind, label and objects) and events superseded by a later
 * estimate (`event-superseded`: the event's id, kind, label and objects, when, why, and the later
 * estimate's id or null when withdrawn), after a sequence number, filtered by event kind,
 * assessment label and object. An event already superseded when its row is read is not sent as
 * new (a client catching up gets the later estimate instead). The API's Server-Sent Events stream
 * and the webhooks deliver these.
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import { formatIso } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import type { NamedEventDocument } from './list-events.js';
import { namedEventDocument } from './list-events.js';
import { objectLabels } from './object-labels.js';

export interface FeedFilter {
  readonly kinds?: readonly string[];
  readonly labels?: readonly string[];
  readonly norad?: NoradId;
}

/** What an `event-superseded` message says. */
export interface SupersessionDocument {
  readonly id: string;
  readonly kind: string;
  readonly label: string | null;
  readonly objects: readonly number[];
  readonly supersededUtc: string;
  readonly supersededBy: string | null;
  readonly supersessionReason: 're-estimated' | 'withdrawn';
}

export type FeedItem =
  | { readonly seq: number; readonly type: 'event'; readonly data: NamedEventDocument }
  | { readonly seq: number; readonly type: 'event-superseded'; readonly data: SupersessionDocument }
  | {
      readonly seq: number;
      readonly type: 'finding';
      readonly data: Record<string, unknown> & {
        readonly eventId: string;
        readonly event: { kind: string; label: string | null; objects: number[] };
      };
    };

function matches(e: StoredEvent, f: FeedFilter): boolean {
  if (f.kinds !== undefined && !f.kinds.includes(e.kind)) return false;
  if (f.labels !== undefined && !f.labels.includes(e.assessment?.label ?? '')) return false;
  if (f.norad !== undefined && !e.objects.some((o) => o.norad === f.norad)) return false;
  return true;
}

/**
 * Feed items with `seq > afterSeq` that pass `filter`, reading at most `limit` feed rows;
 * `last` is the highest seq read (also when every row read was filtered out), the caller's next
 * `afterSeq`.
 */
export async function feedItems(
  repo: CatalogRepository,
  afterSeq: number,
  limit: number,
  filter: FeedFilter = {},
): Promise<{ items: FeedItem[]; last: number }> {
  const rows = await repo.feedAfter(afterSeq, limit);
  const items: FeedItem[] = [];
  const events = new Map<string, StoredEvent | null>();
  const eventOf = async (id: string): Promise<StoredEvent | null> => {
    if (!events.has(id)) events.set(id, await repo.getEvent(id));
    return events.get(id) ?? null;
  };
  for (const r of rows) {
    if (r.type === 'supersession') {
      const e = await eventOf(r.refId);
      if (e?.superseded === undefined || !matches(e, filter)) continue;
      items.push({
        seq: r.seq,
        type: 'event-superseded',
        data: {
          id: e.id,
          kind: e.kind,
          label: e.assessment?.label ?? null,
          objects: e.objects.map((o) => o.norad),
          supersededUtc: formatIso(e.superseded.at),
          supersededBy: e.superseded.by,
          supersessionReason: e.superseded.reason,
        },
      });
    } else if (r.type === 'event') {
      const e = await eventOf(r.refId);
      if (e === null || e.superseded !== undefined || !matches(e, filter)) continue;
      const labels = await objectLabels(
        repo,
        e.objects.map((o) => o.norad),
      );
      items.push({ seq: r.seq, type: 'event', data: namedEventDocument(e, labels) });
    } else {
      const f = await repo.getFinding(r.refId);
      if (f === null) continue;
      const e = await eventOf(f.eventId);
      if (e === null || !matches(e, filter)) continue;
      items.push({
        seq: r.seq,
        type: 'finding',
        data: {
          ...f,
          createdUtc: formatIso(f.createdAt),
          event: { kind: e.kind, label: e.assessment?.label ?? null, objects: e.objects.map((o) => o.norad) },
        },
      });
    }
  }
  return { items, last: rows[rows.length - 1]?.seq ?? afterSeq };
}
