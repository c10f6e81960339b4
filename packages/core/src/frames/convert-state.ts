/**
 * Any-to-any conversion of a state vector between TEME, TOD, MOD, GCRF, PEF and ITRF with the
 * IAU-76/80 (FK5) reduction, following Vallado's conventions for TEME.
 *
 * The frames form this graph; a conversion walks the shortest path:
 * ```
 *   GCRF ─P─ MOD ─N─ TOD ─(GAST)─ PEF ─W─ ITRF
 *                     │            │
 *                (eqe geometric)  (GMST + kinematic terms)
 *                     └── TEME ────┘
 * ```
 * Velocities: GCRF, MOD, TOD and TEME are treated as non-rotating (the precession and nutation
 * rates, ~1e-11 rad/s and ~1e-7 of Earth rotation, are neglected, as in Vallado); PEF and ITRF
 * rotate with ω⊕·(1 − LOD/86400) about the PEF z-axis, so `v_PEF = R·v_TOD − ω × r_PEF`.
 * @module
 */
import type { Instant } from '../time/instant.js';
import { km, kmPerSec } from '../units/quantity.js';
import type { EarthOrientation } from './earth-orientation.js';
import type { FrameTime } from './frame-time.js';
import { frameTimeOf } from './frame-time.js';
import type { Nutation1980 } from './iau80.js';
import {
  earthRotationRate,
  geometricEquationOfEquinoxes,
  gmst1982,
  kinematicEquinoxTerms,
  nutation1980,
  polarMotionMatrix1980,
  precessionMatrix1976,
  delaunayArguments1980,
} from './iau80.js';
import type { Mat3, V3 } from './mat3.js';
import { add, apply, cross, rot3, sub, transpose } from './mat3.js';
import type { Frame, StateVector } from './state-vector.js';

/** Plain position (km) and velocity (km/s). */
interface PV {
  readonly r: V3;
  readonly v: V3;
}

/** Per-conversion cache: the nutation series is evaluated at most once. */
class Context {
  readonly ft: FrameTime;
  #nutation: Nutation1980 | undefined;
  constructor(ft: FrameTime) {
    this.ft = ft;
  }
  get nutation(): Nutation1980 {
    this.#nutation ??= nutation1980(this.ft.ttCenturies, this.ft.ddPsiRad, this.ft.ddEpsRad);
    return this.#nutation;
  }
  get omegaVec(): V3 {
    return [0, 0, earthRotationRate(this.ft.lodSec)];
  }
}

const rotate = (m: Mat3, s: PV): PV => ({ r: apply(m, s.r), v: apply(m, s.v) });

/** Inertial-of-date → rotating (PEF) with the axes rotated by `angle` about z. */
function toRotating(angle: number, s: PV, ctx: Context): PV {
  const m = rot3(angle);
  const r = apply(m, s.r);
  return { r, v: sub(apply(m, s.v), cross(ctx.omegaVec, r)) };
}

/** Rotating (PEF) → inertial-of-date whose axes are PEF's rotated by `−angle` about z. */
function fromRotating(angle: number, s: PV, ctx: Context): PV {
  const m = rot3(-angle);
  return { r: apply(m, s.r), v: apply(m, add(s.v, cross(ctx.omegaVec, s.r))) };
}

/** Greenwich apparent sidereal time GAST = GMST + Δψ cos ε̄ + kinematic terms, rad. */
function gast(ctx: Context): number {
  const n = ctx.nutation;
  const ut1 = ctx.ft.ut1DaysSinceJ2000;
  return gmst1982(ut1) + geometricEquationOfEquinoxes(n) + kinematicEquinoxTerms(ut1, n.omega);
}

/**
 * The angle from the TEME x-axis to the PEF x-axis: GMST plus the kinematic terms (Vallado's
 * `teme2ecef` "gmstg"). Needs only Ω, not the full nutation series.
 */
function temeSiderealAngle(ctx: Context): number {
  const ut1 = ctx.ft.ut1DaysSinceJ2000;
  const omega = delaunayArguments1980(ctx.ft.ttCenturies).omega;
  return gmst1982(ut1) + kinematicEquinoxTerms(ut1, omega);
}

type Step = (s: PV, ctx: Context) => PV;

