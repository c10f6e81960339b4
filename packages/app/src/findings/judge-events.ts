/**
 * Findings for stored events: each event judged against each norm that concerns it, with the
 * context element sets cannot give on their own (which sources are amateur, objects' owners and
 * orbits from the store, published facts from case files).
 * @module
 */
import type { Finding, FindingContext, FindingObjectFacts, Instant, Norm, PublishedFact } from '@orbwatch/core';
import { evaluateNorms, orbitSummary } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent } from '@orbwatch/store';

/** The finding context for `events`, from the store. */
export async function findingContext(
  repo: CatalogRepository,
  events: readonly StoredEvent[],
  facts: readonly PublishedFact[] = [],
): Promise<FindingContext> {
  const amateurSources = new Set((await repo.sources()).filter((s) => s.kind === 'amateur').map((s) => s.name));
  const objects = new Map<number, FindingObjectFacts>();
  const norads = new Set(events.flatMap((e) => e.objects.filter((o) => o.role !== 'fragment').map((o) => o.norad)));
  for (const n of norads) {
    const o = await repo.getObject(n);
    const last = (await repo.history(n)).at(-1);
    const orbit = last === undefined ? undefined : orbitSummary(last);
    objects.set(Number(n), {
      owner: o?.owner ?? null,
      ...(orbit === undefined ? {} : { perigeeKm: orbit.perigeeAltitudeKm, apogeeKm: orbit.apogeeAltitudeKm }),
    });
  }
  return { amateurSources, objects, facts };
}

/** Events that some norm concerns (by kind, and by label or an undecided label). */
export function eventsConcerned(norms: readonly Norm[], events: readonly StoredEvent[]): StoredEvent[] {
  return events.filter((e) =>
    norms.some(
      (n) =>
        n.behaviour.kinds.includes(e.kind) &&
        (e.assessment === undefined ||
          n.behaviour.labels.includes(e.assessment.label) ||
          e.assessment.label === 'undetermined' ||
          e.assessment.label === 'unexplained'),
    ),
  );
}

/** Every finding of the stored events against the norms. */
export async function judgeEvents(
  repo: CatalogRepository,
  events: readonly StoredEvent[],
  norms: readonly Norm[],
  facts: readonly PublishedFact[] = [],
): Promise<Finding[]> {
  const concerned = eventsConcerned(norms, events);
  return evaluateNorms(norms, concerned, await findingContext(repo, concerned, facts));
}

export interface JudgeStoredOptions {
  readonly norms: readonly Norm[];
  readonly facts?: readonly PublishedFact[];
  readonly now: Instant;
}

/**
 * Judges every stored event against the norms and stores the findings (one per event and norm,
 * replacing earlier ones). Returns the findings.
 */
export async function judgeStoredEvents(repo: CatalogRepository, o: JudgeStoredOptions): Promise<Finding[]> {
  const findings = await judgeEvents(repo, await repo.listEvents(), o.norms, o.facts);
  if (findings.length > 0) await repo.saveFindings(findings, o.now);
  return findings;
}
