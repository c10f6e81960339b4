/**
 * Input and per-object outcome types of the release detector.
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';

/** One object's element sets (any order; duplicates allowed). */
export interface ObjectHistory {
  readonly noradId: NoradId;
  readonly sets: readonly ElementSet[];
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
  readonly status:
    'grouped' | 'convergence-not-at-launch' | 'manoeuvring-at-first-sets' | 'no-convergence' | 'has-parent';
  /** Objects whose first sets were already raised (no manoeuvre-free set). */
  readonly manoeuvringAtFirstSet: number;
}