const STEPS: { readonly [F in Frame]: Partial<Record<Frame, Step>> } = {
  GCRF: { MOD: (s, c) => rotate(transpose(precessionMatrix1976(c.ft.ttCenturies)), s) },
  MOD: {
    GCRF: (s, c) => rotate(precessionMatrix1976(c.ft.ttCenturies), s),
    TOD: (s, c) => rotate(transpose(c.nutation.todToMod), s),
  },
  TOD: {
    MOD: (s, c) => rotate(c.nutation.todToMod, s),
    TEME: (s, c) => rotate(rot3(geometricEquationOfEquinoxes(c.nutation)), s),
    PEF: (s, c) => toRotating(gast(c), s, c),
  },
  TEME: {
    TOD: (s, c) => rotate(rot3(-geometricEquationOfEquinoxes(c.nutation)), s),
    PEF: (s, c) => toRotating(temeSiderealAngle(c), s, c),
  },
  PEF: {
    TOD: (s, c) => fromRotating(gast(c), s, c),
    TEME: (s, c) => fromRotating(temeSiderealAngle(c), s, c),
    ITRF: (s, c) => rotate(transpose(polarMotionMatrix1980(c.ft.xpRad, c.ft.ypRad)), s),
  },
  ITRF: { PEF: (s, c) => rotate(polarMotionMatrix1980(c.ft.xpRad, c.ft.ypRad), s) },
};

const FRAMES: readonly Frame[] = ['TEME', 'ITRF', 'GCRF', 'MOD', 'TOD', 'PEF'];

/** Shortest path of frames from `from` to `to` (breadth-first over {@link STEPS}), both ends included. */
function route(from: Frame, to: Frame): readonly Frame[] {
  const previous = new Map<Frame, Frame | null>([[from, null]]);
  const queue: Frame[] = [from];
  while (queue.length > 0) {
    const f = queue.shift();
    if (f === undefined || f === to) break;
    for (const g of FRAMES) {
      if (STEPS[f][g] !== undefined && !previous.has(g)) {
        previous.set(g, f);
        queue.push(g);
      }
    }
  }
  const path: Frame[] = [];
  for (let f: Frame | null | undefined = to; f !== null; f = previous.get(f)) {
    if (f === undefined) throw new RangeError(`no conversion from ${from} to ${to}`);
    path.unshift(f);
  }
  return path;
}

const ROUTES = new Map<string, readonly Frame[]>();
function cachedRoute(from: Frame, to: Frame): readonly Frame[] {
  const key = `${from}>${to}`;
  let r = ROUTES.get(key);
  if (r === undefined) {
    r = route(from, to);
    ROUTES.set(key, r);
  }
  return r;
}

/**
 * Plain-number kernel: position (km) and velocity (km/s) from frame `from` to frame `to` at the
 * frame-model time arguments `ft`.
 */
export function convertPv(r: V3, v: V3, from: Frame, to: Frame, ft: FrameTime): { r: V3; v: V3 } {
  const ctx = new Context(ft);
  const path = cachedRoute(from, to);
  let s: PV = { r, v };
  for (let i = 1; i < path.length; i++) {
    const a = path[i - 1];
    const b = path[i];
    const step = a === undefined || b === undefined ? undefined : STEPS[a][b];
    if (step === undefined) throw new RangeError(`broken route ${path.join('→')}`);
    s = step(s, ctx);
  }
  return { r: s.r, v: s.v };
}

/**
 * Converts a state vector to frame `to` at explicit frame-model time arguments. Use this only to
 * reproduce a reference whose UT1 and TT do not come from one instant; otherwise use
 * {@link convertState}. The result keeps `s.t`.
 */
export function convertStateAt<T extends Frame>(s: StateVector<Frame>, to: T, ft: FrameTime): StateVector<T> {
  const out = convertPv([s.r.x, s.r.y, s.r.z], [s.v.x, s.v.y, s.v.z], s.frame, to, ft);
  return stateVector(to, s.t, out.r, out.v);
}

/**
 * Converts a state vector (km, km/s) to frame `to` at its own instant `s.t` (UTC), with Earth
 * orientation `eop` (default `ZERO_EOP`; see {@link EarthOrientation} for what zero costs).
 */
export function convertState<T extends Frame>(s: StateVector<Frame>, to: T, eop?: EarthOrientation): StateVector<T> {
  return convertStateAt(s, to, frameTimeOf(s.t, eop));
}

/** Builds a branded {@link StateVector} from plain arrays (km, km/s). */
export function stateVector<F extends Frame>(frame: F, t: Instant, r: V3, v: V3): StateVector<F> {
  return {
    frame,
    t,
    r: { x: km(r[0]), y: km(r[1]), z: km(r[2]) },
    v: { x: kmPerSec(v[0]), y: kmPerSec(v[1]), z: kmPerSec(v[2]) },
  };
}
