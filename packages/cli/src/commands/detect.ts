/**
 * `orbwatch detect [--kinds maneuver,…] [--objects …] [--since …]`: runs the behaviour detectors
 * over the stored element-set history and stores what they find as events. Incremental: each
 * detector keeps a watermark per object (the highest element-set id it has processed), so a run
 * only redoes the objects that new element sets can change; `--full` ignores the watermarks.
 * Re-finding an event already stored changes nothing (events are fingerprinted).
 * @module
 */
import type { DetectedEvent, Instant, NoradId } from '@orbwatch/core';
import {
  ErrorCode,
  FRAGMENTATION_DETECTOR,
  FRAGMENTATION_DETECTOR_VERSION,
  MANEUVER_DETECTOR,
  RELEASE_DETECTOR,
  RELEASE_DETECTOR_VERSION,
  MANEUVER_DETECTOR_VERSION,
  PROXIMITY_DETECTOR,
  PROXIMITY_DETECTOR_VERSION,
  OrbwatchError,
  addSec,
  detectFragmentations,
  detectManeuvers,
  detectProximity,
  detectReleases,
  revImpliedEpoch,
} from '@orbwatch/core';
import type { CatalogRepository, ElementSetId, StoredElementSet } from '@orbwatch/store';
import type { CliContext } from '../cli-context.js';
import { writeJson, writeLine } from '../cli-context.js';
import { newestEpoch, snapshotAsOf } from '../detection/catalog-snapshot.js';
import { EXIT_OK } from '../exit-codes.js';

/** The detector kinds `orbwatch detect` can run today. */
export const DETECTOR_KINDS = ['maneuver', 'release', 'proximity', 'fragmentation'] as const;
export type DetectorKind = (typeof DETECTOR_KINDS)[number];

