/**
 * Fragmentation detection over the stored history (see {@link runFragmentation}).
 * @module
 */
import { FRAGMENTATION_DETECTOR, FRAGMENTATION_DETECTOR_VERSION, addSec, detectFragmentations } from '@orbwatch/core';
import type { CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';
import type { Clock } from './clock.js';
import { newestEpoch, snapshotAsOf } from './catalog-snapshot.js';
import type { DetectOptions, DetectorRunReport } from './detect-options.js';
import { withStoredIds } from './detect-options.js';
import { sameEstimate } from './same-estimate.js';
import { supersedeEarlierEstimates } from './supersede.js';

const BASELINE_DEFAULT_SEC = -30 * 86_400;

/**
 * Fragmentations between two catalogue snapshots taken from the stored history: each object's
 * latest set before the baseline, and each object's latest set overall. Bursts of new pieces of
 * one launch are events; old clouds only with `clouds`.
 */
export async function runFragmentation(
  repo: CatalogRepository,
  o: DetectOptions,
  ctx: Clock,
): Promise<DetectorRunReport> {
  const base = {
    kind: 'fragmentation',
    detector: FRAGMENTATION_DETECTOR,
    version: FRAGMENTATION_DETECTOR_VERSION,
    superseded: 0,
  };
  const newest = await newestEpoch(repo);
  if (newest === null) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const baseline = o.baseline ?? addSec(newest, BASELINE_DEFAULT_SEC);
  const after = await snapshotAsOf(repo, addSec(newest, 1));
  const before = await snapshotAsOf(repo, baseline);
  const scoped = (sets: readonly StoredElementSet[]) =>
    o.objects === undefined ? sets : sets.filter((s) => o.objects?.includes(s.noradId));
  const { reports } = detectFragmentations({ after: scoped(after), before: scoped(before) });
  const all = [...after, ...before];
  const events = withStoredIds(
    reports.filter((r) => r.mode === 'burst' || o.clouds === true).map((r) => r.event),
    all,
  ).filter((e) => o.since === undefined || e.end >= o.since);
  const saved =
    events.length > 0 ? await repo.saveEvents(events, ctx.now(), sameEstimate) : { ids: [], inserted: 0, existing: 0 };
  // Pieces that first appeared after the baseline were all examined again: the bursts found are
  // the current estimate for them (clouds only when asked for clouds).
  const examined = new Set(scoped(after).map((s) => s.noradId));
  const scope = {
    detector: FRAGMENTATION_DETECTOR,
    kind: 'fragmentation' as const,
    from: o.since === undefined || o.since < baseline ? baseline : o.since,
    to: newest,
    covers: (e: StoredEvent) =>
      e.objects.every((x) => examined.has(x.norad)) && (o.clouds === true || e.measures['mode'] !== 'cloud'),
    spanOf: (e: StoredEvent) => ({ start: e.end, end: e.end }),
  };
  const superseded = await supersedeEarlierEstimates(repo, scope, events, saved.ids, ctx.now());
  o.onProgress?.({ kind: 'fragmentation', done: after.length, total: after.length });
  return {
    ...base,
    objectsExamined: after.length,
    eventsFound: events.length,
    inserted: saved.inserted,
    existing: saved.existing,
    superseded,
  };
}
