/**
 * Release / deployment detection (a pure function): when an object first appears, find the
 * object it separated from, the separation epoch and the separation Δv.
 *
 * Method (details, sources and measured accuracy in docs/design/release-detector.md):
 * 1. Window: back-propagate the newcomer over [first epoch − lookback, first epoch], the lookback
 *    taken from its revolution number at epoch (+ margin), clamped to [min, max]Lookback.
 * 2. Candidates: objects of the same launch (COSPAR `YYYY-NNN`) first — catalogued ones all, other
 *    newcomers through the launch's reference sibling (its earliest-catalogued newcomer) — then
 *    objects of other launches that pass a coarse filter (orbit-plane angle, radius ranges).
 * 3. Closest approach: coarse scan of |Δr|² (first child set vs the parent's set nearest in time),
 *    golden-section refinement of the deepest local minima; then, around it, the same for every
 *    pair (first few child sets × parent sets nearest before/after) → median epoch, Δv (inertial
 *    difference in the parent's RIC axes) and their spread across pairs.
 * 4. Accept when the distance at separation is within maxDistanceBase + growth × lag and |Δv| is
 *    below maxDeltaV. A candidate that passes the physical checks (release-checks.ts: not before
 *    the launch, in orbit before the separation, of the child's own launch, and not a
 *    co-passenger) is a parent → a `release` event, roles parent/child. Otherwise newcomers of
 *    one launch that meet their reference sibling (or whose along-track arcs converge,
 *    along-track-convergence.ts) form one deployment group → one `release` event, role
 *    `sibling` for all (the carrier is not catalogued). Rejected candidates are recorded.
 * 5. Every event carries an assessment (release-assessment.ts): a label only when the 95 %
 *    interval of the deciding speed lies inside its class, else `undetermined`.
 * 6. One report per launch (LaunchGroupReport): its group, or why none could be measured.
 * Newcomers are handled in order of first appearance, so chains (parent → child → grandchild) are
 * followed.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import { noradId } from '../../ids/norad-id.js';
import { createSgp4Propagator } from '../../propagation/create-sgp4-propagator.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import type { Instant } from '../../time/instant.js';
import { formatIso, instant } from '../../time/instant.js';
import type { DetectedEvent, ElementSetRef } from '../detected-event.js';
import type { ClosestApproach } from './closest-approach.js';
import { approachAt, closestApproachNear, refineMinimum, scanMinima } from './closest-approach.js';
import { propagateTeme } from '../../propagation/propagate-teme.js';
import { resolvePeriodicMinimum } from './resolve-periodic-minimum.js';
import type { OrbitSketch } from './orbit-summary.js';
import { planeAngleAt, sketchOrbit } from './orbit-summary.js';
import type { ReleaseParameters } from './release-parameters.js';
import { DEFAULT_RELEASE_PARAMETERS } from './release-parameters.js';
import type { ConvergenceGroup } from './along-track-convergence.js';
import { alongTrackConvergence, preManoeuvreCount } from './along-track-convergence.js';
import type {
  CandidateRejection,
  LaunchGroupReport,
  LaunchMember,
  LaunchStatus,
  LaunchTime,
  NewcomerOutcome,
  ObjectHistory,
  PairEstimate,
  ReleaseClass,
  ReleaseDetectionInput,
  ReleaseObjectFacts,
} from './release-types.js';
import type { AssessmentReason } from '../assessment/event-assessment.js';
import { assessGroup, assessRelease, launchReason } from './release-assessment.js';
import {
  beforeLaunch,
  inOrbitSinceMs,
  isCarrier,
  launchTimes,
  objectLaunchTime,
  parentCheck,
} from './release-checks.js';
import { median, robustSigma, sampleSd as sd } from '../../stats/sample-stats.js';

export const RELEASE_DETECTOR = 'release';
export const RELEASE_DETECTOR_VERSION = '1.2.0';

/** Result of {@link detectReleases}. */
export interface ReleaseDetection {
  readonly events: DetectedEvent[];
  /** One outcome per newcomer, in the order handled (first appearance). */
  readonly outcomes: NewcomerOutcome[];
  /** One report per launch with two or more newcomers, by launch designator. */
  readonly launches: LaunchGroupReport[];
}

const MS_PER_DAY = 86_400_000;

interface Prepared {
  readonly noradId: NoradId;
  readonly launch: string | null;
  readonly sets: readonly ElementSet[];
  readonly props: readonly Sgp4Propagator[];
  readonly sketches: readonly OrbitSketch[];
  readonly newcomer: boolean;
  readonly facts: ReleaseObjectFacts | undefined;
  /** Earliest instant the object is known to be in orbit as itself (−∞ for catalogued objects). */
  inOrbitSince: number;
  /** A newcomer whose parent was found (its separation epoch is `inOrbitSince`). */
  released: boolean;
  /** Coarse-grid positions as a child (first set) and as a parent (nearest set), by grid index. */
  readonly childGrid: Map<number, Float64Array | null>;
  readonly parentGrid: Map<number, Float64Array | null>;
}

/**
 * Class of a release by a Δv taken as exact (thresholds only). Events are labelled with
 * {@link assessRelease} instead, which gives a class only when the 95 % interval allows it.
 */
export function classifyRelease(
  deltaVMps: number,
  params: ReleaseParameters = DEFAULT_RELEASE_PARAMETERS,
): ReleaseClass {
  if (deltaVMps <= params.deploymentMaxMps) return 'deployment';
  if (deltaVMps < params.highSpeedMinMps) return 'ejection';
  return 'high-speed-release';
}

/**
 * Finds releases among newly catalogued objects. Pure; deterministic (ties broken by NORAD id).
 * Objects whose sets SGP4 cannot initialise are skipped.
 */
