/**
 * The events timeline: filters by kind, assessment label and object (NORAD id), a strip plot of
 * the listed events over time, and the list itself, newest first, a page at a time. Events
 * pushed through the live feed with the same filters join the top of the list as they come.
 * The filters live in the URL (`#/?kind=…&label=…&object=…`), so a filtered view can be shared.
 * @module
 */
import { ASSESSMENT_LABELS } from '@orbwatch/core';
import { api, type EventFilter } from '../api-client.js';
import type { EventDto } from '../api-types.js';
import { h } from '../dom.js';
import { openLiveFeed } from '../live-feed.js';
import { drawPlot } from '../plots.js';
import { eventRow } from './event-row.js';

const PAGE = 200;

function allLabels(kind: string | undefined): string[] {
  const vocab = ASSESSMENT_LABELS as Readonly<Record<string, readonly string[]>>;
  if (kind !== undefined && vocab[kind] !== undefined) return [...vocab[kind]];
  return [...new Set(Object.values(vocab).flat())].sort();
}

function select(
  name: string,
  options: readonly string[],
  value: string | undefined,
  anyLabel: string,
): HTMLSelectElement {
  return h(
    'select',
    { name, id: `filter-${name}` },
    h('option', { value: '' }, anyLabel),
    options.map((o) => h('option', { value: o, selected: o === value }, o)),
  );
}

function timelineSpec(events: readonly EventDto[]): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width: 'container',
    height: 130,
    data: {
      values: events.map((e) => ({
        id: e.id,
        kind: e.kind,
        start: e.start,
        label: e.assessment?.label ?? 'unassessed',
      })),
    },
    mark: { type: 'tick', thickness: 2, size: 16 },
    encoding: {
      x: {
        field: 'start',
        type: 'temporal',
        title: 'start (UTC)',
        scale: { type: 'utc' },
        axis: { format: '%Y-%m-%d' },
      },
      y: { field: 'kind', type: 'nominal', title: null },
      color: { field: 'kind', type: 'nominal', legend: null },
      tooltip: [
        { field: 'kind', type: 'nominal' },
        { field: 'label', type: 'nominal' },
        {
          field: 'start',
          type: 'temporal',
          timeUnit: 'utcyearmonthdatehoursminutesseconds',
          format: '%Y-%m-%dT%H:%M:%SZ',
        },
      ],
    },
  };
}

/** Renders the timeline into `root`; returns the function that closes its live feed. */
export function renderTimeline(root: HTMLElement, filter: EventFilter): () => void {
  const kinds = Object.keys(ASSESSMENT_LABELS);
  const form = h(
    'form',
    { class: 'filters', id: 'filters' },
    h('label', {}, 'kind ', select('kind', kinds, filter.kind, 'any kind')),
    h('label', {}, 'label ', select('label', allLabels(filter.kind), filter.label, 'any label')),
    h(
      'label',
      {},
      'object ',
      h('input', {
        name: 'object',
        id: 'filter-object',
        inputmode: 'numeric',
        placeholder: 'NORAD id',
        value: filter.object ?? '',
      }),
    ),
    h('button', { type: 'submit' }, 'filter'),
  );
  const apply = (): void => {
    const data = new FormData(form);
    const params = new URLSearchParams();
    for (const key of ['kind', 'label', 'object']) {
      const value = data.get(key);
      const v = typeof value === 'string' ? value.trim() : '';
      if (v !== '') params.set(key, v);
    }
    location.hash = `#/?${params.toString()}`;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    apply();
  });
  for (const s of form.querySelectorAll('select')) s.addEventListener('change', apply);

  const status = h('p', { class: 'status', id: 'timeline-status' }, 'loading events…');
  const live = h('span', { class: 'live', id: 'live-state' }, 'live feed: connecting');
  const plot = h('div', { class: 'plot timeline-plot', id: 'timeline-plot' });
  const body = h('tbody', {});
  const table = h(
    'table',
    { class: 'events', id: 'events' },
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
    body,
  );
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'more events');
  root.replaceChildren(h('h1', {}, 'Events'), h('div', { class: 'toolbar' }, form, live), status, plot, table, more);

  const listed: EventDto[] = [];
  let cursor: string | null = null;
  let received = 0;
  let supersededOnPage = 0;
  let closed = false;
  let view: { finalize(): void } | undefined;
  const has = (id: string): boolean => body.querySelector(`tr[data-event-id="${CSS.escape(id)}"]`) !== null;
  /** The count and the strip plot, after a page was loaded or an event arrived. */
  const redraw = async (): Promise<void> => {
    status.textContent =
      `${listed.length} event${listed.length === 1 ? '' : 's'}` +
      (received > 0 ? ` (${received} arrived live)` : '') +
      (supersededOnPage > 0 ? `, ${supersededOnPage} of them superseded since` : '') +
      (cursor === null ? '' : ' (more below)');
    view?.finalize();
    view = undefined;
    plot.replaceChildren();
    if (listed.length > 0) view = await drawPlot(plot, timelineSpec(listed));
  };
  const load = async (): Promise<void> => {
    const page = await api.events(filter, PAGE, cursor ?? undefined);
    if (closed) return;
    // An event pushed while the page was on its way is listed once.
    const items = page.items.filter((e) => !has(e.id));
    listed.push(...items);
    body.append(...items.map((e) => eventRow(e)));
    cursor = page.nextCursor;
    more.hidden = cursor === null;
    await redraw();
  };
  more.addEventListener('click', () => void load().catch(showError));
  const showError = (e: unknown): void => {
    status.textContent = `could not load events: ${e instanceof Error ? e.message : String(e)}`;
    status.classList.add('error');
  };
  void load().catch(showError);

  const close = openLiveFeed(filter, {
    onEvent: (e) => {
      if (has(e.id)) return;
      received++;
      listed.unshift(e);
      body.prepend(eventRow(e, true));
      live.textContent = `live feed: ${received} new`;
      void redraw().catch(showError);
    },
    // A later run replaced an event on the page: its row stays, marked, and points to the later estimate.
    onSuperseded: (sup) => {
      const row = body.querySelector<HTMLTableRowElement>(`tr[data-event-id="${CSS.escape(sup.id)}"]`);
      if (row === null || row.classList.contains('superseded')) return;
      row.classList.add('superseded');
      supersededOnPage++;
      row.dataset['supersededBy'] = sup.supersededBy ?? '';
      const note =
        sup.supersededBy === null ? 'withdrawn by a later run' : `superseded by ${sup.supersededBy.slice(0, 13)}`;
      row.title = note;
      row.querySelector('td')?.append(h('span', { class: 'superseded-note' }, ` ${note}`));
      void redraw().catch(showError);
    },
    onState: (state) => {
      if (received === 0) live.textContent = `live feed: ${state}`;
      live.dataset['state'] = state;
    },
  });
  return () => {
    closed = true;
    close();
    view?.finalize();
  };
}
