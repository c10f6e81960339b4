/**
 * Relative motion in the RIC frame (radial, in-track, cross-track; also called RSW or LVLH-like
 * "RTN") of a reference orbit.
 *
 * Axes, from the reference's inertial position r and velocity v:
 * R = r/|r|, C = (r × v)/|r × v| (orbit normal), I = C × R (along the velocity for a circular orbit).
 *
 * Velocity convention: the relative velocity is the one SEEN IN THE ROTATING RIC FRAME,
 * `ρ̇_RIC = Q·(v − v_ref) − ω × ρ_RIC`, with the frame's angular velocity taken as
 * ω = (0, 0, |r × v|/|r|²) in RIC (rotation about C at the reference's instantaneous orbital
 * rate). This is the Clohessy–Wiltshire / Hill convention, so an object that keeps a fixed RIC
 * offset has zero RIC velocity. It neglects the small rotation about R caused by out-of-plane
 * acceleration (perturbations), which the two states alone cannot give. {@link fromRic} uses the
 * same ω, so `fromRic(toRic(s, ref), ref)` returns `s` to rounding.
 * @module
 */
import type { Instant } from '../time/instant.js';
import type { Km, KmPerSec } from '../units/quantity.js';
import { km, kmPerSec } from '../units/quantity.js';
import type { V3 } from './mat3.js';
import { add, cross, dot, norm, scale, sub } from './mat3.js';
import type { Frame, StateVector, Vec3 } from './state-vector.js';

/** Frames in which RIC is meaningful: the non-rotating ones (not PEF or ITRF). */
export type QuasiInertialFrame = Exclude<Frame, 'PEF' | 'ITRF'>;

/**
 * Relative state in a reference's RIC axes: `r` (km) and `v` (km/s, as seen in the rotating
 * frame) with `x` = radial, `y` = in-track, `z` = cross-track.
 */
export interface RicState {
  /** The common instant of the state and the reference (UTC). */
  readonly t: Instant;
  /** Relative position: x radial, y in-track, z cross-track, km. */
  readonly r: Vec3<Km>;
  /** Relative velocity in the rotating RIC frame: x radial, y in-track, z cross-track, km/s. */
  readonly v: Vec3<KmPerSec>;
}

/** Largest |t − t_ref| accepted, ms (1 µs): RIC compares two objects at one instant. */
const MAX_TIME_MISMATCH_MS = 1e-3;

const v3 = (v: Vec3): V3 => [v.x, v.y, v.z];

interface RicAxes {
  readonly R: V3;
  readonly I: V3;
  readonly C: V3;
  /** Frame rotation rate about C, rad/s. */
  readonly omega: number;
}

function axes(reference: StateVector<Frame>): RicAxes {
  if (reference.frame === 'PEF' || reference.frame === 'ITRF') {
    throw new TypeError(`RIC needs a non-rotating frame, got ${reference.frame}`);
  }
  return ricAxes(v3(reference.r), v3(reference.v));
}

/** RIC axes of the orbit state (r, v) in its own non-rotating frame. */
function ricAxes(r: V3, v: V3): RicAxes {
  const h = cross(r, v);
  const rn = norm(r);
  const hn = norm(h);
  if (!(rn > 0) || !(hn > 0)) {
    throw new RangeError('RIC needs a reference with non-zero position and non-radial velocity');
  }
  const R = scale(1 / rn, r);
  const C = scale(1 / hn, h);
  return { R, I: cross(C, R), C, omega: hn / (rn * rn) };
}

function checkPair(state: StateVector<Frame>, reference: StateVector<Frame>): void {
  if (state.frame !== reference.frame) {
    throw new TypeError(`RIC: state in ${state.frame}, reference in ${reference.frame}`);
  }
  if (!(Math.abs(state.t - reference.t) <= MAX_TIME_MISMATCH_MS)) {
    throw new RangeError('RIC: state and reference must be at the same instant');
  }
}

/**
 * Position and velocity of `state` relative to `reference`, in the reference's RIC axes
 * (km, km/s; rotating-frame velocity, see the module doc). Both must be in the same
 * non-rotating frame (TEME, TOD, MOD or GCRF; checked by the types and at run time) and at the same instant (±1 µs);
 * a mismatch is a programmer error and throws.
 */
export function toRic<F extends QuasiInertialFrame>(
  state: StateVector<F>,
  reference: StateVector<NoInfer<F>>,
): RicState {
  checkPair(state, reference);
  const ax = axes(reference);
  const rho = sub(v3(state.r), v3(reference.r));
  const rhoDot = sub(v3(state.v), v3(reference.v));
  const p: V3 = [dot(ax.R, rho), dot(ax.I, rho), dot(ax.C, rho)];
  const q: V3 = [dot(ax.R, rhoDot), dot(ax.I, rhoDot), dot(ax.C, rhoDot)];
  // Subtract ω × ρ with ω = (0, 0, n): (−n·ρ_I, n·ρ_R, 0).
  const v: V3 = [q[0] + ax.omega * p[1], q[1] - ax.omega * p[0], q[2]];
  return {
    t: state.t,
    r: { x: km(p[0]), y: km(p[1]), z: km(p[2]) },
    v: { x: kmPerSec(v[0]), y: kmPerSec(v[1]), z: kmPerSec(v[2]) },
  };
}

/**
 * Inverse of {@link toRic}: the absolute state (in the reference's frame) of an object at RIC
 * offset `ric` (km, rotating-frame km/s) from `reference`. `ric.t` must equal `reference.t` (±1 µs).
 */
export function fromRic<F extends QuasiInertialFrame>(ric: RicState, reference: StateVector<F>): StateVector<F> {
  if (!(Math.abs(ric.t - reference.t) <= MAX_TIME_MISMATCH_MS)) {
    throw new RangeError('fromRic: RIC state and reference must be at the same instant');
  }
  const ax = axes(reference);
  const p = v3(ric.r);
  const w = v3(ric.v);
  // Add back ω × ρ in RIC, then rotate RIC → frame with Qᵀ = [R I C].
  const q: V3 = [w[0] - ax.omega * p[1], w[1] + ax.omega * p[0], w[2]];
  const toFrame = (u: V3): V3 => add(add(scale(u[0], ax.R), scale(u[1], ax.I)), scale(u[2], ax.C));
  const r = add(v3(reference.r), toFrame(p));
  const v = add(v3(reference.v), toFrame(q));
  return {
    frame: reference.frame,
    t: reference.t,
    r: { x: km(r[0]), y: km(r[1]), z: km(r[2]) },
    v: { x: kmPerSec(v[0]), y: kmPerSec(v[1]), z: kmPerSec(v[2]) },
  };
}

/**
 * A vector given in the RIC axes of the orbit state (`r`, `v`, any non-rotating frame; e.g. an
 * impulse Δv as radial, in-track, cross-track components) expressed in that frame's axes. A
 * pure rotation: the unit of `ric` is the unit returned.
 */
export function ricVectorToInertial(r: V3, v: V3, ric: V3): V3 {
  const { R, I, C } = ricAxes(r, v);
  return add(add(scale(ric[0], R), scale(ric[1], I)), scale(ric[2], C));
}