export function detectReleases(
  input: ReleaseDetectionInput,
  params: ReleaseParameters = DEFAULT_RELEASE_PARAMETERS,
): ReleaseDetection {
  const all: Prepared[] = [];
  for (const h of input.catalogued) {
    const p = prepare(h, false);
    if (p !== undefined) all.push(p);
  }
  const shared = sharedPlaceholderKeys(input.newObjects);
  const newcomers: Prepared[] = [];
  /** Newcomers left with no usable set (placeholder sets only, or none SGP4 can start), by launch. */
  const unusable = new Map<string, NoradId[]>();
  for (const h of input.newObjects) {
    const p = prepare({ ...h, sets: h.sets.filter((s) => !shared.has(elementKey(s))) }, true);
    if (p !== undefined) newcomers.push(p);
    else {
      const launch = launchOf(h.sets.find((s) => s.cosparId !== null)?.cosparId ?? null);
      if (launch !== null) unusable.set(launch, [...(unusable.get(launch) ?? []), h.noradId]);
    }
  }
  newcomers.sort((a, b) => firstEpoch(a) - firstEpoch(b) || a.noradId - b.noradId);
  all.push(...newcomers);
  const launchTime = launchTimes(all);
  const byId = new Map<number, Prepared>(all.map((o) => [o.noradId, o]));

  // The reference sibling of each launch: its earliest-catalogued newcomer whose first sets are
  // free of thrust (one that manoeuvred before its first set — a main payload raising its orbit —
  // cannot be back-propagated to the separation, and no sibling would meet it); the earliest
  // newcomer when none is. Payloads before carriers: a carrier's own orbit is often changed by a
  // disposal burn right after the deployment, before its first set, where no thrust test sees it.
  const reference = new Map<string, Prepared>();
  const thrustFree = (n: Prepared): boolean =>
    n.sets.length < 2 || preManoeuvreCount(n.sets, params.manoeuvreRiseKm) >= 2;
  for (const n of newcomers)
    if (n.launch !== null && !reference.has(n.launch) && thrustFree(n) && !isCarrier(n)) reference.set(n.launch, n);
  for (const n of newcomers)
    if (n.launch !== null && !reference.has(n.launch) && thrustFree(n)) reference.set(n.launch, n);
  for (const n of newcomers) if (n.launch !== null && !reference.has(n.launch)) reference.set(n.launch, n);

  const outcomes: NewcomerOutcome[] = [];
  const events: DetectedEvent[] = [];
  const groups = new Map<string, { ref: Prepared; members: PairEstimate[] }>();

  for (const child of newcomers) {
    const outcome = examine(child, all, byId, reference, launchTime, params);
    outcomes.push(outcome);
    if (outcome.status === 'released' && outcome.estimate !== null) {
      // In orbit as itself from its separation on: it can be the parent of a later newcomer (chains).
      child.inOrbitSince = outcome.estimate.epoch;
      child.released = true;
      const parent = byId.get(outcome.estimate.otherNorad);
      const lt = objectLaunchTime(child, launchTime);
      events.push(pairEvent(outcome.estimate, parent, lt, params));
    } else if (outcome.status === 'sibling' && outcome.estimate !== null && child.launch !== null) {
      // A sibling stays 'in orbit since its first set': it parents only what separated after that.
      const ref = reference.get(child.launch);
      if (ref !== undefined) {
        const g = groups.get(child.launch) ?? { ref, members: [] };
        g.members.push(outcome.estimate);
        groups.set(child.launch, g);
      }
    }
  }
  const launchSize = new Map<string, number>();
  for (const n of newcomers) if (n.launch !== null) launchSize.set(n.launch, (launchSize.get(n.launch) ?? 0) + 1);
  const pairGrouped = new Map<string, DetectedEvent>();
  const groupRejections = new Map<string, CandidateRejection[]>();
  for (const [launch, g] of groups) {
    const minSize = Math.min(params.minGroupSize, launchSize.get(launch) ?? 0);
    const ev = groupEvent(launch, g.ref, g.members, minSize, launchTime.get(launch), params);
    if (ev === undefined) continue;
    if ('rejection' in ev) groupRejections.set(launch, [ev.rejection]);
    else {
      events.push(ev);
      pairGrouped.set(launch, ev);
    }
  }
  const launches = groupByConvergence(
    { newcomers, all, unusable, launchTime, groupRejections },
    outcomes,
    pairGrouped,
    events,
    params,
  );
  return { events, outcomes, launches };
}

/** COSPAR launch `YYYY-NNN` of an international designator, or null. */
function launchOf(cospar: string | null): string | null {
  return cospar !== null && cospar.length >= 8 ? cospar.slice(0, 8) : null;
}

/** What the launch reports need besides the outcomes. */
interface LaunchContext {
  readonly newcomers: readonly Prepared[];
  readonly all: readonly Prepared[];
  readonly unusable: ReadonlyMap<string, readonly NoradId[]>;
  readonly launchTime: ReadonlyMap<string, LaunchTime>;
  readonly groupRejections: ReadonlyMap<string, readonly CandidateRejection[]>;
}

/**
 * One report per launch that has a newcomer and two or more objects in all. Launches with two or
 * more newcomers that the pair method did not group are tried by the along-track convergence of
 * their manoeuvre-free sets (along-track-convergence.ts): the group events are added to `events`
 * and their members' outcomes marked `sibling`.
 */
