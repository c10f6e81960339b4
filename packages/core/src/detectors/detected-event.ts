/**
 * The event a behaviour detector returns: what it saw, in which objects, over which time span,
 * with its measures (each with its σ where one exists), the element sets it came from, and the
 * detector name, version and every parameter it used — enough for an evidence bundle to
 * recompute it. Ids and detection-run clocks are assigned later by the store, so none are here.
 * Shared by the maneuver, release, proximity, fragmentation and conjunction detectors.
 * @module
 */
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import type { EventAssessment, EventKind as AssessmentEventKind } from './assessment/event-assessment.js';

/** Event kinds (design.md "Events, findings, evidence"), the keys of the label vocabulary. */
export type EventKind = AssessmentEventKind;

/**
 * The role an object plays in an event. A role claims only what the data shows: `parent` only
 * for an object that was in orbit before the separation and was not deployed with the child;
 * `chaser`/`target` only where the history shows the chaser manoeuvred to approach; otherwise
 * `sibling` (deployed together) or `participant` (took part, no direction claimed).
 */
export type EventObjectRole =
  | 'subject'
  | 'parent'
  | 'child'
  | 'sibling'
  | 'chaser'
  | 'target'
  | 'participant'
  | 'primary'
  | 'secondary'
  | 'fragment';

/** One object taking part in an event. */
export interface EventObject {
  readonly norad: NoradId;
  readonly role: EventObjectRole;
}

/**
 * Names one element set exactly: its natural key (NORAD id, epoch, source) plus the epoch as
 * published, and the store's id when the caller knows it.
 */
export interface ElementSetRef {
  readonly noradId: NoradId;
  readonly epoch: Instant;
  /** The epoch exactly as written in the source (TLE `YYDDD.DDDDDDDD` or OMM ISO text). */
  readonly epochText: string;
  /** Where the set came from (file or feed), when known. */
  readonly source?: string;
  /** The store's id of the set, filled in by callers that have it. */
  readonly storedId?: string;
  /** What the set is in the event (e.g. `before`, `after`), when the detector says so. */
  readonly role?: string;
}

/** A measure value: a number with its unit in the key name, a string label, a boolean, or null. */
export type MeasureValue = number | string | boolean | null;

/** Parameter values a detector ran with (thresholds, windows), keyed with units in the name. */
export type DetectorParameters = Readonly<Record<string, number | string | boolean>>;

/** What a detector saw. */
export interface DetectedEvent {
  readonly kind: EventKind;
  readonly objects: readonly EventObject[];
  /** Earliest instant the event can have happened (UTC). */
  readonly start: Instant;
  /** Latest instant the event can have happened (UTC). */
  readonly end: Instant;
  /** Measures with units in their names (`deltaVMps`, `deltaVSigmaMps`, …). */
  readonly measures: Readonly<Record<string, MeasureValue>>;
  /** The element sets the event was computed from. */
  readonly elementSets: readonly ElementSetRef[];
  readonly detector: string;
  readonly detectorVersion: string;
  readonly parameters: DetectorParameters;
  /** What the event is, with confidence and reasons (label vocabulary per kind). */
  readonly assessment?: EventAssessment;
}
