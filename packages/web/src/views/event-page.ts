/**
 * An event's page: what was seen (kind, span, objects with roles), the assessment with each
 * reason (value ± σ against its threshold and where the threshold comes from), the findings
 * against norms with their reasons, the element sets used (age, source), the report's plots
 * drawn interactively, and the globe with a time slider over the event's span.
 * @module
 */
import type { AssessmentReason } from '@orbwatch/core';
import { api, serverRoutes } from '../api-client.js';
import type { ElementSetDto, EventDetailDto, FindingDto } from '../api-types.js';
import { append, formatMeasure, h, utc } from '../dom.js';
import type { Globe } from '../globe/globe.js';
import { trackSets, type ObjectTrack } from '../globe/tracks.js';
import { drawPlot } from '../plots.js';
import { objectName } from './event-row.js';

/** Objects drawn on the globe at most (a breakup has hundreds of fragments: the first ones by role order). */
export const GLOBE_MAX_OBJECTS = 12;

function reasonText(r: AssessmentReason): string {
  if (r.text !== undefined && r.text !== '') return r.text;
  const sigma = typeof r.sigma === 'number' ? ` ± ${formatMeasure(r.sigma)}` : '';
  const threshold = r.threshold !== undefined ? ` ${r.comparison ?? 'vs'} ${formatMeasure(r.threshold)}` : '';
  return `${r.measure} = ${formatMeasure(r.value)}${sigma}${threshold}`;
}

function reasonsList(reasons: readonly unknown[]): HTMLUListElement {
  return h(
    'ul',
    { class: 'reasons' },
    reasons.map((r) => {
      if (typeof r === 'string') return h('li', {}, r);
      const reason = r as AssessmentReason;
      return h(
        'li',
        {},
        reasonText(reason),
        reason.thresholdSource !== undefined && !reasonText(reason).includes(reason.thresholdSource)
          ? h('span', { class: 'source' }, ` (threshold: ${reason.thresholdSource})`)
          : null,
      );
    }),
  );
}

function findingsSection(findings: readonly FindingDto[]): HTMLElement {
  return h(
    'section',
    { id: 'findings' },
    h('h2', {}, 'Findings'),
    findings.length === 0
      ? h('p', {}, 'No finding: no loaded norm applies to this event.')
      : findings.map((f) =>
          h(
            'div',
            { class: `finding verdict-${f.verdict}` },
            h('h3', {}, f.statement ?? `${f.verdict}: ${f.normId}`, ` · ${f.confidence} confidence`),
            reasonsList(f.reasons),
            f.dissent !== undefined && f.dissent !== null && f.dissent.length > 0
              ? h('p', { class: 'dissent' }, 'Dissent: ', f.dissent.join('; '))
              : null,
          ),
        ),
  );
}

function ageDays(s: ElementSetDto): string {
  const sec = s.ageRelativeToEventSec;
  return typeof sec === 'number' ? (sec / 86_400).toFixed(2) : '';
}

function elementSetsTable(sets: readonly ElementSetDto[], reference: string | undefined): HTMLElement {
  return h(
    'details',
    { class: 'element-sets' },
    h('summary', {}, `Element sets used (${sets.length})`),
    h(
      'table',
      {},
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', {}, 'NORAD'),
          h('th', {}, 'epoch (UTC)'),
          h('th', {}, `age (days${reference === undefined ? '' : ` from the ${reference}`})`),
          h('th', {}, 'source'),
        ),
      ),
      h(
        'tbody',
        {},
        sets.map((s) =>
          h(
            'tr',
            {},
            h('td', {}, s.norad !== undefined ? h('a', { href: `#/object/${s.norad}` }, String(s.norad)) : ''),
            h('td', {}, utc(s.epochUtc)),
            h('td', { class: 'num' }, ageDays(s)),
            h('td', {}, [s.source, s.sourceKind].filter((x) => x !== undefined).join(' · ')),
          ),
        ),
      ),
    ),
  );
}

/** The globe section: tracks for the first objects, a time slider over the span (padded to one hour). */
async function globeSection(
  section: HTMLElement,
  detail: EventDetailDto,
  isCurrent: () => boolean,
): Promise<Globe | undefined> {
  const e = detail.event;
  const objects = e.objects.slice(0, GLOBE_MAX_OBJECTS);
  const status = h('p', { class: 'status' }, 'propagating…');
  section.append(status);
  const bySet = new Map<number, ElementSetDto[]>();
  for (const s of detail.elementSets ?? [])
    if (s.norad !== undefined && s.raw !== undefined) bySet.set(s.norad, [...(bySet.get(s.norad) ?? []), s]);
  const tracks: ObjectTrack[] = [];
  for (const o of objects) {
    // The event's own sets when the detail carries their text; the object's history otherwise.
    const records = bySet.get(o.norad) ?? (await api.elementSets(o.norad));
    const sets = trackSets(records);
    if (sets.length > 0) tracks.push({ norad: o.norad, label: objectName(o), role: o.role, sets });
  }
  if (!isCurrent()) return undefined;
  if (tracks.length === 0) {
    status.textContent = 'No TLE element set of these objects to propagate.';
    return undefined;
  }
  const startMs = Date.parse(e.start);
  const endMs = Math.max(Date.parse(e.end), startMs + 3_600_000);
  const steps = 500;
  const slider = h('input', {
    type: 'range',
    id: 'time-slider',
    min: 0,
    max: steps,
    value: 0,
    step: 1,
    'aria-label': 'time',
  });
  const shown = h('output', { id: 'globe-time', for: 'time-slider' });
  const play = h('button', { type: 'button', id: 'globe-play' }, '▶ play');
  status.textContent =
    `${tracks.length} object${tracks.length === 1 ? '' : 's'} drawn` +
    (e.objects.length > objects.length ? ` (the first ${objects.length} of ${e.objects.length})` : '') +
    '; TEME positions from SGP4, Earth turned by GMST. Drag to turn, wheel to zoom.';
  const controls = h('div', { class: 'globe-controls' }, play, slider, shown);
  section.append(controls);
  const holder = h('div', { class: 'globe', id: 'globe' });
  section.append(holder);
  // three.js is loaded with the first globe, so the timeline does not wait for it.
  const { createGlobe } = await import('../globe/globe.js');
  if (!isCurrent()) return undefined;
  const globe = createGlobe(holder, tracks);
  const at = (): number => startMs + ((endMs - startMs) * Number(slider.value)) / steps;
  const update = (): void => {
    const t = at();
    shown.textContent = utc(new Date(t).toISOString());
    globe.setTime(t);
  };
  slider.addEventListener('input', update);
  let timer: number | undefined;
  play.addEventListener('click', () => {
    if (timer !== undefined) {
      window.clearInterval(timer);
      timer = undefined;
      play.textContent = '▶ play';
      return;
    }
    play.textContent = '❚❚ pause';
    timer = window.setInterval(() => {
      slider.value = String((Number(slider.value) + 1) % (steps + 1));
      update();
    }, 80);
  });
  update();
  return {
    setTime: (t) => {
      globe.setTime(t);
    },
    dispose: () => {
      if (timer !== undefined) window.clearInterval(timer);
      globe.dispose();
    },
  };
}

