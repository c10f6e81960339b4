/**
 * An object's page: its catalogue entry, its element history (semi-major axis, inclination and
 * eccentricity against epoch, one panel each, sharing the time axis; pan and zoom), and the
 * events it takes part in.
 * @module
 */
import { api } from '../api-client.js';
import type { ElementSetDto, ObjectDecayDto } from '../api-types.js';
import { h } from '../dom.js';
import { drawPlot } from '../plots.js';
import { eventTable } from './event-row.js';

const PANELS = [
  ['semiMajorAxisKm', 'semi-major axis (km)'],
  ['inclinationDeg', 'inclination (°)'],
  ['eccentricity', 'eccentricity'],
] as const;

/** Vega-Lite spec of an element history: three panels over epoch, a shared zoomable time axis. */
export function historySpec(sets: readonly ElementSetDto[]): Record<string, unknown> {
  const values = sets.map((s) => ({
    epochUtc: s.epochUtc,
    semiMajorAxisKm: s.semiMajorAxisKm ?? null,
    inclinationDeg: s.inclinationDeg ?? null,
    eccentricity: s.eccentricity ?? null,
    source: s.source ?? '',
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    data: { values },
    vconcat: PANELS.map(([field, title], i) => ({
      width: 880,
      height: 140,
      mark: { type: 'line', point: { size: 12 }, interpolate: 'linear' },
      ...(i === 0
        ? { params: [{ name: 'time', select: { type: 'interval', encodings: ['x'] }, bind: 'scales' }] }
        : {}),
      encoding: {
        x: {
          field: 'epochUtc',
          type: 'temporal',
          title: i === PANELS.length - 1 ? 'epoch (UTC)' : null,
          scale: i === 0 ? { type: 'utc' } : { type: 'utc', domain: { param: 'time' } },
          axis: { format: '%Y-%m-%d' },
        },
        y: { field, type: 'quantitative', title, scale: { zero: false } },
        tooltip: [
          {
            field: 'epochUtc',
            type: 'temporal',
            title: 'epoch',
            timeUnit: 'utcyearmonthdatehoursminutesseconds',
            format: '%Y-%m-%dT%H:%M:%SZ',
          },
          { field, type: 'quantitative', title, format: field === 'eccentricity' ? '.6f' : '.3f' },
          { field: 'source', type: 'nominal' },
        ],
      },
    })),
    config: { axis: { labelFontSize: 11, titleFontSize: 12 } },
  };
}

/** The day (or time) of a decay epoch as the message gives it. */
function decayWhen(utc: string, precision: 'day' | 'time'): string {
  return precision === 'day' ? `${utc.slice(0, 10)} (day)` : utc;
}

/**
 * The decay rows: a decay is a fact with where it came from; a prediction is shown as one, with the
 * epoch of the message that made it, never in the decay row.
 */
function decayRows(
  decay: ObjectDecayDto | undefined,
  satcatDate: string | null | undefined,
): [string, string | null][] {
  if (decay === undefined) return [['decay (UTC)', satcatDate ?? null]];
  if (decay.status === 'decayed') {
    const m = decay.message;
    const from =
      decay.from === 'decay-message' && m !== null
        ? `Space-Track ${m.type} decay message (${m.messageSource}${m.messageEpochUtc === null ? '' : ` of ${m.messageEpochUtc}`})`
        : `catalogue${decay.source === null ? '' : ` (${decay.source})`}`;
    return [['decay (UTC)', `${decay.decayDateUtc?.slice(0, 10) ?? '?'} — from the ${from}`]];
  }
  const p = decay.latestPrediction;
  if (decay.status === 'predicted' && p !== null)
    return [
      [
        'decay prediction',
        `${decayWhen(p.decayEpochUtc, p.precision)} — a prediction (Space-Track ${p.messageSource}${p.messageEpochUtc === null ? '' : ` issued ${p.messageEpochUtc}`}), not a decay`,
      ],
    ];
  return [];
}

function catalogue(o: Awaited<ReturnType<typeof api.object>>): HTMLElement {
  const rows: [string, string | number | null | undefined][] = [
    ['NORAD', o.norad],
    ['name', o.name],
    ['COSPAR', o.cosparId],
    ['owner', o.owner],
    ['type', o.objectType],
    ['launch (UTC)', o.launchDateUtc],
    ...decayRows(o.decay, o.decayDateUtc),
    ['first epoch (UTC)', o.firstEpochUtc],
    ['last epoch (UTC)', o.lastEpochUtc],
  ];
  return h(
    'table',
    { class: 'catalogue' },
    h(
      'tbody',
      {},
      rows
        .filter(([, v]) => v !== undefined && v !== null && v !== '')
        .map(([k, v]) => h('tr', {}, h('th', {}, k), h('td', {}, String(v)))),
    ),
  );
}

/** Renders the object page into `root`; returns the function that releases it. */
export function renderObjectPage(root: HTMLElement, norad: number): () => void {
  let current = true;
  let view: { finalize(): void } | undefined;
  root.replaceChildren(h('p', { class: 'status' }, 'loading object…'));
  void (async () => {
    const [object, events] = await Promise.all([api.object(norad), api.events({ object: String(norad) }, 500)]);
    // An object known only from a decay message has no catalogue row and no sets to ask for.
    const sets = object.elementSets === 0 ? [] : await api.elementSets(norad);
    if (!current) return;
    const history = h('div', { class: 'plot', id: 'history-plot' });
    root.replaceChildren(
      h('p', {}, h('a', { href: '#/' }, '← events')),
      h('h1', {}, object.name ?? `NORAD ${norad}`, ` (${norad})`),
      catalogue(object),
      h(
        'section',
        { id: 'history' },
        h('h2', {}, `Element history (${sets.length} sets)`),
        sets.length > 0 ? history : h('p', {}, 'No element set stored.'),
      ),
      h(
        'section',
        { id: 'object-events' },
        h('h2', {}, `Events (${events.items.length}${events.nextCursor !== null ? '+' : ''})`),
        eventTable(events.items),
      ),
    );
    if (sets.length > 0) view = await drawPlot(history, historySpec(sets));
  })().catch((error: unknown) => {
    if (current)
      root.replaceChildren(
        h(
          'p',
          { class: 'status error' },
          `could not load object ${norad}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  });
  return () => {
    current = false;
    view?.finalize();
  };
}
