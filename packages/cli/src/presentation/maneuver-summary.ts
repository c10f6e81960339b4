/**
 * The maneuvers of a catalogue as a reader can take them in: not "6000 maneuver" but orbit
 * raising grouped by launch (a new constellation batch climbing to its shell), the objects that
 * keep station and how often they burn, and the few single burns that stand out from their
 * object's own pattern. Pure: events and names in, a summary out.
 *
 * Each maneuver is classed by its assessment label when it has one, otherwise by the detector's
 * `measures.kind` (or `measures.class`), otherwise `undetermined`; the summary says which source
 * the labels came from.
 *
 * A single burn *stands out* when its object has a pattern to stand out from (at least
 * {@link STANDOUT_MIN_OTHER_BURNS} other burns in the window) and the lower end of the burn's 95 %
 * interval (Δv − 1.96 σ) exceeds {@link STANDOUT_RATIO} times the median Δv of those other burns:
 * an order-of-magnitude larger burn than the object usually makes, and not by noise.
 * @module
 */
import type { NoradId } from '@orbwatch/core';
import { Z95 } from '@orbwatch/core';
import type { StoredEvent } from '@orbwatch/store';
import { numberOf } from './measure-format.js';
import type { ObjectNames } from './object-names.js';

/** A burn stands out at this many times its object's median Δv (lower 95 % bound). */
export const STANDOUT_RATIO = 10;
/** An object needs this many other burns to have a pattern. */
export const STANDOUT_MIN_OTHER_BURNS = 3;

const MS_PER_DAY = 86_400_000;

/** The fields of an event the summary reads. */
export type ManeuverEvent = Pick<StoredEvent, 'objects' | 'start' | 'end' | 'measures' | 'assessment'>;

export interface LaunchGroup {
  readonly launch: string;
  /** Name families of the launch's objects with counts (`24 × STARLINK`). */
  readonly names: string;
  readonly objects: number;
  readonly burns: number;
}

export interface StationKeeper {
  readonly norad: NoradId;
  readonly name: string;
  /** The id with its name (and COSPAR id when the name says nothing by itself). */
  readonly label: string;
  readonly burns: number;
  /** Median days between consecutive burns (null with a single burn). */
  readonly medianIntervalDays: number | null;
}

export interface StandoutBurn {
  readonly norad: NoradId;
  readonly name: string;
  /** The id with its name (and COSPAR id when the name says nothing by itself). */
  readonly label: string;
  readonly start: number;
  readonly end: number;
  readonly deltaVMps: number;
  readonly deltaVSigmaMps: number | null;
  /** The object's median Δv over its other burns. */
  readonly objectMedianDeltaVMps: number;
  readonly otherBurns: number;
}

export interface ManeuverSummary {
  readonly total: number;
  readonly byLabel: Readonly<Record<string, number>>;
  /** Where the labels came from: every event's assessment, none (detector measures), or some. */
  readonly labelSource: 'assessment' | 'measures' | 'mixed';
  readonly orbitRaising: readonly LaunchGroup[];
  readonly orbitLowering: readonly LaunchGroup[];
  readonly stationKeeping: {
    readonly objects: number;
    readonly burns: number;
    /** Median over objects of each object's median interval between burns, days. */
    readonly medianIntervalDays: number | null;
    /** The objects with the most burns. */
    readonly busiest: readonly StationKeeper[];
  };
  readonly standouts: readonly StandoutBurn[];
}

/** The label a maneuver is counted under. */
export function maneuverLabel(e: ManeuverEvent): { label: string; fromAssessment: boolean } {
  if (e.assessment !== undefined) return { label: e.assessment.label, fromAssessment: true };
  const k = e.measures['kind'] ?? e.measures['class'];
  return { label: typeof k === 'string' && k !== '' ? k : 'undetermined', fromAssessment: false };
}

function median(xs: readonly number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
}

const subjectOf = (e: ManeuverEvent): NoradId | undefined =>
  (e.objects.find((o) => o.role === 'subject') ?? e.objects[0])?.norad;

function byLaunch(events: readonly ManeuverEvent[], names: ObjectNames): LaunchGroup[] {
  const groups = new Map<string, { objects: Set<NoradId>; burns: number }>();
  for (const e of events) {
    const n = subjectOf(e);
    if (n === undefined) continue;
    const launch = names.launch(n) ?? 'launch unknown';
    const g = groups.get(launch) ?? { objects: new Set<NoradId>(), burns: 0 };
    g.objects.add(n);
    g.burns++;
    groups.set(launch, g);
  }
  return [...groups.entries()]
    .map(([launch, g]) => ({
      launch,
      names: names.group([...g.objects]).replace(/^[^:]*: /, ''),
      objects: g.objects.size,
      burns: g.burns,
    }))
    .sort((a, b) => b.objects - a.objects || b.burns - a.burns || a.launch.localeCompare(b.launch));
}

