/**
 * The event part of the repository port: events that detectors saw, stored with the exact
 * element sets they came from (by stored id), the detector, its version and parameters. Storing
 * the same event again (same kind, detector, version, parameters, objects and element sets) finds
 * the stored row instead of adding a copy, so re-running detection is idempotent.
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
  /** Stores events in one transaction; `now` stamps new rows and seeds their UUIDv7 ids. */
  saveEvents(events: readonly DetectedEvent[], now: Instant): Awaitable<SaveEventsResult>;
  /** Events ordered by start time. */
  listEvents(filter?: EventFilter): Awaitable<StoredEvent[]>;
  getEvent(id: string): Awaitable<StoredEvent | null>;
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
