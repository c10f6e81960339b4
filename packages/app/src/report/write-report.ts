/**
 * The report use case: for the chosen stored events, judge them against the norms, build each
 * event's evidence bundle, render its plots to SVG, and write a self-contained static site
 * through the given sink: `index.html` / `index.md` (timeline, events, findings), `data.json`,
 * `events/<id>.html|.md` with each plot as `events/<id>-<plot>.svg`, and
 * `evidence/<id>.json`. Findings are returned so the caller can store or print them.
 *
 * Maneuvers are written object by object: the object's history is read once, kept once as
 * `evidence/objects/<norad>.json.gz` (the element-history file its burns' bundles name) and
 * drawn once as `plots/object-<norad>.svg` with every burn marked; each burn's page shows that
 * plot with its own span outlined. Thousands of burns then cost one plot per object, not two
 * per burn, and their bundles carry their cited sets, not the history again.
 * @module
 */
import { gzipSync } from 'node:zlib';
import type { EvidenceBundle, Finding, Instant, Norm, PublishedFact } from '@orbwatch/core';
import { elementHistoryPoints, formatIso, noradId } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';
import { buildEvidenceBundle } from '../evidence/build-evidence-bundle.js';
import type { SourceKinds } from '../evidence/element-history-file.js';
import { elementHistoryFile, elementHistoryText } from '../evidence/element-history-file.js';
import type { EventInputs } from '../event-inputs.js';
import { judgeEvents } from '../findings/judge-events.js';
import type { TimelineRow } from './plot-specs.js';
import { eventPlots, objectHistoryInput, objectHistoryTemplate, timelinePlot } from './plot-specs.js';
import { renderSvg, renderTemplate } from './render-svg.js';
import type { EventPage, SharedPlot } from './report-pages.js';
import {
  eventPageHtml,
  eventPageMarkdown,
  eventTitle,
  indexHtml,
  indexMarkdown,
  isRoutineManeuver,
  objectPlotFile,
} from './report-pages.js';
import { objectLabel } from './report-text.js';

/** Where the site's files go (a directory on disk, a zip, memory in tests). */
export interface ReportSink {
  write(path: string, content: string | Uint8Array): Promise<void>;
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
  /** Plots written: each event's own, and one history plot per object with maneuvers. */
  readonly plots: number;
  /** Object history plots among them. */
  readonly objectPlots: number;
  readonly findings: readonly Finding[];
  readonly bundles: readonly EvidenceBundle[];
}

/** The element-history file of an object, relative to `evidence/`. */
export function elementHistoryPath(norad: number): string {
  return `objects/${String(norad)}.json.gz`;
}

/** A maneuver's subject (maneuvers name exactly one object). */
function subjectOf(e: StoredEvent): number | null {
  return e.kind === 'maneuver' && e.objects.length === 1 ? Number(e.objects[0]?.norad) : null;
}

