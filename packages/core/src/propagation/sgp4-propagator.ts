/**
 * The initialised SGP4 propagator of one element set. The satellite.js record is kept behind a
 * module symbol so that callers cannot mutate it or come to depend on satellite.js's types.
 * @module
 */
import type { SatRec } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import type { Instant } from '../time/instant.js';
import type { Km } from '../units/quantity.js';
import type { OrbitRegime } from './orbit-regime.js';

/** Key of the satellite.js record inside a propagator (not exported from the barrel). */
export const SATREC: unique symbol = Symbol('orbwatch.sgp4.satrec');

/** Which branch of SGP4 the set uses: near-Earth (period < 225 min) or deep-space (SDP4). */
export type Sgp4Method = 'near-earth' | 'deep-space';

/**
 * An element set ready for SGP4. Not safe to share between concurrent callers (satellite.js
 * writes into its record on every call); create one per worker.
 */
export interface Sgp4Propagator {
  /** The element set it was built from. */
  readonly elementSet: ElementSet;
  /** The set's epoch (UTC), the origin of SGP4's time since epoch. */
  readonly epoch: Instant;
  readonly method: Sgp4Method;
  readonly regime: OrbitRegime;
  /** Mean (Brouwer, un-Kozai'd) semi-major axis, km. */
  readonly semiMajorAxisKm: Km;
  /** Mean perigee radius a(1 − e), km from the geocentre. */
  readonly perigeeRadiusKm: Km;
  /** Mean apogee radius a(1 + e), km from the geocentre. */
  readonly apogeeRadiusKm: Km;
  /** The regime's default age limit, days (see docs/accuracy.md). */
  readonly defaultMaxAgeDays: number;
  /** @internal satellite.js record; written by every propagation. */
  readonly [SATREC]: SatRec;
}
