/**
 * The pages of a report site, as text: one HTML and one Markdown page per event (assessment and
 * reasons, measures with σ, objects with names and owners, the element sets with ages and
 * sources, plots, findings with dissent), and the index (timeline plot, events, findings).
 * A maneuver's page shows its object's history plot (one SVG file shared by the pages of all
 * the object's burns) with this burn outlined over it, and the sets around the burn as a table.
 * On the index, routine burns (station keeping, orbit raising) are grouped per object, each
 * linked, and findings that cannot be assessed are folded when there are many. Self-contained: inline CSS, inline or sibling SVG; nothing is fetched from elsewhere.
 * @module
 */
import type { EvidenceBundle, Finding } from '@orbwatch/core';
import type { SpanBox } from './render-svg.js';
import {
  byRole,
  eventMoment,
  groupedDissent,
  html,
  md,
  measureRows,
  objectLabel,
  readable,
  setAgeDays,
  sourceLabel,
} from './report-text.js';

export interface RenderedPlot {
  readonly name: string;
  readonly title: string;
  readonly svg: string;
}

/** An object's history plot, shared by its burns' pages, with this event's place on it. */
export interface SharedPlot {
  /** The SVG file, relative to the page. */
  readonly href: string;
  readonly title: string;
  readonly widthPx: number;
  readonly heightPx: number;
  /** This event's span on the plot (% of its width and height). */
  readonly span: SpanBox;
}

export interface EventPage {
  readonly bundle: EvidenceBundle;
  readonly plots: readonly RenderedPlot[];
  readonly objectPlot?: SharedPlot;
}

/** Maneuver labels the index groups per object instead of listing one by one. */
export const ROUTINE_MANEUVER_LABELS: readonly string[] = ['station-keeping', 'orbit-raising'];

/** A routine burn: listed on the index under its object, not on its own row. */
export function isRoutineManeuver(b: EvidenceBundle): boolean {
  return b.event.kind === 'maneuver' && ROUTINE_MANEUVER_LABELS.includes(b.event.assessment?.label ?? '');
}

