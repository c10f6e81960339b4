/**
 * Breakup epoch from the drift of the fragments' orbit planes (node-convergence regression).
 *
 * At the breakup every fragment's orbit plane contains the breakup point, so each fragment
 * plane is the parent plane turned by a small angle θ about the breakup radius vector. At the
 * breakup argument of latitude u this gives Δi = θ cos u and sin i·ΔΩ = θ sin u, i.e. the node
 * of every fragment at the breakup epoch t_b lies on one line in inclination:
 * Ω(t_b) = c + α·(i − ī), α = tan u / sin i. Afterwards each node drifts at its own J2 rate
 * Ω̇ (which depends on a, e, i), so at its element-set epoch t:
 *   Ω(t) − Ω̇·t = c + α·(i − ī) − Ω̇·t_b.
 * A linear least-squares fit of the fragments' (Ω − Ω̇t) on (1, i − ī, −Ω̇) gives t_b. The
 * mean Ω̇ over [t_b, t] uses each set's published decay rate (mean motion carried linearly to the
 * midpoint), so the fit is iterated; the fit is also repeated without the drag correction and
 * half the difference is counted as a systematic error. Residuals beyond `outlierSigma` robust σ
 * are dropped (bad fits, pieces that were manoeuvred or mis-tagged). σ of t_b: the larger of the
 * formal least-squares σ and a delete-a-group jackknife σ, combined in quadrature with the drag
 * systematic.
 *
 * Valid while the node spread is well below 180° (weeks to a few years after a LEO breakup):
 * nodes are unwrapped around their circular mean.
 * @module
 */
import type { FragmentOrbit } from './fragment-orbit.js';
import { meanNodeRateRadPerDay } from './fragment-orbit.js';
import { leastSquares } from './least-squares.js';
import { median, robustSigma } from '../../stats/sample-stats.js';

const MS_PER_DAY = 86_400_000;
const TWO_PI = 2 * Math.PI;

/** Settings of {@link estimateBreakupEpoch}. */
export interface BreakupEpochOptions {
  readonly outlierSigma: number;
  readonly jackknifeGroups: number;
  readonly maxMeanMotionChangeRevPerDay: number;
}

/** The fitted breakup epoch and what the fit says about the breakup geometry. */
export interface BreakupEpochEstimate {
  /** Estimated breakup epoch, ms since 1970 UTC. */
  readonly epochMs: number;
  /** 1-σ of the epoch, s (statistical ⊕ drag systematic). */
  readonly sigmaSec: number;
  /** Formal least-squares σ, s. */
  readonly formalSigmaSec: number;
  /** Delete-a-group jackknife σ, s. */
  readonly jackknifeSigmaSec: number;
  /** Half the shift of the epoch when the drag correction is left out, s. */
  readonly dragSystematicSec: number;
  /** Node at the breakup epoch of a fragment with the reference inclination, rad. */
  readonly nodeAtEpochRad: number;
  /** Reference inclination ī (median of the fragments), rad. */
  readonly referenceInclinationRad: number;
  /** dΩ/di at the breakup epoch (α = tan u / sin i). */
  readonly nodePerInclination: number;
  /** Breakup argument of latitude from α, rad, in (−π/2, π/2] (u and u + π are indistinguishable). */
  readonly argumentOfLatitudeRad: number;
  /** RMS of the node residuals after the fit, rad. */
  readonly residualSigmaRad: number;
  /** Fragments in the final fit. */
  readonly used: number;
  /** Fragments dropped as outliers or for a too-uncertain decay. */
  readonly rejected: number;
  /** Of those, fragments dropped for a too-uncertain decay. */
  readonly decayRejected: number;
  /** Node spread (robust σ) of the fragments at their own epochs and at the breakup epoch, rad. */
  readonly nodeSpreadAtEpochsRad: number;
  readonly nodeSpreadAtBreakupRad: number;
}

