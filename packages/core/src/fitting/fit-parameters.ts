/**
 * The 7 parameters the TLE fit solves for, and their mapping to SGP4 mean elements.
 *
 * p = [n, ex, ey, hx, hy, λ, B*] with
 *   n       Kozai mean motion, rad/s (the TLE's mean motion);
 *   ex + i·ey = e·exp(i(ω+Ω))      (eccentricity vector, referred to the equinoctial frame);
 *   hx + i·hy = tan(i/2)·exp(iΩ)   (inclination vector);
 *   λ = M + ω + Ω                   (mean longitude, rad);
 *   B*      SGP4 drag term, 1/Earth radii.
 * These are SGP4's *mean* elements in equinoctial form (Broucke & Cefola 1972). Unlike (e, ω, M)
 * and (i, Ω) they stay well defined at e = 0 and i = 0, which real GEO and near-circular LEO sets
 * sit at, so the Jacobian of the fit does not blow up there. The only singularity is i = 180°.
 * @module
 */
import type { Sgp4MeanElements } from './sgp4-mean-elements.js';
import { wrapTwoPi } from './osculating-elements.js';

/** Number of fit parameters. */
export const PARAMETER_COUNT = 7;
/** Index of each parameter in the vector. */
export const P_N = 0;
export const P_EX = 1;
export const P_EY = 2;
export const P_HX = 3;
export const P_HY = 4;
export const P_LAMBDA = 5;
export const P_BSTAR = 6;

/** Parameter vector of mean elements. */
export function parametersFromMeanElements(el: Sgp4MeanElements): Float64Array {
  const pomega = el.argPerigeeRad + el.raanRad;
  const t = Math.tan(el.inclinationRad / 2);
  return Float64Array.of(
    el.meanMotionRadPerSec,
    el.eccentricity * Math.cos(pomega),
    el.eccentricity * Math.sin(pomega),
    t * Math.cos(el.raanRad),
    t * Math.sin(el.raanRad),
    wrapTwoPi(el.meanAnomalyRad + pomega),
    el.bstarPerEarthRadii,
  );
}

/**
 * Mean elements of a parameter vector. At e = 0 (resp. i = 0), where ω (resp. Ω) is undefined,
 * the angle is set to 0 and the others absorb it, which leaves the SGP4 trajectory unchanged to
 * first order.
 */
export function meanElementsFromParameters(p: Float64Array): Sgp4MeanElements {
  const n = p[P_N] ?? 0;
  const ex = p[P_EX] ?? 0;
  const ey = p[P_EY] ?? 0;
  const hx = p[P_HX] ?? 0;
  const hy = p[P_HY] ?? 0;
  const lambda = p[P_LAMBDA] ?? 0;
  const e = Math.hypot(ex, ey);
  const tanHalfI = Math.hypot(hx, hy);
  const raan = tanHalfI === 0 ? 0 : Math.atan2(hy, hx);
  const pomega = e === 0 ? raan : Math.atan2(ey, ex);
  return {
    meanMotionRadPerSec: n,
    eccentricity: e,
    inclinationRad: 2 * Math.atan(tanHalfI),
    raanRad: wrapTwoPi(raan),
    argPerigeeRad: wrapTwoPi(pomega - raan),
    meanAnomalyRad: wrapTwoPi(lambda - pomega),
    bstarPerEarthRadii: p[P_BSTAR] ?? 0,
  };
}

/**
 * Central-difference steps of the numerical partials: small enough for the trajectory to be
 * linear in them, large enough (≳ 1 m of position change over a day) to stay far above SGP4's
 * floating-point noise.
 */
export function finiteDifferenceSteps(p: Float64Array): Float64Array {
  return Float64Array.of(Math.max(1e-9 * Math.abs(p[P_N] ?? 0), 1e-15), 1e-7, 1e-7, 1e-7, 1e-7, 1e-7, 1e-6);
}
