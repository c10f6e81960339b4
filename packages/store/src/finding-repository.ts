/**
 * The finding part of the repository port: events judged against norms. A finding is keyed by
 * (event, norm): judging again with a newer norm version or new facts replaces it, so the store
 * holds the current verdict of each event under each norm, with the norm version that gave it.
 * @module
 */
import type { Finding, FindingVerdict, Instant, NoradId } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/** A stored finding: the finding plus its id (UUIDv7) and when it was judged. */
export interface StoredFinding extends Finding {
  readonly id: string;
  readonly createdAt: Instant;
}

export interface FindingFilter {
  readonly normId?: string;
  /** Findings of events in which this object takes part. */
  readonly norad?: NoradId;
  readonly eventId?: string;
  readonly verdict?: FindingVerdict;
}

export interface FindingRepository {
  /** Stores findings in one transaction, replacing any earlier finding of the same event and norm. */
  saveFindings(findings: readonly Finding[], now: Instant): Awaitable<{ readonly saved: number }>;
  /** Findings ordered by the event's start time, then norm id. */
  listFindings(filter?: FindingFilter): Awaitable<StoredFinding[]>;
  getFinding(id: string): Awaitable<StoredFinding | null>;
}