function groupByConvergence(
  ctx: LaunchContext,
  outcomes: NewcomerOutcome[],
  pairGrouped: ReadonlyMap<string, DetectedEvent>,
  events: DetectedEvent[],
  params: ReleaseParameters,
): LaunchGroupReport[] {
  const byLaunch = new Map<string, Prepared[]>();
  for (const n of ctx.newcomers) if (n.launch !== null) byLaunch.set(n.launch, [...(byLaunch.get(n.launch) ?? []), n]);
  for (const l of ctx.unusable.keys()) if (!byLaunch.has(l)) byLaunch.set(l, []);
  const catalogued = new Map<string, Prepared[]>();
  for (const o of ctx.all)
    if (!o.newcomer && o.launch !== null && byLaunch.has(o.launch))
      catalogued.set(o.launch, [...(catalogued.get(o.launch) ?? []), o]);
  const reports: LaunchGroupReport[] = [];
  for (const [launch, objs] of [...byLaunch].sort((a, b) => a[0].localeCompare(b[0]))) {
    const unusable = ctx.unusable.get(launch) ?? [];
    const old = catalogued.get(launch) ?? [];
    if (objs.length + unusable.length + old.length < 2) continue;
    const lt = ctx.launchTime.get(launch);
    const starts = objs
      .map((o) => (o.sets[0] === undefined ? null : revImpliedEpoch(o.sets[0])))
      .filter((t): t is Instant => t !== null)
      .map(Number);
    const countStart = starts.length > 0 ? instant(median(starts)) : null;
    const countStartConsistent =
      starts.length > 0 && Math.max(...starts) - Math.min(...starts) <= params.maxCountStartRangeSec * 1000;
    const manoeuvringIds = new Set<number>(
      objs
        .filter((o) => o.sets.length > 1 && preManoeuvreCount(o.sets, params.manoeuvreRiseKm) < 2)
        .map((o) => o.noradId),
    );
    const rejected: CandidateRejection[] = [...(ctx.groupRejections.get(launch) ?? [])];
    const ids = new Set<number>(objs.map((o) => o.noradId));
    for (const o of outcomes) if (ids.has(o.noradId)) rejected.push(...o.rejected);
    const report = (
      status: LaunchStatus,
      reason: string,
      group?: {
        members: ReadonlySet<number>;
        method: LaunchGroupReport['method'];
        epoch: Instant;
        sigmaSec: number;
        speedMedianMps: number;
        speedMaxMps: number;
      },
      epochOnly?: Instant,
    ): LaunchGroupReport => {
      const released = new Map<number, number>();
      for (const o of outcomes)
        if (ids.has(o.noradId) && o.status === 'released' && o.estimate !== null)
          released.set(o.noradId, o.estimate.otherNorad);
      const parents = new Set<number>(released.values());
      const member = (o: Prepared): LaunchMember => ({
        noradId: o.noradId,
        newcomer: o.newcomer,
        firstEpoch: o.sets[0]?.epoch ?? null,
        firstSetLagDays: lt !== undefined && o.sets[0] !== undefined ? (o.sets[0].epoch - lt.time) / MS_PER_DAY : null,
        role:
          group?.members.has(o.noradId) === true
            ? 'sibling'
            : released.has(o.noradId)
              ? 'child'
              : parents.has(o.noradId)
                ? 'parent'
                : 'none',
        note: manoeuvringIds.has(o.noradId) ? 'manoeuvring-at-first-set' : null,
      });
      return {
        launch,
        objects: objs.length,
        grouped: group?.members.size ?? 0,
        method: group?.method ?? null,
        epoch: group?.epoch ?? epochOnly ?? null,
        countStart,
        countStartConsistent,
        status,
        reason,
        manoeuvringAtFirstSet: manoeuvringIds.size,
        epochSigmaSec: group?.sigmaSec ?? null,
        siblingSpeedMedianMps: group?.speedMedianMps ?? null,
        siblingSpeedMaxMps: group?.speedMaxMps ?? null,
        launchTime: lt?.time ?? null,
        launchTimeSource: lt?.source ?? null,
        members: [
          ...objs.map(member),
          ...unusable.map((n): LaunchMember => ({
            noradId: n,
            newcomer: true,
            firstEpoch: null,
            firstSetLagDays: null,
            role: 'none',
            note: 'placeholder-only',
          })),
          ...old.map(member),
        ],
        rejected,
        parameters: paramRecord(params),
      };
    };
    const pairEv = pairGrouped.get(launch);
    if (pairEv !== undefined) {
      const m = pairEv.measures;
      reports.push(
        report(
          'grouped',
          `${String(m['groupSize'])} of ${String(objs.length)} new objects meet their reference sibling within ` +
            `${String(params.groupEpochToleranceSec / 3600)} h of a common epoch (pair closest approach)`,
          {
            members: new Set(pairEv.objects.map((o) => o.norad)),
            method: 'pair-closest-approach',
            epoch: instant(Number(m['separationEpoch'])),
            sigmaSec: Number(m['separationEpochSigmaSec']),
            speedMedianMps: Number(m['deltaVMps']),
            speedMaxMps: Number(m['deltaVMaxMps']),
          },
        ),
      );
      continue;
    }
    if (outcomes.some((o) => ids.has(o.noradId) && o.status === 'released')) {
      reports.push(
        report(
          'has-parent',
          'its new objects were released from an object in orbit before them (see the release events)',
        ),
      );
      continue;
    }
    if (objs.length === 0) {
      reports.push(
        report(
          'placeholder-sets-only',
          `the ${String(unusable.length)} new objects have only sets shared by the whole batch (one placeholder orbit), which say nothing about how they separated`,
        ),
      );
      continue;
    }
    if (objs.length < 2) {
      reports.push(
        report(
          'single-newcomer',
          `one new object (${String(objs[0]?.noradId ?? '')}); the launch's other objects were catalogued before this run or have placeholder sets only, and no parent was found`,
        ),
      );
      continue;
    }
    // Catalogued later than the back-propagation reaches: the count starts before the window.
    const late = objs.filter((o) => {
      const start = o.sets[0] === undefined ? null : revImpliedEpoch(o.sets[0]);
      return start !== null && start < firstEpoch(o) - lookbackMs(o, params);
    });
    if (late.length * 2 > objs.length) {
      const lagDays = median(
        late.map((o) => (firstEpoch(o) - Number(revImpliedEpoch(o.sets[0] as ElementSet))) / MS_PER_DAY),
      );
      reports.push(
        report(
          'first-sets-too-late',
          `${String(late.length)} of ${String(objs.length)} objects were first catalogued a median ${lagDays.toFixed(0)} days after their revolution counts start, ` +
            `beyond the ${String(params.maxLookbackDays)}-day back-propagation: their separations cannot be dated from these sets`,
        ),
      );
      continue;
    }
    const tHi = Math.min(...objs.map(firstEpoch));
    const tLo = Math.min(...objs.map((o) => firstEpoch(o) - lookbackMs(o, params)));
    const g = alongTrackConvergence(objs, tLo, tHi, {
      manoeuvreRiseKm: params.manoeuvreRiseKm,
      maxOffsetBaseKm: params.maxDistanceBaseKm,
      maxOffsetGrowthKmPerDay: params.maxDistanceGrowthKmPerDay,
      minGroupSize: params.minGroupSize,
      crossingSearchDays: params.convergenceCrossingSearchDays,
    });
    const usable = objs.length - manoeuvringIds.size;
    if (g === undefined) {
      if (usable < Math.min(params.minGroupSize, objs.length))
        reports.push(
          report(
            'manoeuvring-at-first-sets',
            `${String(manoeuvringIds.size)} of ${String(objs.length)} objects' first sets come after thrusting began ` +
              `(mean semi-major axis rises > ${String(params.manoeuvreRiseKm)} km by the next set): ` +
              `${String(usable)} with a set free of thrust, ${String(Math.min(params.minGroupSize, objs.length))} needed`,
          ),
        );
      else
        reports.push(
          report(
            'no-convergence',
            `no common point: the along-track arcs of the ${String(usable)} objects with sets free of thrust do not converge inside the window, and the pair method found no group`,
          ),
        );
      continue;
    }
    const speeds = g.pairs.map((p) => p.totalMps);
    // Gate on the count start only where the counts can be trusted (see revCountConsistent).
    const offCount =
      countStart !== null &&
      countStartConsistent &&
      Math.abs(g.epochMs - countStart) > params.maxConvergenceFromCountStartDays * MS_PER_DAY;
    const residualOk = g.residualKm <= acceptDistanceKm(tHi - g.epochMs, params);
    const epochSigmaSec = convergenceSigmaSec(g, tHi, params);
    const early = beforeLaunch(g.epochMs, epochSigmaSec, lt);
    if (early || offCount || !residualOk || speeds.length === 0 || median(speeds) > params.maxSiblingDeltaVMps) {
      const when = formatIso(instant(g.epochMs));
      if (early)
        rejected.push({
          childNorad: g.members[0]?.noradId ?? noradIdOf(objs[0]),
          otherNorad: null,
          check: 'separation-before-launch',
          epoch: instant(g.epochMs),
          text: `the arcs converge at ${when}, before the launch time (${lt?.source ?? ''})`,
        });
      reports.push(
        report(
          early ? 'separation-before-launch' : offCount ? 'convergence-not-at-launch' : 'no-convergence',
          early
            ? `the arcs converge at ${when}, before the launch: not a separation`
            : offCount
              ? `the arcs converge at ${when}, more than ${String(params.maxConvergenceFromCountStartDays)} day from the start of the revolution counts: a common manoeuvre, not the deployment`
              : !residualOk
                ? `the arcs come together at ${when} but the objects stay ${g.residualKm.toFixed(1)} km apart: no common point`
                : `the arcs converge at ${when} but the siblings separate at ${speeds.length > 0 ? median(speeds).toFixed(1) : 'n/a'} m/s (limit ${String(params.maxSiblingDeltaVMps)} m/s)`,
          undefined,
          instant(g.epochMs),
        ),
      );
      continue;
    }
    events.push(convergenceEvent(launch, g, tHi, lt, params));
    const members = new Set<number>(g.members.map((m) => m.noradId));
    for (let i = 0; i < outcomes.length; i++) {
      const o = outcomes[i];
      if (o !== undefined && members.has(o.noradId)) outcomes[i] = { ...o, status: 'sibling' };
    }
    reports.push(
      report(
        'grouped',
        `${String(g.members.length)} of ${String(objs.length)} new objects' along-track arcs converge at a common epoch`,
        {
          members,
          method: 'along-track-convergence',
          epoch: instant(g.epochMs),
          sigmaSec: epochSigmaSec,
          speedMedianMps: median(speeds),
          speedMaxMps: Math.max(...speeds),
        },
      ),
    );
  }
  return reports;
}

