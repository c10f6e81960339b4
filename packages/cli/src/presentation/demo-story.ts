/**
 * The short story `orbwatch demo` tells on the terminal: what happened, to whom, when and how
 * sure, in sentences a journalist or diplomat can read, each with the handle to check it
 * (`orbwatch event <prefix>`), the findings against norms with their dissent, and plainly what
 * the public data bundled here cannot show.
 * @module
 */
import type { Finding, NoradId } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import type { ObjectNames } from './object-names.js';
import { numberOf, timeWithSigma, withSigma } from './measure-format.js';

/** Event ids made of one run share their first 13 characters; 18 tell them apart. */
export const SHORT_ID_LENGTH = 18;

/** What the story says the bundled data do not hold, and how a user gets it. */
export interface DataGap {
  readonly what: string;
  readonly norads: readonly number[];
  readonly setsInWindow: number;
  readonly windowUtc: readonly [string, string];
  readonly howToFill: string;
}

function who(names: ObjectNames, norad: NoradId): string {
  const l = names.get(norad);
  const owner = l?.owner === null || l?.owner === undefined ? 'owner unknown' : l.owner;
  return `${names.name(norad)} (${String(norad)}, ${owner})`;
}

function findingLine(f: Finding): string {
  const dissent =
    f.dissent.length === 0
      ? ''
      : `; rejected by ${[...new Set(f.dissent.map((d) => d.replace(/ \(.*$/, '')))].join(', ')}`;
  return `    → ${f.statement} — ${f.confidence} confidence${dissent}.`;
}

function assessmentText(e: StoredEvent): string {
  const a = e.assessment;
  if (a === undefined) return 'not assessed';
  const why = a.reasons[0]?.text;
  return `orbwatch calls it ${a.label} (${a.confidence} confidence)${why === undefined ? '' : `: ${why.replace(/\.+$/, '')}`}`;
}

function proximitySentence(e: StoredEvent, names: ObjectNames): string {
  const [a, b] = e.objects;
  if (a === undefined || b === undefined) return '';
  const chaser = e.objects.find((o) => o.role === 'chaser');
  const target = e.objects.find((o) => o.role === 'target');
  const pair =
    chaser !== undefined && target !== undefined
      ? `${who(names, chaser.norad)} manoeuvred to approach ${who(names, target.norad)}`
      : `${who(names, a.norad)} and ${who(names, b.norad)} came close`;
  const range = withSigma(e.measures['minRangeKm'], e.measures['minRangeSigmaKm'], 1);
  const speed = numberOf(e.measures['relativeSpeedAtMinKmPerSec']);
  const when = typeof e.measures['minRangeUtc'] === 'string' ? e.measures['minRangeUtc'].slice(0, 16) : '';
  return `${pair}: closest ${range} km on ${when} UTC${speed === null ? '' : ` at ${(speed * 1000).toFixed(0)} m/s`}.`;
}

function releaseSentence(e: StoredEvent, names: ObjectNames): string {
  const parent = e.objects.find((o) => o.role === 'parent');
  const children = e.objects.filter((o) => o.role !== 'parent');
  const when = timeWithSigma(e.measures['separationEpochUtc'], e.measures['separationEpochSigmaSec']);
  const dv = withSigma(e.measures['deltaVMps'], e.measures['deltaVSigmaMps'], 2);
  if (parent !== undefined && children.length === 1 && children[0] !== undefined)
    return `${who(names, parent.norad)} released ${who(names, children[0].norad)} at ${when} UTC, separating at ${dv} m/s.`;
  const group = names.group(children.map((c) => c.norad));
  return `${String(children.length)} objects (${group}) separated from their carrier at ${when} UTC; siblings part at ${dv} m/s.`;
}

export interface StoryInput {
  readonly events: readonly StoredEvent[];
  readonly findings: readonly Finding[];
  readonly names: ObjectNames;
  readonly gaps: readonly DataGap[];
  /** Where the report was written (index.html), null when none was. */
  readonly reportIndex: string | null;
}

/** The story, line by line. */
export function demoStory(s: StoryInput): string[] {
  const byEvent = new Map<string, Finding[]>();
  for (const f of s.findings) byEvent.set(f.eventId, [...(byEvent.get(f.eventId) ?? []), f]);
  const out: string[] = ['What the data show', ''];
  const tell = (e: StoredEvent, sentence: string): void => {
    out.push(`  • ${sentence}`, `    ${assessmentText(e)}. Check: orbwatch event ${e.id.slice(0, SHORT_ID_LENGTH)}`);
    for (const f of byEvent.get(e.id) ?? []) if (f.verdict !== 'not-assessable') out.push(findingLine(f));
    const unassessable = (byEvent.get(e.id) ?? []).filter((f) => f.verdict === 'not-assessable').length;
    if (unassessable > 0)
      out.push(
        `    → cannot be assessed against ${String(unassessable)} norm(s) from element sets alone (see the report).`,
      );
  };
  const proximity = s.events.filter((e) => e.kind === 'proximity');
  const releases = s.events.filter((e) => e.kind === 'release');
  const fragmentations = s.events.filter((e) => e.kind === 'fragmentation');
  if (proximity.length > 0) out.push('Close approaches between satellites:');
  for (const e of proximity) tell(e, proximitySentence(e, s.names));
  if (releases.length > 0) out.push('', 'Releases and deployments:');
  // Deployment groups of a launch with no catalogued carrier are routine: one line for all.
  const groups = releases.filter((e) => e.assessment?.label === 'deployment-group');
  for (const e of releases.filter((x) => !groups.includes(x))) tell(e, releaseSentence(e, s.names));
  if (groups.length > 0) {
    const launches = groups.map((e) => s.names.launch(e.objects[0]?.norad ?? (0 as NoradId)) ?? '?');
    const verdicts = new Map<string, number>();
    for (const e of groups)
      for (const f of byEvent.get(e.id) ?? []) verdicts.set(f.statement, (verdicts.get(f.statement) ?? 0) + 1);
    out.push(
      `  • ${String(groups.length)} launches deployed their satellites together from a carrier not in the catalogue (${launches.join(', ')}); each is a deployment-group, siblings parting at a few m/s. See orbwatch launches.`,
      ...[...verdicts.entries()].map(([statement, n]) => `    → ${String(n)} × ${statement}.`),
    );
  }
  if (fragmentations.length > 0) out.push('', 'Breakups:');
  for (const e of fragmentations) {
    const parent = e.objects.find((o) => o.role === 'parent');
    tell(
      e,
      `${parent === undefined ? 'An object' : who(s.names, parent.norad)} broke into ${String(e.measures['fragments'] ?? '?')} catalogued pieces around ${timeWithSigma(e.measures['epochUtc'], e.measures['epochSigmaSec'])} UTC at about ${String(e.measures['altitudeKm'] ?? '?')} km.`,
    );
  }
  if (s.gaps.length > 0) out.push('', 'What these public data cannot show');
  for (const g of s.gaps)
    out.push(
      `  • ${g.what}: the bundled data hold ${String(g.setsInWindow)} element set(s) of ${g.norads.join(', ')} between ${g.windowUtc[0]} and ${g.windowUtc[1]}, too few to measure it.`,
      `    To fill it: ${g.howToFill}`,
    );
  if (s.reportIndex !== null)
    out.push(
      '',
      `Report with plots, findings and an evidence bundle per event: ${s.reportIndex}`,
      'Anyone can check a number without this database: orbwatch verify <report>/evidence/<event-id>.json',
    );
  return out;
}
