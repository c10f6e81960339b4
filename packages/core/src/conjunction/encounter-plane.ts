/**
 * The short-term encounter plane (B-plane) of a conjunction: the plane through the primary,
 * perpendicular to the relative velocity at TCA. Over the few seconds of a fast encounter the
 * relative motion is a straight line and the position uncertainty does not change, so the
 * collision probability is the 2D Gaussian mass of the combined position covariance, projected
 * onto this plane, that falls inside the hard-body circle around the projected miss vector.
 *
 * Inputs: both objects' positions (km) and velocities (km/s) at TCA and their 3×3 position
 * covariances (km²), all in one non-rotating frame. The combined covariance is the sum (the two
 * objects' errors are taken as independent). The relative position is projected onto the plane,
 * so a state a few milliseconds off the true TCA (CDM times are rounded to the millisecond)
 * still gives the linear-motion closest approach. The plane's covariance is then diagonalised:
 * {@link EncounterPlane} is in its principal axes, `sigmaXKm ≤ sigmaYKm`.
 * @module
 */
import type { Mat3, V3 } from '../frames/mat3.js';
import { apply, cross, dot, norm, scale, sub, transpose, mul } from '../frames/mat3.js';

/** One object at TCA: position (km), velocity (km/s), 3×3 position covariance (km², row-major). */
export interface ObjectAtTca {
  readonly rKm: V3;
  readonly vKmPerSec: V3;
  readonly covarianceKm2: Mat3;
}

/** The encounter in the principal axes of the combined covariance projected on the B-plane. */
export interface EncounterPlane {
  /** Miss vector components along the principal axes, km. */
  readonly xKm: number;
  readonly yKm: number;
  /** Standard deviations along the principal axes, km; `sigmaXKm ≤ sigmaYKm`. */
  readonly sigmaXKm: number;
  readonly sigmaYKm: number;
  /** Length of the projected miss vector, km. */
  readonly missDistanceKm: number;
  readonly relativeSpeedKmPerSec: number;
  /** Squared Mahalanobis distance of the miss vector under the projected covariance. */
  readonly mahalanobis2: number;
}

export type EncounterPlaneResult =
  | { readonly ok: true; readonly plane: EncounterPlane }
  | {
      readonly ok: false;
      readonly reason: 'zero-relative-velocity' | 'covariance-not-positive-definite' | 'not-finite';
    };

/** Rotates a 3×3 covariance: `M·C·Mᵀ`. */
export function rotateCovariance(m: Mat3, c: Mat3): Mat3 {
  return mul(mul(m, c), transpose(m));
}

/**
 * Rows R, T, N of an object's RTN (radial, transverse, normal) frame in the frame of its state:
 * R = r/|r|, N = (r×v)/|r×v|, T = N×R (CCSDS 508.0 and NASA CARA). `M·x_inertial = x_RTN`.
 * Returns null for a zero position or a radial velocity.
 */
export function rtnRotation(rKm: V3, vKmPerSec: V3): Mat3 | null {
  const h = cross(rKm, vKmPerSec);
  const rn = norm(rKm);
  const hn = norm(h);
  if (!(rn > 0) || !(hn > 0)) return null;
  const R = scale(1 / rn, rKm);
  const N = scale(1 / hn, h);
  const T = cross(N, R);
  return [R[0], R[1], R[2], T[0], T[1], T[2], N[0], N[1], N[2]];
}

/** A position covariance given in the object's own RTN frame, expressed in its state's frame (km²). */
export function rtnCovarianceToInertial(rKm: V3, vKmPerSec: V3, covarianceRtnKm2: Mat3): Mat3 | null {
  const m = rtnRotation(rKm, vKmPerSec);
  return m === null ? null : rotateCovariance(transpose(m), covarianceRtnKm2);
}

/** Any unit vector perpendicular to unit vector `u`. */
function perpendicular(u: V3): V3 {
  const a: V3 = Math.abs(u[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const p = cross(u, a);
  return scale(1 / norm(p), p);
}

/** Builds the encounter plane of two objects at TCA (see the module comment). */
export function encounterPlane(primary: ObjectAtTca, secondary: ObjectAtTca): EncounterPlaneResult {
  const r = sub(secondary.rKm, primary.rKm);
  const v = sub(secondary.vKmPerSec, primary.vKmPerSec);
  const c = primary.covarianceKm2.map((x, i) => x + (secondary.covarianceKm2[i] ?? NaN)) as unknown as Mat3;
  if (![...r, ...v, ...c].every(Number.isFinite)) return { ok: false, reason: 'not-finite' };
  const speed = norm(v);
  if (!(speed > 0)) return { ok: false, reason: 'zero-relative-velocity' };
  const ev = scale(1 / speed, v);
  const rPerp = sub(r, scale(dot(r, ev), ev));
  const miss = norm(rPerp);
  // e1 along the projected miss, e2 completes the plane; for a zero miss any e1 ⟂ v will do.
  const e1 = miss > 0 ? scale(1 / miss, rPerp) : perpendicular(ev);
  const e2 = cross(ev, e1);
  const ce1 = apply(c, e1);
  const ce2 = apply(c, e2);
  const c11 = dot(e1, ce1);
  const c22 = dot(e2, ce2);
  const c12 = 0.5 * (dot(e1, ce2) + dot(e2, ce1));
  // Principal axes of [[c11, c12], [c12, c22]]: eigenvalues from the stable closed form.
  const mean = 0.5 * (c11 + c22);
  const half = Math.hypot(0.5 * (c11 - c22), c12);
  const lMax = mean + half;
  const lMin = mean - half > 0 ? (c11 * c22 - c12 * c12) / lMax : mean - half;
  if (!(lMin > 0) || !(lMax > 0)) return { ok: false, reason: 'covariance-not-positive-definite' };
  // Unit eigenvector of lMax (the y axis); the miss vector is (miss, 0) in (e1, e2).
  const phi = 0.5 * Math.atan2(2 * c12, c11 - c22); // angle of lMax's axis from e1
  const yKm = miss * Math.cos(phi);
  const xKm = -miss * Math.sin(phi);
  const det = c11 * c22 - c12 * c12;
  return {
    ok: true,
    plane: {
      xKm,
      yKm,
      sigmaXKm: Math.sqrt(lMin),
      sigmaYKm: Math.sqrt(lMax),
      missDistanceKm: miss,
      relativeSpeedKmPerSec: speed,
      mahalanobis2: (miss * miss * c22) / det,
    },
  };
}
