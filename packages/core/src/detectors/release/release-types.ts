/**
 * Input and per-object outcome types of the release detector.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';

/** Catalogue facts the detector uses when present (SATCAT): they bound what the orbits may claim. */
export interface ReleaseObjectFacts {
  /** SATCAT launch date (00:00 UTC of the launch day): no separation can precede it. */
  readonly launchDate?: Instant | null;
  /** SATCAT object type (`ROCKET BODY` marks a carrier). */
  readonly objectType?: string | null;
  /** Catalogue name (carriers known by name: transfer vehicles, dispensers). */
  readonly name?: string | null;
}

/** One object's element sets (any order; duplicates allowed), with its catalogue facts if known. */
export interface ObjectHistory {
  readonly noradId: NoradId;
  readonly sets: readonly ElementSet[];
  readonly facts?: ReleaseObjectFacts;
}

/** Where a launch time came from: SATCAT's launch date, or the revolution counts of the first sets. */
export type LaunchTimeSource = 'satcat' | 'revolution-count';

/** The earliest instant a launch can have released anything, and its evidence. */
export interface LaunchTime {
  readonly launch: string;
  readonly time: Instant;
  readonly source: LaunchTimeSource;
  /** How early a separation may fall before `time` and still be consistent with it (count uncertainty), s. */
  readonly toleranceSec: number;
}

/**
 * A physical check that rejected a candidate: `separation-before-launch` (the separation would
 * precede the launch), `parent-not-in-orbit` (the candidate parent was not yet in orbit),
 * `other-launch` (the candidate belongs to another COSPAR launch than the child, whose objects
 * the catalogue files under the launch that carried them, or under their parent's),
 * `co-passenger` (an object of the child's own launch with no sign of being its carrier: a
 * sibling deployed with it, not its parent).
 */
export type ReleaseCheck = 'separation-before-launch' | 'parent-not-in-orbit' | 'other-launch' | 'co-passenger';

/** A candidate (or a group) that a physical check rejected, and why. */
export interface CandidateRejection {
  readonly childNorad: NoradId;
  /** The candidate parent or reference sibling; null for a whole group. */
  readonly otherNorad: NoradId | null;
  readonly check: ReleaseCheck;
  /** The separation epoch the rejected estimate gave. */
  readonly epoch: Instant;
  readonly text: string;
}

/** Input of {@link detectReleases}. */
export interface ReleaseDetectionInput {
  /** Objects first catalogued in the batch examined (the newcomers), with their sets. */
  readonly newObjects: readonly ObjectHistory[];
  /**
   * Objects already catalogued before the batch: possible parents, known to be in orbit before
   * any newcomer separated. Newcomers are candidates for each other too (chains, siblings).
   */
  readonly catalogued: readonly ObjectHistory[];
}

/** Release class by Δv (thresholds in ReleaseParameters). */
export type ReleaseClass = 'deployment' | 'ejection' | 'high-speed-release';

/** The separation estimate of one child relative to one other object, from all set pairs used. */
export interface PairEstimate {
  readonly childNorad: NoradId;
  readonly otherNorad: NoradId;
  /** Median over set pairs of the closest-approach instant. */
  readonly epoch: Instant;
  /** Sample standard deviation of the pair epochs (0 with one pair), s. */
  readonly epochPairSpreadSec: number;
  /**
   * When the objects kept meeting every half/whole revolution (no along-track Δv), the half-width
   * of the range of meetings the symmetry fit could not tell apart, s; 0 otherwise.
   */
  readonly epochAmbiguitySec: number;
  /** Median distance at closest approach, km. */
  readonly distanceKm: number;
  /** Median |Δv| (inertial, parent RIC axes), m/s, and its pair spread (sample SD), m/s. */
  readonly deltaVMps: number;
  readonly deltaVPairSpreadMps: number;
  /** Robust spread of the pair Δv about their median (1.4826 × MAD), m/s. */
  readonly deltaVPairRobustSpreadMps: number;
  /** Component-wise median of the Δv in the other object's RIC axes, m/s. */
  readonly deltaVRicMps: { readonly r: number; readonly i: number; readonly c: number };
  /** Set pairs used. */
  readonly pairsUsed: number;
  /** The child's and the other object's sets used. */
  readonly childSets: readonly ElementSet[];
  readonly otherSets: readonly ElementSet[];
  /** Mean motion of the child's first set, rad/s (for the σ floor). */
  readonly meanMotionRadPerSec: number;
}

