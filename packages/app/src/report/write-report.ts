/**
 * The report use case: for the chosen stored events, judge them against the norms, build each
 * event's evidence bundle, render its plots to SVG, and write a self-contained static site
 * through the given sink: `index.html` / `index.md` (timeline, events, findings), `data.json`,
 * `events/<id>.html|.md` with each plot as `events/<id>-<plot>.svg`, and
 * `evidence/<id>.json`. Findings are returned so the caller can store or print them.
 * @module
 */
import type { EvidenceBundle, Finding, Instant, Norm, PublishedFact } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';
import { buildEvidenceBundle } from '../evidence/build-evidence-bundle.js';
import { judgeEvents } from '../findings/judge-events.js';
import type { TimelineRow } from './plot-specs.js';
import { eventPlots, timelinePlot } from './plot-specs.js';
import { renderSvg } from './render-svg.js';
import type { EventPage } from './report-pages.js';
import { eventPageHtml, eventPageMarkdown, eventTitle, indexHtml, indexMarkdown } from './report-pages.js';

/** Where the site's files go (a directory on disk, a zip, memory in tests). */
export interface ReportSink {
  write(path: string, content: string): Promise<void>;
}

export interface WriteReportOptions {
  readonly norms: readonly Norm[];
  readonly facts?: readonly PublishedFact[];
  readonly now: Instant;
  readonly title?: string;
  /** Sentences shown on the index under the title (e.g. what the site leaves out and why). */
  readonly notes?: readonly string[];
  /** Called after each event's page is written. */
  readonly progress?: (done: number, total: number) => void;
}

export interface WriteReportResult {
  readonly events: number;
  readonly plots: number;
  readonly findings: readonly Finding[];
  readonly bundles: readonly EvidenceBundle[];
}

export async function writeReport(
  repo: CatalogRepository,
  events: readonly StoredEvent[],
  sink: ReportSink,
  o: WriteReportOptions,
): Promise<WriteReportResult> {
  const findings = await judgeEvents(repo, events, o.norms, o.facts);
  const byEvent = new Map<string, Finding[]>();
  for (const f of findings) byEvent.set(f.eventId, [...(byEvent.get(f.eventId) ?? []), f]);
  const bundles: EvidenceBundle[] = [];
  let plots = 0;
  let done = 0;
  for (const e of events) {
    const bundle = await buildEvidenceBundle(repo, e, { now: o.now, findings: byEvent.get(e.id) ?? [] });
    const rendered = [];
    for (const p of eventPlots(bundle.series)) {
      const svg = await renderSvg(p.spec);
      rendered.push({ name: p.name, title: p.title, svg });
      await sink.write(`events/${e.id}-${p.name}.svg`, svg);
    }
    plots += rendered.length;
    const page: EventPage = { bundle, plots: rendered };
    await sink.write(`events/${e.id}.html`, eventPageHtml(page));
    await sink.write(`events/${e.id}.md`, eventPageMarkdown(page));
    await sink.write(`evidence/${e.id}.json`, `${JSON.stringify(bundle, null, 1)}\n`);
    bundles.push(bundle);
    o.progress?.(++done, events.length);
  }
  const rows: TimelineRow[] = bundles.map((b) => ({
    id: b.event.id,
    kind: b.event.kind,
    label: b.event.assessment?.label ?? 'unassessed',
    startUtc: b.event.startUtc,
    endUtc: b.event.endUtc,
    title: eventTitle(b),
  }));
  const timeline = await renderSvg(timelinePlot(rows).spec);
  const title = o.title ?? 'orbwatch report';
  await sink.write('timeline.svg', timeline);
  await sink.write(
    'index.html',
    indexHtml(
      bundles.map((bundle) => ({ bundle })),
      timeline,
      title,
    ),
  );
  await sink.write(
    'index.md',
    indexMarkdown(
      bundles.map((bundle) => ({ bundle })),
      title,
    ),
  );
  await sink.write('data.json', `${JSON.stringify({ title, events: rows, findings }, null, 1)}\n`);
  return { events: events.length, plots, findings, bundles };
}