const noradIdOf = (o: Prepared | undefined): NoradId => o?.noradId ?? noradId(0);

/** Epoch and orbital elements of a set (not its catalogue number). */
function elementKey(s: ElementSet): string {
  return [
    s.epoch,
    s.meanMotionRadPerSec,
    s.eccentricity,
    s.inclinationRad,
    s.raanRad,
    s.argPerigeeRad,
    s.meanAnomalyRad,
  ].join(' ');
}

/**
 * Sets published with identical epoch and elements for two or more objects: one placeholder
 * orbit for a whole batch (e.g. the launch provider's pre-separation elements), which says
 * nothing about how the objects separated. They are not used as child sets.
 */
function sharedPlaceholderKeys(histories: readonly ObjectHistory[]): Set<string> {
  const owner = new Map<string, number>();
  const shared = new Set<string>();
  for (const h of histories) {
    for (const s of h.sets) {
      const k = elementKey(s);
      const o = owner.get(k);
      if (o === undefined) owner.set(k, h.noradId);
      else if (o !== h.noradId) shared.add(k);
    }
  }
  return shared;
}

function prepare(h: ObjectHistory, newcomer: boolean): Prepared | undefined {
  const sorted = [...h.sets].sort((a, b) => a.epoch - b.epoch);
  const sets: ElementSet[] = [];
  const props: Sgp4Propagator[] = [];
  for (const s of sorted) {
    const last = sets[sets.length - 1];
    if (last !== undefined && Math.abs(s.epoch - last.epoch) < 1000) continue;
    const init = createSgp4Propagator(s);
    if (!init.ok) continue;
    sets.push(s);
    props.push(init.propagator);
  }
  const first = sets[0];
  if (first === undefined) return undefined;
  const launch = launchOf(sets.find((s) => s.cosparId !== null)?.cosparId ?? null);
  const base = {
    noradId: h.noradId,
    launch,
    sets,
    facts: h.facts,
    newcomer,
    released: false,
    inOrbitSince: first.epoch,
  };
  return {
    ...base,
    props,
    sketches: sets.map(sketchOrbit),
    // A catalogued object is in orbit since its launch (SATCAT), count start or first set.
    inOrbitSince: inOrbitSinceMs(base),
    childGrid: new Map(),
    parentGrid: new Map(),
  };
}

const firstEpoch = (p: Prepared): number => p.sets[0]?.epoch ?? Infinity;

/** Index of the set nearest in time to t. */
function nearestIndex(p: Prepared, t: number): number {
  let lo = 0,
    hi = p.sets.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((p.sets[mid]?.epoch ?? 0) < t) lo = mid + 1;
    else hi = mid;
  }
  const prev = lo - 1;
  if (prev >= 0 && Math.abs((p.sets[prev]?.epoch ?? 0) - t) <= Math.abs((p.sets[lo]?.epoch ?? 0) - t)) return prev;
  return lo;
}

/** Indices of the sets nearest before and after t (one or two distinct indices). */
function bracketIndices(p: Prepared, t: number): number[] {
  let after = p.sets.findIndex((s) => s.epoch >= t);
  if (after < 0) after = p.sets.length;
  const out: number[] = [];
  if (after - 1 >= 0) out.push(after - 1);
  if (after < p.sets.length) out.push(after);
  return out;
}

/**
 * The instant the revolution number at epoch points to: first epoch − rev × period (the start of
 * the count, which for a newly catalogued object is its launch or its separation). Null when the
 * set carries no revolution number (or 0).
 */
export function revImpliedEpoch(set: ElementSet): Instant | null {
  if (set.revAtEpoch === null || !(set.revAtEpoch > 0)) return null;
  return instant(set.epoch - (set.revAtEpoch * 2 * Math.PI * 1000) / set.meanMotionRadPerSec);
}

function lookbackMs(child: Prepared, params: ReleaseParameters): number {
  const first = child.sets[0];
  const sk = child.sketches[0];
  let days = params.maxLookbackDays;
  const implied = first === undefined ? null : revImpliedEpoch(first);
  if (first !== undefined && sk !== undefined && implied !== null) {
    days = (first.epoch - implied + sk.periodSec * 1000) / MS_PER_DAY + params.revPriorMarginDays;
  }
  return Math.min(params.maxLookbackDays, Math.max(params.minLookbackDays, days)) * MS_PER_DAY;
}

/**
 * Coarse filter for candidates of other launches: the radius ranges must overlap and the orbit
 * planes (J2 node drift applied) must be within maxPlaneAngle of each other. Returns the
 * sub-intervals of [tLo, tHi] where the planes are that close (sampled every `planeSampleDays`,
 * widened by one sample), or an empty list when the candidate cannot be the parent.
 */
