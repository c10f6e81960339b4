/**
 * One Space-Track `decay` class message: a re-entry that happened (`Historical`, a fact as the
 * message's source states it) or one predicted (`Prediction`, issued at `messageEpoch`). A
 * prediction is never a decay date: it says when, at the time of the message, the object was
 * expected to re-enter. Fields and forms: fixtures/decay/PROVENANCE.md.
 * @module
 */
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';

/** Space-Track's `MSG_TYPE`. */
export type DecayMessageType = 'Historical' | 'Prediction';

/**
 * How precise `decayEpoch` is: `day` when only a date was published (`YYYY-MM-DD` or a time of
 * `0:00:00`, the form of every SATCAT-sourced, decay and 60-day message seen), `time` otherwise.
 */
export type DecayEpochPrecision = 'day' | 'time';

export interface DecayMessage {
  readonly noradId: NoradId;
  readonly name: string | null;
  /** International designator `YYYY-NNNP` (INTLDES / OBJECT_ID); null when blank or not of that form. */
  readonly cosparId: string | null;
  /** Owner code as in SATCAT (`COUNTRY`), null when blank. */
  readonly country: string | null;
  /** `RCS_SIZE`: SMALL, MEDIUM or LARGE; null when blank. */
  readonly rcsSize: 'SMALL' | 'MEDIUM' | 'LARGE' | null;
  readonly messageType: DecayMessageType;
  /** When the message was issued (UTC); null for SATCAT-sourced rows, which carry none. */
  readonly messageEpoch: Instant | null;
  /** The decay (Historical) or predicted decay (Prediction): the start of the day when `precision` is `day`. */
  readonly decayEpoch: Instant;
  readonly precision: DecayEpochPrecision;
  /** `DECAY_EPOCH` as published. */
  readonly decayEpochText: string;
  /** Space-Track's `SOURCE`: `satcat`, `decay_msg`, `60day_msg`, `tip_msg`. */
  readonly source: string;
  /** Space-Track's `PRECEDENCE`: 1 SATCAT, 2 decay message, 3 TIP, 4 60-day message (lower wins). */
  readonly precedence: number;
  /** The record as received (JSON), so every stored message names exactly what was read. */
  readonly raw: string;
  /** 1-based line of the record in its input. */
  readonly line: number;
}
