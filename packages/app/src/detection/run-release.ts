/**
 * Release / deployment detection over the stored history (see {@link runRelease}).
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import { RELEASE_DETECTOR, RELEASE_DETECTOR_VERSION, addSec, detectReleases, revImpliedEpoch } from '@orbwatch/core';
import type { CatalogRepository, ElementSetId, StoredElementSet, StoredEvent } from '@orbwatch/store';
import type { Clock } from './clock.js';
import type { DetectOptions, DetectorRunReport } from './detect-options.js';
import { withStoredIds } from './detect-options.js';
import { sameEstimate } from './same-estimate.js';
import { NO_LOWER_BOUND, NO_UPPER_BOUND, supersedeEarlierEstimates } from './supersede.js';

/** A newcomer's absence must be seen: some other object has a set this long before its first one. */
const OBSERVED_BEFORE_MAX_SEC = 10 * 86_400;
const OBSERVED_BEFORE_MIN_SEC = 6 * 3_600;
/** A newcomer launched (SATCAT) longer ago than this before its first set is an old object newly seen. */
const MAX_LAUNCH_AGE_SEC = 60 * 86_400;

/**
 * Releases and deployments. A newcomer is an object whose absence the store has seen — the
 * catalogue was observed (other objects' sets exist) between 10 days and 6 hours before its first
 * set — that neither SATCAT nor its revolution count dates to a launch long before, and that earlier runs have not
 * examined. Every other object is a candidate parent. Objects that merely enter the store late
 * (an old satellite first published by an amateur source, a catalogue snapshot added later) are
 * thereby not mistaken for fresh releases.
 */
export async function runRelease(repo: CatalogRepository, o: DetectOptions, ctx: Clock): Promise<DetectorRunReport> {
  const base = { kind: 'release', detector: RELEASE_DETECTOR, version: RELEASE_DETECTOR_VERSION, superseded: 0 };
  const objects = (await repo.listObjects({})).filter((x) => x.firstEpoch !== null);
  if (objects.length === 0) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const marks = o.full === true ? new Map<NoradId, ElementSetId>() : await repo.detectorWatermarks(RELEASE_DETECTOR);
  const latest = await repo.latestElementSetIds();
  const isNew = async (x: (typeof objects)[number]): Promise<boolean> => {
    if (x.firstEpoch === null || marks.has(x.noradId) || (o.objects !== undefined && !o.objects.includes(x.noradId)))
      return false;
    if (x.launchDate !== null && x.firstEpoch - x.launchDate > MAX_LAUNCH_AGE_SEC * 1000) return false;
    const [first] = await repo.history(x.noradId, { to: addSec(x.firstEpoch, 1) });
    const countStart = first === undefined ? null : revImpliedEpoch(first);
    if (countStart !== null && x.firstEpoch - countStart > MAX_LAUNCH_AGE_SEC * 1000) return false;
    const seen = await repo.elementSetsBetween(
      addSec(x.firstEpoch, -OBSERVED_BEFORE_MAX_SEC),
      addSec(x.firstEpoch, -OBSERVED_BEFORE_MIN_SEC),
      { limit: 1 },
    );
    return seen.length > 0;
  };
  const newcomers: typeof objects = [];
  for (const x of objects) if (await isNew(x)) newcomers.push(x);
  if (newcomers.length === 0) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const histories = new Map<NoradId, StoredElementSet[]>();
  for (const x of objects) {
    histories.set(x.noradId, await repo.history(x.noradId));
    o.onProgress?.({ kind: 'release', done: histories.size, total: objects.length });
  }
  const newSet = new Set(newcomers.map((x) => x.noradId));
  // SATCAT facts bound the claims: no separation before the launch date, carriers by type.
  const asHistory = (x: (typeof objects)[number]) => ({
    noradId: x.noradId,
    sets: histories.get(x.noradId) ?? [],
    facts: { launchDate: x.launchDate, objectType: x.objectType, name: x.name },
  });
  const { events, launches } = detectReleases({
    newObjects: newcomers.map(asHistory),
    catalogued: objects.filter((x) => !newSet.has(x.noradId)).map(asHistory),
  });
  const all = [...histories.values()].flat();
  const stored = withStoredIds(events, all).filter((e) => o.since === undefined || e.end >= o.since);
  const saved =
    stored.length > 0 ? await repo.saveEvents(stored, ctx.now(), sameEstimate) : { ids: [], inserted: 0, existing: 0 };
  // Each newcomer's whole history was examined: the releases found are the current estimate for
  // the newcomers (a stored release is in scope when every child or sibling it names is one).
  const scope = {
    detector: RELEASE_DETECTOR,
    kind: 'release' as const,
    from: o.since ?? NO_LOWER_BOUND,
    to: NO_UPPER_BOUND,
    covers: (e: StoredEvent) => e.objects.every((x) => x.role === 'parent' || newSet.has(x.norad)),
  };
  const superseded = await supersedeEarlierEstimates(repo, scope, stored, saved.ids, ctx.now());
  // What was concluded for each launch examined, so `orbwatch launches` reads it. A launch seen
  // again with a single new object keeps its earlier, fuller report.
  const known = new Set((await repo.launchReports()).map((r) => r.cospar));
  const reports = launches.filter((l) => l.status !== 'single-newcomer' || !known.has(l.launch));
  if (reports.length > 0) await repo.saveLaunchReports(RELEASE_DETECTOR, RELEASE_DETECTOR_VERSION, reports, ctx.now());
  await repo.setDetectorWatermarks(
    RELEASE_DETECTOR,
    RELEASE_DETECTOR_VERSION,
    new Map(newcomers.map((x) => [x.noradId, latest.get(x.noradId) ?? 0])),
    ctx.now(),
  );
  return {
    ...base,
    objectsExamined: newcomers.length,
    eventsFound: stored.length,
    inserted: saved.inserted,
    existing: saved.existing,
    superseded,
  };
}