function planeMatchIntervals(
  child: Prepared,
  other: Prepared,
  tLo: number,
  tHi: number,
  params: ReleaseParameters,
): [number, number][] {
  const c = child.sketches[0];
  const o = other.sketches[nearestIndex(other, tHi)];
  if (c === undefined || o === undefined) return [];
  const m = params.radiusMarginKm;
  if (c.apogeeRadiusKm < o.perigeeRadiusKm - m || c.perigeeRadiusKm > o.apogeeRadiusKm + m) return [];
  const limit = (params.maxPlaneAngleDeg * Math.PI) / 180;
  const step = params.planeSampleDays * MS_PER_DAY;
  const n = Math.max(1, Math.ceil((tHi - tLo) / step));
  const h = (tHi - tLo) / n;
  const out: [number, number][] = [];
  for (let k = 0; k <= n; k++) {
    const t = tLo + k * h;
    if (planeAngleAt(c, o, t) > limit) continue;
    const lo = Math.max(tLo, t - h),
      hi = Math.min(tHi, t + h);
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1]) last[1] = hi;
    else out.push([lo, hi]);
  }
  return out;
}

function examine(
  child: Prepared,
  all: readonly Prepared[],
  byId: ReadonlyMap<number, Prepared>,
  reference: ReadonlyMap<string, Prepared>,
  launchTime: ReadonlyMap<string, LaunchTime>,
  params: ReleaseParameters,
): NewcomerOutcome {
  const tHi = firstEpoch(child);
  const tLo = tHi - lookbackMs(child, params);
  const ref = child.launch !== null ? reference.get(child.launch) : undefined;
  const examined: PairEstimate[] = [];
  for (const other of all) {
    if (other === child) continue;
    const sameLaunch = other.launch !== null && other.launch === child.launch;
    // Siblings through the reference only; a carrier of the launch (rocket body, known transfer
    // vehicle) is tried as the parent whether or not it is new.
    if (sameLaunch && other.newcomer && other !== ref && !isCarrier(other)) continue;
    if (sameLaunch && other.newcomer && firstEpoch(other) > tHi && other.inOrbitSince > tHi) continue;
    if (!sameLaunch && other.newcomer && other.inOrbitSince >= tHi) continue; // not yet in orbit
    const intervals: readonly (readonly [number, number])[] = sameLaunch
      ? [[tLo, tHi]]
      : planeMatchIntervals(child, other, tLo, tHi, params);
    let best: PairEstimate | undefined;
    for (const [a, b] of intervals) {
      const est = estimatePair(child, other, a, b, tHi, params);
      if (est !== undefined && (best === undefined || est.distanceKm < best.distanceKm)) best = est;
    }
    if (best !== undefined) examined.push(best);
  }
  examined.sort((a, b) => a.distanceKm - b.distanceKm || a.otherNorad - b.otherNorad);
  const accepted = examined.filter((e) => acceptable(e, tHi, params));
  const lt = objectLaunchTime(child, launchTime);
  const rejected: CandidateRejection[] = [];
  const reject = (e: PairEstimate, check: CandidateRejection['check'], text: string): void => {
    rejected.push({ childNorad: child.noradId, otherNorad: e.otherNorad, check, epoch: e.epoch, text });
  };
  const early = (e: PairEstimate): boolean => {
    if (!beforeLaunch(e.epoch, sigmas(e, params).epochSigmaSec, lt)) return false;
    reject(
      e,
      'separation-before-launch',
      `closest approach to ${String(e.otherNorad)} at ${formatIso(e.epoch)}, before the launch time ` +
        `${lt === undefined ? '' : formatIso(lt.time)} (${lt?.source ?? ''}) by more than its 95 % interval`,
    );
    return true;
  };
  let parent: PairEstimate | undefined;
  for (const e of accepted) {
    const o = byId.get(e.otherNorad);
    if (o === undefined) continue;
    // A newcomer of the same launch not itself released is a sibling, examined as such below:
    // being catalogued first says nothing about which of two siblings carried the other.
    if (o.newcomer && o.launch !== null && o.launch === child.launch && !o.released && !isCarrier(o)) continue;
    if (early(e)) continue;
    const why = parentCheck(child, o, e.epoch, sigmas(e, params).epochSigmaSec, lt, params);
    if (why !== null) {
      reject(e, why.check, why.text);
      continue;
    }
    parent = e;
    break;
  }
  const first = child.sets[0];
  const implied = first === undefined ? null : revImpliedEpoch(first);
  const base = {
    noradId: child.noradId,
    examined,
    windowFrom: instant(tLo),
    windowTo: instant(tHi),
    revImpliedEpoch: implied,
    revImpliedBeforeWindow: implied !== null && implied < tLo,
  };
  // A revolution count that started before the search window says the object has been in orbit
  // longer than the window reaches back: its separation, if any, is out of sight, and a nearest
  // approach found inside the window would be a coincidence, not a release.
  if (parent !== undefined && !base.revImpliedBeforeWindow)
    return { ...base, rejected, status: 'released', estimate: parent };
  const sibling = accepted.find(
    (e) => ref !== undefined && e.otherNorad === ref.noradId && e.deltaVMps <= params.maxSiblingDeltaVMps && !early(e),
  );
  if (sibling !== undefined) return { ...base, rejected, status: 'sibling', estimate: sibling };
  return { ...base, rejected, status: 'none', estimate: null };
}

/** Largest accepted distance at separation for a lag (child's first set − separation) in ms, km. */
function acceptDistanceKm(lagMs: number, params: ReleaseParameters): number {
  return params.maxDistanceBaseKm + params.maxDistanceGrowthKmPerDay * Math.max(0, lagMs / MS_PER_DAY);
}

function acceptable(e: PairEstimate, tHi: number, params: ReleaseParameters): boolean {
  return e.distanceKm <= acceptDistanceKm(tHi - e.epoch, params) && e.deltaVMps <= params.maxDeltaVMps;
}

/**
 * Closest approach of child to other over [tLo, tHi], then per set pair around it. `tFirst` is
 * the child's first epoch (for the distance acceptance).
 */
