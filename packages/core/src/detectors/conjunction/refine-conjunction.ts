/**
 * Refines a close approach of two SGP4 objects to its time of closest approach (TCA): the root
 * of Δr·Δv bracketed around a first guess (±30 s, widened to ±2 min and ±10 min when the
 * bracket has no sign change), found by the proximity detector's Illinois root finder to
 * 1 µs. The same function turns a screening engine's approach into the stored numbers and
 * recomputes them from an evidence bundle, so both give the same TCA within the root tolerance.
 * Returns the miss vector in the primary's radial / in-track / cross-track frame.
 * @module
 */
import { rtnRotation } from '../../conjunction/encounter-plane.js';
import type { V3 } from '../../frames/mat3.js';
import { apply } from '../../frames/mat3.js';
import type { StateVector } from '../../frames/state-vector.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import type { Instant } from '../../time/instant.js';
import { instant } from '../../time/instant.js';
import { pairState, refineClosestApproach } from '../proximity/closest-approach.js';

/** The refined geometry of a close approach (object 1 is the primary). */
export interface ConjunctionGeometry {
  readonly tcaUtc: Instant;
  readonly missDistanceKm: number;
  readonly relativeSpeedKmPerSec: number;
  /** TEME states at TCA, [x, y, z, vx, vy, vz] in km and km/s. */
  readonly state1Teme: readonly [number, number, number, number, number, number];
  readonly state2Teme: readonly [number, number, number, number, number, number];
  /** Miss vector (object 2 − object 1) in object 1's radial / in-track / cross-track frame, km. */
  readonly missRicKm: readonly [number, number, number];
}

/** Half-widths of the brackets tried around the first guess, ms. */
const BRACKETS_MS = [30_000, 120_000, 600_000];

const six = (s: StateVector<'TEME'>): [number, number, number, number, number, number] => [
  s.r.x,
  s.r.y,
  s.r.z,
  s.v.x,
  s.v.y,
  s.v.z,
];

/**
 * The closest approach of `p1` and `p2` nearest `guess`, or undefined when SGP4 fails there or
 * no bracket around the guess holds a minimum of the range.
 */
export function refineConjunction(
  p1: Sgp4Propagator,
  p2: Sgp4Propagator,
  guess: Instant,
  toleranceMs: number,
): ConjunctionGeometry | undefined {
  for (const w of BRACKETS_MS) {
    const lo = pairState(p1, p2, instant(guess - w));
    const hi = pairState(p1, p2, instant(guess + w));
    if (lo === undefined || hi === undefined) return undefined;
    if (!(lo.g <= 0 && hi.g >= 0)) continue;
    const ca = refineClosestApproach(p1, p2, instant(guess - w), instant(guess + w), toleranceMs);
    if (ca === undefined) return undefined;
    const s1 = six(ca.stateA);
    const s2 = six(ca.stateB);
    const m = rtnRotation([s1[0], s1[1], s1[2]], [s1[3], s1[4], s1[5]]);
    const d: V3 = [s2[0] - s1[0], s2[1] - s1[1], s2[2] - s1[2]];
    const ric = m === null ? ([NaN, NaN, NaN] as const) : apply(m, d);
    return {
      tcaUtc: ca.t,
      missDistanceKm: ca.rangeKm,
      relativeSpeedKmPerSec: ca.relativeSpeedKmPerSec,
      state1Teme: s1,
      state2Teme: s2,
      missRicKm: [ric[0], ric[1], ric[2]],
    };
  }
  return undefined;
}
