/**
 * A small dense Levenberg–Marquardt solver with numerical (central-difference) partials, for
 * problems of a handful of parameters and a few thousand residuals. Numeric kernel: plain numbers.
 *
 * Method: Marquardt (1963) with the damping added to the diagonal of the normal matrix
 * (JᵀJ + λ·diag(JᵀJ)) δ = −Jᵀr, λ divided by 10 after a step that lowers the cost and multiplied
 * by 10 after one that does not. The normal equations are solved by Cholesky on the
 * column-scaled (correlation) matrix, whose smallest pivot also detects a rank-deficient problem.
 * @module
 */

/** A weighted least-squares problem: minimise Σ rᵢ(p)². */
export interface LeastSquaresProblem {
  readonly parameterCount: number;
  readonly residualCount: number;
  /** Writes the weighted residuals r(p) into `out`; returns 0 on success or a non-zero error number. */
  evaluate(p: Float64Array, out: Float64Array): number;
  /** Central-difference step of each parameter at `p`. */
  steps(p: Float64Array): Float64Array;
  /** Which parameters are solved for (the others stay at their initial value). */
  readonly free: readonly boolean[];
}

export interface LeastSquaresOptions {
  readonly maxIterations: number;
  /**
   * Stop when an accepted step lowers the cost by less than this fraction (or when every
   * parameter moves by less than 1e-3 of its finite-difference step).
   */
  readonly relativeTolerance: number;
  /** Stop when the weighted RMS residual falls below this. */
  readonly absoluteRms: number;
}

export type LeastSquaresOutcome =
  | {
      readonly status: 'converged' | 'max-iterations';
      readonly p: Float64Array;
      readonly cost: number;
      readonly iterations: number;
    }
  | { readonly status: 'singular'; readonly iterations: number }
  | { readonly status: 'failed'; readonly error: number; readonly iterations: number };

/** Smallest pivot of the scaled normal matrix accepted as non-singular (reciprocal condition ≈ 1e-13). */
const SINGULAR_PIVOT = 1e-13;

