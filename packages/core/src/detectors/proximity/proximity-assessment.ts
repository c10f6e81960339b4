/**
 * What a proximity episode is (label from {@link PROXIMITY_LABELS}) and what each object is in
 * it (`chaser`/`target` only with manoeuvre evidence, otherwise `participant`).
 *
 * Labels, first that applies (thresholds and their sources in docs/design/proximity-detector.md):
 * - `docking`: a station is involved and the vehicle's published elements coincide with the
 *   station's (range < 1e-3 km: the publisher carries them as one body) or the 95 % upper bound
 *   of the minimum range is below `dockingRangeKm`.
 * - `constellation`: both names belong to one constellation (a fact from the names).
 * - `co-passengers`: both objects come from one launch (COSPAR launch part), still separating.
 * - recurring encounters (at least `recurringEncounters` separate passes within range, each at
 *   most `recurrenceMaxGapDays` after the last): `formation` with the same owner, `co-orbital`
 *   with owners known and different, `unexplained` when an owner is not known.
 * - `formation`: same owner (SATCAT fact) and the drift keeps the pair within range for more
 *   than a day (95 % upper bound of |D| ≤ 2R per day).
 * - `drift-by`: the along-track drift D = −3/2·n·Δa (Clohessy–Wiltshire) carries the pair
 *   through the range in less than a day: 95 % lower bound of |D| > 2R per day.
 * - `unexplained`: none of these; the reasons say which measure failed and what stays possible.
 * @module
 */
import { Z95, formatWithSigma } from '../assessment/classify-by-interval.js';
import type { AssessmentReason, EventAssessment, ProximityLabel } from '../assessment/event-assessment.js';
import type { EventObjectRole } from '../detected-event.js';
import type { ApproachManeuver } from './approach-evidence.js';

/** Facts and measures of one episode the assessment decides on. */
export interface ProximityFacts {
  readonly noradA: number;
  readonly noradB: number;
  readonly nameA: string | null;
  readonly nameB: string | null;
  readonly stationA: boolean;
  readonly stationB: boolean;
  readonly ownerA: string | null;
  readonly ownerB: string | null;
  readonly ownerSource: string | null;
  readonly constellationA: string | null;
  readonly constellationB: string | null;
  /** COSPAR launch parts (`YYYY-NNN`), null when unknown. */
  readonly launchA: string | null;
  readonly launchB: string | null;
  readonly minRangeKm: number;
  readonly minRangeSigmaKm: number;
  readonly coincidentElementSets: boolean;
  /** Along-track drift of A relative to B from the elements, km/day, and its σ. */
  readonly driftKmPerDay: number;
  readonly driftSigmaKmPerDay: number;
  readonly planeAngleDeg: number;
  /** J2 node rates of A and B, deg/day, and the inclination of B, deg. */
  readonly nodeRateADegPerDay: number;
  readonly nodeRateBDegPerDay: number;
  readonly inclinationBDeg: number;
  /** Semi-major axis of B, km. */
  readonly semiMajorAxisBKm: number;
  /** Speed at which the two planes are crossed, 2v·sin(θ/2), km/s. */
  readonly planeCrossingSpeedKmPerSec: number;
  /** Range threshold of the detection, km (R). */
  readonly rangeKm: number;
  readonly dockingRangeKm: number;
  /**
   * Separate passes of the pair within range around this episode (times, ms): the run of the
   * window's passes, each at most `recurrenceMaxGapDays` after the last, that holds the episode.
   */
  readonly encounterTimes: readonly number[];
  readonly synodicPeriodDays: number | null;
  /** Approach manoeuvres found in each object's history (A's toward B, B's toward A). */
  readonly maneuversA: readonly ApproachManeuver[];
  readonly maneuversB: readonly ApproachManeuver[];
}

/** Thresholds of the assessment (recorded with the detector's parameters). */
export interface ProximityAssessmentParameters {
  /** A pair that stays within range longer than this is not passing by, days. */
  readonly passMaxDays: number;
  /** Encounters needed for "recurring". */
  readonly recurringEncounters: number;
  /** Largest gap between consecutive recurring encounters, days. */
  readonly recurrenceMaxGapDays: number;
  /** A manoeuvre in a cannot approach an object whose plane is crossed faster than this, km/s. */
  readonly approachMaxCrossingSpeedKmPerSec: number;
  /** A plane is "held" when the node drift moves it by less than R (cross-track) over this many days. */
  readonly planeHoldDays: number;
  /** An orbit is in the sun-synchronous band when its J2 node rate is this close to 360°/year, deg/day. */
  readonly sunSynchronousToleranceDegPerDay: number;
}

