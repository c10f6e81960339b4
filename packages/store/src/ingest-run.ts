/**
 * Sources and ingest runs: where element sets came from and which run stored them.
 * @module
 */
import type { Instant } from '@orbwatch/core';

export type SourceKind = 'official' | 'amateur' | 'simulated' | 'derived';

export interface SourceInput {
  /** Unique name, e.g. `celestrak`, `space-track`, `mccants`. Part of the element-set key. */
  readonly name: string;
  readonly kind: SourceKind;
  readonly description?: string;
}

export interface Source {
  readonly id: number;
  readonly name: string;
  readonly kind: SourceKind;
  readonly description: string;
}

export type IngestRunStatus = 'running' | 'completed' | 'failed';

export interface IngestCounts {
  /** Element sets newly stored. */
  readonly accepted: number;
  /** Element sets already stored with the same key and the same content (nothing written). */
  readonly duplicates: number;
  /** Element sets whose key was stored with different content (rejected, recorded as issues). */
  readonly conflicts: number;
  /** Error-severity parse issues plus conflicts: records that were not stored. */
  readonly rejected: number;
}

export interface IngestRun extends IngestCounts {
  /** UUIDv7. */
  readonly id: string;
  readonly source: string;
  readonly files: readonly string[];
  readonly startedAt: Instant;
  /** Null while running, and forever for a run whose process died (status stays `running`). */
  readonly finishedAt: Instant | null;
  readonly retrievedAt: Instant;
  /** Batches committed so far; each batch is one transaction. */
  readonly batches: number;
  readonly status: IngestRunStatus;
}
