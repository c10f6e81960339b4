/**
 * The time of closest approach of two objects as the root of g(t) = Δr·Δv (half the derivative of
 * |Δr|²), bracketed where g goes from negative to positive, found with the Illinois variant of
 * regula falsi. One root-finder for every close-approach search of orbwatch: the catalogue
 * screening (on states of the SGP4 kernel) and the proximity detector (on satellite.js states)
 * pass their own g.
 * @module
 */

/** The root of g found by {@link rangeRateRoot}, in the caller's time unit. */
export interface RangeRateRoot {
  /** Middle of the final bracket: the root to within half the tolerance. */
  readonly t: number;
  readonly iterations: number;
}

/** Largest number of Illinois steps (far more than needed: convergence is superlinear). */
export const RANGE_RATE_ROOT_MAX_ITERATIONS = 60;

/**
 * Root of `g` inside [lo, hi] where `gLo = g(lo) ≤ 0 ≤ g(hi) = gHi`, to a bracket no wider than
 * `tolerance` (same unit as the times). `g` returns NaN when the state cannot be computed (SGP4
 * failure): then the result is undefined, as it is when the bracket holds no sign change.
 */
export function rangeRateRoot(
  g: (t: number) => number,
  lo: number,
  hi: number,
  gLo: number,
  gHi: number,
  tolerance: number,
): RangeRateRoot | undefined {
  if (!(gLo <= 0 && gHi >= 0)) return undefined;
  let x0 = lo;
  let x1 = hi;
  let g0 = gLo;
  let g1 = gHi;
  let side = 0;
  let it = 0;
  while (x1 - x0 > tolerance && it < RANGE_RATE_ROOT_MAX_ITERATIONS) {
    it++;
    let x = g1 === g0 ? (x0 + x1) / 2 : x0 - (g0 * (x1 - x0)) / (g1 - g0);
    if (!(x > x0 && x < x1)) x = (x0 + x1) / 2;
    const gx = g(x);
    if (Number.isNaN(gx)) return undefined;
    if (gx === 0) {
      x0 = x;
      x1 = x;
      break;
    }
    if (gx < 0) {
      x0 = x;
      g0 = gx;
      if (side === -1) g1 /= 2;
      side = -1;
    } else {
      x1 = x;
      g1 = gx;
      if (side === 1) g0 /= 2;
      side = 1;
    }
  }
  return { t: (x0 + x1) / 2, iterations: it };
}
