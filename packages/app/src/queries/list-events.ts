/**
 * Stored events, filtered and paged: by kind, assessment label, object and time, in (start, id)
 * order, each in its `events --json` form with the names, COSPAR ids, owners and types of its
 * objects beside their ids. Events superseded by a later estimate only when asked.
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import type { CatalogRepository, EventFilter, StoredEvent } from '@orbwatch/store';
import type { Page } from './cursor.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { eventDocument } from './documents.js';
import type { ObjectLabel } from './object-labels.js';
import { objectLabels } from './object-labels.js';

export interface EventQuery {
  readonly kind?: StoredEvent['kind'];
  readonly label?: string;
  readonly norad?: NoradId;
  /** Events that end at or after this instant. */
  readonly from?: Instant;
  /** Events that start before this instant. */
  readonly to?: Instant;
  readonly limit: number;
  readonly cursor?: string;
  /** Also events superseded by a later estimate (default: only live ones). */
  readonly includeSuperseded?: boolean;
}

const CURSOR_TAG = 'events';

/** The event document with every object's name, COSPAR id, owner and type. */
export function namedEventDocument(e: StoredEvent, labels: ReadonlyMap<NoradId, ObjectLabel>) {
  const doc = eventDocument(e);
  return {
    ...doc,
    objects: e.objects.map((o) => {
      const l = labels.get(o.norad);
      return {
        norad: o.norad,
        role: o.role,
        name: l?.name ?? null,
        cosparId: l?.cosparId ?? null,
        owner: l?.owner ?? null,
        objectType: l?.objectType ?? null,
      };
    }),
  };
}
export type NamedEventDocument = ReturnType<typeof namedEventDocument>;

export async function listEventsPage(repo: CatalogRepository, q: EventQuery): Promise<Page<NamedEventDocument>> {
  const after =
    q.cursor === undefined
      ? undefined
      : (() => {
          const [start, id] = decodeCursor(CURSOR_TAG, q.cursor, ['number', 'string'] as const);
          return { start: start as Instant, id };
        })();
  const filter: EventFilter = {
    ...(q.kind === undefined ? {} : { kind: q.kind }),
    ...(q.label === undefined ? {} : { label: q.label }),
    ...(q.norad === undefined ? {} : { norad: q.norad }),
    ...(q.from === undefined ? {} : { since: q.from }),
    ...(q.to === undefined ? {} : { until: q.to }),
    ...(after === undefined ? {} : { after }),
    ...(q.includeSuperseded === true ? { includeSuperseded: true } : {}),
    limit: q.limit + 1,
  };
  const events = await repo.listEvents(filter);
  const page = events.slice(0, q.limit);
  const last = page[page.length - 1];
  const labels = await objectLabels(
    repo,
    page.flatMap((e) => e.objects.map((o) => o.norad)),
  );
  return {
    items: page.map((e) => namedEventDocument(e, labels)),
    nextCursor: events.length > q.limit && last !== undefined ? encodeCursor(CURSOR_TAG, [last.start, last.id]) : null,
  };
}