function estimatePair(
  child: Prepared,
  other: Prepared,
  tLo: number,
  tHi: number,
  tFirst: number,
  params: ReleaseParameters,
): PairEstimate | undefined {
  const c0 = child.props[0];
  const sk = child.sketches[0];
  if (c0 === undefined || sk === undefined) return undefined;
  const stepMs = params.coarseStepSec * 1000;
  const parentAt = (t: number): Sgp4Propagator => other.props[nearestIndex(other, t)] ?? c0;
  const fineMs = stepMs / params.fineScanFactor;
  let best: ClosestApproach | undefined;
  for (const t0 of coarseMinima(child, other, tLo, tHi, stepMs, params.minimaRefined)) {
    const p = parentAt(t0);
    // The coarse step is a fraction of a period: search ±1 coarse step finely, then refine.
    for (const t1 of scanMinima(c0, () => p, Math.max(tLo, t0 - stepMs), Math.min(tHi, t0 + stepMs), fineMs, 1)) {
      const t = refineMinimum(c0, p, Math.max(tLo, t1 - fineMs), Math.min(tHi, t1 + fineMs));
      const ca = approachAt(c0, p, t);
      if (ca !== undefined && (best === undefined || ca.distanceKm < best.distanceKm)) best = ca;
    }
  }
  if (best === undefined) return undefined;
  const periodMs = sk.periodSec * 1000;
  const coarseOnly = best.distanceKm > acceptDistanceKm(tFirst - best.t, params);
  let ambiguitySec = 0;
  if (!coarseOnly) {
    const res = resolvePeriodicMinimum(c0, parentAt(best.t), best, periodMs, fineMs, [tLo, tHi]);
    best = res.best;
    ambiguitySec = res.ambiguitySec;
  }

  // Every pair: the first few child sets × the other's sets nearest before/after the estimate.
  const childIdx = child.props.slice(0, params.childSetsUsed).map((_, k) => k);
  const bestT = best.t;
  // Each pair finds its own closest approach within ±¾ revolution of the first pair's (different
  // sets of a drag-perturbed child disagree by up to about a revolution; that spread is the σ),
  // even when the meetings repeat every half revolution (the pair spread then shows it).
  const pairHalfWindowMs = periodMs * 0.75;
  const bracket = bracketIndices(other, bestT);
  const fresh = bracket.filter(
    (j) => Math.abs((other.sets[j]?.epoch ?? Infinity) - bestT) <= params.maxParentSetAgeDays * MS_PER_DAY,
  );
  const otherIdx = fresh.length > 0 ? fresh : [nearestIndex(other, bestT)];
  const found: ClosestApproach[] = [];
  // A candidate already too far is reported from the first pair alone (it cannot be accepted).
  for (const k of coarseOnly ? [] : childIdx) {
    for (const j of otherIdx) {
      const cp = child.props[k],
        op = other.props[j];
      if (cp === undefined || op === undefined) continue;
      const ca = closestApproachNear(cp, op, bestT, pairHalfWindowMs, fineMs, 2, [tLo, tHi]);
      if (ca !== undefined) found.push(ca);
    }
  }
  if (found.length === 0) found.push(best);
  const ts = found.map((f) => f.t as number);
  const dv = found.map((f) => f.dvKmPerSec * 1000);
  return {
    childNorad: child.noradId,
    otherNorad: other.noradId,
    epoch: instant(median(ts)),
    epochPairSpreadSec: sd(ts) / 1000,
    epochAmbiguitySec: ambiguitySec,
    distanceKm: median(found.map((f) => f.distanceKm)),
    deltaVMps: median(dv),
    deltaVPairSpreadMps: sd(dv),
    deltaVPairRobustSpreadMps: robustSigma(dv),
    deltaVRicMps: {
      r: median(found.map((f) => f.dvRic.r * 1000)),
      i: median(found.map((f) => f.dvRic.i * 1000)),
      c: median(found.map((f) => f.dvRic.c * 1000)),
    },
    pairsUsed: found.length,
    childSets: (coarseOnly ? [0] : childIdx).map((k) => child.sets[k]).filter((s): s is ElementSet => s !== undefined),
    otherSets: (coarseOnly ? [nearestIndex(other, bestT)] : otherIdx)
      .map((j) => other.sets[j])
      .filter((s): s is ElementSet => s !== undefined),
    meanMotionRadPerSec: child.sets[0]?.meanMotionRadPerSec ?? 0,
  };
}

/**
 * Positions (TEME, km) on the absolute grid t = k·step, cached per object and role: as a child
 * from its first set, as a parent from its set nearest in time. The coarse scans of all pairs
 * share them, so each object is propagated once per grid instant.
 */
function gridPosition(obj: Prepared, role: 'child' | 'parent', k: number, stepMs: number): Float64Array | null {
  const cache = role === 'child' ? obj.childGrid : obj.parentGrid;
  const hit = cache.get(k);
  if (hit !== undefined) return hit;
  const t = k * stepMs;
  const prop = role === 'child' ? obj.props[0] : obj.props[nearestIndex(obj, t)];
  let pos: Float64Array | null = null;
  if (prop !== undefined) {
    const r = propagateTeme(prop, instant(t), { allowStale: true });
    if (r.ok) pos = Float64Array.of(r.state.r.x, r.state.r.y, r.state.r.z);
  }
  cache.set(k, pos);
  return pos;
}

/** Instants of the `count` deepest local minima of |Δr| on the shared grid over [tLo, tHi]. */
function coarseMinima(
  child: Prepared,
  other: Prepared,
  tLo: number,
  tHi: number,
  stepMs: number,
  count: number,
): number[] {
  const k0 = Math.ceil(tLo / stepMs),
    k1 = Math.floor(tHi / stepMs);
  if (k1 - k0 < 2) return [(tLo + tHi) / 2];
  const n = k1 - k0 + 1;
  const d = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    const a = gridPosition(child, 'child', k0 + j, stepMs);
    const b = gridPosition(other, 'parent', k0 + j, stepMs);
    d[j] =
      a === null || b === null
        ? Infinity
        : ((a[0] ?? 0) - (b[0] ?? 0)) ** 2 + ((a[1] ?? 0) - (b[1] ?? 0)) ** 2 + ((a[2] ?? 0) - (b[2] ?? 0)) ** 2;
  }
  const minima: { t: number; d: number }[] = [];
  for (let j = 0; j < n; j++) {
    const v = d[j] ?? Infinity;
    if (!Number.isFinite(v)) continue;
    if (v <= (j > 0 ? (d[j - 1] ?? Infinity) : Infinity) && v <= (j < n - 1 ? (d[j + 1] ?? Infinity) : Infinity))
      minima.push({ t: (k0 + j) * stepMs, d: v });
  }
  minima.sort((x, y) => x.d - y.d || x.t - y.t);
  return minima.slice(0, count).map((m) => m.t);
}

/**
 * σ of the epoch: the largest of the pair spread, d/|Δv| (the time over which the two
 * trajectories stay within the miss distance d of each other), the periodic ambiguity and the
 * drag floor c·lag² (see ReleaseParameters.epochSigmaSecPerLagDay2); σ of Δv: the larger of the pair
 * spread and n·d (the velocity error that a position error d implies on an orbit of mean motion n).
 */
