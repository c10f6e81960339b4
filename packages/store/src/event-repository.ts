/**
 * The event part of the repository port: events that detectors saw, stored with the exact
 * element sets they came from (by stored id), the detector, its version and parameters. Storing
 * the same event again (same kind, detector, version, parameters, objects and element sets) finds
 * the stored row instead of adding a copy, so re-running detection is idempotent. An event can be
 * superseded by a later estimate (or withdrawn): it stays stored and retrievable by id, and lists
 * leave it out unless asked (docs/design/watch.md).
 * @module
 */
import type { DetectedEvent, Instant, NoradId } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';
import type { ElementSetId } from './stored-element-set.js';

/** A stored event: the detected event plus its id (UUIDv7) and the stored element-set ids. */
export interface StoredEvent extends DetectedEvent {
  readonly id: string;
  readonly createdAt: Instant;
  /** Stored ids of the element sets the event names (those found in the store). */
  readonly elementSetIds: readonly ElementSetId[];
  /** Set when a later detection run replaced this estimate (absent: the event is live). */
  readonly superseded?: EventSupersession;
}

/** Why an event is no longer the current estimate. */
export type SupersessionReason = 're-estimated' | 'withdrawn';

export interface EventSupersession {
  readonly at: Instant;
  /** The later estimate of the same event; null when the re-run no longer finds it (withdrawn). */
  readonly by: string | null;
  readonly reason: SupersessionReason;
}

/**
 * Whether `later`, found from the same element sets as a stored event, is the stored estimate
 * `earlier` (refined within what `earlier` already allowed) rather than a new estimate.
 */
export type SameEstimate = (earlier: Pick<DetectedEvent, 'measures' | 'assessment'>, later: DetectedEvent) => boolean;

/** One event to mark superseded. */
export interface Supersession {
  readonly id: string;
  readonly by: string | null;
}

export interface EventFilter {
  readonly kind?: DetectedEvent['kind'];
  /** Events in which this object takes part (any role). */
  readonly norad?: NoradId;
  /** Events that end at or after this instant. */
  readonly since?: Instant;
  /** Events that start before this instant. */
  readonly until?: Instant;
  /** Events whose stored assessment has this label. */
  readonly label?: string;
  /** Also superseded events (default: only live ones). */
  readonly includeSuperseded?: boolean;
  /** Only events of this detector (any version). */
  readonly detector?: string;
  /** Keyset paging: only events after this one in (start, id) order. */
  readonly after?: { readonly start: Instant; readonly id: string };
  readonly limit?: number;
}

export interface SaveEventsResult {
  /** Ids in the order of the input events (new or already stored). */
  readonly ids: readonly string[];
  readonly inserted: number;
  readonly existing: number;
}

export interface EventRepository {
  /**
   * Stores events in one transaction; `now` stamps new rows and seeds their UUIDv7 ids. An event
   * whose estimate (identity, measures and assessment) is stored is that row. One whose identity
   * (kind, detector, version, parameters, objects, element sets, span) is stored live with
   * another estimate is that row when `sameEstimate` accepts it, else a new row.
   */
  saveEvents(events: readonly DetectedEvent[], now: Instant, sameEstimate?: SameEstimate): Awaitable<SaveEventsResult>;
  /** Events ordered by start time. */
  listEvents(filter?: EventFilter): Awaitable<StoredEvent[]>;
  getEvent(id: string): Awaitable<StoredEvent | null>;
  /**
   * Marks live events superseded at `now`, by the later estimate named (reason `re-estimated`) or
   * by none (`withdrawn`), in one transaction; events already superseded keep their first mark.
   * Returns the number marked.
   */
  supersedeEvents(supersessions: readonly Supersession[], now: Instant): Awaitable<number>;
  /**
   * Makes superseded events live again (a re-run returned exactly that estimate once more);
   * returns the number revived.
   */
  reviveEvents(ids: readonly string[]): Awaitable<number>;
  /**
   * Ids of the events whose id starts with `prefix` (case-insensitive), in id order, at most
   * `limit` (default 10): a unique prefix names one event, as a short commit hash does in git.
   */
  eventIdsWithPrefix(prefix: string, limit?: number): Awaitable<string[]>;
  /** Highest element-set id the detector has processed for each object (absent: never run). */
  detectorWatermarks(detector: string): Awaitable<Map<NoradId, ElementSetId>>;
  /** Records the highest processed element-set id per object, in one transaction. */
  setDetectorWatermarks(
    detector: string,
    detectorVersion: string,
    marks: ReadonlyMap<NoradId, ElementSetId>,
    now: Instant,
  ): Awaitable<void>;
  /** Highest element-set id per object (the input to incremental detection). */
  latestElementSetIds(): Awaitable<Map<NoradId, ElementSetId>>;
}