// Wide content never widens the page: plots scale down to the column, tables scroll sideways
// inside themselves, long tokens (ids, the detector's parameters) wrap.
const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;overflow-wrap:break-word}
h1{font-size:1.7rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;max-width:100%;overflow-x:auto}
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}td.nowrap{white-space:nowrap}
th{background:#f3f3f3}.label{font-weight:bold}.inconsistent{color:#a00}.consistent{color:#060}.not-assessable{color:#666}
figure{margin:1rem 0}figure svg{display:block;max-width:100%;height:auto}figcaption{font-size:.9rem;color:#444}
.amateur{color:#a60;font-weight:bold}code{font-size:.85rem;overflow-wrap:anywhere}summary{cursor:pointer;margin:.5rem 0}
.plot-frame{position:relative;max-width:100%}.plot-frame img{display:block;max-width:100%;height:auto}
.event-span{position:absolute;box-sizing:border-box;min-width:3px;border:2px solid #1f4e9c;background:rgba(31,78,156,.12);pointer-events:none}`;

/** Tables longer than this are folded under a summary line (open with one click). */
const FOLD_ROWS = 25;

function folded(summary: string, rows: number, table: string): string {
  return rows > FOLD_ROWS ? `<details><summary>${html(summary)}</summary>\n${table}</details>` : table;
}

function page(title: string, body: string): string {
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${html(title)}</title><style>${STYLE}</style></head>\n<body>\n${body}\n</body></html>\n`;
}

/** The event's headline: label and kind (the kind alone when unassessed), the objects by name. */
export function eventTitle(b: EvidenceBundle): string {
  const label = b.event.assessment?.label;
  const what = label === undefined ? b.event.kind : `${label} (${b.event.kind})`;
  const objects = byRole(b.objects);
  const fragments = objects.filter((o) => o.role === 'fragment').length;
  const named = objects.filter((o) => o.role !== 'fragment').slice(0, 3);
  const rest = objects.length - named.length - fragments;
  const names = [
    ...named.map(objectLabel),
    ...(fragments > 0 ? [`${String(fragments)} fragments`] : []),
    ...(rest > 0 ? [`${String(rest)} more`] : []),
  ].join(', ');
  return `${what}: ${names}, ${eventMoment(b).slice(0, 16)}Z`;
}

function findingsHtml(findings: readonly Finding[]): string {
  if (findings.length === 0) return '<p>No norm in the set concerns this event.</p>';
  return findings
    .map(
      (
        f,
      ) => `<div class="finding"><p class="${f.verdict}"><span class="label">${html(f.statement)}</span> — confidence ${f.confidence}</p>
<ul>${f.reasons.map((r) => `<li>${html(r.text)}${r.source === undefined ? '' : ` <em>(${html(r.source)})</em>`}</li>`).join('')}</ul>
${f.dissent.length > 0 ? `<p>Rejected by: ${html(groupedDissent(f.dissent).join('; '))}</p>` : ''}${f.contested === null ? '' : `<p>Contested: ${html(f.contested)}</p>`}</div>`,
    )
    .join('\n');
}

function sharedPlotHtml(x: SharedPlot): string {
  const box = `left:${String(x.span.leftPct)}%;width:${String(x.span.widthPct)}%;top:${String(x.span.topPct)}%;height:${String(x.span.heightPct)}%`;
  return `<figure id="plot-object-history" class="shared"><div class="plot-frame" style="width:${String(x.widthPx)}px"><img src="${html(x.href)}" alt="${html(x.title)}" width="${String(x.widthPx)}" height="${String(x.heightPx)}"><span class="event-span" style="${box}" title="this burn"></span></div><figcaption>${html(x.title)}; this burn outlined in blue · <a href="${html(x.href)}">SVG</a></figcaption></figure>`;
}

/** The sets around a burn (the bundle's narrowed series) as a table. */
function aroundHtml(b: EvidenceBundle): string {
  const s = b.series;
  if (s?.kind !== 'maneuver' || s.history.length === 0) return '';
  return `<p>Mean elements of the sets around the burn (its span ${html(b.event.startUtc)} → ${html(b.event.endUtc)}):</p>
<table><tr><th>epoch (UTC)</th><th>semi-major axis (km)</th><th>inclination (deg)</th><th>perigee (km)</th><th>apogee (km)</th><th>source</th></tr>
${s.history
  .map(
    (h) =>
      `<tr><td class="nowrap">${html(h.tUtc)}</td><td>${h.semiMajorAxisKm.toFixed(3)}</td><td>${h.inclinationDeg.toFixed(4)}</td><td>${h.perigeeKm.toFixed(1)}</td><td>${h.apogeeKm.toFixed(1)}</td><td>${html(h.source ?? '')}</td></tr>`,
  )
  .join('\n')}</table>`;
}

function plotsHtml(p: EventPage): string {
  const b = p.bundle;
  const own = p.plots.map(
    (x) =>
      `<figure id="plot-${html(x.name)}">${x.svg}<figcaption>${html(x.title)} · <a href="${html(b.event.id)}-${html(x.name)}.svg">SVG</a></figcaption></figure>`,
  );
  const shared = p.objectPlot === undefined ? [] : [sharedPlotHtml(p.objectPlot), aroundHtml(b)];
  const all = [...shared, ...own];
  return all.length === 0
    ? '<p>No plot for this event (its element sets could not be propagated).</p>'
    : all.join('\n');
}

/** The HTML page of one event. `plotHref` names each plot's SVG file (also inlined). */
export function eventPageHtml(p: EventPage): string {
  const b = p.bundle;
  const a = b.event.assessment;
  const sets = b.elementSets.filter((s) => s.cited);
  const body = `<p><a href="../index.html">← all events</a> · <a href="../evidence/${html(b.event.id)}.json">evidence bundle (JSON)</a> · <a href="${html(b.event.id)}.md">Markdown</a></p>
<h1>${html(eventTitle(b))}</h1>
<p>Event <code>${html(b.event.id)}</code>, ${html(b.event.startUtc)} → ${html(b.event.endUtc)}; detector ${html(b.event.detector)} ${html(b.event.detectorVersion)}.</p>
<h2>Assessment</h2>
${
  a === null
    ? '<p>No assessment.</p>'
    : `<p><span class="label">${html(a.label)}</span>, ${a.confidence} confidence${a.possibleLabels === undefined ? '' : `; still possible: ${html(a.possibleLabels.join(', '))}`}</p>
<table><tr><th>reason</th><th>measure</th><th>value ± σ</th><th>threshold</th><th>threshold source</th></tr>
${a.reasons.map((r) => `<tr><td>${html(r.text)}</td><td>${html(r.measure)}</td><td class="nowrap">${html(r.value === null ? 'n/a' : typeof r.value === 'number' ? readable(r.value) : String(r.value))}${typeof r.sigma === 'number' ? ` ± ${html(readable(r.sigma))}` : ''}</td><td class="nowrap">${html(r.threshold === undefined || r.threshold === null ? '' : `${r.comparison ?? ''} ${typeof r.threshold === 'number' ? readable(r.threshold) : String(r.threshold)}`)}</td><td>${html(r.thresholdSource ?? '')}</td></tr>`).join('\n')}</table>`
}
<h2>Findings</h2>
${findingsHtml(b.findings)}
<h2>Plots</h2>
${plotsHtml(p)}
<h2>Measures</h2>
<table><tr><th>measure</th><th>value</th></tr>${measureRows(b.event.measures)
    .map((r) => `<tr><td>${html(r.name)}</td><td>${html(r.value)}</td></tr>`)
    .join('')}</table>
<h2>Objects</h2>
${folded(
  `${String(b.objects.length)} objects${b.objects.length > 200 ? ' (table of the first 200; all are in the evidence bundle)' : ''}`,
  b.objects.length,
  `<table><tr><th>NORAD</th><th>name</th><th>role</th><th>COSPAR</th><th>type</th><th>owner</th></tr>
${byRole(b.objects)
  .slice(0, 200)
  .map(
    (o) =>
      `<tr><td>${String(o.norad)}</td><td>${html(o.name ?? '')}</td><td>${o.role}</td><td>${html(o.cosparId ?? '')}</td><td>${html(o.objectType ?? '')}</td><td>${html(o.owner ?? 'unknown')}</td></tr>`,
  )
  .join('\n')}</table>`,
)}
<h2>Element sets cited</h2>
<p>${String(sets.length)} cited of ${String(b.elementHistory?.storedIds.length ?? b.elementSets.length)} read by the detector${b.elementHistory === undefined ? '' : ` (the object's history, kept once for all its burns in <code>evidence/${html(b.elementHistory.path)}</code>)`}; age is the distance of the set's epoch from the event's span.</p>
${folded(
  `${String(sets.length)} cited element sets${sets.length > 200 ? ' (table of the first 200; all are in the evidence bundle)' : ''}`,
  sets.length,
  `<table><tr><th>NORAD</th><th>epoch (UTC)</th><th>age (days)</th><th>role</th><th>source</th><th>stored id</th></tr>
${sets
  .slice(0, 200)
  .map(
    (s) =>
      `<tr><td>${String(s.noradId)}</td><td>${html(s.epochUtc)}</td><td>${setAgeDays(s, b).toFixed(2)}</td><td>${html(s.role ?? '')}</td><td${s.sourceKind === 'amateur' ? ' class="amateur"' : ''}>${html(sourceLabel(s))}</td><td>${String(s.storedId)}</td></tr>`,
  )
  .join('\n')}</table>`,
)}
<h2>Method</h2>
<p>Parameters of ${html(b.event.detector)} ${html(b.event.detectorVersion)}: <code>${html(JSON.stringify(b.event.parameters))}</code></p>
<p>Check this page: <code>orbwatch verify evidence/${html(b.event.id)}.json</code> recomputes the event from the bundle alone.</p>`;
  return page(eventTitle(b), body);
}

/** The Markdown page of one event. Plots link to their SVG files. */
export function eventPageMarkdown(p: EventPage): string {
  const b = p.bundle;
  const a = b.event.assessment;
  const lines = [
    `# ${eventTitle(b)}`,
    '',
    `Event \`${b.event.id}\`, ${b.event.startUtc} → ${b.event.endUtc}; detector ${b.event.detector} ${b.event.detectorVersion}. Evidence: [evidence/${b.event.id}.json](../evidence/${b.event.id}.json).`,
    '',
    '## Assessment',
    '',
    a === null
      ? 'No assessment.'
      : `**${a.label}**, ${a.confidence} confidence${a.possibleLabels === undefined ? '' : `; still possible: ${a.possibleLabels.join(', ')}`}`,
    '',
    ...(a === null
      ? []
      : a.reasons.map(
          (r) => `- ${r.text}${r.thresholdSource === undefined ? '' : ` (threshold: ${r.thresholdSource})`}`,
        )),
    '',
    '## Findings',
    '',
    ...(b.findings.length === 0
      ? ['No norm in the set concerns this event.']
      : b.findings.flatMap((f) => [
          `- **${f.statement}** — confidence ${f.confidence}`,
          ...f.reasons.map((r) => `  - ${r.text}`),
          ...(f.dissent.length > 0 ? [`  - Rejected by: ${groupedDissent(f.dissent).join('; ')}`] : []),
          ...(f.contested === null ? [] : [`  - Contested: ${f.contested}`]),
        ])),
    '',
    '## Plots',
    '',
    ...(p.objectPlot === undefined ? [] : [`![${p.objectPlot.title}](${p.objectPlot.href})`]),
    ...p.plots.map((x) => `![${x.title}](${b.event.id}-${x.name}.svg)`),
    '',
    '## Measures',
    '',
    '| measure | value |',
    '|---|---|',
    ...measureRows(b.event.measures).map((r) => `| ${md(r.name)} | ${md(r.value)} |`),
    '',
    '## Element sets cited',
    '',
    '| NORAD | epoch (UTC) | age (days) | role | source |',
    '|---|---|---|---|---|',
    ...b.elementSets
      .filter((s) => s.cited)
      .slice(0, 200)
      .map(
        (s) =>
          `| ${String(s.noradId)} | ${s.epochUtc} | ${setAgeDays(s, b).toFixed(2)} | ${s.role ?? ''} | ${md(sourceLabel(s))} |`,
      ),
    '',
  ];
  return lines.join('\n');
}

export interface IndexEntry {
  readonly bundle: EvidenceBundle;
}

/** The history plot of an object with burns, relative to the site's root. */
export function objectPlotFile(norad: number): string {
  return `plots/object-${String(norad)}.svg`;
}

interface RoutineGroup {
  readonly norad: number;
  readonly name: string;
  readonly bundles: readonly EvidenceBundle[];
}

/** Routine burns grouped by their object, objects by most burns; the other events in order. */
function splitRoutine(entries: readonly IndexEntry[]): { listed: EvidenceBundle[]; routine: RoutineGroup[] } {
  const listed: EvidenceBundle[] = [];
  const groups = new Map<number, EvidenceBundle[]>();
  for (const { bundle: b } of entries) {
    const subject = b.objects[0];
    if (!isRoutineManeuver(b) || subject === undefined) listed.push(b);
    else groups.set(subject.norad, [...(groups.get(subject.norad) ?? []), b]);
  }
  const routine = [...groups.entries()]
    .map(([norad, bundles]) => ({
      norad,
      name: objectLabel(bundles[0]?.objects[0] ?? { norad, name: null }),
      bundles: [...bundles].sort((a, b) => a.event.startUtc.localeCompare(b.event.startUtc)),
    }))
    .sort((a, b) => b.bundles.length - a.bundles.length || a.norad - b.norad);
  return { listed, routine };
}

const countLabels = (bundles: readonly EvidenceBundle[]): string =>
  [...new Set(bundles.map((b) => b.event.assessment?.label ?? ''))]
    .map((l) => `${String(bundles.filter((b) => (b.event.assessment?.label ?? '') === l).length)} ${l}`)
    .join(', ');

function routineHtml(routine: readonly RoutineGroup[]): string {
  if (routine.length === 0) return '';
  const burns = routine.reduce((n, g) => n + g.bundles.length, 0);
  const table = `<table><tr><th>object</th><th>burns</th><th>history plot</th><th>each burn (start, UTC)</th></tr>
${routine
  .map(
    (g) =>
      `<tr><td>${html(g.name)}</td><td>${html(countLabels(g.bundles))}</td><td><a href="${objectPlotFile(g.norad)}">plot</a></td><td>${g.bundles
        .map(
          (b) =>
            `<a href="events/${html(b.event.id)}.html">${html(b.event.startUtc.slice(5, 16).replace('T', ' '))}</a>`,
        )
        .join(' · ')}</td></tr>`,
  )
  .join('\n')}</table>`;
  return `<h2>Routine manoeuvres, by object</h2>
<p>${String(burns)} burns labelled ${ROUTINE_MANEUVER_LABELS.join(' or ')} by ${String(routine.length)} objects: each has its page and evidence bundle, linked here by its start.</p>
${folded(`${String(routine.length)} objects, ${String(burns)} burns`, routine.length, table)}`;
}

function findingRows(rows: readonly { f: Finding; b: EvidenceBundle }[]): string {
  return `<table><tr><th>verdict</th><th>event</th><th>confidence</th></tr>${rows
    .map(
      ({ f, b }) =>
        `<tr><td class="${f.verdict}">${html(f.statement)}</td><td><a href="events/${html(b.event.id)}.html">${html(eventTitle(b))}</a></td><td>${f.confidence}</td></tr>`,
    )
    .join('\n')}</table>`;
}

/** Findings: those that say consistent or inconsistent in full; "cannot be assessed" folded when many. */
function findingsIndexHtml(findings: readonly { f: Finding; b: EvidenceBundle }[]): string {
  if (findings.length === 0) return '<p>No finding.</p>';
  const judged = findings.filter(({ f }) => f.verdict !== 'not-assessable');
  const open = findings.filter(({ f }) => f.verdict === 'not-assessable');
  return [
    judged.length === 0 ? '' : findingRows(judged),
    open.length === 0
      ? ''
      : folded(
          `${String(open.length)} events cannot be assessed against a norm from element sets alone`,
          open.length,
          findingRows(open),
        ),
  ].join('\n');
}

/** The index page: timeline, events (routine burns grouped per object), findings. */
export function indexHtml(
  entries: readonly IndexEntry[],
  timelineSvg: string,
  title: string,
  notes: readonly string[] = [],
): string {
  const findings = entries.flatMap((e) => e.bundle.findings.map((f) => ({ f, b: e.bundle })));
  const { listed, routine } = splitRoutine(entries);
  const body = `<h1>${html(title)}</h1>
${notes.map((n) => `<p class="note">${html(n)}</p>`).join('\n')}
<p>${String(entries.length)} events, ${String(findings.length)} findings. Every page has its evidence bundle; <code>orbwatch verify</code> recomputes an event from it. Data: <a href="data.json">data.json</a>.</p>
<figure id="plot-timeline">${timelineSvg}<figcaption>Events over time, by kind and label${routine.length > 0 && listed.length > 0 ? " (the events listed one by one; routine manoeuvres are on their objects' plots)" : ''}.</figcaption></figure>
<h2>Events</h2>
<table><tr><th>when (UTC)</th><th>kind</th><th>label</th><th>event</th></tr>
${listed
  .map(
    (b) =>
      `<tr><td class="nowrap">${html(eventMoment(b).slice(0, 16))}</td><td>${b.event.kind}</td><td>${html(b.event.assessment?.label ?? '')}</td><td><a href="events/${html(b.event.id)}.html">${html(eventTitle(b))}</a></td></tr>`,
  )
  .join('\n')}</table>
${routineHtml(routine)}
<h2>Findings</h2>
${findingsIndexHtml(findings)}`;
  return page(title, body);
}

/** The index in Markdown (routine burns grouped per object, as on the HTML index). */
export function indexMarkdown(entries: readonly IndexEntry[], title: string, notes: readonly string[] = []): string {
  const { listed, routine } = splitRoutine(entries);
  return [
    `# ${title}`,
    '',
    ...notes.flatMap((n) => [n, '']),
    '![timeline](timeline.svg)',
    '',
    '| start (UTC) | kind | label | event | findings |',
    '|---|---|---|---|---|',
    ...listed.map(
      (b) =>
        `| ${b.event.startUtc.slice(0, 16)} | ${b.event.kind} | ${b.event.assessment?.label ?? ''} | [${md(eventTitle(b))}](events/${b.event.id}.md) | ${md(b.findings.map((f) => `${f.verdict}: ${f.normId}`).join('; '))} |`,
    ),
    '',
    ...(routine.length === 0
      ? []
      : [
          '## Routine manoeuvres, by object',
          '',
          '| object | burns | history plot | each burn (start, UTC) |',
          '|---|---|---|---|',
          ...routine.map(
            (g) =>
              `| ${md(g.name)} | ${countLabels(g.bundles)} | [plot](${objectPlotFile(g.norad)}) | ${g.bundles.map((b) => `[${b.event.startUtc.slice(5, 16).replace('T', ' ')}](events/${b.event.id}.md)`).join(' · ')} |`,
          ),
          '',
        ]),
  ].join('\n');
}