function wrapPi(x: number): number {
  return x - TWO_PI * Math.round(x / TWO_PI);
}

interface Fit {
  readonly tbDays: number;
  readonly tbVar: number;
  readonly c: number;
  readonly alpha: number;
  readonly sigma: number;
  readonly residuals: Float64Array;
}

/** One weighted-free fit over `rows` (indices into orbits), iterating the drag midpoint. */
function fitOnce(
  orbits: readonly FragmentOrbit[],
  rows: readonly number[],
  tRefMs: number,
  iRef: number,
  nodeRef: number,
  withDrag: boolean,
  startTbDays: number,
): Fit | undefined {
  let tb = startTbDays;
  let result: Fit | undefined;
  for (let iter = 0; iter < 6; iter++) {
    const n = rows.length;
    const x = new Float64Array(n * 3);
    const y = new Float64Array(n);
    const rates = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      const o = orbits[rows[r] ?? 0];
      if (o === undefined) return undefined;
      rates[r] = meanNodeRateRadPerDay(o, tRefMs + tb * MS_PER_DAY, withDrag);
    }
    const rateMean = rates.reduce((s, v) => s + v, 0) / n;
    for (let r = 0; r < n; r++) {
      const o = orbits[rows[r] ?? 0];
      if (o === undefined) return undefined;
      const t = (o.epochMs - tRefMs) / MS_PER_DAY;
      const rate = rates[r] ?? 0;
      // Ω − Ω̇ t, unwrapped around the reference node.
      y[r] = wrapPi(o.raanRad - rate * t - nodeRef);
      x[r * 3] = 1;
      x[r * 3 + 1] = o.inclinationRad - iRef;
      x[r * 3 + 2] = -(rate - rateMean);
    }
    const fit = leastSquares(x, y, 3);
    if (fit === undefined) return undefined;
    const tbNew = fit.coefficients[2] ?? 0;
    // Ω(t_b) = y + Ω̇·t_b = β₀ + αΔi + Ω̇̄·t_b (the rate column was centred on Ω̇̄).
    const c = (fit.coefficients[0] ?? 0) + rateMean * tbNew + nodeRef;
    result = {
      tbDays: tbNew,
      tbVar: fit.covariance[8] ?? 0,
      c,
      alpha: fit.coefficients[1] ?? 0,
      sigma: fit.residualSigma,
      residuals: fit.residuals,
    };
    const converged = Math.abs(tbNew - tb) < 1e-6;
    tb = tbNew;
    if (!withDrag || converged) break;
  }
  return result;
}

/**
 * Estimates the breakup epoch from fragments' element sets (one set per fragment, taken weeks
 * to months after the breakup). Returns undefined with fewer than 6 usable fragments or a
 * singular fit (all fragments with the same node rate).
 */