export const DEFAULT_PROXIMITY_ASSESSMENT_PARAMETERS: ProximityAssessmentParameters = {
  passMaxDays: 1,
  recurringEncounters: 3,
  recurrenceMaxGapDays: 7,
  approachMaxCrossingSpeedKmPerSec: 0.2,
  planeHoldDays: 30,
  sunSynchronousToleranceDegPerDay: 0.2,
};

/** Node rate of a sun-synchronous orbit: 360° per tropical year, deg/day. */
export const SUN_SYNCHRONOUS_NODE_RATE_DEG_PER_DAY = 360 / 365.2422;

export interface ProximityAssessment {
  readonly assessment: EventAssessment;
  readonly roleA: EventObjectRole;
  readonly roleB: EventObjectRole;
}

const PASS_SOURCE =
  'pass-time argument: at along-track drift D a pass through a range R lasts 2R/|D|; a pair that stays longer than passMaxDays (1 day ≈ 15 revolutions) is not passing by';
const DRIFT_SOURCE = 'Clohessy–Wiltshire secular drift D = −3/2·n·Δa from the mean semi-major axes of the sets used';
const RECUR_SOURCE =
  'recurrence: passes of a co-planar pair repeat at the synodic period 2πa/|D|; ≥ 3 passes within range, each ≤ 7 days after the last (the inspection preset’s recurrence window), show a cycle rather than one crossing';

function fmt(x: number, d = 1): string {
  return Number.isFinite(x) ? x.toFixed(d) : 'n/a';
}

