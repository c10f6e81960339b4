/**
 * Vega-Lite specifications of an event's plots, from its series (see core's `eventSeries`):
 * maneuver — semi-major axis and inclination histories with the manoeuvre marked; proximity —
 * range with its σ band and relative speed over time, relative motion in the reference object's
 * RIC frame; release — Δv with its 95 % interval against the class thresholds, and the separation
 * geometry; fragmentation — the Gabbard diagram; and the timeline of a whole report. An object's
 * whole element history with all its manoeuvres marked is one template (data and title filled
 * in per object), drawn once per object and shared by the pages of its burns.
 * Data are inlined: nothing is fetched when a plot is drawn.
 * @module
 */
import type { EventSeries } from '@orbwatch/core';

/** A Vega-Lite specification (JSON). */
export type PlotSpec = Readonly<Record<string, unknown>>;

export interface Plot {
  /** Short file-safe name (`range`, `gabbard`, …). */
  readonly name: string;
  readonly title: string;
  readonly spec: PlotSpec;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const WIDTH = 640;
const HEIGHT = 220;

/** Type a little larger than Vega's defaults (10-11 px), so the plots stay legible when scaled. */
const CONFIG = {
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14 },
};

function base(title: string, values: readonly unknown[]): Record<string, unknown> {
  return { $schema: SCHEMA, title, width: WIDTH, height: HEIGHT, data: { values }, config: CONFIG };
}

/** Times are UTC on every axis and tooltip, whatever the zone of the machine writing the report. */
const UTC_FORMAT = '%Y-%m-%d %H:%M';
const time = (field: string, title = 'UTC') => ({
  field,
  type: 'temporal',
  title,
  scale: { type: 'utc' },
  // About one label per 110 px: a full UTC date-time label is ~95 px wide at Vega's 10 px font.
  axis: { format: UTC_FORMAT, tickCount: Math.round(WIDTH / 110) },
});
/** A time in a tooltip (and in the marks' ARIA labels), in UTC to the second. */
const tipTime = (field: string) => ({
  field,
  type: 'temporal',
  title: field,
  timeUnit: 'utcyearmonthdatehoursminutesseconds',
  format: '%Y-%m-%dT%H:%M:%SZ',
});
const q = (field: string, title: string, zero = false) => ({ field, type: 'quantitative', title, scale: { zero } });

function maneuverPlots(s: Extract<EventSeries, { kind: 'maneuver' }>): Plot[] {
  const marks = s.marks.map((m) => ({ start: m.startUtc, end: m.endUtc, label: m.label }));
  const history = (field: string, title: string) => ({
    ...base(title, []),
    layer: [
      {
        data: { values: marks },
        mark: { type: 'rect', opacity: 0.25, color: '#d62728' },
        encoding: { x: time('start'), x2: { field: 'end' } },
      },
      {
        data: { values: s.history },
        mark: { type: 'line', point: true },
        encoding: {
          x: time('tUtc'),
          y: q(field, title),
          tooltip: [tipTime('tUtc'), { field, format: '.3f' }, { field: 'source' }],
        },
      },
    ],
  });
  return [
    {
      name: 'semi-major-axis',
      title: `Mean semi-major axis of ${String(s.norad)} (km), manoeuvre span shaded`,
      spec: history('semiMajorAxisKm', 'semi-major axis (km)'),
    },
    {
      name: 'inclination',
      title: `Inclination of ${String(s.norad)} (deg), manoeuvre span shaded`,
      spec: history('inclinationDeg', 'inclination (deg)'),
    },
  ];
}

function relativeMotion(
  name: string,
  title: string,
  values: readonly unknown[],
  x: string,
  y: string,
  xTitle: string,
  yTitle: string,
): Plot {
  return {
    name,
    title,
    spec: {
      ...base(title, values),
      height: 320,
      mark: { type: 'line', point: { size: 8 } },
      encoding: {
        x: q(x, xTitle),
        y: q(y, yTitle),
        order: { field: 'tUtc', type: 'temporal' },
        tooltip: [tipTime('tUtc'), { field: x }, { field: y }],
      },
    },
  };
}

