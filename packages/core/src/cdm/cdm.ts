/**
 * The CCSDS Conjunction Data Message as orbwatch holds it. `blocks` keep every keyword of the
 * message in the standard's blocks, with values in orbwatch units (km, km/s, km², …: the CCSDS
 * metres are converted at the boundary, see cdm-keywords.ts) and the comments of each block;
 * the writers write exactly these. The typed fields (TCA, the objects' states and covariances)
 * are views of the same values for computation.
 * @module
 */
import type { Mat3, V3 } from '../frames/mat3.js';
import type { Instant } from '../time/instant.js';
import type { CdmBlock } from './cdm-keywords.js';

/** One keyword's value: a number in orbwatch units, a UTC time (Instant), or text. */
export type CdmValue = number | string;

/** A block of keywords with its comments, as read (keyword order kept). */
export interface CdmBlockData {
  readonly block: CdmBlock;
  readonly comments: readonly string[];
  /** keyword → value (numbers in orbwatch units; times as Instant; text as read). */
  readonly values: ReadonlyMap<string, CdmValue>;
}

/** One of the two objects: its metadata and data blocks and the typed state/covariance. */
export interface CdmObject {
  /** 'OBJECT1' or 'OBJECT2'. */
  readonly object: 'OBJECT1' | 'OBJECT2';
  readonly designator: string;
  readonly name: string;
  /** REF_FRAME of the state vector (EME2000, GCRF or ITRF in CDM 1.0). */
  readonly refFrame: string;
  /** Position at TCA, km, in `refFrame`. */
  readonly rKm: V3;
  /** Velocity at TCA, km/s, in `refFrame`. */
  readonly vKmPerSec: V3;
  /** Position covariance in the object's RTN frame, km² (row-major 3×3). */
  readonly positionCovarianceRtnKm2: Mat3;
  /** metadata, od, additional, state, covariance blocks (those present). */
  readonly blocks: readonly CdmBlockData[];
}

/** A CDM read from `file`, starting at `line`. */
export interface Cdm {
  readonly file: string;
  readonly line: number;
  readonly format: 'kvn' | 'xml';
  readonly messageId: string;
  readonly tca: Instant;
  readonly missDistanceKm: number;
  /** COLLISION_PROBABILITY as stated by the originator, when given. */
  readonly statedPc?: number;
  readonly statedPcMethod?: string;
  /** header and relative blocks. */
  readonly blocks: readonly CdmBlockData[];
  readonly objects: readonly [CdmObject, CdmObject];
}
