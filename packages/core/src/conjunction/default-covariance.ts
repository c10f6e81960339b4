/**
 * Default position covariance for an element set that carries none (TLE/OMM screening), per
 * orbit regime and element-set age. Diagonal in the object's RTN frame (radial, transverse,
 * normal), km²:
 *
 *   σ_i(Δt) = σ_i,epoch + ġ_i·|Δt| + q_i·Δt²      (Δt = TCA − epoch, days)
 *
 * The figures are orbwatch's conservative readings of published TLE accuracy studies (Kelso
 * 2007: ~1 km at epoch, 1–3 km/day growth; Flohrer, Krag & Klinkrad 2008: along-track dominant,
 * quadratic growth under drag; Vallado & Cefola 2012) — not a fitted error model; see
 * docs/accuracy.md §5 for each number's source and what it is worth. A Pc computed with them is
 * indicative; the defensible figure for an element-set screening is Alfano's (2005) maximum Pc,
 * which depends only on the covariance's shape (aspect ratio, orientation), not on its size.
 * @module
 */
import type { Mat3 } from '../frames/mat3.js';
import type { OrbitRegime } from '../propagation/orbit-regime.js';

/** σ at epoch (km), linear growth (km/day) and quadratic growth (km/day²), per RTN axis. */
export interface DefaultSigmaModel {
  readonly epochKm: readonly [number, number, number];
  readonly growthKmPerDay: readonly [number, number, number];
  readonly quadraticKmPerDay2: readonly [number, number, number];
}

/** The defaults per regime (sources and reasoning: docs/accuracy.md §5). */
export const DEFAULT_TLE_SIGMA: Readonly<Record<OrbitRegime, DefaultSigmaModel>> = {
  LEO_HIGH_DRAG: { epochKm: [0.3, 1.5, 0.3], growthKmPerDay: [0.1, 3, 0.05], quadraticKmPerDay2: [0, 0.5, 0] },
  LEO: { epochKm: [0.2, 1, 0.2], growthKmPerDay: [0.05, 2, 0.05], quadraticKmPerDay2: [0, 0.05, 0] },
  MEO_HEO: { epochKm: [0.5, 2, 0.5], growthKmPerDay: [0.1, 3, 0.1], quadraticKmPerDay2: [0, 0, 0] },
  GEO: { epochKm: [1, 5, 1], growthKmPerDay: [0.1, 1, 0.1], quadraticKmPerDay2: [0, 0, 0] },
};

/** RTN 1σ (km) of an element set of `regime`, `ageDays` from its epoch (either side). */
export function defaultTleSigmaRtnKm(regime: OrbitRegime, ageDays: number): [number, number, number] {
  const m = DEFAULT_TLE_SIGMA[regime];
  const t = Math.abs(ageDays);
  const s = (i: 0 | 1 | 2): number => m.epochKm[i] + m.growthKmPerDay[i] * t + m.quadraticKmPerDay2[i] * t * t;
  return [s(0), s(1), s(2)];
}

/** Default RTN position covariance (km², diagonal) of an element set; NaN age gives NaN. */
export function defaultTleCovarianceRtnKm2(regime: OrbitRegime, ageDays: number): Mat3 {
  const [r, t, n] = defaultTleSigmaRtnKm(regime, ageDays);
  return [r * r, 0, 0, 0, t * t, 0, 0, 0, n * n];
}
