/**
 * Renders a Vega-Lite specification to a standalone SVG string with Vega's headless renderer
 * (no canvas, no DOM, no network: the data are inlined and the loader refuses every URL).
 * A template is compiled and parsed once, and its view reused; its rendering also tells where
 * given time spans fall on the SVG (in % of its width and height), so a page can outline one
 * event on a plot shared by many.
 * @module
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { PlotSpec, PlotTemplate, TemplateInput } from './plot-specs.js';

const noNetwork = vega.loader({ mode: 'file' });
noNetwork.load = () => Promise.reject(new Error('orbwatch plots inline their data; nothing is loaded'));

/** The SVG text of a plot. */
export async function renderSvg(spec: PlotSpec): Promise<string> {
  const compiled = compile(spec as unknown as Parameters<typeof compile>[0]).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', loader: noNetwork });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/**
 * One view per template, reused: new data and signals, a resize (autosize grows but never shrinks
 * a view by itself), a render. Instantiating the dataflow is half the cost of a fresh view; the
 * drawing is the same (only the order of some axis items in the SVG differs). Renders of one
 * template run one after the other.
 */
const views = new Map<string, { view: vega.View; queue: Promise<unknown> }>();

/** Where a time span falls on a rendered plot, in % of the SVG's width and height. */
export interface SpanBox {
  readonly leftPct: number;
  readonly widthPct: number;
  readonly topPct: number;
  readonly heightPct: number;
}

export interface RenderedTemplate {
  readonly svg: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** One box per span asked for: the span on the shared time axis, over every panel. */
  readonly spans: readonly SpanBox[];
}

const pct = (x: number, of: number): number => Math.round((1e4 * x) / of) / 100;

/**
 * Renders a template filled with `input`, and locates each span (ISO UTC start and end) on its
 * x scale (named `x`: one shared time axis) across the data rectangles of all panels.
 */
export async function renderTemplate(
  t: PlotTemplate,
  input: TemplateInput,
  spans: readonly (readonly [string, string])[] = [],
): Promise<RenderedTemplate> {
  let entry = views.get(t.key);
  if (entry === undefined) {
    const runtime = vega.parse(compile(t.spec as unknown as Parameters<typeof compile>[0]).spec);
    entry = { view: new vega.View(runtime, { renderer: 'none', loader: noNetwork }), queue: Promise.resolve() };
    views.set(t.key, entry);
  }
  const { view } = entry;
  const run = entry.queue.then(() => renderInView(view, input, spans));
  entry.queue = run.catch(() => undefined);
  return run;
}

async function renderInView(
  view: vega.View,
  input: TemplateInput,
  spans: readonly (readonly [string, string])[],
): Promise<RenderedTemplate> {
  for (const [name, value] of Object.entries(input.signals)) view.signal(name, value);
  for (const [name, values] of Object.entries(input.data))
    view.data(
      name,
      values.map((v) => ({ ...v })),
    );
  view.resize();
  const svg = await view.toSVG();
  const size = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg);
  const widthPx = Number(size?.[1] ?? 0);
  const heightPx = Number(size?.[2] ?? 0);
  const [ox, oy] = view.origin();
  // The panels: group items of the root with a height (a concat's cells), else the root itself.
  const root = (view.scenegraph() as unknown as { root: SceneItem }).root.items?.[0];
  const cells = (root?.items ?? [])
    .filter((m) => m.marktype === 'group')
    .flatMap((m) => m.items ?? [])
    .filter((g) => typeof g.height === 'number' && g.height > 0);
  const top = Math.min(...cells.map((g) => g.y ?? 0), 0);
  const bottom = cells.length > 0 ? Math.max(...cells.map((g) => (g.y ?? 0) + (g.height ?? 0))) : view.height();
  const x = view.scale('x') as ((v: Date) => number) | undefined;
  const boxes = spans.map(([start, end]) => {
    const x0 = x?.(new Date(start)) ?? 0;
    const x1 = x?.(new Date(end)) ?? x0;
    return {
      leftPct: pct(ox + Math.min(x0, x1), widthPx),
      widthPct: pct(Math.abs(x1 - x0), widthPx),
      topPct: pct(oy + top, heightPx),
      heightPct: pct(bottom - top, heightPx),
    };
  });
  return { svg, widthPx, heightPx, spans: boxes };
}

interface SceneItem {
  readonly marktype?: string;
  readonly x?: number;
  readonly y?: number;
  readonly height?: number;
  readonly items?: readonly SceneItem[];
}