function sigmas(e: PairEstimate, params: ReleaseParameters): { epochSigmaSec: number; deltaVSigmaMps: number } {
  const dvKmS = Math.max(e.deltaVMps / 1000, 1e-6);
  const lagDays = Math.max(0, ((e.childSets[0]?.epoch ?? e.epoch) - e.epoch) / MS_PER_DAY);
  return {
    epochSigmaSec: Math.max(
      e.epochPairSpreadSec,
      e.distanceKm / dvKmS,
      e.epochAmbiguitySec,
      params.epochSigmaSecPerLagDay2 * lagDays * lagDays,
    ),
    deltaVSigmaMps: Math.max(e.deltaVPairSpreadMps, e.meanMotionRadPerSec * e.distanceKm * 1000),
  };
}

function refs(sets: readonly ElementSet[], role: string): ElementSetRef[] {
  return sets.map((s) => ({ noradId: s.noradId, epoch: s.epoch, epochText: s.epochText, role }));
}

function paramRecord(params: ReleaseParameters): Record<string, number> {
  return { ...params };
}

function pairEvent(
  e: PairEstimate,
  parent: Prepared | undefined,
  lt: LaunchTime | undefined,
  params: ReleaseParameters,
): DetectedEvent {
  const { epochSigmaSec, deltaVSigmaMps } = sigmas(e, params);
  const lagDays = ((e.childSets[0]?.epoch ?? e.epoch) - e.epoch) / MS_PER_DAY;
  const since = parent === undefined ? null : parent.inOrbitSince;
  const parentReason: AssessmentReason = {
    measure: 'parentInOrbitBeforeSeparation',
    value: true,
    comparison: '=',
    threshold: true,
    thresholdSource:
      "a parent must be in orbit as itself before the separation (SATCAT launch, revolution count or first set), and not be a co-passenger of the child's own launch",
    text:
      `${String(e.otherNorad)} is in orbit since ${since === null ? 'unknown' : formatIso(instant(since))}, before the separation` +
      (parent !== undefined && parent.launch !== null && parent.launch === e.childSets[0]?.cosparId?.slice(0, 8)
        ? isCarrier(parent)
          ? ' (same launch; a rocket body or known carrier)'
          : ' (same launch; released long after the launch, while the child counts revolutions only from the separation)'
        : ''),
  };
  const distanceReason: AssessmentReason = {
    measure: 'distanceAtSeparationKm',
    value: e.distanceKm,
    comparison: '<=',
    threshold: acceptDistanceKm(lagDays * MS_PER_DAY, params),
    thresholdSource: `${String(params.maxDistanceBaseKm)} km + ${String(params.maxDistanceGrowthKmPerDay)} km/day of lag (back-propagation error; release-detector.md)`,
    text: `the two trajectories come within ${e.distanceKm.toFixed(2)} km of each other at ${formatIso(e.epoch)} (${lagDays.toFixed(1)} days before the child's first set)`,
  };
  const assessment = assessRelease(e.deltaVMps, deltaVSigmaMps, params, {
    reasons: [distanceReason, parentReason, launchReason(e.epoch, epochSigmaSec, lt)],
  });
  const start: Instant = instant(e.epoch - 3 * epochSigmaSec * 1000);
  const end: Instant = instant(e.epoch + 3 * epochSigmaSec * 1000);
  return {
    kind: 'release',
    objects: [
      { norad: e.otherNorad, role: 'parent' },
      { norad: e.childNorad, role: 'child' },
    ],
    start,
    end,
    measures: {
      separationEpochUtc: formatIso(e.epoch),
      separationEpoch: e.epoch,
      separationEpochSigmaSec: epochSigmaSec,
      separationEpochPairSpreadSec: e.epochPairSpreadSec,
      separationEpochPeriodicAmbiguitySec: e.epochAmbiguitySec,
      deltaVMps: e.deltaVMps,
      deltaVSigmaMps,
      deltaVPairSpreadMps: e.deltaVPairSpreadMps,
      deltaVRadialMps: e.deltaVRicMps.r,
      deltaVInTrackMps: e.deltaVRicMps.i,
      deltaVCrossTrackMps: e.deltaVRicMps.c,
      distanceAtSeparationKm: e.distanceKm,
      class: assessment.label,
      pairsUsed: e.pairsUsed,
      lagDays,
      parentCatalogued: parent !== undefined && !parent.newcomer,
      deltaVSigmaExceedsValue: !(deltaVSigmaMps > 0 && deltaVSigmaMps <= e.deltaVMps),
      launchTimeUtc: lt === undefined ? null : formatIso(lt.time),
      launchTimeSource: lt?.source ?? null,
    },
    assessment,
    elementSets: [...refs(e.otherSets, 'parent'), ...refs(e.childSets, 'child')],
    detector: RELEASE_DETECTOR,
    detectorVersion: RELEASE_DETECTOR_VERSION,
    parameters: paramRecord(params),
  };
}

/**
 * One deployment event for the newcomers of a launch that met its reference sibling. Its Δv
 * (`deltaVMps`) is the median RELATIVE speed between siblings; each one's speed from the
 * uncatalogued carrier is estimated as that / √2 (two independent separations of equal speed in
 * random directions), which is what the class is decided on.
 */