function stationKeeping(events: readonly ManeuverEvent[], names: ObjectNames): ManeuverSummary['stationKeeping'] {
  const starts = new Map<NoradId, number[]>();
  for (const e of events) {
    const n = subjectOf(e);
    if (n !== undefined) starts.set(n, [...(starts.get(n) ?? []), (e.start + e.end) / 2]);
  }
  const keepers: StationKeeper[] = [...starts.entries()].map(([norad, ts]) => {
    const s = [...ts].sort((a, b) => a - b);
    const gaps = s.slice(1).map((t, i) => (t - (s[i] as number)) / MS_PER_DAY);
    return {
      norad,
      name: names.name(norad),
      label: names.label(norad),
      burns: s.length,
      medianIntervalDays: median(gaps),
    };
  });
  const intervals = keepers.flatMap((k) => (k.medianIntervalDays === null ? [] : [k.medianIntervalDays]));
  return {
    objects: keepers.length,
    burns: events.length,
    medianIntervalDays: median(intervals),
    busiest: keepers.sort((a, b) => b.burns - a.burns || a.norad - b.norad).slice(0, 5),
  };
}

function standouts(all: readonly ManeuverEvent[], names: ObjectNames): StandoutBurn[] {
  const perObject = new Map<NoradId, ManeuverEvent[]>();
  for (const e of all) {
    const n = subjectOf(e);
    if (n !== undefined) perObject.set(n, [...(perObject.get(n) ?? []), e]);
  }
  const out: StandoutBurn[] = [];
  for (const [norad, events] of perObject) {
    if (events.length < STANDOUT_MIN_OTHER_BURNS + 1) continue;
    for (const e of events) {
      if (maneuverLabel(e).label !== 'single-burn') continue;
      const dv = numberOf(e.measures['deltaVMps']);
      if (dv === null) continue;
      const sigma = numberOf(e.measures['deltaVSigmaMps']);
      const others = events
        .filter((x) => x !== e)
        .flatMap((x) => {
          const v = numberOf(x.measures['deltaVMps']);
          return v === null ? [] : [v];
        });
      const usual = median(others);
      if (usual === null || others.length < STANDOUT_MIN_OTHER_BURNS) continue;
      const lower = dv - Z95 * Math.max(0, sigma ?? 0);
      if (lower > STANDOUT_RATIO * usual) {
        out.push({
          norad,
          name: names.name(norad),
          label: names.label(norad),
          start: e.start,
          end: e.end,
          deltaVMps: dv,
          deltaVSigmaMps: sigma,
          objectMedianDeltaVMps: usual,
          otherBurns: others.length,
        });
      }
    }
  }
  return out.sort((a, b) => b.deltaVMps / b.objectMedianDeltaVMps - a.deltaVMps / a.objectMedianDeltaVMps);
}

/** Groups maneuver events (other kinds are ignored). */
export function summarizeManeuvers(
  events: readonly (ManeuverEvent & { kind?: string })[],
  names: ObjectNames,
): ManeuverSummary {
  const maneuvers = events.filter((e) => e.kind === undefined || e.kind === 'maneuver');
  const byLabel: Record<string, number> = {};
  const labelled = new Map<string, ManeuverEvent[]>();
  let fromAssessment = 0;
  for (const e of maneuvers) {
    const { label, fromAssessment: a } = maneuverLabel(e);
    if (a) fromAssessment++;
    byLabel[label] = (byLabel[label] ?? 0) + 1;
    labelled.set(label, [...(labelled.get(label) ?? []), e]);
  }
  return {
    total: maneuvers.length,
    byLabel,
    labelSource: fromAssessment === maneuvers.length ? 'assessment' : fromAssessment === 0 ? 'measures' : 'mixed',
    orbitRaising: byLaunch(labelled.get('orbit-raising') ?? [], names),
    orbitLowering: byLaunch(labelled.get('orbit-lowering') ?? [], names),
    stationKeeping: stationKeeping(labelled.get('station-keeping') ?? [], names),
    standouts: standouts(maneuvers, names),
  };
}
