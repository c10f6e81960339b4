/**
 * Frames are in the type and in the value: a `StateVector<'TEME'>` is not a
 * `StateVector<'ITRF'>`. SGP4 output is TEME. Nothing in orbwatch is called "ECI".
 * @module
 */
import type { Instant } from '../time/instant.js';
import type { Km, KmPerSec } from '../units/quantity.js';

/** Reference frames orbwatch converts between. */
export type Frame = 'TEME' | 'ITRF' | 'GCRF' | 'MOD' | 'TOD' | 'PEF';

/** A 3-vector whose components share one unit. */
export interface Vec3<U extends number = number> {
  readonly x: U;
  readonly y: U;
  readonly z: U;
}

/** Position (km) and velocity (km/s) of one object at one instant in frame `F`. */
export interface StateVector<F extends Frame> {
  readonly frame: F;
  readonly t: Instant;
  readonly r: Vec3<Km>;
  readonly v: Vec3<KmPerSec>;
}
