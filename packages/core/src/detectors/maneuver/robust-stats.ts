/**
 * Small robust statistics on plain number arrays (no allocation beyond one copy).
 * @module
 */

/** Median of the values (NaN for none). Sorts a copy. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = [...values].sort((x, y) => x - y);
  const mid = n >> 1;
  return n % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** 1.4826 · median absolute deviation about `centre`: σ of a Gaussian, robust to outliers. */
export function madSigma(values: readonly number[], centre: number): number {
  return 1.4826 * median(values.map((v) => Math.abs(v - centre)));
}