/** Renders the event page into `root`; returns the function that releases it. */
export function renderEventPage(root: HTMLElement, id: string): () => void {
  let current = true;
  let globe: Globe | undefined;
  const views: { finalize(): void }[] = [];
  root.replaceChildren(h('p', { class: 'status' }, 'loading event…'));
  void (async () => {
    const [detail, routes] = await Promise.all([api.event(id), serverRoutes()]);
    if (!current) return;
    const e = detail.event;
    const findings = detail.findings ?? [];
    const a = e.assessment;
    const plotsSection = h('section', { id: 'plots' }, h('h2', {}, 'Plots'));
    const globeSectionEl = h('section', { id: 'globe-section' }, h('h2', {}, 'Globe'));
    root.replaceChildren();
    append(root, [
      h('p', {}, h('a', { href: '#/' }, '← events')),
      h('h1', {}, e.kind, a ? ` — ${a.label}` : ''),
      h(
        'p',
        { class: 'span' },
        `${utc(e.start)} – ${utc(e.end)}`,
        e.detector !== undefined ? ` · ${e.detector} ${e.detectorVersion ?? ''}` : '',
      ),
      h(
        'section',
        { id: 'assessment' },
        h('h2', {}, 'Assessment'),
        a
          ? [
              h(
                'p',
                {},
                h('strong', {}, a.label),
                ` (${a.confidence} confidence)`,
                a.possibleLabels ? ` · possible: ${a.possibleLabels.join(', ')}` : '',
              ),
              reasonsList(a.reasons),
            ]
          : h('p', {}, 'Not assessed.'),
      ),
      h(
        'section',
        { id: 'objects' },
        h('h2', {}, `Objects (${e.objects.length})`),
        h(
          'ul',
          { class: 'objects' },
          e.objects
            .slice(0, 50)
            .map((o) => h('li', {}, h('a', { href: `#/object/${o.norad}` }, objectName(o)), ` — ${o.role}`)),
        ),
        e.objects.length > 50 ? h('p', {}, `and ${e.objects.length - 50} more (all in the evidence bundle)`) : null,
      ),
      findingsSection(findings),
      plotsSection,
      globeSectionEl,
      h(
        'section',
        { id: 'measures' },
        h('h2', {}, 'Measures'),
        h(
          'details',
          { open: Object.keys(e.measures).length <= 12 },
          h('summary', {}, `${Object.keys(e.measures).length} measures (units in their names)`),
          h(
            'table',
            {},
            h(
              'tbody',
              {},
              Object.entries(e.measures).map(([k, v]) =>
                h(
                  'tr',
                  {},
                  h('th', {}, k),
                  h('td', { class: typeof v === 'number' ? 'num' : 'text' }, formatMeasure(v)),
                ),
              ),
            ),
          ),
        ),
        routes.has('/api/events/{id}/evidence')
          ? h(
              'p',
              {},
              h(
                'a',
                { href: `/api/events/${encodeURIComponent(e.id)}/evidence`, download: `evidence-${e.id}.json` },
                'evidence bundle (JSON)',
              ),
            )
          : null,
      ),
      detail.elementSets !== undefined && detail.elementSets.length > 0
        ? elementSetsTable(detail.elementSets, detail.reference)
        : null,
    ]);
    const plots = await api.plots(id);
    if (!current) return;
    if (plots === null) plotsSection.append(h('p', {}, 'This server does not serve plots (no /plots route).'));
    else if (plots.length === 0) plotsSection.append(h('p', {}, 'No plot for this event.'));
    for (const p of plots ?? []) {
      const holder = h('div', { class: 'plot', 'data-plot': p.name });
      plotsSection.append(h('figure', {}, holder, h('figcaption', {}, p.title)));
      views.push(await drawPlot(holder, p.spec));
    }
    globe = await globeSection(globeSectionEl, detail, () => current);
  })().catch((error: unknown) => {
    if (current)
      root.replaceChildren(
        h(
          'p',
          { class: 'status error' },
          `could not load event ${id}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  });
  return () => {
    current = false;
    globe?.dispose();
    for (const v of views) v.finalize();
  };
}
