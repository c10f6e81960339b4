/**
 * Later estimates supersede earlier ones. A detector run's output is the current estimate for
 * what the run examined: the objects it looked at over the time range it searched, with the same
 * question asked (thresholds, modes). A stored event of the same detector (any version) and kind
 * that lies wholly inside that scope and is not in the output is superseded: by the output event
 * of the same objects whose time span overlaps it most (its later estimate, `re-estimated`), or by
 * none (`withdrawn`, the re-run no longer finds it). An output event that had been superseded is
 * live again. Nothing outside the scope is touched, so a run over part of the history (`--since`,
 * proximity's window, `--objects`) never retracts what it did not look at.
 * Design: docs/design/watch.md "Later estimates supersede earlier ones".
 * @module
 */
import type { DetectedEvent, EventKind, Instant, NoradId } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { CatalogRepository, StoredEvent, Supersession } from '@orbwatch/store';

/** Earliest and latest instants the store can hold: "no bound". */
export const NO_LOWER_BOUND = instant(-8.64e15);
export const NO_UPPER_BOUND = instant(8.64e15);

/** What one detector run examined. */
export interface ExaminedScope {
  readonly detector: string;
  readonly kind: EventKind;
  /** The time range searched: a stored event is in scope only when its span lies inside. */
  readonly from: Instant;
  readonly to: Instant;
  /**
   * Whether the run examined this stored event's objects and asked the same question of them
   * (e.g. every object was among those examined, the same proximity thresholds).
   */
  readonly covers: (e: StoredEvent) => boolean;
  /**
   * The part of an event's span that must lie inside [from, to] (default: all of it).
   * Fragmentation uses the first fragment's epoch (its span's end): its start is the parent's
   * last set before the baseline, always outside the window by construction.
   */
  readonly spanOf?: (e: StoredEvent) => { readonly start: Instant; readonly end: Instant };
}

/** One output event of the run with the id the store gave it. */
export interface CurrentEstimate {
  readonly id: string;
  readonly event: DetectedEvent;
}

export interface SupersessionPlan {
  readonly supersede: readonly Supersession[];
  /** Output events to make live again (the store ignores those that are live). */
  readonly revive: readonly string[];
}

/** Whether the stored event lies in what the run examined. */
export function inScope(e: StoredEvent, scope: ExaminedScope): boolean {
  const span = scope.spanOf?.(e) ?? e;
  return (
    e.detector === scope.detector &&
    e.kind === scope.kind &&
    span.start >= scope.from &&
    span.end <= scope.to &&
    scope.covers(e)
  );
}

const norads = (e: Pick<DetectedEvent, 'objects'>): Set<NoradId> => new Set(e.objects.map((o) => o.norad));

/**
 * The same objects: the same set for a manoeuvre (its subject), a proximity pair or a
 * conjunction; for a release or fragmentation, a shared child, sibling or fragment (a later
 * estimate can add pieces or siblings that were not yet catalogued).
 */
export function sameObjects(a: Pick<DetectedEvent, 'kind' | 'objects'>, b: Pick<DetectedEvent, 'objects'>): boolean {
  if (a.kind === 'release' || a.kind === 'fragmentation') {
    const bs = new Set(b.objects.filter((o) => o.role !== 'parent').map((o) => o.norad));
    return a.objects.some((o) => o.role !== 'parent' && bs.has(o.norad));
  }
  const as = norads(a);
  const bs = norads(b);
  return as.size === bs.size && [...as].every((n) => bs.has(n));
}

/** Overlap of two closed spans, ms (negative: disjoint). */
function overlapMs(a: { start: Instant; end: Instant }, b: { start: Instant; end: Instant }): number {
  return Math.min(a.end, b.end) - Math.max(a.start, b.start);
}

/** The output event that is the later estimate of `old`: same kind and objects, overlapping span. */
export function laterEstimate(old: StoredEvent, current: readonly CurrentEstimate[]): CurrentEstimate | undefined {
  let best: CurrentEstimate | undefined;
  let bestKey: [number, number] = [-Infinity, Infinity];
  for (const c of current) {
    if (c.event.kind !== old.kind || !sameObjects(old, c.event)) continue;
    const overlap = overlapMs(old, c.event);
    if (overlap < 0) continue;
    const key: [number, number] = [overlap, Math.abs(c.event.start - old.start)];
    if (key[0] > bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = c;
      bestKey = key;
    }
  }
  return best;
}

/** What to supersede and revive, given the stored events a run may concern and its output. */
export function planSupersession(
  stored: readonly StoredEvent[],
  current: readonly CurrentEstimate[],
  scope: ExaminedScope,
): SupersessionPlan {
  const currentIds = new Set(current.map((c) => c.id));
  const supersede = stored
    .filter((e) => e.superseded === undefined && !currentIds.has(e.id) && inScope(e, scope))
    .map((e) => ({ id: e.id, by: laterEstimate(e, current)?.id ?? null }));
  return { supersede, revive: [...currentIds] };
}

/**
 * Applies the rule after a run stored `events` (ids from `saveEvents`, in the same order):
 * stored events of the detector in scope (`objects` narrows the query when the run examined
 * one object) that the output does not hold are superseded. Returns the number superseded.
 */
export async function supersedeEarlierEstimates(
  repo: CatalogRepository,
  scope: ExaminedScope,
  events: readonly DetectedEvent[],
  ids: readonly string[],
  now: Instant,
  norad?: NoradId,
): Promise<number> {
  const current = events.map((event, i) => ({ id: ids[i] ?? '', event })).filter((c) => c.id !== '');
  const stored = await repo.listEvents({
    kind: scope.kind,
    detector: scope.detector,
    ...(norad === undefined ? {} : { norad }),
    ...(scope.from > NO_LOWER_BOUND ? { since: scope.from } : {}),
  });
  const plan = planSupersession(stored, current, scope);
  await repo.reviveEvents(plan.revive);
  return plan.supersede.length === 0 ? 0 : await repo.supersedeEvents(plan.supersede, now);
}
