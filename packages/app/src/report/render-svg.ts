/**
 * Renders a Vega-Lite specification to a standalone SVG string with Vega's headless renderer
 * (no canvas, no DOM, no network: the data are inlined and the loader refuses every URL).
 * @module
 */
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { PlotSpec } from './plot-specs.js';

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
