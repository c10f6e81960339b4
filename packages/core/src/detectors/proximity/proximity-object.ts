/**
 * What the proximity detector takes per object and what it returns beyond the shared
 * {@link DetectedEvent}: the episode's sampled range/speed profile and the refined closest
 * approaches (extension types owned by this folder).
 * @module
 */
import type { ElementSet } from '../../elements/element-set.js';
import type { NoradId } from '../../ids/norad-id.js';
import type { Instant } from '../../time/instant.js';
import type { DetectedEvent } from '../detected-event.js';

/** One object's element-set history and the facts the caller knows about it. */
/** The owner source the CLI gives: owners read from the SATCAT facts of the store. */
export const OWNER_SOURCE_SATCAT = 'SATCAT facts in the store';

export interface ProximityObject {
  readonly noradId: NoradId;
  /** Its element sets (any order; the set nearest in epoch is used at each instant). */
  readonly sets: readonly ElementSet[];
  /** Owner (country/operator code from SATCAT): a fact with its source; undefined when unknown. */
  readonly owner?: string;
  /** Constellation name; when absent it is derived from the set's name (STARLINK-1234 → STARLINK). */
  readonly constellation?: string;
  /** The sets are amateur elements (e.g. McCants' classfd): their σ is divided by amateurWeight. */
  readonly amateur?: boolean;
  /** Source label recorded in the element-set references (e.g. `celestrak-active`, `mccants-classfd`). */
  readonly source?: string;
  /** Where the owner comes from (e.g. `satcat`), recorded with the owner in each event. */
  readonly ownerSource?: string;
}

/** One sample of an episode's profile. */
export interface ProximitySample {
  readonly t: Instant;
  readonly rangeKm: number;
  readonly relativeSpeedKmPerSec: number;
}

/** A refined closest approach (local minimum of the range) inside an episode. */
export interface ProximityApproach {
  readonly t: Instant;
  readonly rangeKm: number;
  readonly relativeSpeedKmPerSec: number;
}

/**
 * The chaser relative to the target at one of the chaser's set epochs (docking approaches):
 * range, relative speed, phase angle (angle between the position vectors, + when the chaser
 * leads) and the difference of mean semi-major axes.
 */
export interface ApproachSample extends ProximitySample {
  readonly phaseAngleDeg: number;
  readonly deltaSemiMajorAxisKm: number;
  readonly chaserEpochText: string;
  readonly targetEpochText: string;
}

/** An episode: the shared event plus its profile and closest approaches. */
export interface ProximityEpisode {
  readonly event: DetectedEvent;
  /** Range and relative speed at every scan sample from start to end (step = stepSec). */
  readonly profile: readonly ProximitySample[];
  /** Every refined local minimum of the range within the episode that met both thresholds. */
  readonly approaches: readonly ProximityApproach[];
  /** Docking episodes: the chaser's free-flight sets before the docking (empty otherwise). */
  readonly approachProfile: readonly ApproachSample[];
}
