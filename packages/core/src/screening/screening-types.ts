/**
 * The contract of catalogue screening: what goes into a close-approach search and what comes
 * out. The engine (the filter chain, the batch ephemerides, refinement to TCA) and its callers
 * (the `screen` use case, the proximity detector, the API) meet here, so each side can change
 * without the other.
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';

/** One object to screen, with the element set chosen for it (latest as of the screening time). */
export interface ScreeningObject {
  readonly norad: NoradId;
  readonly elementSet: ElementSet;
  /** Stored id of `elementSet`, carried through to the result as evidence. */
  readonly elementSetId: string;
}

/** Which pairs to screen: everything against everything, or some primaries against all. */
export type ScreeningMode =
  { readonly kind: 'all-vs-all' } | { readonly kind: 'primaries-vs-all'; readonly primaries: ReadonlySet<number> };

/** A screening request. */
export interface ScreeningRequest {
  readonly objects: readonly ScreeningObject[];
  readonly mode: ScreeningMode;
  readonly startUtc: Instant;
  readonly endUtc: Instant;
  /** Report approaches with miss distance strictly below this, km. */
  readonly thresholdKm: number;
}

/** A refined close approach between two objects (object 1 is the primary when there is one). */
export interface CloseApproach {
  readonly norad1: NoradId;
  readonly norad2: NoradId;
  readonly elementSetId1: string;
  readonly elementSetId2: string;
  readonly tcaUtc: Instant;
  readonly missDistanceKm: number;
  readonly relativeSpeedKmPerSec: number;
  /** TEME states of both objects at TCA: position km, velocity km/s, as [x, y, z, vx, vy, vz]. */
  readonly state1Teme: readonly [number, number, number, number, number, number];
  readonly state2Teme: readonly [number, number, number, number, number, number];
  /** Miss vector (object 2 − object 1) in object 1's radial / in-track / cross-track frame, km. */
  readonly missRicKm: readonly [number, number, number];
}

/** Counts after each stage of the filter chain, for the benchmark and the run record. */
export interface ScreeningStageCount {
  readonly stage: string;
  readonly pairs: number;
  /** Pair × search-window combinations that reached this stage (a pair counts once per window). */
  readonly pairWindows?: number;
  /** Refined approaches (last stage only). */
  readonly approaches?: number;
}

/** Which engine produced a result, with its fixed parameters (evidence). */
export interface ScreeningEngineRecord {
  readonly name: string;
  readonly version: string;
  readonly knotStepSec: number;
  readonly windowSec: number;
  readonly chunkKnots: number;
  readonly rootToleranceSec: number;
}

/** What a screening run returns. */
export interface ScreeningResult {
  readonly approaches: readonly CloseApproach[];
  readonly stages: readonly ScreeningStageCount[];
  /** Objects left out and why (SGP4 failure, decayed, no set), by NORAD id. */
  readonly skipped: readonly { readonly norad: NoradId; readonly code: string }[];
  /**
   * Pairs whose SGP4 states are identical throughout (the same published orbit, e.g. a vehicle
   * docked to a station and published with the station's elements): reported here, not as
   * approaches, since their range is zero at every instant and has no time of closest approach.
   */
  readonly coincident?: readonly { readonly norad1: NoradId; readonly norad2: NoradId }[];
  /** The engine and its parameters. */
  readonly engine?: ScreeningEngineRecord;
}
