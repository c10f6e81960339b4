/**
 * Ordinary least squares for a handful of parameters (normal equations, Gauss-Jordan with
 * partial pivoting), with the parameter covariance scaled by the residual variance.
 * @module
 */

/** Result of {@link leastSquares}. */
export interface LeastSquaresFit {
  /** Fitted coefficients, one per column of the design matrix. */
  readonly coefficients: Float64Array;
  /** Covariance of the coefficients, row-major k×k, scaled by s² = RSS/(N−k). */
  readonly covariance: Float64Array;
  /** Residuals y − Xβ, one per row. */
  readonly residuals: Float64Array;
  /** √(RSS/(N−k)), in the unit of y. */
  readonly residualSigma: number;
}

/**
 * Solves min ‖y − Xβ‖² for the row-major N×k design matrix `x`. Returns undefined when the
 * normal matrix is singular or N ≤ k. Callers centre their columns for conditioning.
 */
export function leastSquares(x: Float64Array, y: Float64Array, k: number): LeastSquaresFit | undefined {
  const n = y.length;
  if (x.length !== n * k)
    throw new RangeError(`design matrix has ${String(x.length)} cells, expected ${String(n * k)}`);
  if (n <= k) return undefined;
  // Augmented [XᵀX | Xᵀy | I].
  const w = 2 * k + 1;
  const m = new Float64Array(k * w);
  for (let r = 0; r < n; r++) {
    const yr = y[r] ?? 0;
    for (let i = 0; i < k; i++) {
      const xi = x[r * k + i] ?? 0;
      for (let j = 0; j < k; j++) m[i * w + j] = (m[i * w + j] ?? 0) + xi * (x[r * k + j] ?? 0);
      m[i * w + k] = (m[i * w + k] ?? 0) + xi * yr;
    }
  }
  for (let i = 0; i < k; i++) m[i * w + k + 1 + i] = 1;
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r * w + c] ?? 0) > Math.abs(m[p * w + c] ?? 0)) p = r;
    const pivot = m[p * w + c] ?? 0;
    if (Math.abs(pivot) < 1e-300 || !Number.isFinite(pivot)) return undefined;
    if (p !== c) {
      for (let j = 0; j < w; j++) {
        const t = m[c * w + j] ?? 0;
        m[c * w + j] = m[p * w + j] ?? 0;
        m[p * w + j] = t;
      }
    }
    for (let j = 0; j < w; j++) m[c * w + j] = (m[c * w + j] ?? 0) / pivot;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r * w + c] ?? 0;
      if (f === 0) continue;
      for (let j = 0; j < w; j++) m[r * w + j] = (m[r * w + j] ?? 0) - f * (m[c * w + j] ?? 0);
    }
  }
  const beta = new Float64Array(k);
  for (let i = 0; i < k; i++) beta[i] = m[i * w + k] ?? 0;
  const residuals = new Float64Array(n);
  let rss = 0;
  for (let r = 0; r < n; r++) {
    let f = 0;
    for (let i = 0; i < k; i++) f += (x[r * k + i] ?? 0) * (beta[i] ?? 0);
    const e = (y[r] ?? 0) - f;
    residuals[r] = e;
    rss += e * e;
  }
  const s2 = rss / (n - k);
  const covariance = new Float64Array(k * k);
  for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) covariance[i * k + j] = (m[i * w + k + 1 + j] ?? 0) * s2;
  return { coefficients: beta, covariance, residuals, residualSigma: Math.sqrt(s2) };
}