function proximityPlots(s: Extract<EventSeries, { kind: 'proximity' }>): Plot[] {
  const sigma = s.rangeSigmaKm ?? 0;
  const values = s.samples.map((p) => ({
    ...p,
    lo: Math.max(0, p.rangeKm - 1.96 * sigma),
    hi: p.rangeKm + 1.96 * sigma,
  }));
  const who = `${String(s.other)} relative to ${String(s.reference)}`;
  return [
    {
      name: 'range',
      title: `Range ${who} (km), 95 % band from the range σ`,
      spec: {
        ...base(`Range ${who} (km)`, values),
        layer: [
          {
            mark: { type: 'area', opacity: 0.25 },
            encoding: { x: time('tUtc'), y: q('lo', 'range (km)', true), y2: { field: 'hi' } },
          },
          {
            mark: 'line',
            encoding: {
              x: time('tUtc'),
              y: q('rangeKm', 'range (km)', true),
              tooltip: [tipTime('tUtc'), { field: 'rangeKm', format: '.2f' }],
            },
          },
        ],
      },
    },
    {
      name: 'relative-speed',
      title: `Relative speed ${who} (km/s)`,
      spec: {
        ...base(`Relative speed ${who} (km/s)`, values),
        mark: 'line',
        encoding: { x: time('tUtc'), y: q('relativeSpeedKmPerSec', 'relative speed (km/s)', true) },
      },
    },
    relativeMotion(
      'ric-in-track-radial',
      `In-track vs radial, ${who} in ${String(s.reference)}'s RIC frame (km)`,
      values,
      'inTrackKm',
      'radialKm',
      'in-track (km)',
      'radial (km)',
    ),
    relativeMotion(
      'ric-cross-track-radial',
      `Cross-track vs radial, ${who} in ${String(s.reference)}'s RIC frame (km)`,
      values,
      'crossTrackKm',
      'radialKm',
      'cross-track (km)',
      'radial (km)',
    ),
  ];
}

function releasePlots(s: Extract<EventSeries, { kind: 'release' }>): Plot[] {
  const out: Plot[] = [];
  const dv = s.deltaV;
  if (dv.valueMps !== null) {
    const point = [{ label: 'Δv', value: dv.valueMps, lo: dv.lo95Mps ?? dv.valueMps, hi: dv.hi95Mps ?? dv.valueMps }];
    out.push({
      name: 'delta-v',
      title: 'Separation speed (m/s) with its 95 % interval, against the class thresholds',
      spec: {
        ...base('Separation speed (m/s): 95 % interval and class thresholds', []),
        height: 90,
        layer: [
          {
            data: { values: s.thresholds },
            mark: { type: 'rule', color: '#d62728', strokeDash: [4, 3] },
            encoding: {
              x: q('valueMps', 'Δv (m/s)', true),
              tooltip: [{ field: 'measure' }, { field: 'valueMps' }, { field: 'source' }],
            },
          },
          {
            data: { values: point },
            mark: { type: 'rule', strokeWidth: 3 },
            encoding: { x: q('lo', 'Δv (m/s)', true), x2: { field: 'hi' } },
          },
          {
            data: { values: point },
            mark: { type: 'point', filled: true, size: 80 },
            encoding: { x: q('value', 'Δv (m/s)', true) },
          },
        ],
      },
    });
  }
  if (s.geometry.length > 0 && s.reference !== null && s.other !== null)
    out.push(
      relativeMotion(
        'separation-geometry',
        `Separation geometry: ${String(s.other)} relative to ${String(s.reference)}, ±3 h around the separation (RIC, km)`,
        s.geometry,
        'inTrackKm',
        'radialKm',
        'in-track (km)',
        'radial (km)',
      ),
    );
  return out;
}

function fragmentationPlots(s: Extract<EventSeries, { kind: 'fragmentation' }>): Plot[] {
  const values = s.gabbard.flatMap((g) => [
    { norad: g.norad, periodMin: g.periodMin, altitudeKm: g.apogeeKm, point: 'apogee' },
    { norad: g.norad, periodMin: g.periodMin, altitudeKm: g.perigeeKm, point: 'perigee' },
  ]);
  return [
    {
      name: 'gabbard',
      title: `Gabbard diagram: apogee and perigee altitude against period of ${String(s.gabbard.length)} pieces`,
      spec: {
        ...base('Gabbard diagram', values),
        height: 360,
        mark: { type: 'point', size: 10, filled: true },
        encoding: {
          x: q('periodMin', 'period (min)'),
          y: q('altitudeKm', 'altitude (km)'),
          color: { field: 'point', type: 'nominal', title: '' },
          tooltip: [{ field: 'norad' }, { field: 'point' }, { field: 'altitudeKm', format: '.0f' }],
        },
      },
    },
  ];
}

function conjunctionPlots(s: Extract<EventSeries, { kind: 'conjunction' }>): Plot[] {
  const who = `${String(s.other)} relative to ${String(s.reference)}`;
  const threshold = s.thresholdKm === null ? [] : [{ thresholdKm: s.thresholdKm }];
  return [
    {
      name: 'range',
      title: `Range ${who} around closest approach (km); TCA ${s.tcaUtc}`,
      spec: {
        ...base(`Range ${who} around closest approach (km)`, s.samples),
        layer: [
          {
            mark: 'line',
            encoding: {
              x: time('tUtc'),
              y: q('rangeKm', 'range (km)', true),
              tooltip: [tipTime('tUtc'), { field: 'rangeKm', format: '.3f' }],
            },
          },
          ...threshold.map((t) => ({
            data: { values: [t] },
            mark: { type: 'rule', strokeDash: [4, 4] },
            encoding: { y: { field: 'thresholdKm', type: 'quantitative' } },
          })),
        ],
      },
    },
    relativeMotion(
      'ric-in-track-radial',
      `In-track vs radial, ${who} in ${String(s.reference)}'s RIC frame (km)`,
      s.samples,
      'inTrackKm',
      'radialKm',
      'in-track (km)',
      'radial (km)',
    ),
  ];
}