export function estimateBreakupEpoch(
  orbits: readonly FragmentOrbit[],
  options: BreakupEpochOptions,
): BreakupEpochEstimate | undefined {
  if (orbits.length < 6) return undefined;
  const tRefMs = median(orbits.map((o) => o.epochMs));
  const iRef = median(orbits.map((o) => o.inclinationRad));
  let sx = 0;
  let sy = 0;
  for (const o of orbits) {
    sx += Math.cos(o.raanRad);
    sy += Math.sin(o.raanRad);
  }
  const nodeRef = Math.atan2(sy, sx);

  // First pass without drag, all fragments, to place t_b roughly.
  let rows = orbits.map((_, i) => i);
  const first = fitOnce(orbits, rows, tRefMs, iRef, nodeRef, false, 0);
  if (first === undefined) return undefined;
  // Leave out fragments whose mean motion changes too much between t_b and their epoch.
  rows = rows.filter((i) => {
    const o = orbits[i];
    if (o === undefined) return false;
    const dt = (o.epochMs - tRefMs) / MS_PER_DAY - first.tbDays;
    return Math.abs(o.meanMotionRateRevPerDay2 * dt) <= options.maxMeanMotionChangeRevPerDay;
  });
  const decayRejected = orbits.length - rows.length;

  // Robust iterations: fit with drag, drop outliers, refit.
  let fit = fitOnce(orbits, rows, tRefMs, iRef, nodeRef, true, first.tbDays);
  for (let pass = 0; pass < 10 && fit !== undefined; pass++) {
    const current: Fit = fit;
    const s = robustSigma(current.residuals);
    const keep = rows.filter((_, r) => Math.abs(current.residuals[r] ?? 0) <= options.outlierSigma * s);
    if (keep.length === rows.length || keep.length < 6) break;
    rows = keep;
    fit = fitOnce(orbits, rows, tRefMs, iRef, nodeRef, true, current.tbDays);
  }
  if (fit === undefined || rows.length < 6) return undefined;
  const final: Fit = fit;

  // Drag systematic: the same rows fitted without the decay correction.
  const noDrag = fitOnce(orbits, rows, tRefMs, iRef, nodeRef, false, final.tbDays);
  const dragSystematicDays = noDrag === undefined ? 0 : Math.abs(noDrag.tbDays - final.tbDays) / 2;

  // Delete-a-group jackknife (groups by position in NORAD order: deterministic).
  const g = Math.max(2, Math.min(options.jackknifeGroups, rows.length));
  const sorted = [...rows].sort((a, b) => (orbits[a]?.set.noradId ?? 0) - (orbits[b]?.set.noradId ?? 0));
  const estimates: number[] = [];
  for (let k = 0; k < g; k++) {
    const sub = sorted.filter((_, j) => j % g !== k);
    const f = fitOnce(orbits, sub, tRefMs, iRef, nodeRef, true, final.tbDays);
    if (f !== undefined) estimates.push(f.tbDays);
  }
  const mean = estimates.reduce((s, v) => s + v, 0) / Math.max(1, estimates.length);
  const jkVar =
    (estimates.length > 1 ? (estimates.length - 1) / estimates.length : 0) *
    estimates.reduce((s, v) => s + (v - mean) ** 2, 0);
  const formalDays = Math.sqrt(final.tbVar);
  const jkDays = Math.sqrt(jkVar);
  const statDays = Math.max(formalDays, jkDays);
  const sigmaDays = Math.hypot(statDays, dragSystematicDays);

  const epochMs = tRefMs + final.tbDays * MS_PER_DAY;
  // Node spreads: at the fragments' epochs, and carried back to t_b.
  const atEpochs: number[] = [];
  const atBreakup: number[] = [];
  for (const i of rows) {
    const o = orbits[i];
    if (o === undefined) continue;
    atEpochs.push(wrapPi(o.raanRad - nodeRef));
    const rate = meanNodeRateRadPerDay(o, epochMs, true);
    const back = o.raanRad - rate * ((o.epochMs - epochMs) / MS_PER_DAY);
    atBreakup.push(wrapPi(back - final.c - final.alpha * (o.inclinationRad - iRef)));
  }
  const sinI = Math.sin(iRef);
  return {
    epochMs,
    sigmaSec: sigmaDays * 86_400,
    formalSigmaSec: formalDays * 86_400,
    jackknifeSigmaSec: jkDays * 86_400,
    dragSystematicSec: dragSystematicDays * 86_400,
    nodeAtEpochRad: wrapPi(final.c),
    referenceInclinationRad: iRef,
    nodePerInclination: final.alpha,
    argumentOfLatitudeRad: Math.atan(final.alpha * sinI),
    residualSigmaRad: final.sigma,
    used: rows.length,
    rejected: orbits.length - rows.length,
    decayRejected,
    nodeSpreadAtEpochsRad: robustSigma(atEpochs),
    nodeSpreadAtBreakupRad: robustSigma(atBreakup),
  };
}
