/**
 * Proximity / rendezvous detection over a window of the stored history (see {@link runProximity}).
 * @module
 */
import {
  DEFAULT_PROXIMITY_PARAMETERS,
  PROXIMITY_DETECTOR,
  PROXIMITY_DETECTOR_VERSION,
  addSec,
  detectProximity,
  OWNER_SOURCE_SATCAT,
  formatIso,
  instant,
  noradId,
} from '@orbwatch/core';
import type { DetectedEvent, Instant, ProximityObject } from '@orbwatch/core';
import type { CatalogObject, CatalogRepository, StoredElementSet, StoredEvent } from '@orbwatch/store';
import type { Clock } from './clock.js';
import { newestEpoch } from './catalog-snapshot.js';
import { PROXIMITY_PRESETS } from './proximity-presets.js';
import type { DetectOptions, DetectorRunReport } from './detect-options.js';
import { withStoredIds } from './detect-options.js';
import { sameEstimate } from './same-estimate.js';
import { supersedeEarlierEstimates } from './supersede.js';
import { PROXIMITY_MAX_REACH_BACK_SEC, pairKey, reachBackStarts } from './proximity-reach-back.js';

const PROXIMITY_WINDOW_SEC = 7 * 86_400;

/**
 * The thresholds that make a search a different question: an episode found with other values of
 * these (another preset, `--max-range`, `--same-owner`) is not re-estimated by this run.
 */
const PROXIMITY_QUESTION = [
  'maxRangeKm',
  'maxRelativeSpeedKmPerSec',
  'maxGapSec',
  'maxSetAgeDays',
  'differentOwnersOnly',
] as const;

/** Sets older than this before the window cannot serve it (the detector's own age limit applies too). */
const PROXIMITY_SET_MARGIN_SEC = 30 * 86_400;

/**
 * Sets this far before the window are loaded too: the detector looks for approach manoeuvres in
 * each history over `maneuverLookbackDays` before an episode (roles need that evidence).
 */
const PROXIMITY_EVIDENCE_SEC = DEFAULT_PROXIMITY_PARAMETERS.maneuverLookbackDays * 86_400;

/**
 * Proximity / rendezvous episodes over a time window of the stored history (default: the last 7
 * days of data). Owners come from SATCAT facts in the store (recorded as facts with that source,
 * never as a claim); sets from amateur sources carry their lower weight into the range
 * uncertainty. Histories reach back `maneuverLookbackDays` before the window so that approach
 * manoeuvres (the only ground for chaser/target roles) can be found.
 *
 * With the default window, a pair whose stored live episode was still running at the end of its
 * own window and began before this one is searched alone from that episode's start (at most
 * {@link PROXIMITY_MAX_REACH_BACK_SEC} back; see proximity-reach-back.ts), so the episode is found
 * whole again and supersedes the stored one; an explicit `--since`/`--until` window is searched
 * as given. Design: docs/design/watch.md "Proximity episodes longer than the window".
 */