function inputsOf(sets: readonly StoredElementSet[], norad: number): EventInputs {
  return { context: [], setsByObject: new Map([[norad, sets]]), all: sets };
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
  const kinds: SourceKinds = new Map((await repo.sources()).map((s) => [s.name, s.kind]));
  const bundles = new Map<string, EvidenceBundle>();
  const objects = new Map<number, ReturnType<CatalogRepository['getObject']>>();
  const getObject: CatalogRepository['getObject'] = (n) => {
    let d = objects.get(Number(n));
    if (d === undefined) objects.set(Number(n), (d = repo.getObject(n)));
    return d;
  };
  let plots = 0;
  let objectPlots = 0;
  let done = 0;

  const writeEvent = async (page: EventPage): Promise<void> => {
    const b = page.bundle;
    await sink.write(`events/${b.event.id}.html`, eventPageHtml(page));
    await sink.write(`events/${b.event.id}.md`, eventPageMarkdown(page));
    await sink.write(`evidence/${b.event.id}.json`, `${JSON.stringify(b, null, 1)}\n`);
    bundles.set(b.event.id, b);
    o.progress?.(++done, events.length);
  };

  // Maneuvers, object by object.
  const bySubject = new Map<number, StoredEvent[]>();
  for (const e of events) {
    const n = subjectOf(e);
    if (n !== null) bySubject.set(n, [...(bySubject.get(n) ?? []), e]);
  }
  const template = objectHistoryTemplate();
  for (const [norad, burns] of bySubject) {
    const sets = await repo.history(noradId(norad));
    const history = elementHistoryPath(norad);
    await sink.write(`evidence/${history}`, gzipSync(elementHistoryText(elementHistoryFile(norad, sets, kinds))));
    const name = objectLabel({ norad, name: (await getObject(noradId(norad)))?.name ?? null });
    const title = `${name}: mean semi-major axis and inclination, ${String(burns.length)} manoeuvre(s) shaded`;
    const rendered = await renderTemplate(
      template,
      objectHistoryInput(
        title,
        elementHistoryPoints(sets),
        burns.map((e) => ({
          startUtc: formatIso(e.start),
          endUtc: formatIso(e.end),
          label: e.assessment?.label ?? 'maneuver',
        })),
      ),
      burns.map((e) => [formatIso(e.start), formatIso(e.end)] as const),
    );
    await sink.write(objectPlotFile(norad), rendered.svg);
    plots++;
    objectPlots++;
    const loaded = inputsOf(sets, norad);
    for (const [k, e] of burns.entries()) {
      const bundle = await buildEvidenceBundle(repo, e, {
        now: o.now,
        findings: byEvent.get(e.id) ?? [],
        loaded,
        getObject,
        sourceKinds: kinds,
        sharedHistory: { path: history },
      });
      const objectPlot: SharedPlot = {
        href: `../${objectPlotFile(norad)}`,
        title,
        widthPx: rendered.widthPx,
        heightPx: rendered.heightPx,
        span: rendered.spans[k] ?? { leftPct: 0, widthPct: 0, topPct: 0, heightPct: 0 },
      };
      await writeEvent({ bundle, plots: [], objectPlot });
    }
  }

  // Every other event with its own plots.
  for (const e of events) {
    if (subjectOf(e) !== null) continue;
    const bundle = await buildEvidenceBundle(repo, e, {
      now: o.now,
      findings: byEvent.get(e.id) ?? [],
      getObject,
      sourceKinds: kinds,
    });
    const rendered = [];
    for (const p of eventPlots(bundle.series)) {
      const svg = await renderSvg(p.spec);
      rendered.push({ name: p.name, title: p.title, svg });
      await sink.write(`events/${e.id}-${p.name}.svg`, svg);
    }
    plots += rendered.length;
    await writeEvent({ bundle, plots: rendered });
  }

  const ordered = events.map((e) => bundles.get(e.id)).filter((b): b is EvidenceBundle => b !== undefined);
  const rows: TimelineRow[] = ordered.map((b) => ({
    id: b.event.id,
    kind: b.event.kind,
    label: b.event.assessment?.label ?? 'unassessed',
    startUtc: b.event.startUtc,
    endUtc: b.event.endUtc,
    title: eventTitle(b),
  }));
  // Routine burns are grouped per object on the index and drawn on their objects' plots; the
  // timeline shows the events listed one by one (all of them when there is no other).
  const listed = rows.filter((_, k) => {
    const b = ordered[k];
    return b !== undefined && !isRoutineManeuver(b);
  });
  const timeline = await renderSvg(timelinePlot(listed.length > 0 ? listed : rows).spec);
  const title = o.title ?? 'orbwatch report';
  const entries = ordered.map((bundle) => ({ bundle }));
  await sink.write('timeline.svg', timeline);
  await sink.write('index.html', indexHtml(entries, timeline, title, o.notes ?? []));
  await sink.write('index.md', indexMarkdown(entries, title, o.notes ?? []));
  await sink.write('data.json', `${JSON.stringify({ title, events: rows, findings }, null, 1)}\n`);
  return { events: events.length, plots, objectPlots, findings, bundles: ordered };
}
