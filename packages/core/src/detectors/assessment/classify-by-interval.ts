/**
 * Labels that respect σ: a class bounded by thresholds is given only when the whole 95 % interval
 * of the deciding measure lies inside the class; otherwise the answer is `undetermined` with the
 * classes the interval still touches. A σ that exceeds the value is reported as such, so no one
 * reads `1.7 ± 2777` as a measured 1.7.
 * @module
 */

/** Two-sided 95 % normal quantile. */
export const Z95 = 1.959963984540054;

/** A class of a scalar measure: values in [lowerInclusive, upperExclusive). */
export interface IntervalClass<L extends string> {
  readonly label: L;
  readonly lowerInclusive: number;
  readonly upperExclusive: number;
}

export interface IntervalDecision<L extends string> {
  /** The class the whole interval lies in, or null when the interval straddles a boundary. */
  readonly label: L | null;
  /** The 95 % interval [lo, hi] of the measure (lo clipped to `floor` when given). */
  readonly lo: number;
  readonly hi: number;
  /** Every class the interval overlaps, in the order given. */
  readonly possible: readonly L[];
  /** σ is larger than |value|: the value is not a measurement of its sign or size. */
  readonly sigmaExceedsValue: boolean;
}

/**
 * Decides the class of `value ± sigma` among `classes`. A non-finite value or σ, or a σ that is
 * not positive, never yields a class: a σ of zero from element sets is never true.
 * `floor` clips the interval below (a speed is ≥ 0).
 */
export function classifyByInterval<L extends string>(
  value: number,
  sigma: number,
  classes: readonly IntervalClass<L>[],
  floor = -Infinity,
): IntervalDecision<L> {
  const valid = Number.isFinite(value) && Number.isFinite(sigma) && sigma > 0;
  const lo = valid ? Math.max(floor, value - Z95 * sigma) : floor;
  const hi = valid ? value + Z95 * sigma : Infinity;
  const possible = classes.filter((c) => lo < c.upperExclusive && hi >= c.lowerInclusive).map((c) => c.label);
  const inside = classes.find((c) => lo >= c.lowerInclusive && hi < c.upperExclusive);
  return {
    label: valid && inside !== undefined ? inside.label : null,
    lo,
    hi,
    possible,
    sigmaExceedsValue: !valid || sigma > Math.abs(value),
  };
}

/** `12.3 ± 4.5` with the σ, or `1.7 (σ 2777.6 exceeds the value)` when σ is larger. */
export function formatWithSigma(value: number, sigma: number | null | undefined, digits: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (sigma === null || sigma === undefined || !Number.isFinite(sigma) || sigma <= 0)
    return `${value.toFixed(digits)} (σ n/a)`;
  if (sigma > Math.abs(value)) return `${value.toFixed(digits)} (σ ${sigma.toFixed(digits)} exceeds the value)`;
  return `${value.toFixed(digits)} ± ${sigma.toFixed(digits)}`;
}
