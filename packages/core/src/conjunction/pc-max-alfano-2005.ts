/**
 * Alfano (2005) maximum collision probability for a covariance of known shape and unknown size
 * (S. Alfano, "Relating Position Uncertainty to Maximum Conjunction Probability", Journal of the
 * Astronautical Sciences 53(2), 2005) — what CelesTrak SOCRATES reports for element sets that
 * carry no covariance. The projected covariance is scaled by k² (σx → kσx, σy → kσy, aspect
 * ratio and orientation kept) and Foster's Pc is maximised over k.
 *
 * For a hard body small against the miss distance, Pc(k) ≈ R²/(2k²σxσy)·exp(−v/(2k²)) with
 * v = xm²/σx² + ym²/σy², maximal at k² = v/2 where Pc_max ≈ R²/(e·σxσy·v) (Alfano's closed
 * form; the same expression is Alfriend et al. 1999 Eq. 21). orbwatch maximises the exact
 * integral: golden-section search on ln k, bracketed around the closed-form optimum, to a
 * relative width of 1e-7 in k (a flat maximum, so Pc_max is good to ~1e-13 relative). When the
 * miss vector lies inside the hard-body circle, Pc → 1 as k → 0 and the maximum is 1.
 * @module
 */
import type { EncounterGeometry } from './pc-foster-1992.js';
import { pcFoster1992 } from './pc-foster-1992.js';

/** The maximum Pc and the covariance scale factor (on σ) that attains it. */
export interface MaxPcResult {
  readonly pcMax: number;
  /** Scale on the σ's at the maximum (the covariance is scaled by its square); 0 when the miss is inside the body. */
  readonly sigmaScale: number;
  /** Alfano's small-body closed form R²/(e·σxσy·v), for comparison. */
  readonly pcMaxClosedForm: number;
}

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/** Alfano (2005) maximum Pc over the covariance size, for a hard-body radius (km). */
export function pcMaxAlfano2005(g: EncounterGeometry, hardBodyRadiusKm: number): MaxPcResult {
  const R = hardBodyRadiusKm;
  const v = (g.xKm / g.sigmaXKm) ** 2 + (g.yKm / g.sigmaYKm) ** 2;
  const closed = (R * R) / (Math.E * g.sigmaXKm * g.sigmaYKm * v);
  if (![v, R, closed].every((x) => Number.isFinite(x) || x === Infinity) || !(R > 0)) {
    return { pcMax: R > 0 ? NaN : 0, sigmaScale: NaN, pcMaxClosedForm: closed };
  }
  if (Math.hypot(g.xKm, g.yKm) <= R) return { pcMax: 1, sigmaScale: 0, pcMaxClosedForm: closed };
  const pcAt = (lnK: number): number => {
    const k = Math.exp(lnK);
    return pcFoster1992({ xKm: g.xKm, yKm: g.yKm, sigmaXKm: k * g.sigmaXKm, sigmaYKm: k * g.sigmaYKm }, R).pc;
  };
  // Bracket: start a decade either side of the closed-form optimum k = √(v/2), widen until interior.
  const k0 = 0.5 * Math.log(v / 2);
  let lo = k0 - Math.log(10);
  let hi = k0 + Math.log(10);
  for (let i = 0; i < 20 && pcAt(lo) >= pcAt(lo + 0.1); i++) lo -= Math.log(10);
  for (let i = 0; i < 20 && pcAt(hi) >= pcAt(hi - 0.1); i++) hi += Math.log(10);
  let a = hi - GOLDEN * (hi - lo);
  let b = lo + GOLDEN * (hi - lo);
  let fa = pcAt(a);
  let fb = pcAt(b);
  while (hi - lo > 1e-7) {
    if (fa < fb) {
      lo = a;
      a = b;
      fa = fb;
      b = lo + GOLDEN * (hi - lo);
      fb = pcAt(b);
    } else {
      hi = b;
      b = a;
      fb = fa;
      a = hi - GOLDEN * (hi - lo);
      fa = pcAt(a);
    }
  }
  const best = fa > fb ? a : b;
  return { pcMax: Math.max(fa, fb), sigmaScale: Math.exp(best), pcMaxClosedForm: closed };
}
