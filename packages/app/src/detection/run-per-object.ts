/**
 * Detectors that look at one object's history at a time (maneuvers), run incrementally: only
 * objects whose newest stored set is beyond the detector's watermark are examined again. An
 * object examined again is examined over its whole history, so what the detector returns is the
 * current estimate for that object (from `since` on): its stored events of this detector that
 * the output no longer holds are superseded (supersede.ts).
 * @module
 */
import type { DetectedEvent, NoradId } from '@orbwatch/core';
import { MANEUVER_DETECTOR, MANEUVER_DETECTOR_VERSION, detectManeuvers } from '@orbwatch/core';
import type { CatalogRepository, ElementSetId, StoredElementSet, StoredEvent } from '@orbwatch/store';
import type { Clock } from './clock.js';
import type { DetectOptions, DetectorKind, DetectorRunReport } from './detect-options.js';
import { withStoredIds } from './detect-options.js';
import { sameEstimate } from './same-estimate.js';
import { NO_LOWER_BOUND, supersedeEarlierEstimates } from './supersede.js';

export interface PerObjectDetector {
  readonly kind: DetectorKind;
  readonly name: string;
  readonly version: string;
  readonly detect: (history: readonly StoredElementSet[]) => DetectedEvent[];
}

export const PER_OBJECT_DETECTORS: readonly PerObjectDetector[] = [
  {
    kind: 'maneuver',
    name: MANEUVER_DETECTOR,
    version: MANEUVER_DETECTOR_VERSION,
    detect: (h) => detectManeuvers(h).events,
  },
];

/** Runs one per-object detector over every object with element sets it has not seen. */
export async function runPerObject(
  repo: CatalogRepository,
  d: PerObjectDetector,
  o: DetectOptions,
  ctx: Clock,
): Promise<DetectorRunReport> {
  const latest = await repo.latestElementSetIds();
  const marks = o.full === true ? new Map<NoradId, ElementSetId>() : await repo.detectorWatermarks(d.name);
  const candidates = [...latest.entries()].filter(
    ([norad, maxId]) => (o.objects === undefined || o.objects.includes(norad)) && (marks.get(norad) ?? -1) < maxId,
  );
  let found = 0;
  let inserted = 0;
  let existing = 0;
  let superseded = 0;
  const done = new Map<NoradId, ElementSetId>();
  for (const [norad, maxId] of candidates) {
    const history = await repo.history(norad);
    const events = withStoredIds(
      d.detect(history).filter((e) => o.since === undefined || e.end >= o.since),
      history,
    );
    found += events.length;
    const r =
      events.length > 0
        ? await repo.saveEvents(events, ctx.now(), sameEstimate)
        : { ids: [], inserted: 0, existing: 0 };
    inserted += r.inserted;
    existing += r.existing;
    const last = history[history.length - 1];
    if (last !== undefined) {
      const scope = {
        detector: d.name,
        kind: d.kind,
        from: o.since ?? NO_LOWER_BOUND,
        to: last.epoch,
        covers: (e: StoredEvent) => e.objects.every((x) => x.norad === norad),
      };
      superseded += await supersedeEarlierEstimates(repo, scope, events, r.ids, ctx.now(), norad);
    }
    done.set(norad, maxId);
    o.onProgress?.({ kind: d.kind, done: done.size, total: candidates.length });
  }
  await repo.setDetectorWatermarks(d.name, d.version, done, ctx.now());
  return {
    kind: d.kind,
    detector: d.name,
    version: d.version,
    objectsExamined: candidates.length,
    eventsFound: found,
    inserted,
    existing,
    superseded,
  };
}
