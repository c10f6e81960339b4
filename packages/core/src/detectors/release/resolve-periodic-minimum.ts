/**
 * Resolves the periodic ambiguity of a separation epoch. After a separation with no along-track
 * component the two objects keep meeting: every half revolution for a cross-track Δv (the orbit
 * planes intersect on a line), every revolution for a radial Δv (the Clohessy–Wiltshire 2:1
 * ellipse closes), the distance at those meetings growing only slowly (differential J2). With
 * element-set errors, any one meeting can then be the deepest.
 *
 * The coarse scan samples every meeting at about the same phase, so it cannot rank them: when a
 * neighbouring meeting is about as close as the best one, every meeting in the window is refined
 * and the closest is kept (an earlier version chose the meeting about which the distances were
 * most symmetric; that fails for radial releases, whose CW ellipse is even in time while the
 * secular drift is odd — see docs/design/release-detector.md). Meetings closer than twice the
 * best distance + `tieFloorKm` count as indistinguishable and set the ambiguity reported.
 * @module
 */
import type { Sgp4Propagator } from '../../propagation/sgp4-propagator.js';
import type { ClosestApproach } from './closest-approach.js';
import { approachAt, closestApproachNear, refineMinimum } from './closest-approach.js';

/** Result of {@link resolvePeriodicMinimum}. */
export interface PeriodicResolution {
  readonly best: ClosestApproach;
  /** True when neighbouring meetings were about as close and the V fit decided. */
  readonly ambiguous: boolean;
  /** Half-width of the range of vertices whose fit is within 2× the best residual, s (0 if not ambiguous). */
  readonly ambiguitySec: number;
}

/**
 * Checks the meetings half a revolution and one revolution on either side of `best`; if one is
 * within `ambiguityFactor` × the best distance (+ `floorKm`), refines every meeting in `bounds`
 * and returns the closest.
 */
export function resolvePeriodicMinimum(
  child: Sgp4Propagator,
  parent: Sgp4Propagator,
  best: ClosestApproach,
  periodMs: number,
  fineMs: number,
  bounds: readonly [number, number],
  ambiguityFactor = 3,
  floorKm = 0.2,
  tieFloorKm = 0.02,
): PeriodicResolution {
  const half = periodMs / 2;
  const meet = (t: number): ClosestApproach | undefined =>
    t < bounds[0] || t > bounds[1] ? undefined : closestApproachNear(child, parent, t, periodMs / 8, fineMs, 1, bounds);
  // Cheaper for the sweep over every meeting: one golden-section search (the distance is
  // unimodal within ±P/8 of a meeting) to 1 s; the winner is polished with `meet`.
  const quickMeet = (t: number): ClosestApproach | undefined => {
    if (t < bounds[0] || t > bounds[1]) return undefined;
    const tm = refineMinimum(
      child,
      parent,
      Math.max(bounds[0], t - periodMs / 8),
      Math.min(bounds[1], t + periodMs / 8),
      1000,
    );
    return approachAt(child, parent, tm);
  };
  const limit = ambiguityFactor * best.distanceKm + floorKm;
  let ambiguous = false;
  for (const k of [-2, -1, 1, 2]) {
    const m = meet(best.t + k * half);
    if (m !== undefined && m.distanceKm <= limit) ambiguous = true;
  }
  if (!ambiguous) return { best, ambiguous: false, ambiguitySec: 0 };

  // Every meeting in the window (every half revolution from `best`), each refined: the coarse
  // scan samples every meeting at about the same phase, so its ranking of them is noise.
  const kLo = Math.ceil((bounds[0] - best.t) / half);
  const kHi = Math.floor((bounds[1] - best.t) / half);
  let top = best;
  const all: ClosestApproach[] = [best];
  for (let k = kLo; k <= kHi; k++) {
    if (k === 0) continue;
    const m = quickMeet(best.t + k * half);
    if (m === undefined) continue;
    all.push(m);
    if (m.distanceKm < top.distanceKm) top = m;
  }
  if (top !== best) top = meet(top.t) ?? top;
  const tieKm = 2 * top.distanceKm + tieFloorKm;
  const near = all.filter((m) => m.distanceKm <= tieKm).map((m) => m.t as number);
  return { best: top, ambiguous: true, ambiguitySec: (Math.max(...near) - Math.min(...near)) / 2000 };
}