export interface DetectOptions {
  readonly kinds: readonly DetectorKind[];
  readonly objects?: readonly NoradId[];
  /** Only events that end at or after this instant are stored. */
  readonly since?: Instant;
  readonly full?: boolean;
  /** Fragmentation: the earlier snapshot's time (default: 30 days before the newest epoch). */
  readonly baseline?: Instant;
  /** Fragmentation: also store old debris clouds recognised in one snapshot. */
  readonly clouds?: boolean;
  /** Proximity: search window end (default: the newest epoch); its start is `since` or 7 days before. */
  readonly until?: Instant;
  /** Proximity: thresholds (defaults 50 km, 0.5 km/s). */
  readonly maxRangeKm?: number;
  readonly maxRelativeSpeedKmPerSec?: number;
  /** Proximity: also pairs of the same owner (labelled as such). */
  readonly sameOwner?: boolean;
  /** Proximity: `screen` (50 km, 0.5 km/s, the catalogue-wide defaults) or `inspection` (see PROXIMITY_PRESETS). */
  readonly preset?: ProximityPreset;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

interface PerObjectDetector {
  readonly kind: DetectorKind;
  readonly name: string;
  readonly version: string;
  readonly detect: (history: readonly StoredElementSet[]) => DetectedEvent[];
}

const PER_OBJECT_DETECTORS: readonly PerObjectDetector[] = [
  {
    kind: 'maneuver',
    name: MANEUVER_DETECTOR,
    version: MANEUVER_DETECTOR_VERSION,
    detect: (h) => detectManeuvers(h).events,
  },
];

/** Fills each element-set reference with the stored id of the set it names. */
function withStoredIds(e: DetectedEvent, history: readonly StoredElementSet[]): DetectedEvent {
  const byKey = new Map(history.map((s) => [`${String(s.noradId)}@${String(s.epoch)}`, s]));
  return {
    ...e,
    elementSets: e.elementSets.map((r) => {
      const s = byKey.get(`${String(r.noradId)}@${String(r.epoch)}`);
      return s === undefined ? r : { ...r, storedId: String(s.id), source: s.source };
    }),
  };
}

export interface DetectReport {
  readonly detectors: {
    kind: string;
    detector: string;
    version: string;
    objectsExamined: number;
    eventsFound: number;
    inserted: number;
    existing: number;
  }[];
}

export async function runDetect(repo: CatalogRepository, o: DetectOptions, ctx: CliContext): Promise<number> {
  for (const k of o.kinds) {
    if (!(DETECTOR_KINDS as readonly string[]).includes(k)) {
      throw new OrbwatchError(ErrorCode.USAGE, `unknown detector '${k}'; available: ${DETECTOR_KINDS.join(', ')}`, {
        kind: k,
      });
    }
  }
  const latest = await repo.latestElementSetIds();
  const report: DetectReport['detectors'] = [];
  for (const d of PER_OBJECT_DETECTORS.filter((x) => o.kinds.includes(x.kind))) {
    const marks = o.full === true ? new Map<NoradId, ElementSetId>() : await repo.detectorWatermarks(d.name);
    const candidates = [...latest.entries()].filter(
      ([norad, maxId]) => (o.objects === undefined || o.objects.includes(norad)) && (marks.get(norad) ?? -1) < maxId,
    );
    let found = 0;
    let inserted = 0;
    let existing = 0;
    const done = new Map<NoradId, ElementSetId>();
    for (const [norad, maxId] of candidates) {
      const history = await repo.history(norad);
      const events = d
        .detect(history)
        .filter((e) => o.since === undefined || e.end >= o.since)
        .map((e) => withStoredIds(e, history));
      found += events.length;
      if (events.length > 0) {
        const r = await repo.saveEvents(events, ctx.now());
        inserted += r.inserted;
        existing += r.existing;
      }
      done.set(norad, maxId);
    }
    await repo.setDetectorWatermarks(d.name, d.version, done, ctx.now());
    report.push({
      kind: d.kind,
      detector: d.name,
      version: d.version,
      objectsExamined: candidates.length,
      eventsFound: found,
      inserted,
      existing,
    });
  }
  if (o.kinds.includes('release')) report.push(await runRelease(repo, o, ctx));
  if (o.kinds.includes('proximity')) report.push(await runProximity(repo, o, ctx));
  if (o.kinds.includes('fragmentation')) report.push(await runFragmentation(repo, o, ctx));
  if (o.json === true) writeJson(ctx, { detectors: report });
  else if (o.quiet !== true) {
    for (const r of report) {
      writeLine(
        ctx.stdout,
        `${r.kind}: ${String(r.objectsExamined)} object(s) with new element sets examined, ${String(r.eventsFound)} event(s) found, ${String(r.inserted)} new, ${String(r.existing)} already stored (detector ${r.detector} ${r.version})`,
      );
    }
  }
  return EXIT_OK;
}

const BASELINE_DEFAULT_SEC = -30 * 86_400;

/**
 * Fragmentations between two catalogue snapshots taken from the stored history: each object's
 * latest set before the baseline, and each object's latest set overall. Bursts of new pieces of
 * one launch are events; old clouds only with `clouds`.
 */
async function runFragmentation(
  repo: CatalogRepository,
  o: DetectOptions,
  ctx: CliContext,
): Promise<DetectReport['detectors'][number]> {
  const base = { kind: 'fragmentation', detector: FRAGMENTATION_DETECTOR, version: FRAGMENTATION_DETECTOR_VERSION };
  const newest = await newestEpoch(repo);
  if (newest === null) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const baseline = o.baseline ?? addSec(newest, BASELINE_DEFAULT_SEC);
  const after = await snapshotAsOf(repo, addSec(newest, 1));
  const before = await snapshotAsOf(repo, baseline);
  const scoped = (sets: readonly StoredElementSet[]) =>
    o.objects === undefined ? sets : sets.filter((s) => o.objects?.includes(s.noradId));
  const { reports } = detectFragmentations({ after: scoped(after), before: scoped(before) });
  const all = [...after, ...before];
  const events = reports
    .filter((r) => r.mode === 'burst' || o.clouds === true)
    .map((r) => withStoredIds(r.event, all))
    .filter((e) => o.since === undefined || e.end >= o.since);
  const saved = events.length > 0 ? await repo.saveEvents(events, ctx.now()) : { inserted: 0, existing: 0 };
  return {
    ...base,
    objectsExamined: after.length,
    eventsFound: events.length,
    inserted: saved.inserted,
    existing: saved.existing,
  };
}

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
async function runRelease(
  repo: CatalogRepository,
  o: DetectOptions,
  ctx: CliContext,
): Promise<DetectReport['detectors'][number]> {
  const base = { kind: 'release', detector: RELEASE_DETECTOR, version: RELEASE_DETECTOR_VERSION };
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
  for (const x of objects) histories.set(x.noradId, await repo.history(x.noradId));
  const newSet = new Set(newcomers.map((x) => x.noradId));
  const asHistory = (norad: NoradId) => ({ noradId: norad, sets: histories.get(norad) ?? [] });
  const { events } = detectReleases({
    newObjects: newcomers.map((x) => asHistory(x.noradId)),
    catalogued: objects.filter((x) => !newSet.has(x.noradId)).map((x) => asHistory(x.noradId)),
  });
  const all = [...histories.values()].flat();
  const stored = events.map((e) => withStoredIds(e, all)).filter((e) => o.since === undefined || e.end >= o.since);
  const saved = stored.length > 0 ? await repo.saveEvents(stored, ctx.now()) : { inserted: 0, existing: 0 };
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
  };
}

