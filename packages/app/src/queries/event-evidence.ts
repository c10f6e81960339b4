/**
 * One event's evidence bundle, plot specifications and report page, built on request (the HTTP
 * API's event routes; `orbwatch evidence` and `report` build the same things for files): the
 * event is judged against the norms first, as `orbwatch evidence` does, so the bundle and page
 * carry the current findings.
 * @module
 */
import type { EvidenceBundle, Instant, Norm } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import { buildEvidenceBundle } from '../evidence/build-evidence-bundle.js';
import { judgeEvents } from '../findings/judge-events.js';
import type { Plot } from '../report/plot-specs.js';
import { eventPlots } from '../report/plot-specs.js';
import { eventPageHtml } from '../report/report-pages.js';
import { renderSvg } from '../report/render-svg.js';

export async function eventEvidence(
  repo: CatalogRepository,
  e: StoredEvent,
  norms: readonly Norm[],
  now: Instant,
): Promise<EvidenceBundle> {
  const findings = await judgeEvents(repo, [e], norms);
  return buildEvidenceBundle(repo, e, { now, findings });
}

/** The event's Vega-Lite plots (empty when the event has no plotted series). */
export function eventPlotSpecs(bundle: EvidenceBundle): Plot[] {
  return eventPlots(bundle.series);
}

/** The event's self-contained report page (HTML, plots inline as SVG). */
export async function eventReportHtml(bundle: EvidenceBundle): Promise<string> {
  const plots = [];
  for (const p of eventPlotSpecs(bundle)) plots.push({ name: p.name, title: p.title, svg: await renderSvg(p.spec) });
  return eventPageHtml({ bundle, plots });
}
