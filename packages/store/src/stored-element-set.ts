/**
 * An element set as the store holds it: the parsed {@link ElementSet} plus the store's integer
 * id (events name the exact sets they used by this id), its source and provenance.
 * @module
 */
import type { ElementSet, Instant } from '@orbwatch/core';

/** The store's integer id of one element set (SQLite rowid, PostgreSQL bigint identity). */
export type ElementSetId = number;

export interface StoredElementSet extends ElementSet {
  /** Stored id; stable for the life of the database (element sets are append-only). */
  readonly id: ElementSetId;
  /** Name of the source the set came from (part of the natural key). */
  readonly source: string;
  /** When the set was retrieved from its source (not when it was ingested). */
  readonly retrievedAt: Instant;
  /** The ingest run that stored it (UUIDv7). */
  readonly ingestRunId: string;
  /** sha256 (hex) of the element content, see `contentHash`. */
  readonly contentHash: string;
}