/** The plots of one event (empty when it has no series). */
export function eventPlots(s: EventSeries | null): Plot[] {
  if (s === null) return [];
  switch (s.kind) {
    case 'maneuver':
      return maneuverPlots(s);
    case 'proximity':
      return proximityPlots(s);
    case 'release':
      return releasePlots(s);
    case 'fragmentation':
      return fragmentationPlots(s);
    case 'conjunction':
      return conjunctionPlots(s);
  }
}

/** A plot whose data and title are filled in per use: compiled and parsed once. */
export interface PlotTemplate {
  /** Names the template in the renderer's cache. */
  readonly key: string;
  readonly spec: PlotSpec;
}

/** Data sets and signals that fill a template. */
export interface TemplateInput {
  readonly data: Readonly<Record<string, readonly object[]>>;
  readonly signals: Readonly<Record<string, unknown>>;
}

const OBJECT_PANEL_HEIGHT = 160;

/**
 * An object's element history: mean semi-major axis above, inclination below, one shared UTC
 * axis; every manoeuvre shaded over its span with a rule at its start (a burn of hours is a
 * sliver on two months). Points are not described one by one (hundreds per object).
 */
export function objectHistoryTemplate(): PlotTemplate {
  const marks = [
    {
      data: { name: 'marks' },
      mark: { type: 'rect', opacity: 0.25, color: '#d62728' },
      encoding: { x: time('start'), x2: { field: 'end' } },
    },
    {
      data: { name: 'marks' },
      mark: { type: 'rule', color: '#d62728', opacity: 0.6 },
      encoding: { x: time('start') },
    },
  ];
  const panel = (field: string, title: string) => ({
    width: WIDTH,
    height: OBJECT_PANEL_HEIGHT,
    layer: [
      ...marks,
      {
        data: { name: 'history' },
        mark: { type: 'line', strokeWidth: 1.2 },
        encoding: { x: time('tUtc'), y: q(field, title) },
      },
    ],
  });
  return {
    key: 'object-history',
    spec: {
      $schema: SCHEMA,
      params: [{ name: 'plotTitle', value: '' }],
      title: { text: { expr: 'plotTitle' } },
      vconcat: [panel('semiMajorAxisKm', 'semi-major axis (km)'), panel('inclinationDeg', 'inclination (deg)')],
      resolve: { scale: { x: 'shared' } },
      config: { ...CONFIG, aria: false },
    },
  };
}

/** What fills the object-history template. */
export function objectHistoryInput(
  title: string,
  history: readonly { tUtc: string; semiMajorAxisKm: number; inclinationDeg: number }[],
  marks: readonly { startUtc: string; endUtc: string; label: string }[],
): TemplateInput {
  return {
    data: {
      history: history.map((p) => ({
        tUtc: p.tUtc,
        semiMajorAxisKm: p.semiMajorAxisKm,
        inclinationDeg: p.inclinationDeg,
      })),
      marks: marks.map((m) => ({ start: m.startUtc, end: m.endUtc, label: m.label })),
    },
    signals: { plotTitle: title },
  };
}

/** One row of the report timeline. */
export interface TimelineRow {
  readonly id: string;
  readonly kind: string;
  readonly label: string;
  readonly startUtc: string;
  readonly endUtc: string;
  readonly title: string;
}

/**
 * The timeline of a report's events: one bar per event over its span, by kind, coloured by label,
 * and a tick at its start so that an event of hours stays visible on a timeline of years.
 */
export function timelinePlot(rows: readonly TimelineRow[]): Plot {
  const encoding = {
    x: time('startUtc'),
    y: { field: 'kind', type: 'nominal', title: '' },
    color: { field: 'label', type: 'nominal', title: 'label' },
    tooltip: [{ field: 'title' }, { field: 'label' }, tipTime('startUtc'), tipTime('endUtc')],
  };
  return {
    name: 'timeline',
    title: 'Events over time, by kind and label',
    spec: {
      ...base('Events over time', rows),
      height: 40 + 30 * new Set(rows.map((r) => r.kind)).size,
      layer: [
        {
          mark: { type: 'bar', height: 14, cornerRadius: 2, minBandSize: 3 },
          encoding: { ...encoding, x2: { field: 'endUtc' } },
        },
        { mark: { type: 'tick', thickness: 2, size: 20 }, encoding },
      ],
    },
  };
}
