/**
 * One event as the timeline and the object page list it: start (UTC), kind, assessment label
 * and confidence, objects (linked to their pages), and the kind's headline measure.
 * @module
 */
import type { EventDto } from '../api-types.js';
import { formatMeasure, h, utc } from '../dom.js';

/** The measure that says most about an event of each kind, with its unit. */
const HEADLINE: Readonly<Record<string, readonly [string, string]>> = {
  maneuver: ['deltaVMps', 'm/s'],
  release: ['deltaVMps', 'm/s'],
  proximity: ['minRangeKm', 'km'],
  fragmentation: ['fragments', 'fragments'],
  conjunction: ['missDistanceKm', 'km'],
};

export function objectName(o: { norad: number; name?: string | null | undefined }): string {
  return o.name !== undefined && o.name !== null && o.name !== '' ? `${o.name} (${o.norad})` : String(o.norad);
}

function headline(e: EventDto): string {
  const h = HEADLINE[e.kind];
  if (h === undefined) return '';
  const v = e.measures[h[0]];
  return v === undefined ? '' : `${formatMeasure(v)} ${h[1]}`;
}

const MAX_OBJECTS_SHOWN = 4;

export function eventRow(e: EventDto, fresh = false): HTMLTableRowElement {
  const shown = e.objects.slice(0, MAX_OBJECTS_SHOWN);
  const more = e.objects.length - shown.length;
  const label = e.assessment?.label ?? 'unassessed';
  return h(
    'tr',
    { class: fresh ? 'event-row fresh' : 'event-row', 'data-event-id': e.id, 'data-kind': e.kind },
    h('td', {}, h('a', { href: `#/event/${encodeURIComponent(e.id)}` }, utc(e.start))),
    h('td', {}, h('span', { class: `kind kind-${e.kind}` }, e.kind)),
    h(
      'td',
      {},
      h('span', { class: 'label' }, label),
      e.assessment
        ? h('span', { class: `confidence confidence-${e.assessment.confidence}` }, e.assessment.confidence)
        : null,
    ),
    h(
      'td',
      { class: 'objects' },
      shown.flatMap((o, i) => [
        i > 0 ? ', ' : '',
        h('a', { href: `#/object/${o.norad}` }, objectName(o)),
        h('span', { class: 'role' }, ` ${o.role}`),
      ]),
      more > 0 ? ` and ${more} more` : '',
    ),
    h('td', { class: 'num' }, headline(e)),
  );
}

export function eventTable(events: readonly EventDto[]): HTMLTableElement {
  return h(
    'table',
    { class: 'events' },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', {}, 'start (UTC)'),
        h('th', {}, 'kind'),
        h('th', {}, 'assessment'),
        h('th', {}, 'objects'),
        h('th', {}, 'measure'),
      ),
    ),
    h(
      'tbody',
      {},
      events.map((e) => eventRow(e)),
    ),
  );
}
