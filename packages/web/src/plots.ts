/**
 * Interactive plots: a Vega-Lite specification (the API's `/plots`, or one the UI builds) is
 * compiled in the browser with vega-lite and drawn as SVG by a Vega view, with hover tooltips
 * and, on plots with two continuous axes, pan and zoom (drag, wheel; double-click resets).
 * Specs carry their data inline, so drawing fetches nothing.
 * @module
 */
import { View, parse } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

type Spec = Record<string, unknown>;

const ZOOM = { name: 'zoom', select: 'interval', bind: 'scales' };

function continuous(encoding: unknown, channel: 'x' | 'y'): boolean {
  const e = (encoding as Record<string, { type?: string } | undefined> | undefined)?.[channel];
  return e?.type === 'quantitative' || e?.type === 'temporal';
}

/** The spec with a scale-bound interval (pan and zoom) on its first unit with continuous x and y. */
export function withZoom(spec: Spec): Spec {
  if (continuous(spec['encoding'], 'x') && continuous(spec['encoding'], 'y') && spec['mark'] !== undefined)
    return { ...spec, params: [...((spec['params'] as unknown[] | undefined) ?? []), ZOOM] };
  const layers = spec['layer'] as Spec[] | undefined;
  if (Array.isArray(layers)) {
    const parentEnc = (spec['encoding'] ?? {}) as Spec;
    const i = layers.findIndex((l) => {
      const enc = { ...parentEnc, ...((l['encoding'] ?? {}) as Spec) };
      return l['mark'] !== undefined && continuous(enc, 'x') && continuous(enc, 'y');
    });
    const layer = layers[i];
    if (layer !== undefined) {
      const next = [...layers];
      next[i] = { ...layer, params: [...((layer['params'] as unknown[] | undefined) ?? []), ZOOM] };
      return { ...spec, layer: next };
    }
  }
  return spec;
}

/** Draws `spec` into `container`; resolves to the view (finalize it when the page goes). */
export async function drawPlot(container: HTMLElement, spec: Spec): Promise<View> {
  let compiled;
  try {
    compiled = compile(withZoom(spec) as unknown as TopLevelSpec).spec;
  } catch {
    // A spec whose layout does not take the zoom interval is drawn as it is.
    compiled = compile(spec as unknown as TopLevelSpec).spec;
  }
  const view = new View(parse(compiled), { renderer: 'svg', container, hover: true });
  await view.runAsync();
  return view;
}