export async function runProximity(repo: CatalogRepository, o: DetectOptions, ctx: Clock): Promise<DetectorRunReport> {
  const base = { kind: 'proximity', detector: PROXIMITY_DETECTOR, version: PROXIMITY_DETECTOR_VERSION, superseded: 0 };
  const newest = await newestEpoch(repo);
  if (newest === null) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const end = o.until ?? newest;
  const start = o.since ?? addSec(end, -PROXIMITY_WINDOW_SEC);
  const amateurSources = new Set((await repo.sources()).filter((x) => x.kind === 'amateur').map((x) => x.name));
  const objects = await repo.listObjects({});
  const inputs: LoadedObject[] = [];
  for (const [i, x] of objects.entries()) {
    o.onProgress?.({ kind: 'proximity', done: i + 1, total: objects.length });
    if (
      x.lastEpoch === null ||
      x.lastEpoch < start - PROXIMITY_SET_MARGIN_SEC * 1000 ||
      (x.firstEpoch ?? Infinity) > end
    )
      continue;
    if (o.objects !== undefined && !o.objects.includes(x.noradId)) continue;
    const input = await proximityInput(repo, x, start, end, amateurSources);
    if (input !== undefined) inputs.push(input);
  }
  const parameters = {
    ...PROXIMITY_PRESETS[o.preset ?? 'screen'],
    ...(o.maxRangeKm === undefined ? {} : { maxRangeKm: o.maxRangeKm }),
    ...(o.maxRelativeSpeedKmPerSec === undefined ? {} : { maxRelativeSpeedKmPerSec: o.maxRelativeSpeedKmPerSec }),
    ...(o.sameOwner === true ? { differentOwnersOnly: false } : {}),
  };
  const examined = new Set(inputs.map((i) => i.noradId));
  const asked = { ...DEFAULT_PROXIMITY_PARAMETERS, ...parameters } as Readonly<Record<string, unknown>>;
  const sameQuestion = (e: StoredEvent): boolean =>
    PROXIMITY_QUESTION.every((k) => !(k in e.parameters) || e.parameters[k] === asked[k]);
  // The default window only: an explicit --since/--until is the window the analyst asked for.
  const reachBack =
    o.since === undefined && o.until === undefined
      ? reachBackStarts(
          await repo.listEvents({
            kind: 'proximity',
            detector: PROXIMITY_DETECTOR,
            since: addSec(start, -PROXIMITY_MAX_REACH_BACK_SEC),
          }),
          { start, sameQuestion, examined },
        )
      : new Map<string, Instant>();
  // Each episode with the search window it was found in: an input of the run, not a measure of
  // the detector, recorded so that an evidence bundle can run the detector again over the same
  // window (core's RUN_INPUT_MEASURES).
  const found: { event: DetectedEvent; from: Instant }[] = detectProximity({ objects: inputs, start, end, parameters })
    .episodes.filter((e) => !reachBack.has(pairKey(e.event.objects)))
    .map((e) => ({ event: e.event, from: start }));
  const all = inputs.flatMap((i) => i.sets);
  for (const [key, from] of reachBack) {
    // The pair alone, from the start of its ongoing episode (the detector treats pairs independently).
    // In the order of the whole run's objects, which orders each pair's measures (A, B).
    const members = new Set(key.split('-').map((x) => noradId(Number(x))));
    const pair = [];
    for (const x of objects.filter((y) => members.has(y.noradId))) {
      const input = await proximityInput(repo, x, from, end, amateurSources);
      if (input !== undefined) pair.push(input);
    }
    if (pair.length !== 2) continue;
    all.push(...pair.flatMap((i) => i.sets));
    for (const e of detectProximity({ objects: pair, start: from, end, parameters }).episodes)
      found.push({ event: e.event, from });
  }
  const events = withStoredIds(
    found.map(({ event, from }) => ({
      ...event,
      measures: { ...event.measures, searchWindowStartUtc: formatIso(from), searchWindowEndUtc: formatIso(end) },
    })),
    all,
  );
  const saved =
    events.length > 0 ? await repo.saveEvents(events, ctx.now(), sameEstimate) : { ids: [], inserted: 0, existing: 0 };
  // This window's episodes are the current estimate for the pairs examined, with these thresholds,
  // and for each pair searched further back, from where its search started.
  const scope = {
    detector: PROXIMITY_DETECTOR,
    kind: 'proximity' as const,
    from: instant(Math.min(start, ...reachBack.values())),
    to: end,
    covers: (e: StoredEvent) =>
      e.objects.every((x) => examined.has(x.norad)) &&
      sameQuestion(e) &&
      (e.start >= start || e.start >= (reachBack.get(pairKey(e.objects)) ?? Infinity)),
  };
  const superseded = await supersedeEarlierEstimates(repo, scope, events, saved.ids, ctx.now());
  return {
    ...base,
    objectsExamined: inputs.length,
    eventsFound: events.length,
    inserted: saved.inserted,
    existing: saved.existing,
    superseded,
  };
}

/** A detector input with the stored sets it holds (their ids name the evidence). */
type LoadedObject = ProximityObject & { readonly sets: readonly StoredElementSet[] };

/**
 * One object's input: its sets from `maneuverLookbackDays` (at least the set margin) before the
 * window to the margin after it; owners from SATCAT facts; amateur when every set is amateur.
 */
async function proximityInput(
  repo: CatalogRepository,
  x: CatalogObject,
  start: Instant,
  end: Instant,
  amateurSources: ReadonlySet<string>,
): Promise<LoadedObject | undefined> {
  const sets = await repo.history(x.noradId, {
    from: addSec(start, -Math.max(PROXIMITY_SET_MARGIN_SEC, PROXIMITY_EVIDENCE_SEC)),
    to: addSec(end, PROXIMITY_SET_MARGIN_SEC),
  });
  if (sets.length === 0) return undefined;
  const amateur = sets.every((s) => amateurSources.has(s.source));
  return {
    noradId: x.noradId,
    sets,
    ...(x.owner === null ? {} : { owner: x.owner, ownerSource: OWNER_SOURCE_SATCAT }),
    ...(amateur ? { amateur: true, source: sets[0]?.source ?? 'amateur' } : { source: sets[0]?.source ?? 'unknown' }),
  };
}
