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
 * formed in logarithms, so a Pc of 1e-300 neither underflows nor cancels. Exact for a circular
 * covariance (σx = σy); for an elongated covariance with R not small against σx it departs
 * from Foster's integral (Chan's own error analysis: the equal-area step is good while
 * R ≲ σx); see docs/design/collision-probability-and-cdm.md.
 * @module
 */
import type { EncounterGeometry, PcResult } from './pc-foster-1992.js';

/** ln P(a, x), regularised lower incomplete gamma, integer a ≥ 1, by its power series. */
function logLowerGammaP(a: number, x: number, logGammaA1: number): number {
  // P(a, x) = e^{−x} x^a / Γ(a+1) · Σ_{n≥0} x^n / ((a+1)…(a+n))
  if (x === 0) return -Infinity;
  let term = 1;
  let sum = 1;
  for (let n = 1; n < 100_000; n++) {
    term *= x / (a + n);
    sum += term;
    if (term < sum * 1e-17) break;
  }
  return -x + a * Math.log(x) - logGammaA1 + Math.log(sum);
}

/** Chan (1997) Pc for an encounter in principal axes and a hard-body radius (km). */
export function pcChan1997(g: EncounterGeometry, hardBodyRadiusKm: number): PcResult {
  const R = hardBodyRadiusKm;
  if (![g.xKm, g.yKm, g.sigmaXKm, g.sigmaYKm, R].every(Number.isFinite) || !(g.sigmaXKm > 0 && g.sigmaYKm > 0)) {
    return { pc: NaN, errorBound: NaN, converged: false };
  }
  if (!(R > 0)) return { pc: 0, errorBound: 0, converged: true };
  const halfU = (0.5 * R * R) / (g.sigmaXKm * g.sigmaYKm);
  const halfV = 0.5 * ((g.xKm / g.sigmaXKm) ** 2 + (g.yKm / g.sigmaYKm) ** 2);
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
