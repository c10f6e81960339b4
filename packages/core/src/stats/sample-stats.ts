/**
 * Sample statistics on plain arrays (median, robust σ, quantiles, standard deviation) shared by
 * the detectors. The maneuver detector keeps its own median on a reused buffer (its hot loop).
 * @module
 */

/** Median of the values (NaN for none). Does not modify its input. */
export function median(values: ArrayLike<number>): number {
  const s = Array.from(values).sort((a, b) => a - b);
  const n = s.length;
  if (n === 0) return Number.NaN;
  const h = Math.floor(n / 2);
  return n % 2 === 1 ? (s[h] ?? Number.NaN) : ((s[h - 1] ?? 0) + (s[h] ?? 0)) / 2;
}

/** Robust standard deviation 1.4826·MAD (consistent with σ for normal data). */
export function robustSigma(values: ArrayLike<number>): number {
  const m = median(values);
  return 1.4826 * median(Array.from(values, (v) => Math.abs(v - m)));
}

/** The q-quantile (0 ≤ q ≤ 1) by linear interpolation between order statistics. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const s = Array.from(values).sort((a, b) => a - b);
  if (s.length === 0) return Number.NaN;
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, s.length - 1);
  return (s[lo] ?? 0) + ((s[hi] ?? 0) - (s[lo] ?? 0)) * (pos - lo);
}

/** Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
export function sampleSd(values: ArrayLike<number>): number {
  const n = values.length;
  if (n < 2) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i] ?? 0;
  const mean = sum / n;
  let ss = 0;
  for (let i = 0; i < n; i++) ss += ((values[i] ?? 0) - mean) ** 2;
  return Math.sqrt(ss / (n - 1));
}