/** What the detector concluded for one newcomer. */
export interface NewcomerOutcome {
  readonly noradId: NoradId;
  /** `released`: a parent was found; `sibling`: deployed with others of its launch; `none`: neither. */
  readonly status: 'released' | 'sibling' | 'none';
  /**
   * The accepted estimate (vs the parent, or vs the launch's reference sibling); null for `none`
   * and for siblings grouped by along-track convergence that the pair method had not accepted
   * (their figures are in the group event).
   */
  readonly estimate: PairEstimate | null;
  /** Every candidate examined and its closest approach (accepted or not), nearest first. */
  readonly examined: readonly PairEstimate[];
  /** Search window [from, to] (back-propagation interval). */
  readonly windowFrom: Instant;
  readonly windowTo: Instant;
  /** First epoch − rev × period: where the revolution count starts (launch or separation); null if no count. */
  readonly revImpliedEpoch: Instant | null;
  /**
   * The revolution count starts before the search window: the object has been in orbit longer
   * than the detector back-propagates (late cataloguing of an old object, not a fresh release).
   */
  readonly revImpliedBeforeWindow: boolean;
  /** Candidates whose closest approach was acceptable but that a physical check rejected. */
  readonly rejected: readonly CandidateRejection[];
}

/** How a launch's deployment group was established. */
export type GroupMethod = 'pair-closest-approach' | 'along-track-convergence';

/**
 * What the detector concluded for one launch (COSPAR `YYYY-NNN`) with two or more newcomers: the
 * method that grouped it, or why none could.
 */
export interface LaunchGroupReport {
  readonly launch: string;
  /** Newcomers of the launch. */
  readonly objects: number;
  /** Members of the emitted deployment group (0 when none). */
  readonly grouped: number;
  readonly method: GroupMethod | null;
  /** Common epoch of the group, or of a convergence that was not emitted; null if none found. */
  readonly epoch: Instant | null;
  /** Median start of the newcomers' revolution counts (≈ launch); null without counts. */
  readonly countStart: Instant | null;
  /**
   * The counts can be trusted as a launch time: the first sets' count starts of all newcomers of
   * the launch agree within `maxCountStartRangeSec` (ReleaseParameters).
   */
  readonly countStartConsistent: boolean;
  /**
   * `grouped`; `convergence-not-at-launch` (arcs converge, but farther from the count start than
   * allowed: a common manoeuvre, not the deployment); `manoeuvring-at-first-sets` (too few
   * objects with a set known to be free of thrust); `no-convergence`; `has-parent` (its newcomers
   * were released from a catalogued object instead).
   */
  readonly status: LaunchStatus;
  /** The status in one sentence, with the numbers behind it. */
  readonly reason: string;
  /** Objects whose first sets were already raised (no manoeuvre-free set). */
  readonly manoeuvringAtFirstSet: number;
  /** σ of the group's common epoch, s; null without a group. */
  readonly epochSigmaSec: number | null;
  /** Relative speeds between siblings (median, max), m/s; null without a group. */
  readonly siblingSpeedMedianMps: number | null;
  readonly siblingSpeedMaxMps: number | null;
  /** The launch time the checks used (SATCAT, else the revolution counts), null when unknown. */
  readonly launchTime: Instant | null;
  readonly launchTimeSource: LaunchTimeSource | null;
  /** Every object of the launch the detector was given (newcomers first, then catalogued ones). */
  readonly members: readonly LaunchMember[];
  /** Candidates and groups that a physical check rejected. */
  readonly rejected: readonly CandidateRejection[];
  /** The parameters the detector ran with (evidence: the report names how it was made). */
  readonly parameters: Readonly<Record<string, number>>;
}

/**
 * Why a launch has (or has no) deployment group. `grouped`; `has-parent` (its newcomers were
 * released from a catalogued object); `manoeuvring-at-first-sets` (the first sets come after
 * thrusting began: too few objects have a set known to be free of thrust);
 * `placeholder-sets-only` (the objects' only sets are one orbit shared by the batch);
 * `first-sets-too-late` (most objects' revolution counts start before the back-propagation window:
 * catalogued too late to date); `no-convergence` (no common point); `convergence-not-at-launch` (a common point far from the
 * launch: a common manoeuvre); `separation-before-launch` (the common point precedes the launch);
 * `single-newcomer` (one new object; the others of the launch were examined earlier).
 */
export type LaunchStatus =
  | 'grouped'
  | 'has-parent'
  | 'manoeuvring-at-first-sets'
  | 'placeholder-sets-only'
  | 'first-sets-too-late'
  | 'no-convergence'
  | 'convergence-not-at-launch'
  | 'separation-before-launch'
  | 'single-newcomer';

/** One object of a launch as the report sees it. */
export interface LaunchMember {
  readonly noradId: NoradId;
  /** A newcomer of this run (else an object catalogued before). */
  readonly newcomer: boolean;
  /** Epoch of its first usable set (null: placeholder sets only). */
  readonly firstEpoch: Instant | null;
  /** First set − launch time, days (null when either is unknown). */
  readonly firstSetLagDays: number | null;
  /** Its role in the launch's outcome. */
  readonly role: 'sibling' | 'child' | 'parent' | 'none';
  /** No set free of thrust / placeholder sets only / SGP4 could not start. */
  readonly note: 'manoeuvring-at-first-set' | 'placeholder-only' | null;
}
