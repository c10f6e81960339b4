/**
 * SIMULATION of a release (deployment or separation) for tests and method validation: the child
 * leaves the parent at `t0` with a known Δv, its true trajectory is integrated numerically, and a
 * TLE is fitted to it, as a tracking network would do with the child's first observations.
 *
 * Truth: the parent's SGP4 state at t0 (TEME) plus the Δv, integrated by Dormand–Prince 5(4)
 * under point-mass + zonal J2, J3, J4 gravity with SGP4's own WGS-72 constants and no drag
 * ({@link WGS72_ZONAL}). This is the geopotential SGP4 was built on, so the fitted child TLE is
 * judged on how well SGP4's analytic theory follows real (numerically integrated) motion, not on
 * a model mismatch of our making. Drag is left out on purpose: it is the child's unknown, and a
 * drag-free truth has B* = 0, so B* is not fitted by default. TEME is treated as inertial over the
 * span (its precession is ≈ 1.5e-7 rad/day, metres).
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { StateVector } from '../frames/state-vector.js';
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import { addSec, instant } from '../time/instant.js';
import { km, kmPerSec } from '../units/quantity.js';
import type { FitFailureCode, FitResiduals } from './fit-element-set.js';
import { fitElementSet } from './fit-element-set.js';
import { ricVectorToInertial } from '../frames/ric.js';
import { buildSatrec, propagateInto, sgp4FailureCode } from './sgp4-mean-elements.js';
import { integrateZonalOrbit, WGS72_ZONAL } from './zonal-orbit-integrator.js';

/** Input of {@link simulateRelease}. */
export interface ReleaseSimulation {
  readonly parent: ElementSet;
  /** Release instant. */
  readonly t0: Instant;
  /** Δv of the child relative to the parent in the parent's RIC frame at t0 (radial, in-track, cross-track), km/s. */
  readonly deltaVRicKmPerSec: { readonly r: number; readonly i: number; readonly c: number };
  /** Length of the child's simulated track after t0, s. */
  readonly spanSec: number;
  /** Spacing of the child's simulated states, s. */
  readonly stepSec: number;
  /** Catalogue number written into the child's TLE (default: the parent's). */
  readonly childNoradId?: NoradId;
  /** Solve for B* (default false: the truth is drag-free). */
  readonly fitBstar?: boolean;
}

/** Output of {@link simulateRelease}: the child's fitted TLE, its residuals and the truth it was fitted to. */
export type ReleaseSimulationResult =
  | {
      readonly ok: true;
      /** SIMULATED child element set, fitted at epoch t0. */
      readonly child: ElementSet;
      readonly residuals: FitResiduals;
      /** The parent's SGP4 state at t0 (TEME). */
      readonly parentAtRelease: StateVector<'TEME'>;
      /** The simulated (numerically integrated) child states the set was fitted to (TEME). */
      readonly truth: readonly StateVector<'TEME'>[];
      readonly iterations: number;
      readonly converged: boolean;
    }
  | { readonly ok: false; readonly code: FitFailureCode; readonly message: string };

/**
 * SIMULATION, not an observation: builds a child object released from `parent` at `t0` with the
 * given RIC Δv, integrates its true motion (two-body + J2–J4, WGS-72, drag-free) over `spanSec`
 * and fits an SGP4 element set (epoch t0) to it. See the module comment for what the truth is.
 */
export function simulateRelease(sim: ReleaseSimulation): ReleaseSimulationResult {
  if (!(sim.spanSec > 0) || !(sim.stepSec > 0)) throw new RangeError('spanSec and stepSec must be positive');
  const p = sim.parent;
  const satrec = buildSatrec(
    {
      meanMotionRadPerSec: p.meanMotionRadPerSec,
      eccentricity: p.eccentricity,
      inclinationRad: p.inclinationRad,
      raanRad: p.raanRad,
      argPerigeeRad: p.argPerigeeRad,
      meanAnomalyRad: p.meanAnomalyRad,
      bstarPerEarthRadii: p.bstarPerEarthRadii,
    },
    p.epoch,
  );
  if (typeof satrec === 'number')
    return { ok: false, code: sgp4FailureCode(satrec), message: 'the parent set cannot be initialised' };
  const parentState = new Float64Array(6);
  const err = propagateInto(satrec, (sim.t0 - p.epoch) / 60_000, parentState, 0);
  if (err !== 0) return { ok: false, code: sgp4FailureCode(err), message: 'the parent cannot be propagated to t0' };
  const dv = ricVectorToInertial(
    [parentState[0] ?? 0, parentState[1] ?? 0, parentState[2] ?? 0],
    [parentState[3] ?? 0, parentState[4] ?? 0, parentState[5] ?? 0],
    [sim.deltaVRicKmPerSec.r, sim.deltaVRicKmPerSec.i, sim.deltaVRicKmPerSec.c],
  );
  const child0 = Float64Array.from(parentState);
  for (let j = 0; j < 3; j++) child0[3 + j] = (child0[3 + j] ?? 0) + (dv[j] ?? 0);
  const times: number[] = [];
  for (let t = 0; t <= sim.spanSec + 1e-9; t += sim.stepSec) times.push(t);
  const { states } = integrateZonalOrbit(child0, times, WGS72_ZONAL);
  const truth = times.map((t, k) => toState(addSec(sim.t0, t), states.subarray(k * 6, k * 6 + 6)));
  const fit = fitElementSet(truth, {
    epoch: sim.t0,
    noradId: sim.childNoradId ?? p.noradId,
    fitBstar: sim.fitBstar ?? false,
    name: p.name === null ? 'SIMULATED CHILD' : `SIMULATED CHILD OF ${p.name.trim()}`,
    cosparId: null,
  });
  if (!fit.ok) return fit;
  return {
    ok: true,
    child: fit.elementSet,
    residuals: fit.residuals,
    parentAtRelease: toState(instant(sim.t0), parentState),
    truth,
    iterations: fit.iterations,
    converged: fit.converged,
  };
}

function toState(t: Instant, s: Float64Array): StateVector<'TEME'> {
  return {
    frame: 'TEME',
    t,
    r: { x: km(s[0] ?? 0), y: km(s[1] ?? 0), z: km(s[2] ?? 0) },
    v: { x: kmPerSec(s[3] ?? 0), y: kmPerSec(s[4] ?? 0), z: kmPerSec(s[5] ?? 0) },
  };
}
