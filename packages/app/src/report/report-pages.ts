/**
 * The pages of a report site, as text: one HTML and one Markdown page per event (assessment and
 * reasons, measures with σ, objects with names and owners, the element sets with ages and
 * sources, plots, findings with dissent), and the index (timeline plot, events, findings).
 * Self-contained: inline CSS, inline SVG; nothing is fetched when a page opens.
 * @module
 */
import type { EvidenceBundle, Finding } from '@orbwatch/core';
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

export interface EventPage {
  readonly bundle: EvidenceBundle;
  readonly plots: readonly RenderedPlot[];
}

// Wide content never widens the page: plots scale down to the column, tables scroll sideways
// inside themselves, long tokens (ids, the detector's parameters) wrap.
const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;overflow-wrap:break-word}
h1{font-size:1.7rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem;display:block;max-width:100%;overflow-x:auto}
td,th{border:1px solid #ccc;padding:.2rem .5rem;text-align:left;vertical-align:top}td.nowrap{white-space:nowrap}
th{background:#f3f3f3}.label{font-weight:bold}.inconsistent{color:#a00}.consistent{color:#060}.not-assessable{color:#666}
figure{margin:1rem 0}figure svg{display:block;max-width:100%;height:auto}figcaption{font-size:.9rem;color:#444}
.amateur{color:#a60;font-weight:bold}code{font-size:.85rem;overflow-wrap:anywhere}summary{cursor:pointer;margin:.5rem 0}`;

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
${p.plots.length === 0 ? '<p>No plot for this event (its element sets could not be propagated).</p>' : p.plots.map((x) => `<figure id="plot-${html(x.name)}">${x.svg}<figcaption>${html(x.title)} · <a href="${html(b.event.id)}-${html(x.name)}.svg">SVG</a></figcaption></figure>`).join('\n')}
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
<p>${String(sets.length)} cited of ${String(b.elementSets.length)} read by the detector; age is the distance of the set's epoch from the event's span.</p>
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

/** The index page: timeline, events, findings. */
export function indexHtml(
  entries: readonly IndexEntry[],
  timelineSvg: string,
  title: string,
  notes: readonly string[] = [],
): string {
  const findings = entries.flatMap((e) => e.bundle.findings.map((f) => ({ f, b: e.bundle })));
  const body = `<h1>${html(title)}</h1>
${notes.map((n) => `<p class="note">${html(n)}</p>`).join('\n')}
<p>${String(entries.length)} events, ${String(findings.length)} findings. Every page has its evidence bundle; <code>orbwatch verify</code> recomputes an event from it. Data: <a href="data.json">data.json</a>.</p>
<figure id="plot-timeline">${timelineSvg}<figcaption>Events over time, by kind and label.</figcaption></figure>
<h2>Events</h2>
<table><tr><th>when (UTC)</th><th>kind</th><th>label</th><th>event</th></tr>
${entries
  .map(
    ({ bundle: b }) =>
      `<tr><td class="nowrap">${html(eventMoment(b).slice(0, 16))}</td><td>${b.event.kind}</td><td>${html(b.event.assessment?.label ?? '')}</td><td><a href="events/${html(b.event.id)}.html">${html(eventTitle(b))}</a></td></tr>`,
  )
  .join('\n')}</table>
<h2>Findings</h2>
${
  findings.length === 0
    ? '<p>No finding.</p>'
    : `<table><tr><th>verdict</th><th>event</th><th>confidence</th></tr>${findings
        .map(
          ({ f, b }) =>
            `<tr><td class="${f.verdict}">${html(f.statement)}</td><td><a href="events/${html(b.event.id)}.html">${html(eventTitle(b))}</a></td><td>${f.confidence}</td></tr>`,
        )
        .join('\n')}</table>`
}`;
  return page(title, body);
}

/** The index in Markdown. */
export function indexMarkdown(entries: readonly IndexEntry[], title: string, notes: readonly string[] = []): string {
  return [
    `# ${title}`,
    '',
    ...notes.flatMap((n) => [n, '']),
    '![timeline](timeline.svg)',
    '',
    '| start (UTC) | kind | label | event | findings |',
    '|---|---|---|---|---|',
    ...entries.map(
      ({ bundle: b }) =>
        `| ${b.event.startUtc.slice(0, 16)} | ${b.event.kind} | ${b.event.assessment?.label ?? ''} | [${md(eventTitle(b))}](events/${b.event.id}.md) | ${md(b.findings.map((f) => `${f.verdict}: ${f.normId}`).join('; '))} |`,
    ),
    '',
  ].join('\n');
}