/** Runs Levenberg–Marquardt from `p0`. */
export function levenbergMarquardt(
  problem: LeastSquaresProblem,
  p0: Float64Array,
  options: LeastSquaresOptions,
): LeastSquaresOutcome {
  const m = problem.residualCount;
  const freeIdx = problem.free.flatMap((f, j) => (f ? [j] : []));
  const k = freeIdx.length;
  let p = Float64Array.from(p0);
  const r = new Float64Array(m);
  const err0 = problem.evaluate(p, r);
  if (err0 !== 0) return { status: 'failed', error: err0, iterations: 0 };
  let cost = sumSq(r);
  if (!Number.isFinite(cost)) return { status: 'failed', error: -1, iterations: 0 };
  const jac = new Float64Array(m * k); // column-major: column c at c*m
  const rPlus = new Float64Array(m);
  const rMinus = new Float64Array(m);
  const rTrial = new Float64Array(m);
  let lambda = 1e-3;
  for (let it = 1; it <= options.maxIterations; it++) {
    if (Math.sqrt(cost / m) < options.absoluteRms) return { status: 'converged', p, cost, iterations: it - 1 };
    // Jacobian by central differences (one-sided where one side fails to propagate)
    const h = problem.steps(p);
    for (let c = 0; c < k; c++) {
      const j = freeIdx[c] ?? 0;
      const hj = h[j] ?? 0;
      const pj = p[j] ?? 0;
      p[j] = pj + hj;
      const ePlus = problem.evaluate(p, rPlus);
      p[j] = pj - hj;
      const eMinus = problem.evaluate(p, rMinus);
      p[j] = pj;
      const col = c * m;
      if (ePlus === 0 && eMinus === 0) {
        for (let i = 0; i < m; i++) jac[col + i] = ((rPlus[i] ?? 0) - (rMinus[i] ?? 0)) / (2 * hj);
      } else if (ePlus === 0) {
        for (let i = 0; i < m; i++) jac[col + i] = ((rPlus[i] ?? 0) - (r[i] ?? 0)) / hj;
      } else if (eMinus === 0) {
        for (let i = 0; i < m; i++) jac[col + i] = ((r[i] ?? 0) - (rMinus[i] ?? 0)) / hj;
      } else {
        return { status: 'failed', error: ePlus, iterations: it };
      }
    }
    // normal equations N = JᵀJ, g = Jᵀr, scaled by D = sqrt(diag N)
    const n = new Float64Array(k * k);
    const g = new Float64Array(k);
    for (let a = 0; a < k; a++) {
      for (let b = 0; b <= a; b++) {
        let s = 0;
        for (let i = 0; i < m; i++) s += (jac[a * m + i] ?? 0) * (jac[b * m + i] ?? 0);
        n[a * k + b] = s;
        n[b * k + a] = s;
      }
      let s = 0;
      for (let i = 0; i < m; i++) s += (jac[a * m + i] ?? 0) * (r[i] ?? 0);
      g[a] = s;
    }
    const d = new Float64Array(k);
    for (let a = 0; a < k; a++) d[a] = Math.sqrt(n[a * k + a] ?? 0);
    if (d.some((x) => !(x > 0) || !Number.isFinite(x))) return { status: 'singular', iterations: it };
    const scaled = new Float64Array(k * k);
    for (let a = 0; a < k; a++)
      for (let b = 0; b < k; b++) scaled[a * k + b] = (n[a * k + b] ?? 0) / ((d[a] ?? 1) * (d[b] ?? 1));
    if (cholesky(Float64Array.from(scaled), k) === undefined) return { status: 'singular', iterations: it };
    // damping loop
    let accepted = false;
    while (!accepted) {
      const a = Float64Array.from(scaled);
      for (let q = 0; q < k; q++) a[q * k + q] = (a[q * k + q] ?? 0) * (1 + lambda);
      const l = cholesky(a, k);
      if (l === undefined) return { status: 'singular', iterations: it };
      const rhs = new Float64Array(k);
      for (let q = 0; q < k; q++) rhs[q] = -(g[q] ?? 0) / (d[q] ?? 1);
      const y = choleskySolve(l, k, rhs);
      const trial = Float64Array.from(p);
      for (let q = 0; q < k; q++) {
        const j = freeIdx[q] ?? 0;
        trial[j] = (trial[j] ?? 0) + (y[q] ?? 0) / (d[q] ?? 1);
      }
      const e = problem.evaluate(trial, rTrial);
      const trialCost = e === 0 ? sumSq(rTrial) : Number.POSITIVE_INFINITY;
      if (trialCost < cost) {
        const decrease = (cost - trialCost) / cost;
        let stepRatio = 0;
        for (let q = 0; q < k; q++)
          stepRatio = Math.max(stepRatio, Math.abs((y[q] ?? 0) / (d[q] ?? 1) / (h[freeIdx[q] ?? 0] ?? 1)));
        p = trial;
        r.set(rTrial);
        cost = trialCost;
        lambda = Math.max(lambda / 10, 1e-12);
        accepted = true;
        // converged: the cost no longer moves, or the step is below 1e-3 of a finite-difference step (sub-mm)
        if (decrease < options.relativeTolerance || stepRatio < 1e-3)
          return { status: 'converged', p, cost, iterations: it };
      } else {
        lambda *= 10;
        // No step, however short, lowers the cost: a minimum to the precision of the partials.
        if (lambda > 1e12) return { status: 'converged', p, cost, iterations: it };
      }
    }
  }
  return { status: 'max-iterations', p, cost, iterations: options.maxIterations };
}

function sumSq(r: Float64Array): number {
  let s = 0;
  for (const x of r) s += x * x;
  return s;
}

/** Lower-triangular Cholesky factor of the k×k row-major matrix `a` (overwritten), or undefined. */
function cholesky(a: Float64Array, k: number): Float64Array | undefined {
  for (let j = 0; j < k; j++) {
    let s = a[j * k + j] ?? 0;
    for (let q = 0; q < j; q++) s -= (a[j * k + q] ?? 0) ** 2;
    if (!(s > SINGULAR_PIVOT)) return undefined;
    const ljj = Math.sqrt(s);
    a[j * k + j] = ljj;
    for (let i = j + 1; i < k; i++) {
      let t = a[i * k + j] ?? 0;
      for (let q = 0; q < j; q++) t -= (a[i * k + q] ?? 0) * (a[j * k + q] ?? 0);
      a[i * k + j] = t / ljj;
    }
  }
  return a;
}

function choleskySolve(l: Float64Array, k: number, b: Float64Array): Float64Array {
  const y = Float64Array.from(b);
  for (let i = 0; i < k; i++) {
    let s = y[i] ?? 0;
    for (let q = 0; q < i; q++) s -= (l[i * k + q] ?? 0) * (y[q] ?? 0);
    y[i] = s / (l[i * k + i] ?? 1);
  }
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let q = i + 1; q < k; q++) s -= (l[q * k + i] ?? 0) * (y[q] ?? 0);
    y[i] = s / (l[i * k + i] ?? 1);
  }
  return y;
}