const PROXIMITY_WINDOW_SEC = 7 * 86_400;

/**
 * Proximity presets. `screen`: the detector's defaults (50 km, 0.5 km/s, passes at most 3 h apart,
 * sets ≤ 10 days from the instant) — a catalogue-wide screen. `inspection`: within 100 km below
 * 0.2 km/s with passes recurring up to 7 days apart and sets up to 16 days old — the slow
 * same-plane drift-bys of an inspector past its target, seen through sparse (amateur) elements.
 */
export const PROXIMITY_PRESETS = {
  screen: {},
  inspection: { maxRangeKm: 100, maxRelativeSpeedKmPerSec: 0.2, maxGapSec: 7 * 86_400, maxSetAgeDays: 16 },
} as const;
export type ProximityPreset = keyof typeof PROXIMITY_PRESETS;
/** Sets older than this before the window cannot serve it (the detector's own age limit applies too). */
const PROXIMITY_SET_MARGIN_SEC = 30 * 86_400;

/**
 * Proximity / rendezvous episodes over a time window of the stored history (default: the last 7
 * days of data). Owners come from SATCAT facts in the store; sets from amateur sources carry
 * their lower weight into the range uncertainty.
 */
async function runProximity(
  repo: CatalogRepository,
  o: DetectOptions,
  ctx: CliContext,
): Promise<DetectReport['detectors'][number]> {
  const base = { kind: 'proximity', detector: PROXIMITY_DETECTOR, version: PROXIMITY_DETECTOR_VERSION };
  const newest = await newestEpoch(repo);
  if (newest === null) return { ...base, objectsExamined: 0, eventsFound: 0, inserted: 0, existing: 0 };
  const end = o.until ?? newest;
  const start = o.since ?? addSec(end, -PROXIMITY_WINDOW_SEC);
  const amateurSources = new Set((await repo.sources()).filter((x) => x.kind === 'amateur').map((x) => x.name));
  const objects = await repo.listObjects({});
  const inputs = [];
  for (const x of objects) {
    if (
      x.lastEpoch === null ||
      x.lastEpoch < start - PROXIMITY_SET_MARGIN_SEC * 1000 ||
      (x.firstEpoch ?? Infinity) > end
    )
      continue;
    if (o.objects !== undefined && !o.objects.includes(x.noradId)) continue;
    const sets = await repo.history(x.noradId, {
      from: addSec(start, -PROXIMITY_SET_MARGIN_SEC),
      to: addSec(end, PROXIMITY_SET_MARGIN_SEC),
    });
    if (sets.length === 0) continue;
    const amateur = sets.every((s) => amateurSources.has(s.source));
    inputs.push({
      noradId: x.noradId,
      sets,
      ...(x.owner === null ? {} : { owner: x.owner }),
      ...(amateur ? { amateur: true, source: sets[0]?.source ?? 'amateur' } : { source: sets[0]?.source ?? 'unknown' }),
    });
  }
  const { episodes } = detectProximity({
    objects: inputs,
    start,
    end,
    parameters: {
      ...PROXIMITY_PRESETS[o.preset ?? 'screen'],
      ...(o.maxRangeKm === undefined ? {} : { maxRangeKm: o.maxRangeKm }),
      ...(o.maxRelativeSpeedKmPerSec === undefined ? {} : { maxRelativeSpeedKmPerSec: o.maxRelativeSpeedKmPerSec }),
      ...(o.sameOwner === true ? { differentOwnersOnly: false } : {}),
    },
  });
  const all = inputs.flatMap((i) => i.sets);
  const events = episodes.map((e) => withStoredIds(e.event, all));
  const saved = events.length > 0 ? await repo.saveEvents(events, ctx.now()) : { inserted: 0, existing: 0 };
  return {
    ...base,
    objectsExamined: inputs.length,
    eventsFound: events.length,
    inserted: saved.inserted,
    existing: saved.existing,
  };
}
