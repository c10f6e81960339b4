/**
 * Least-squares step test on the LEVELS of a series (here mean semi-major axis a″, km) around
 * one interval: fit x_k = c + b·(t_k − t̄) + s·H(k ≥ split) to the sets lo..hi (inclusive) and
 * return the step s with its standard error from the fit's own residuals. Averaging several sets
 * on each side beats a single difference when the per-set noise is white and the step is small
 * against it (SARAL 2014: 30–50 m burns under ≈ 20 m noise per set).
 * @module
 */

/** A fitted step and its 1σ standard error, in the units of the series. */
export interface LevelStep {
  readonly value: number;
  readonly sigma: number;
}

/**
 * Least-squares line-plus-step fit.
 * @param t epochs of the sets, s (any origin)
 * @param x the series, same length as `t`
 * @param lo first set of the window
 * @param split first set after the step (lo < split ≤ hi)
 * @param hi last set of the window
 * @returns the step and its σ (RSS / (n − 3) as the noise variance), or undefined when the fit
 *   is degenerate (fewer than 5 sets or a singular design)
 */
export function levelStep(
  t: Float64Array,
  x: Float64Array,
  lo: number,
  split: number,
  hi: number,
): LevelStep | undefined {
  return levelStepAcross(t, x, lo, split - 1, split, hi);
}

/**
 * The same fit across a span: sets lo..last are before the step, sets first..hi after it, and the
 * sets strictly between `last` and `first` (the fits that carry a burn in parts) are left out.
 */
export function levelStepAcross(
  t: Float64Array,
  x: Float64Array,
  lo: number,
  last: number,
  first: number,
  hi: number,
): LevelStep | undefined {
  if (last < lo || first <= last || first > hi) return undefined;
  const fit = fitStep(t, x, lo, last, first, hi, () => true);
  return fit === undefined ? undefined : { value: fit.step, sigma: fit.sigma };
}

/** The whole fit: step and σ, the line before it (x = c + b·τ, τ in days from `tMeanSec`), and the scatter of one set about the fit. */
export interface StepFit {
  readonly step: number;
  readonly sigma: number;
  readonly c: number;
  readonly b: number;
  readonly tMeanSec: number;
  readonly residualSigma: number;
}

/** {@link levelStepAcross} with the fitted line and the per-set scatter. */
export function levelStepFitAcross(
  t: Float64Array,
  x: Float64Array,
  lo: number,
  last: number,
  first: number,
  hi: number,
): StepFit | undefined {
  if (last < lo || first <= last || first > hi) return undefined;
  return fitStep(t, x, lo, last, first, hi, () => true);
}

function fitStep(
  t: Float64Array,
  x: Float64Array,
  lo: number,
  last: number,
  first: number,
  hi: number,
  use: (k: number) => boolean,
): StepFit | undefined {
  const inFit = (k: number): boolean => (k <= last || k >= first) && use(k);
  let n = 0;
  let tMean = 0;
  for (let k = lo; k <= hi; k++) {
    if (!inFit(k)) continue;
    n++;
    tMean += t[k] ?? 0;
  }
  if (n < 5) return undefined;
  tMean /= n;
  // Normal equations for columns [1, τ, h] (τ in days to keep them well conditioned).
  let s11 = 0;
  let s12 = 0;
  let s13 = 0;
  let s22 = 0;
  let s23 = 0;
  let s33 = 0;
  let y1 = 0;
  let y2 = 0;
  let y3 = 0;
  for (let k = lo; k <= hi; k++) {
    if (!inFit(k)) continue;
    const tau = ((t[k] ?? 0) - tMean) / 86_400;
    const h = k >= first ? 1 : 0;
    const y = x[k] ?? 0;
    s11 += 1;
    s12 += tau;
    s13 += h;
    s22 += tau * tau;
    s23 += tau * h;
    s33 += h;
    y1 += y;
    y2 += tau * y;
    y3 += h * y;
  }
  // Inverse of the symmetric 3×3 matrix by cofactors.
  const c11 = s22 * s33 - s23 * s23;
  const c12 = s13 * s23 - s12 * s33;
  const c13 = s12 * s23 - s13 * s22;
  const det = s11 * c11 + s12 * c12 + s13 * c13;
  if (!(Math.abs(det) > 1e-12)) return undefined;
  const c22 = s11 * s33 - s13 * s13;
  const c23 = s12 * s13 - s11 * s23;
  const c33 = s11 * s22 - s12 * s12;
  const c = (c11 * y1 + c12 * y2 + c13 * y3) / det;
  const b = (c12 * y1 + c22 * y2 + c23 * y3) / det;
  const step = (c13 * y1 + c23 * y2 + c33 * y3) / det;
  let rss = 0;
  for (let k = lo; k <= hi; k++) {
    if (!inFit(k)) continue;
    const tau = ((t[k] ?? 0) - tMean) / 86_400;
    const r = (x[k] ?? 0) - c - b * tau - (k >= first ? step : 0);
    rss += r * r;
  }
  const variance = rss / (n - 3);
  return { step, sigma: Math.sqrt((variance * c33) / det), c, b, tMeanSec: tMean, residualSigma: Math.sqrt(variance) };
}
