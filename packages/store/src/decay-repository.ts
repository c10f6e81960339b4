/**
 * Space-Track decay messages in the repository port: every message is kept (facts and
 * predictions, one row per object, message epoch, type and Space-Track source, so a re-fetch adds
 * nothing). A `Historical` message is a decay fact and fills an object's decay date only where
 * the catalogue (SATCAT) gave none; the object then names the message it came from. A
 * `Prediction` is kept as a prediction with its message epoch and never becomes a decay date.
 * @module
 */
import type { DecayEpochPrecision, DecayMessage, DecayMessageType, Instant, NoradId } from '@orbwatch/core';
import type { Awaitable } from './awaitable.js';

/** What storing one batch of messages did. */
export interface DecaySaveResult {
  /** Messages stored for the first time. */
  readonly stored: number;
  /** Messages already stored (same object, message epoch, type and source). */
  readonly duplicates: number;
  /** Objects whose empty decay date a Historical message filled. */
  readonly decayDatesFilled: number;
}

/** A stored decay message. */
export interface StoredDecayMessage {
  readonly id: number;
  readonly noradId: NoradId;
  readonly messageType: DecayMessageType;
  readonly messageEpoch: Instant | null;
  readonly decayEpoch: Instant;
  readonly precision: DecayEpochPrecision;
  readonly decayEpochText: string;
  /** Space-Track's `SOURCE` (`satcat`, `decay_msg`, `60day_msg`, `tip_msg`). */
  readonly messageSource: string;
  readonly precedence: number;
  readonly name: string | null;
  readonly raw: string;
  /** The ingest run that stored it, and that run's source (e.g. `space-track`). */
  readonly runId: string;
  readonly storedSource: string;
}

export interface DecayRepository {
  /** Stores a batch of messages of a run in ONE transaction (see the module comment). */
  saveDecayMessages(runId: string, messages: readonly DecayMessage[]): Awaitable<DecaySaveResult>;
  /** One object's messages, newest message first (SATCAT-sourced rows, without an epoch, last). */
  decayMessages(noradId: NoradId): Awaitable<StoredDecayMessage[]>;
}
