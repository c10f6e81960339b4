/**
 * Small robust statistics on plain number arrays. Both functions sort in one reused scratch
 * buffer (typed-array sort is numeric): they run several times per interval of every history,
 * and allocation dominated the detector's run time when profiled.
 * @module
 */

let scratch = new Float64Array(64);

function sortedScratch(n: number): Float64Array {
  if (scratch.length < n) scratch = new Float64Array(Math.max(n, 2 * scratch.length));
  return scratch.subarray(0, n);
}

function medianOfSorted(s: Float64Array): number {
  const n = s.length;
  const mid = n >> 1;
  return n % 2 === 1 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** Median of the values (NaN for none). Does not modify `values`. */
export function median(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = sortedScratch(n);
  for (let k = 0; k < n; k++) s[k] = values[k] ?? 0;
  return medianOfSorted(s.sort());
}

/** 1.4826 · median absolute deviation about `centre`: σ of a Gaussian, robust to outliers. */
export function madSigma(values: readonly number[], centre: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const s = sortedScratch(n);
  for (let k = 0; k < n; k++) s[k] = Math.abs((values[k] ?? 0) - centre);
  return 1.4826 * medianOfSorted(s.sort());
}
