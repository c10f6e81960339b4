/**
 * Chan (1997) series for the 2D collision probability (F. K. Chan, "Collision Probability
 * Analyses for Earth-Orbiting Satellites", Advances in the Astronautical Sciences 96, 1997;
 * also Chan, "Spacecraft Collision Probability", Aerospace Press, 2008, ch. 5). The elliptical
 * Gaussian is replaced by a circular one of equal area and the hard-body circle by the circle of
 * equal Mahalanobis area; the probability is then the non-central χ² (2 degrees of freedom)
 * distribution, summed as a Poisson-weighted series:
 *
 *   u = R²/(σx σy),  v = xm²/σx² + ym²/σy²,
 *   Pc = Σ_{m≥0} e^{−v/2} (v/2)^m / m! · P(m+1, u/2),   P = regularised lower incomplete Γ,
 *
 * which equals Chan's e^{−v/2} Σ (v^m/(2^m m!)) [1 − e^{−u/2} Σ_{k≤m} u^k/(2^k k!)]. Terms are
 * formed in logarithms, so a Pc of 1e-300 neither underflows nor cancels; P is its series below
 * x = a + 1 and 1 − Q (continued fraction) above, so a hard body many σ wide costs no more than a
 * small one. Past v/2 = 5e6 (a miss of ~3,000σ) the series is not summed: NaN, not converged. Exact for a circular
 * covariance (σx = σy); for an elongated covariance with R not small against σx it departs
 * from Foster's integral (Chan's own error analysis: the equal-area step is good while
 * R ≲ σx); see docs/design/collision-probability-and-cdm.md.
 * @module
 */
import type { EncounterGeometry, PcResult } from './pc-foster-1992.js';

/**
 * ln P(a, x), regularised lower incomplete gamma, integer a ≥ 1; `logGammaA1` = ln Γ(a+1) = ln a!.
 * x < a + 1: power series of P (terms decrease from the first). Otherwise the continued fraction of
 * Q(a, x) (modified Lentz) and P = 1 − Q, which loses nothing since P > ½ there.
 */
function logLowerGammaP(a: number, x: number, logGammaA1: number): number {
  if (x === 0) return -Infinity;
  const logPrefix = -x + a * Math.log(x); // ln(e^{−x} x^a)
  if (x < a + 1) {
    // P(a, x) = e^{−x} x^a / Γ(a+1) · Σ_{n≥0} x^n / ((a+1)…(a+n))
    let term = 1;
    let sum = 1;
    for (let n = 1; n < 100_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return logPrefix - logGammaA1 + Math.log(sum);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 100_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  const logGammaA = logGammaA1 - Math.log(a);
  return Math.log1p(-Math.exp(logPrefix - logGammaA + Math.log(h)));
}

/** Largest v/2 summed: beyond it the series needs millions of terms; Foster's integral has no such limit. */
const MAX_HALF_V = 5e6;

/** Chan (1997) Pc for an encounter in principal axes and a hard-body radius (km). */
export function pcChan1997(g: EncounterGeometry, hardBodyRadiusKm: number): PcResult {
  const R = hardBodyRadiusKm;
  if (![g.xKm, g.yKm, g.sigmaXKm, g.sigmaYKm, R].every(Number.isFinite) || !(g.sigmaXKm > 0 && g.sigmaYKm > 0)) {
    return { pc: NaN, errorBound: NaN, converged: false };
  }
  if (!(R > 0)) return { pc: 0, errorBound: 0, converged: true };
  const halfU = (0.5 * R * R) / (g.sigmaXKm * g.sigmaYKm);
  const halfV = 0.5 * ((g.xKm / g.sigmaXKm) ** 2 + (g.yKm / g.sigmaYKm) ** 2);
  if (halfV > MAX_HALF_V) return { pc: NaN, errorBound: NaN, converged: false };
  const logHalfV = Math.log(halfV);
  let logFactM = 0; // ln m!
  let logFactM1 = 0; // ln (m+1)!
  let sum = 0;
  const mMax = Math.ceil(halfV + 40 * Math.sqrt(halfV + 1) + 50);
  for (let m = 0; m <= mMax; m++) {
    if (m > 0) logFactM += Math.log(m);
    logFactM1 += Math.log(m + 1);
    const logPoisson = halfV === 0 ? (m === 0 ? 0 : -Infinity) : -halfV + m * logHalfV - logFactM;
    const term = Math.exp(logPoisson + logLowerGammaP(m + 1, halfU, logFactM1));
    sum += term;
    if (m > halfV && term < sum * 1e-17) break;
  }
  return { pc: Math.min(1, sum), errorBound: 0, converged: true };
}
