/**
 * The numeric kernel of the release detector: the instant at which two objects' SGP4
 * trajectories came closest within a window, found by a coarse scan followed by a
 * golden-section refinement of |Δr|², and the relative velocity there in the parent's RIC axes.
 * @module
 */
import type { StateVector } from '../../frames/state-vector.js';
import { toRic } from '../../frames/ric.js';
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import { propagateTeme } from '../../propagation/propagate-teme.js';
import type { Instant } from '../../time/instant.js';
import { instant } from '../../time/instant.js';

/** A closest approach of a child to a parent (both SGP4, TEME). */
export interface ClosestApproach {
  readonly t: Instant;
  /** |r_child − r_parent| at `t`, km. */
  readonly distanceKm: number;
  /**
   * Inertial velocity difference v_child − v_parent projected on the parent's RIC axes at `t`,
   * km/s (x radial, y in-track, z cross-track). Not the rotating-frame velocity: at a separation
   * the two coincide, and away from it ω×ρ would only add the modelling error.
   */
  readonly dvRic: { readonly r: number; readonly i: number; readonly c: number };
  readonly dvKmPerSec: number;
}

/** A propagator chooser: the parent's set to use at instant t (the one nearest in time). */
export type PropagatorAt = (t: number) => Sgp4Propagator;

const OPTS = { allowStale: true } as const;
const GOLDEN = (Math.sqrt(5) - 1) / 2;

function stateAt(p: Sgp4Propagator, t: number): StateVector<'TEME'> | undefined {
  const res = propagateTeme(p, instant(t), OPTS);
  return res.ok ? res.state : undefined;
}

function dist2(child: Sgp4Propagator, parent: Sgp4Propagator, t: number): number {
  const a = stateAt(child, t);
  const b = stateAt(parent, t);
  if (a === undefined || b === undefined) return Infinity;
  const dx = a.r.x - b.r.x,
    dy = a.r.y - b.r.y,
    dz = a.r.z - b.r.z;
  return dx * dx + dy * dy + dz * dz;
}

/**
 * Coarse scan of |Δr|² on [tLo, tHi] (ms) with step `stepMs`: the instants of the `count` deepest
 * local minima, deepest first. The parent's set may change along the scan (`parentAt`).
 */
export function scanMinima(
  child: Sgp4Propagator,
  parentAt: PropagatorAt,
  tLo: number,
  tHi: number,
  stepMs: number,
  count: number,
): number[] {
  const n = Math.max(2, Math.ceil((tHi - tLo) / stepMs) + 1);
  const h = (tHi - tLo) / (n - 1);
  const d = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const t = tLo + k * h;
    d[k] = dist2(child, parentAt(t), t);
  }
  const minima: { t: number; d: number }[] = [];
  for (let k = 0; k < n; k++) {
    const v = d[k] ?? Infinity;
    if (!Number.isFinite(v)) continue;
    const left = k > 0 ? (d[k - 1] ?? Infinity) : Infinity;
    const right = k < n - 1 ? (d[k + 1] ?? Infinity) : Infinity;
    if (v <= left && v <= right) minima.push({ t: tLo + k * h, d: v });
  }
  minima.sort((a, b) => a.d - b.d);
  return minima.slice(0, count).map((m) => m.t);
}

/** Golden-section minimum of |Δr|² on [a, b] (ms) to `tolMs`. */
export function refineMinimum(
  child: Sgp4Propagator,
  parent: Sgp4Propagator,
  a0: number,
  b0: number,
  tolMs = 50,
): number {
  let a = a0,
    b = b0;
  let x1 = b - GOLDEN * (b - a),
    x2 = a + GOLDEN * (b - a);
  let f1 = dist2(child, parent, x1),
    f2 = dist2(child, parent, x2);
  while (b - a > tolMs) {
    if (f1 <= f2) {
      b = x2;
      x2 = x1;
      f2 = f1;
      x1 = b - GOLDEN * (b - a);
      f1 = dist2(child, parent, x1);
    } else {
      a = x1;
      x1 = x2;
      f1 = f2;
      x2 = a + GOLDEN * (b - a);
      f2 = dist2(child, parent, x2);
    }
  }
  return (a + b) / 2;
}

/** Distance and RIC velocity difference of child and parent at `t` (undefined if SGP4 fails). */
export function approachAt(child: Sgp4Propagator, parent: Sgp4Propagator, t: number): ClosestApproach | undefined {
  const c = stateAt(child, t);
  const p = stateAt(parent, t);
  if (c === undefined || p === undefined) return undefined;
  // Put the child's velocity at the parent's position: ρ = 0, so toRic returns the inertial
  // velocity difference projected on the parent's RIC axes (no ω×ρ term).
  const ric = toRic({ ...c, r: p.r }, p);
  const dvRic = { r: ric.v.x as number, i: ric.v.y as number, c: ric.v.z as number };
  return {
    t: c.t,
    distanceKm: Math.hypot(c.r.x - p.r.x, c.r.y - p.r.y, c.r.z - p.r.z),
    dvRic,
    dvKmPerSec: Math.hypot(dvRic.r, dvRic.i, dvRic.c),
  };
}

/**
 * Closest approach of `child` to `parent` near `tGuess` (ms): a local scan over ±`halfWindowMs`
 * (clipped to `bounds`) with `stepMs`, then golden-section refinement of the best local minima.
 * Undefined if SGP4 fails throughout.
 */
export function closestApproachNear(
  child: Sgp4Propagator,
  parent: Sgp4Propagator,
  tGuess: number,
  halfWindowMs: number,
  stepMs: number,
  minima: number,
  bounds: readonly [number, number] = [-Infinity, Infinity],
): ClosestApproach | undefined {
  const lo = Math.max(bounds[0], tGuess - halfWindowMs);
  const hi = Math.min(bounds[1], tGuess + halfWindowMs);
  if (!(hi > lo)) return approachAt(child, parent, Math.min(Math.max(tGuess, bounds[0]), bounds[1]));
  const starts = scanMinima(child, () => parent, lo, hi, stepMs, minima);
  let best: ClosestApproach | undefined;
  for (const t0 of starts) {
    const t = refineMinimum(child, parent, Math.max(lo, t0 - stepMs), Math.min(hi, t0 + stepMs));
    const ca = approachAt(child, parent, t);
    if (ca !== undefined && (best === undefined || ca.distanceKm < best.distanceKm)) best = ca;
  }
  return best;
}
