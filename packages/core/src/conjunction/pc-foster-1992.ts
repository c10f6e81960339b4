/**
 * Foster (1992) 2D collision probability: the mass of the encounter-plane Gaussian inside the
 * hard-body circle (J. L. Foster and H. S. Estes, "A Parametric Analysis of Orbital Debris
 * Collision Probability and Maneuver Rate for Space Vehicles", NASA JSC-25898, 1992).
 *
 *   Pc = 1/(2π σx σy) ∬_{x²+y²≤R²} exp(−½[(x−xm)²/σx² + (y−ym)²/σy²]) dy dx
 *
 * in the principal axes of the projected covariance. The inner integral over y is done exactly
 * with the error function (as in Alfano 2007 Eq. 5a and NASA CARA's PcCircle); the outer one
 * numerically along the axis with the smaller σ, x = −R·cos θ so that the √(R²−x²) chord has no
 * endpoint singularity, with adaptive Gauss–Kronrod (QK15) and breakpoints at xm + kσx
 * (k = 0, ±1, ±3, ±6) so that a Gaussian narrower than the circle is never stepped over. The
 * tail of the error function is evaluated through erfc, so the relative accuracy holds down to
 * Pc ≈ 1e-300. Target relative error 1e-10.
 * @module
 */
import { halfErfDifference } from './erfc.js';
import type { EncounterPlane } from './encounter-plane.js';
import { integrateAdaptive } from './gauss-kronrod.js';

/** Miss vector and σ's in principal axes (km) with hard-body radius (km): the 2D Pc problem. */
export type EncounterGeometry = Pick<EncounterPlane, 'xKm' | 'yKm' | 'sigmaXKm' | 'sigmaYKm'>;

/** Result of a Pc computation: the probability and, for numerical methods, its error bound. */
export interface PcResult {
  readonly pc: number;
  /** Bound on the absolute numerical error of `pc` (quadrature); 0 for closed forms. */
  readonly errorBound: number;
  readonly converged: boolean;
}

const SQRT2 = Math.SQRT2;
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
const BREAK_SIGMAS = [-6, -3, -1, 0, 1, 3, 6];

/** Foster (1992) Pc for an encounter in principal axes and a hard-body radius (km). */
export function pcFoster1992(g: EncounterGeometry, hardBodyRadiusKm: number): PcResult {
  const R = hardBodyRadiusKm;
  if (![g.xKm, g.yKm, g.sigmaXKm, g.sigmaYKm, R].every(Number.isFinite) || !(g.sigmaXKm > 0 && g.sigmaYKm > 0)) {
    return { pc: NaN, errorBound: NaN, converged: false };
  }
  if (!(R > 0)) return { pc: 0, errorBound: 0, converged: true };
  // Integrate along the narrower axis (u, σu); the error function covers the wider one (w, σw).
  const narrowIsX = g.sigmaXKm <= g.sigmaYKm;
  const um = narrowIsX ? g.xKm : g.yKm;
  const su = narrowIsX ? g.sigmaXKm : g.sigmaYKm;
  const wm = narrowIsX ? g.yKm : g.xKm;
  const sw = narrowIsX ? g.sigmaYKm : g.sigmaXKm;
  const f = (theta: number): number => {
    const u = -R * Math.cos(theta);
    const half = R * Math.sin(theta);
    const z = (u - um) / su;
    const density = (INV_SQRT_2PI / su) * Math.exp(-0.5 * z * z);
    if (density === 0) return 0;
    return half * density * halfErfDifference((-half - wm) / (SQRT2 * sw), (half - wm) / (SQRT2 * sw));
  };
  const thetas = new Set<number>([0, Math.PI]);
  for (const k of BREAK_SIGMAS) {
    const u = um + k * su;
    if (u > -R && u < R) thetas.add(Math.acos(-u / R));
  }
  const breaks = [...thetas].sort((a, b) => a - b);
  const q = integrateAdaptive(f, breaks, 1e-10);
  return { pc: Math.min(1, Math.max(0, q.value)), errorBound: q.errorBound, converged: q.converged };
}
