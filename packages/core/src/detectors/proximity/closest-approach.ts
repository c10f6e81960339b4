/**
 * Refinement of a closest approach between two SGP4 objects: the root of g(t) = Δr·Δv (the
 * derivative of ½|Δr|²) inside a bracket where g goes from negative to positive, found with
 * the close-approach engine's root-finder (Illinois regula falsi, `screening/range-rate-root.ts`)
 * on direct SGP4 states (not a fixed-step scan).
 * @module
 */
import type { StateVector } from '../../frames/state-vector.js';
import { propagateTeme } from '../../propagation/propagate-teme.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import type { Instant } from '../../time/instant.js';
import { instant } from '../../time/instant.js';
import { rangeRateRoot } from '../../screening/range-rate-root.js';

/** A refined closest approach. */
export interface ClosestApproach {
  readonly t: Instant;
  readonly rangeKm: number;
  readonly relativeSpeedKmPerSec: number;
  readonly stateA: StateVector<'TEME'>;
  readonly stateB: StateVector<'TEME'>;
  /** Iterations used (for diagnostics). */
  readonly iterations: number;
}

/** Relative geometry of two objects at one instant. */
export interface PairState {
  readonly a: StateVector<'TEME'>;
  readonly b: StateVector<'TEME'>;
  readonly rangeKm: number;
  readonly relativeSpeedKmPerSec: number;
  /** Δr·Δv, km²/s. */
  readonly g: number;
}

/** States of both objects at `t` and their relative geometry, or undefined when SGP4 fails. */
export function pairState(a: Sgp4Propagator, b: Sgp4Propagator, t: Instant): PairState | undefined {
  const ra = propagateTeme(a, t, { allowStale: true });
  const rb = propagateTeme(b, t, { allowStale: true });
  if (!ra.ok || !rb.ok) return undefined;
  const sa = ra.state;
  const sb = rb.state;
  const dx = sb.r.x - sa.r.x;
  const dy = sb.r.y - sa.r.y;
  const dz = sb.r.z - sa.r.z;
  const du = sb.v.x - sa.v.x;
  const dv = sb.v.y - sa.v.y;
  const dw = sb.v.z - sa.v.z;
  return {
    a: sa,
    b: sb,
    rangeKm: Math.hypot(dx, dy, dz),
    relativeSpeedKmPerSec: Math.hypot(du, dv, dw),
    g: dx * du + dy * dv + dz * dw,
  };
}

/** Time tolerance of the root, ms. */
const TOLERANCE_MS = 1;

/**
 * The closest approach inside [tLo, tHi] (g(tLo) ≤ 0 ≤ g(tHi) expected), by the shared root-finder
 * of the close-approach engine ({@link rangeRateRoot}), to `toleranceMs` in time (default 1 ms).
 * Returns undefined when SGP4 fails inside the bracket or g has no sign change there (then the
 * smaller end is not a local minimum of the range).
 */
export function refineClosestApproach(
  a: Sgp4Propagator,
  b: Sgp4Propagator,
  tLo: Instant,
  tHi: Instant,
  toleranceMs: number = TOLERANCE_MS,
): ClosestApproach | undefined {
  const lo = pairState(a, b, tLo);
  const hi = pairState(a, b, tHi);
  if (lo === undefined || hi === undefined) return undefined;
  const root = rangeRateRoot((t) => pairState(a, b, instant(t))?.g ?? NaN, tLo, tHi, lo.g, hi.g, toleranceMs);
  if (root === undefined) return undefined;
  // The root itself (not the smallest range evaluated: SGP4's velocity is not exactly the time
  // derivative of its position, so the two differ by up to ~1 s at 0.1 km/s, i.e. centimetres).
  const best = pairState(a, b, instant(root.t));
  if (best === undefined) return undefined;
  return {
    t: instant(root.t),
    rangeKm: best.rangeKm,
    relativeSpeedKmPerSec: best.relativeSpeedKmPerSec,
    stateA: best.a,
    stateB: best.b,
    iterations: root.iterations,
  };
}