/** Decides the label and the roles of an episode. */
export function assessProximity(
  f: ProximityFacts,
  p: ProximityAssessmentParameters = DEFAULT_PROXIMITY_ASSESSMENT_PARAMETERS,
): ProximityAssessment {
  const reasons: AssessmentReason[] = [];
  const absD = Math.abs(f.driftKmPerDay);
  const sD = f.driftSigmaKmPerDay;
  const dLo = Math.max(0, absD - Z95 * sD);
  const dHi = absD + Z95 * sD;
  const passDrift = (2 * f.rangeKm) / p.passMaxDays;
  const driftText = `${formatWithSigma(f.driftKmPerDay, sD, 0)} km/day`;
  const driftReason = (comparison: string, text: string): AssessmentReason => ({
    measure: 'driftRateAbsKmPerDay',
    value: absD,
    sigma: sD,
    comparison,
    threshold: passDrift,
    thresholdSource: `${PASS_SOURCE}; ${DRIFT_SOURCE}`,
    text,
  });
  const owners: AssessmentReason = {
    measure: 'owners',
    value: `${f.ownerA ?? 'unknown'} / ${f.ownerB ?? 'unknown'}`,
    sigma: null,
    text: `Owners (fact, ${f.ownerSource ?? 'source not given'}): ${String(f.noradA)} ${f.ownerA ?? 'not known'}, ${String(f.noradB)} ${f.ownerB ?? 'not known'}.`,
  };
  const ownersKnown = f.ownerA !== null && f.ownerB !== null;
  const sameOwner = ownersKnown && f.ownerA === f.ownerB;
  const differentOwners = ownersKnown && f.ownerA !== f.ownerB;
  const gaps = f.encounterTimes.slice(1).map((t, i) => (t - (f.encounterTimes[i] ?? t)) / 86_400_000);
  const maxGap = gaps.length === 0 ? Infinity : Math.max(...gaps);
  const recurring = f.encounterTimes.length >= p.recurringEncounters && maxGap <= p.recurrenceMaxGapDays;
  const recurrence: AssessmentReason = {
    measure: 'encounters',
    value: f.encounterTimes.length,
    sigma: null,
    comparison: recurring ? '>=' : '<',
    threshold: p.recurringEncounters,
    thresholdSource: RECUR_SOURCE,
    text:
      `${String(f.encounterTimes.length)} separate pass(es) within ${fmt(f.rangeKm, 0)} km in the window` +
      (gaps.length > 0 ? `, largest gap ${fmt(maxGap, 1)} days (limit ${fmt(p.recurrenceMaxGapDays, 0)})` : '') +
      (f.synodicPeriodDays === null ? '' : `; synodic period 2πa/|D| = ${fmt(f.synodicPeriodDays, 1)} days`) +
      '.',
  };
  // Recurring passes are a pattern only when the encounter geometry is arranged: the planes are
  // held together (J2 node drift moves one across the other by < R in planeHoldDays) and either
  // the orbits are not both sun-synchronous (sun-synchronous planes of one local time are held by
  // each orbit's own design: rideshares share them) or one history shows an approach manoeuvre.
  const crossTrackKmPerDay = (rateDiffDegPerDay: number): number =>
    f.semiMajorAxisBKm *
    Math.sin((f.inclinationBDeg * Math.PI) / 180) *
    ((Math.abs(rateDiffDegPerDay) * Math.PI) / 180);
  const holdLimit = f.rangeKm / p.planeHoldDays;
  const sso = (rate: number): boolean =>
    Math.abs(rate - SUN_SYNCHRONOUS_NODE_RATE_DEG_PER_DAY) <= p.sunSynchronousToleranceDegPerDay;
  const bothSso = sso(f.nodeRateADegPerDay) && sso(f.nodeRateBDegPerDay);
  const nodeDrift = crossTrackKmPerDay(f.nodeRateADegPerDay - f.nodeRateBDegPerDay);
  const held = nodeDrift <= holdLimit;
  const coplanar = f.planeCrossingSpeedKmPerSec <= p.approachMaxCrossingSpeedKmPerSec;
  const decisive = (mv: ApproachManeuver): boolean =>
    Math.abs(mv.driftBeforeKmPerDay - mv.driftAfterKmPerDay) >= passDrift;
  const evA = f.stationA ? [] : f.maneuversA.filter(decisive);
  const evB = f.stationB ? [] : f.maneuversB.filter(decisive);
  // An approach lasts only in a shared plane that stays shared (or at a station: docked).
  const evidence = (coplanar && held) || f.stationA || f.stationB ? evA.length + evB.length > 0 : false;
  const heldPlane = held && !bothSso;
  const arranged = held && (!bothSso || evidence);
  const recurringPattern = recurring && arranged;
  const arrangement: AssessmentReason = {
    measure: 'relativeNodeDriftKmPerDay',
    value: nodeDrift,
    sigma: null,
    comparison: !held ? '>' : bothSso ? 'sun-synchronous' : '<=',
    threshold: holdLimit,
    thresholdSource:
      'plane held: the J2 node drift moves one plane across the other by less than R (cross-track a·sin i·ΔΩ̇) in planeHoldDays (30); sun-synchronous planes (node rate 360°/tropical year within the same tolerance) are held by each orbit’s design, not by the pair',
    text: heldPlane
      ? `The planes are held together (relative node drift ${fmt(nodeDrift, 2)} km/day cross-track ≤ ${fmt(holdLimit, 2)}) though the orbits are not sun-synchronous: an arranged geometry.`
      : held
        ? `Both orbits are sun-synchronous (node rates ${fmt(f.nodeRateADegPerDay, 3)}, ${fmt(f.nodeRateBDegPerDay, 3)} °/day): the shared plane is each orbit's design${evidence ? '; an approach manoeuvre arranged the encounters' : ', and no approach manoeuvre is in either history'}.`
        : `The planes drift apart (relative node drift ${fmt(nodeDrift, 2)} km/day cross-track > ${fmt(holdLimit, 2)}): the encounters will not last.`,
  };
  const station = f.stationA || f.stationB;
  let label: ProximityLabel;
  let confidence: EventAssessment['confidence'] = 'high';
  let possible: ProximityLabel[] | undefined;
  const rangeHi = f.minRangeKm + Z95 * f.minRangeSigmaKm;
  if (station && (f.coincidentElementSets || rangeHi < f.dockingRangeKm)) {
    label = 'docking';
    reasons.push({
      measure: 'minRangeKm',
      value: f.minRangeKm,
      sigma: f.coincidentElementSets ? null : f.minRangeSigmaKm,
      comparison: '<',
      threshold: f.dockingRangeKm,
      thresholdSource:
        'a docked vehicle is published with the station’s own elements (range 0) or within the station’s size; 1 km leaves room for set-fit scatter',
      text: f.coincidentElementSets
        ? `The vehicle's elements coincide with the station's (range ${fmt(f.minRangeKm, 4)} km < ${fmt(f.dockingRangeKm, 0)} km): published as one body, i.e. docked.`
        : `Minimum range ${formatWithSigma(f.minRangeKm, f.minRangeSigmaKm, 3)} km, 95 % upper bound ${fmt(rangeHi, 3)} km < ${fmt(f.dockingRangeKm, 0)} km with a station.`,
    });
  } else if (f.constellationA !== null && f.constellationA === f.constellationB) {
    label = 'constellation';
    reasons.push({
      measure: 'constellation',
      value: f.constellationA,
      sigma: null,
      comparison: '=',
      threshold: f.constellationB,
      thresholdSource:
        'constellation from the published names (STARLINK-…, ONEWEB-…); series names like COSMOS or USA are not constellations',
      text: `Both objects are ${f.constellationA} satellites (names ${f.nameA ?? '?'} / ${f.nameB ?? '?'}): shell neighbours, drifting at ${driftText}.`,
    });
  } else if (f.launchA !== null && f.launchA === f.launchB) {
    label = 'co-passengers';
    reasons.push({
      measure: 'launch',
      value: f.launchA,
      sigma: null,
      comparison: '=',
      threshold: f.launchB,
      thresholdSource: 'COSPAR international designators: the launch part YYYY-NNN is the launch',
      text: `Both objects come from launch ${f.launchA}; they are separating at ${driftText} (Δa from the elements).`,
    });
  } else if (recurringPattern && sameOwner) {
    label = 'formation';
    reasons.push(recurrence, arrangement);
  } else if (recurringPattern && differentOwners) {
    label = 'co-orbital';
    reasons.push(recurrence, arrangement, {
      measure: 'planeAngleDeg',
      value: f.planeAngleDeg,
      sigma: null,
      text: `Planes ${fmt(f.planeAngleDeg, 2)}° apart; drift ${driftText}: the pair keeps meeting, not a single crossing.`,
    });
  } else if (recurringPattern) {
    label = 'unexplained';
    confidence = 'low';
    possible = ['formation', 'co-orbital'];
    reasons.push(recurrence, arrangement, {
      measure: 'ownersKnown',
      value: false,
      sigma: null,
      text: 'The passes recur, but an owner is not known: neither a formation (same owner) nor a co-orbital pair (different owners) can be stated.',
    });
  } else if (sameOwner && dHi <= passDrift) {
    label = 'formation';
    reasons.push(
      driftReason(
        '<=',
        `Same owner, and the drift ${driftText} (95 % upper bound ${fmt(dHi, 0)}) keeps the pair within ${fmt(f.rangeKm, 0)} km for more than ${fmt(p.passMaxDays, 0)} day: flying together.`,
      ),
    );
  } else if (dLo > passDrift) {
    label = 'drift-by';
    const passMin = (2 * f.rangeKm * 1440) / absD;
    reasons.push(
      driftReason(
        '>',
        `Drifting past at ${driftText} along track (95 % lower bound ${fmt(dLo, 0)} > ${fmt(passDrift, 0)} km/day): a pass through ${fmt(f.rangeKm, 0)} km lasts about ${fmt(passMin, 0)} min; planes ${fmt(f.planeAngleDeg, 2)}° apart. The objects pass each other and move on.`,
      ),
    );
    if (f.encounterTimes.length > 1) reasons.push(recurrence);
    if (recurring) reasons.push(arrangement);
  } else {
    label = 'unexplained';
    confidence = 'low';
    possible = [];
    if (dHi > passDrift) possible.push('drift-by');
    if (!ownersKnown) possible.push('formation', 'co-orbital');
    else if (sameOwner) possible.push('formation');
    else possible.push('co-orbital');
    reasons.push(
      driftReason(
        dHi <= passDrift ? '<=' : 'straddles',
        dHi <= passDrift
          ? `The drift ${driftText} keeps the pair within ${fmt(f.rangeKm, 0)} km for more than ${fmt(p.passMaxDays, 0)} day, and no launch, constellation or shared owner explains it.`
          : `The drift ${driftText} has a 95 % interval [${fmt(dLo, 0)}, ${fmt(dHi, 0)}] km/day that straddles ${fmt(passDrift, 0)} km/day: passing by cannot be told from staying.`,
      ),
      recurrence,
    );
    if (!ownersKnown) {
      reasons.push({
        measure: 'ownersKnown',
        value: false,
        sigma: null,
        text: 'An owner is not known: whether the owners differ is not claimed.',
      });
    }
  }
  reasons.push(owners);

  // Roles: chaser/target only with an approach manoeuvre in exactly one object's history that
  // changed the pair's drift by at least the pass threshold (it decided whether they pass or
  // stay), and only where the label leaves the approach unexplained by the pair's kind
  // (constellation, co-passengers and formation manoeuvres are their own operations; a drift-by
  // passes and moves on). A station is never the chaser.
  let roleA: EventObjectRole = 'participant';
  let roleB: EventObjectRole = 'participant';
  const directional = evidence && (label === 'docking' || label === 'co-orbital' || label === 'unexplained');
  if (directional && evA.length > 0 && evB.length === 0) {
    roleA = 'chaser';
    roleB = 'target';
  } else if (directional && evB.length > 0 && evA.length === 0) {
    roleA = 'target';
    roleB = 'chaser';
  }
  if (roleA !== 'participant') for (const mv of [...evA, ...evB]) reasons.push(maneuverReason(mv, passDrift));
  else {
    const found = evA.length + evB.length;
    reasons.push({
      measure: 'approachManeuvers',
      value: found,
      sigma: null,
      comparison: found === 0 ? '=' : '>',
      threshold: 0,
      thresholdSource:
        'a manoeuvre is evidence of approach when it moved one orbit toward the other and changed the pair’s drift by at least the pass threshold 2R/passMaxDays',
      text:
        found === 0
          ? 'No manoeuvre in either history moved one orbit toward the other enough to change whether they pass or stay: both objects are participants; no direction is claimed.'
          : !evidence
            ? `${String(found)} manoeuvre(s) moved one orbit toward the other, but the planes are crossed at ${fmt(f.planeCrossingSpeedKmPerSec, 2)} km/s (limit ${fmt(p.approachMaxCrossingSpeedKmPerSec, 2)} km/s) or drift apart by ${fmt(nodeDrift, 2)} km/day (limit ${fmt(holdLimit, 2)}): a change of a does not make that a lasting approach; both objects are participants.`
            : !directional
              ? `${String(found)} manoeuvre(s) moved one orbit toward the other, but the label (${label}) already explains the encounter: both objects are participants; no direction is claimed.`
              : 'Both objects manoeuvred toward each other: both are participants; no direction is claimed.',
    });
  }
  return {
    assessment: {
      label,
      confidence,
      reasons,
      ...(possible === undefined ? {} : { possibleLabels: possible }),
    },
    roleA,
    roleB,
  };
}

