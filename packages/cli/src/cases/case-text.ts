/**
 * The text `orbwatch case` prints: the title, what the element sets cover, the events found,
 * each published fact (with its source) beside what orbwatch measured, the findings with their
 * reasons and sources, and the missing-data notes with the file that would fill each gap.
 * @module
 */
import type { Finding } from '@orbwatch/core';
import { EVENT_KIND_ORDER, KIND_TITLES, renderEventTable } from '../presentation/event-tables.js';
import type { ObjectNames } from '../presentation/object-names.js';
import { renderTable } from '../text-table.js';
import type { CaseRun } from './run-case.js';

const day = (iso: string | null): string => (iso === null ? '—' : iso.slice(0, 10));

/**
 * Findings with the same norm, verdict and reasons (e.g. every maneuver that cannot be assessed
 * for lack of an assessment) are printed once, with the events they concern.
 */
function findingLines(group: readonly Finding[], kindOf: ReadonlyMap<string, string>): string[] {
  const f = group[0];
  if (f === undefined) return [];
  const events =
    group.length === 1
      ? `${kindOf.get(f.eventId) ?? 'event'} ${f.eventId}`
      : `${String(group.length)} events: ${group.map((g) => `${kindOf.get(g.eventId) ?? 'event'} ${g.eventId}`).join(', ')}`;
  const lines = [`  ${f.statement} — ${f.verdict}, ${f.confidence} confidence (norm ${f.normId}; ${events})`];
  for (const r of f.reasons)
    lines.push(`      · ${r.text}${r.source === undefined || r.source === '' ? '' : ` [source: ${r.source}]`}`);
  if (f.dissent.length > 0) lines.push(`      · dissent: ${f.dissent.join('; ')}`);
  if (f.contested !== null) lines.push(`      · contested: ${f.contested}`);
  return lines;
}

function groupFindings(findings: readonly Finding[]): Finding[][] {
  const order = { inconsistent: 0, consistent: 1, 'not-assessable': 2 } as const;
  const groups = new Map<string, Finding[]>();
  for (const f of [...findings].sort((a, b) => order[a.verdict] - order[b.verdict])) {
    const key = JSON.stringify([f.normId, f.verdict, f.confidence, f.reasons]);
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return [...groups.values()];
}

/** The whole printout, line by line. */
export function caseLines(run: CaseRun, names: ObjectNames, database: string): string[] {
  const out: string[] = [];
  const caseName = new Map(run.coverage.map((c) => [c.norad, c.name]));
  out.push(`orbwatch case: ${run.title}`);
  if (run.summary !== null) out.push(run.summary);
  out.push(
    `case file ${run.file} · window ${day(run.window.from)} … ${day(run.window.to)} · database ${database}${run.report === null ? '' : ` · report ${run.report.index}`}`,
  );
  out.push('');
  out.push('Ingested:');
  out.push(
    renderTable(run.ingests, [
      { header: 'FILE (relative to the case file)', value: (r) => r.path },
      { header: 'SOURCE', value: (r) => `${r.source} (${r.sourceKind})` },
      { header: 'ACCEPTED', value: (r) => String(r.accepted), align: 'right' },
      { header: 'DUPLICATES', value: (r) => String(r.duplicates), align: 'right' },
      { header: 'REJECTED', value: (r) => String(r.rejected), align: 'right' },
    ]),
  );
  out.push('');
  out.push('What the element sets cover (every set stored for each object, and those inside the window):');
  out.push(
    renderTable(run.coverage, [
      { header: 'NORAD', value: (r) => String(r.norad), align: 'right' },
      { header: 'NAME', value: (r) => r.name },
      { header: 'SETS', value: (r) => String(r.elementSets), align: 'right' },
      { header: 'IN WINDOW', value: (r) => String(r.inWindow), align: 'right' },
      { header: 'FIRST', value: (r) => day(r.firstEpochUtc) },
      { header: 'LAST', value: (r) => day(r.lastEpochUtc) },
      { header: 'SOURCES', value: (r) => r.sources.join(',') },
      { header: 'ROLE (as published)', value: (r) => r.role },
    ]),
  );
  out.push('');
  if (run.events.length === 0) out.push('Events of the case: none detected in the stored data.');
  else {
    out.push(`Events of the case: ${String(run.events.length)} (orbwatch event <id> shows one in full)`);
    for (const kind of EVENT_KIND_ORDER) {
      const of = run.events.filter((e) => e.kind === kind);
      if (of.length === 0) continue;
      out.push(`${KIND_TITLES[kind]}:`);
      out.push(renderEventTable(kind, of, names));
    }
  }
  out.push('');
  out.push('Published, and what orbwatch measured:');
  run.comparisons.forEach((c, i) => {
    out.push(`${String(i + 1)}. published: ${c.statement}${c.date === null ? '' : ` (${c.date})`}`);
    out.push(`   source: ${c.source}`);
    if (c.measured.length === 0) out.push('   orbwatch: (no measure applies to this fact)');
    for (const m of c.measured) out.push(`   orbwatch: ${m.text}${m.eventId === null ? '' : ` [event ${m.eventId}]`}`);
  });
  out.push('');
  if (run.findings.length === 0)
    out.push(
      run.events.length === 0
        ? 'Findings: none (no event was detected, so nothing could be judged).'
        : 'Findings: none (no event of the case concerns a norm).',
    );
  else {
    out.push('Findings (the events of the case judged against the norms, with the case’s published facts):');
    const kindOf = new Map(run.events.map((e) => [e.id, e.kind]));
    for (const group of groupFindings(run.findings)) out.push(...findingLines(group, kindOf));
  }
  out.push('');
  if (run.missingData.length === 0) out.push('Missing data: none noted in the case file.');
  else {
    out.push('Missing data (what the bundled element sets cannot show, and what would fill it):');
    for (const m of run.missingData) {
      out.push(`  · ${m.what}`);
      out.push(
        `    stored: ${String(m.setsInWindow)} element set(s) of ${m.objects.map((n) => caseName.get(n) ?? String(n)).join(', ')} in ${day(m.window.from)} … ${day(m.window.to)}`,
      );
      out.push(`    would fill it: ${m.wouldFill}`);
      if (m.request !== null) out.push(`    request: ${m.request}`);
    }
  }
  return out;
}
