/**
 * Where a proximity run must reach back so that an ongoing episode is re-examined whole.
 *
 * A run over the default window (the last 7 days of data) finds an episode longer than the
 * window cut at the window start; the episode a previous run stored starts before this window,
 * so it lies outside what this run examined and would stay live beside the new slice. For each
 * pair with a stored live episode that was still running at its own search window's end (its last
 * near time within `maxGapSec` of that end: the run could not see it end) and starts before this
 * window, this run searches that pair from the episode's start. The re-found episode then covers
 * the stored one and supersedes it by the ordinary rule. An episode that ended inside its window
 * (the run saw it end) is not reopened. The reach-back is bounded (see
 * {@link PROXIMITY_MAX_REACH_BACK_SEC}): an episode that began earlier is not re-examined, so a
 * very long episode is told in pieces each at most that long (plus the window).
 * Design: docs/design/watch.md "Proximity episodes longer than the window".
 * @module
 */
import type { Instant, NoradId } from '@orbwatch/core';
import { DEFAULT_PROXIMITY_PARAMETERS } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';

/**
 * The furthest a pair is searched before the window, s: 200 days, the longest stay of a visiting
 * vehicle at a crewed station (Soyuz and Progress stay about six months), so that a docking is one
 * event from arrival to departure. The cost is one two-object detector run over the episode per
 * pair (measured: docs/design/watch.md); a pair that stays together for good (a formation, a
 * co-located geostationary cluster) is re-examined at most this far back.
 */
export const PROXIMITY_MAX_REACH_BACK_SEC = 200 * 86_400;

/** An event's pair as a key: its NORAD ids in ascending order. */
export function pairKey(objects: readonly { readonly norad: NoradId }[]): string {
  return objects
    .map((o) => o.norad as number)
    .sort((x, y) => x - y)
    .join('-');
}

/** An ISO time measure in ms, or null. */
function isoMs(v: unknown): number | null {
  if (typeof v !== 'string') return null;
  const t = Date.parse(v);
  return Number.isFinite(t) ? t : null;
}

export interface ReachBackQuery {
  /** This run's window start. */
  readonly start: Instant;
  /** Whether the stored episode was found with the question this run asks (same thresholds). */
  readonly sameQuestion: (e: StoredEvent) => boolean;
  /** Objects this run examines. */
  readonly examined: ReadonlySet<NoradId>;
  /** Bound of the reach-back, s (default {@link PROXIMITY_MAX_REACH_BACK_SEC}). */
  readonly maxReachBackSec?: number;
}

/**
 * For each pair to reach back for, the start to search it from (the earliest qualifying episode
 * start). `stored`: live proximity events of the run's detector.
 */
export function reachBackStarts(stored: readonly StoredEvent[], q: ReachBackQuery): Map<string, Instant> {
  const limit = q.start - (q.maxReachBackSec ?? PROXIMITY_MAX_REACH_BACK_SEC) * 1000;
  const out = new Map<string, Instant>();
  for (const e of stored) {
    if (e.kind !== 'proximity' || e.superseded !== undefined) continue;
    if (!(e.start < q.start) || e.start < limit) continue;
    const [a, b] = e.objects;
    if (a === undefined || b === undefined || e.objects.length !== 2) continue;
    if (!q.examined.has(a.norad) || !q.examined.has(b.norad) || !q.sameQuestion(e)) continue;
    const windowEnd = isoMs(e.measures['searchWindowEndUtc']);
    if (windowEnd === null) continue;
    const gap = e.parameters['maxGapSec'];
    const gapMs = (typeof gap === 'number' ? gap : DEFAULT_PROXIMITY_PARAMETERS.maxGapSec) * 1000;
    // Ended inside its window: the run saw the pair part, so the episode is over.
    if (e.end < windowEnd - gapMs) continue;
    const key = pairKey(e.objects);
    const was = out.get(key);
    if (was === undefined || e.start < was) out.set(key, e.start);
  }
  return out;
}