function groupEvent(
  launch: string,
  ref: Prepared,
  members: readonly PairEstimate[],
  minSize: number,
  lt: LaunchTime | undefined,
  params: ReleaseParameters,
): DetectedEvent | { rejection: CandidateRejection } | undefined {
  const med = median(members.map((m) => m.epoch));
  const kept = members.filter((m) => Math.abs(m.epoch - med) <= params.groupEpochToleranceSec * 1000);
  if (kept.length === 0 || kept.length + 1 < minSize) return undefined;
  const ts = kept.map((m) => m.epoch as number);
  const epoch = instant(median(ts));
  const dv = kept.map((m) => m.deltaVMps);
  const spreadSec = sd(ts) / 1000;
  const dvMedian = median(dv);
  const floor = median(kept.map((m) => sigmas(m, params).epochSigmaSec));
  const epochSigmaSec = Math.max(spreadSec, floor);
  if (beforeLaunch(epoch, epochSigmaSec, lt))
    return {
      rejection: {
        childNorad: ref.noradId,
        otherNorad: null,
        check: 'separation-before-launch',
        epoch,
        text: `the siblings' common epoch ${formatIso(epoch)} precedes the launch time (${lt?.source ?? ''})`,
      },
    };
  const norads = [ref.noradId, ...kept.map((m) => m.childNorad)];
  // σ of the median relative speed: the robust spread across siblings, or each sibling's own
  // measurement error (robust pair spread, n·d), whichever is larger. Robust, because the median
  // is the estimate: a set pair that found another meeting is an outlier of the search.
  const memberSigma = kept.map((m) =>
    Math.max(m.deltaVPairRobustSpreadMps, m.meanMotionRadPerSec * m.distanceKm * 1000),
  );
  const dvSigma = Math.max(robustSigma(dv), median(memberSigma));
  const assessment = assessGroup(dvMedian, dvSigma, norads.length, params, {
    reasons: [
      groupReason(norads.length, epoch, epochSigmaSec, 'pair-closest-approach'),
      launchReason(epoch, epochSigmaSec, lt),
    ],
  });
  return {
    kind: 'release',
    objects: norads.map((n) => ({ norad: n, role: 'sibling' as const })),
    start: instant(Math.min(...ts) - 3 * floor * 1000),
    end: instant(Math.max(...ts) + 3 * floor * 1000),
    measures: {
      separationEpochUtc: formatIso(epoch),
      separationEpoch: epoch,
      separationEpochSigmaSec: epochSigmaSec,
      separationEpochSpreadSec: spreadSec,
      separationEpochRangeSec: (Math.max(...ts) - Math.min(...ts)) / 1000,
      deltaVMps: dvMedian,
      separationSpeedEstimateMps: dvMedian / Math.SQRT2,
      deltaVSigmaMps: dvSigma,
      deltaVSigmaExceedsValue: !(dvSigma > 0 && dvSigma <= dvMedian),
      deltaVMaxMps: Math.max(...dv),
      distanceAtSeparationKm: median(kept.map((m) => m.distanceKm)),
      class: assessment.label,
      launchTimeUtc: lt === undefined ? null : formatIso(lt.time),
      launchTimeSource: lt?.source ?? null,
      pairsUsed: kept.reduce((a, m) => a + m.pairsUsed, 0),
      groupSize: norads.length,
      launch,
      referenceNorad: ref.noradId,
      parentCatalogued: false,
      deltaVIsSiblingRelativeSpeed: true,
      rejectedMembers: members.length - kept.length,
      method: 'pair-closest-approach',
    },
    assessment,
    elementSets: [
      ...refs(ref.sets.slice(0, params.childSetsUsed), 'reference'),
      ...kept.flatMap((m) => refs(m.childSets, 'child')),
    ],
    detector: RELEASE_DETECTOR,
    detectorVersion: RELEASE_DETECTOR_VERSION,
    parameters: paramRecord(params),
  };
}

/**
 * The deployment event of a launch grouped by along-track convergence. `deltaVMps` is the median
 * relative speed over all member pairs (mean-orbit model, along-track-convergence.ts), its σ the
 * SD across pairs; each payload's speed from the carrier is estimated as that / √2, as for the
 * pair method. The epoch σ is the larger of the spread of the members' own crossing epochs and
 * the drag floor c·lag².
 */
function convergenceEvent(
  launch: string,
  g: ConvergenceGroup,
  tFirst: number,
  lt: LaunchTime | undefined,
  params: ReleaseParameters,
): DetectedEvent {
  const speeds = g.pairs.map((p) => p.totalMps);
  const dvMedian = median(speeds);
  const lagDays = (tFirst - g.epochMs) / MS_PER_DAY;
  const epochSigmaSec = convergenceSigmaSec(g, tFirst, params);
  const epoch = instant(g.epochMs);
  const dvSigma = sd(speeds);
  const assessment = assessGroup(dvMedian, dvSigma, g.members.length, params, {
    reasons: [
      groupReason(g.members.length, epoch, epochSigmaSec, 'along-track-convergence'),
      launchReason(epoch, epochSigmaSec, lt),
    ],
  });
  const crossings = g.members.map((m) => m.crossingEpochMs).filter((t): t is number => t !== null);
  return {
    kind: 'release',
    objects: g.members.map((m) => ({ norad: m.noradId, role: 'sibling' as const })),
    start: instant(Math.min(...crossings) - 3 * epochSigmaSec * 1000),
    end: instant(Math.max(...crossings) + 3 * epochSigmaSec * 1000),
    measures: {
      separationEpochUtc: formatIso(epoch),
      separationEpoch: epoch,
      separationEpochSigmaSec: epochSigmaSec,
      separationEpochSpreadSec: g.epochSpreadSec,
      separationEpochUnweightedSdSec: g.epochSdSec,
      separationEpochRangeSec: g.epochRangeSec,
      deltaVMps: dvMedian,
      separationSpeedEstimateMps: dvMedian / Math.SQRT2,
      deltaVSigmaMps: dvSigma,
      deltaVSigmaExceedsValue: !(dvSigma > 0 && dvSigma <= dvMedian),
      deltaVMaxMps: Math.max(...speeds),
      deltaVInTrackMps: median(g.pairs.map((p) => Math.abs(p.inTrackMps))),
      deltaVRadialMps: median(g.pairs.map((p) => p.radialMps)),
      deltaVCrossTrackMps: median(g.pairs.map((p) => p.crossTrackMps)),
      distanceAtSeparationKm: g.residualKm,
      alongTrackSpreadKm: g.alongTrackSpreadKm,
      class: assessment.label,
      launchTimeUtc: lt === undefined ? null : formatIso(lt.time),
      launchTimeSource: lt?.source ?? null,
      pairsUsed: g.pairs.length,
      groupSize: g.members.length,
      datedMembers: crossings.length,
      excludedManoeuvring: g.excluded.filter((e) => e.reason === 'manoeuvring-at-first-set').length,
      excludedOffGroup: g.excluded.filter((e) => e.reason === 'off-group').length,
      lagDays,
      launch,
      parentCatalogued: false,
      deltaVIsSiblingRelativeSpeed: true,
      method: 'along-track-convergence',
    },
    assessment,
    elementSets: refs(
      g.members.map((m) => m.set),
      'child',
    ),
    detector: RELEASE_DETECTOR,
    detectorVersion: RELEASE_DETECTOR_VERSION,
    parameters: paramRecord(params),
  };
}

/** Epoch σ of a convergence group: the spread of the members' crossings, or the drag floor c·lag². */
function convergenceSigmaSec(g: ConvergenceGroup, tFirst: number, params: ReleaseParameters): number {
  const lagDays = (tFirst - g.epochMs) / MS_PER_DAY;
  return Math.max(g.epochSpreadSec, params.epochSigmaSecPerLagDay2 * lagDays * lagDays);
}

/** The reason that names the group's common epoch and how it was found. */
function groupReason(members: number, epoch: Instant, sigmaSec: number, method: string): AssessmentReason {
  return {
    measure: 'separationEpochSigmaSec',
    value: sigmaSec,
    text:
      `${String(members)} siblings separated at ${formatIso(epoch)} ± ${(sigmaSec / 3600).toFixed(2)} h (${method}); ` +
      'no object in the catalogue meets them there, so the carrier is not named (role sibling, no parent)',
  };
}