function maneuverReason(mv: ApproachManeuver, passDrift: number): AssessmentReason {
  return {
    measure: 'approachManeuverDriftChangeKmPerDay',
    value: mv.driftBeforeKmPerDay - mv.driftAfterKmPerDay,
    sigma: null,
    comparison: '>=',
    threshold: passDrift,
    thresholdSource:
      'a step of the mean semi-major axis beyond 5 σ of the object’s own set-to-set scatter (after its drag trend) is a manoeuvre; it approaches when the pair’s |Δa| falls by at least half of it and the drift changes by at least the pass threshold 2R/passMaxDays',
    text:
      `${String(mv.noradId)} changed its semi-major axis by ${formatWithSigma(mv.deltaSemiMajorAxisKm, mv.deltaSemiMajorAxisSigmaKm, 2)} km ` +
      `(≈ ${fmt(mv.deltaVMps, 1)} m/s) between its sets ${mv.beforeEpochText} and ${mv.afterEpochText}: ` +
      `pair Δa ${fmt(mv.pairDeltaABeforeKm, 1)} → ${fmt(mv.pairDeltaAAfterKm, 1)} km (other's sets ${mv.otherBeforeEpochText}, ${mv.otherAfterEpochText}), ` +
      `relative drift ${fmt(mv.driftBeforeKmPerDay, 0)} → ${fmt(mv.driftAfterKmPerDay, 0)} km/day, shell gap ${fmt(mv.shellGapBeforeKm, 1)} → ${fmt(mv.shellGapAfterKm, 1)} km.`,
  };
}
