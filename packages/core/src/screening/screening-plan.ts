/**
 * A screening request made ready for the close-approach engine: objects initialised for SGP4
 * (those that fail are set aside with their code), packed into the batch ephemeris kernel, with
 * the per-object bounds of the search (interpolation error, speed) and the time grid (knots,
 * windows, chunks). The same plan is built from the same request in every worker thread, so a
 * chunk gives the same result wherever it runs.
 * @module
 */
import type { PreparedBatch } from '../ephemeris/prepared-batch.js';
import { ROUTE_DEEP_SPACE, prepareBatch } from '../ephemeris/prepared-batch.js';
import { ErrorCode, OrbwatchError } from '../errors.js';
import { createSgp4Propagator } from '../propagation/create-sgp4-propagator.js';
import { SATREC } from '../propagation/sgp4-propagator.js';
import type { SatRec } from 'satellite.js';
import { hermitePositionBoundKm, speedBoundKmPerSec } from './interpolation-bound.js';
import type { ScreeningRequest } from './screening-types.js';

/** Fixed parameters of the engine (recorded with every result). */
export interface ScreeningEngineParameters {
  /** Spacing of the SGP4 knots between which positions are interpolated (cubic Hermite), s. */
  readonly knotStepSec: number;
  /** Width of a search window, s: each window is searched from the state at its middle. */
  readonly windowSec: number;
  /** Knot intervals per chunk (unit of work of a thread and of progress). */
  readonly chunkKnots: number;
  /** Width of the final bracket of the root-find on Δr·Δv, s. */
  readonly rootToleranceSec: number;
}

export const SCREENING_ENGINE = 'close-approach-engine';
export const SCREENING_ENGINE_VERSION = '1.0.0';

export const DEFAULT_SCREENING_ENGINE_PARAMETERS: ScreeningEngineParameters = {
  knotStepSec: 300,
  windowSec: 30,
  chunkKnots: 12,
  rootToleranceSec: 1e-6,
};

/** Everything the engine needs, derived once from a request. */
export interface ScreeningPlan {
  readonly request: ScreeningRequest;
  readonly engine: ScreeningEngineParameters;
  /** Request index of each screened object (batch order). */
  readonly requestIndex: Int32Array;
  readonly batch: PreparedBatch;
  /** Interpolation bound of each object, km. */
  readonly epsKm: Float64Array;
  /** Largest plausible SGP4 radius of each object (mean apogee + 5 % + 50 km), km. */
  readonly radiusLimitKm: Float64Array;
  /** Speed bound of each object, km/s. */
  readonly speedKmPerSec: Float64Array;
  /** 1 for the objects screened against the others (every object in all-vs-all). */
  readonly query: Uint8Array;
  /** Objects set aside before the search (SGP4 initialisation failed). */
  readonly initSkipped: readonly { readonly norad: number; readonly code: string }[];
  readonly startMs: number;
  readonly endMs: number;
  /** Number of search windows covering [start, end]. */
  readonly windowCount: number;
  readonly windowsPerKnot: number;
  readonly chunkCount: number;
  /** Largest pair reach (see screen-chunk.ts), km. */
  readonly maxReachKm: number;
  /** Grid cell, km: the largest reach of a pair of slow objects. */
  readonly cellKm: number;
  /** Objects whose interpolant moves slower than this in a window (and whose ε is below slowEpsKm) are slow there, km/s. */
  readonly slowSpeedKmPerSec: number;
  readonly slowEpsKm: number;
}

/**
 * Slow class (per window): the interpolant's speed bound of low circular orbits (7.8 km/s at
 * 200 km, more at the perigee of a slightly eccentric orbit, plus the window's share of gravity) and their interpolation bound. Pairs of slow objects
 * are found in a grid of cells one slow reach wide; a fast object searches a wider neighbourhood.
 */
const SLOW_SPEED_KM_PER_SEC = 8.4;
const SLOW_EPS_KM = 1.5;

function reject(message: string, reason: string): never {
  throw new OrbwatchError(ErrorCode.INPUT_REJECTED, message, { reason });
}

/** Validates `request` and prepares it. Throws OrbwatchError INPUT_REJECTED (details.reason). */
export function planScreening(
  request: ScreeningRequest,
  engine: ScreeningEngineParameters = DEFAULT_SCREENING_ENGINE_PARAMETERS,
): ScreeningPlan {
  const { thresholdKm, startUtc, endUtc, objects, mode } = request;
  if (!(Number.isFinite(thresholdKm) && thresholdKm > 0))
    reject(`screening threshold must be a finite number > 0 km, got ${String(thresholdKm)}`, 'threshold');
  if (!(Number.isFinite(startUtc) && Number.isFinite(endUtc) && endUtc > startUtc))
    reject('screening window must have end after start', 'window');
  if (!(engine.knotStepSec > 0 && engine.windowSec > 0 && engine.chunkKnots >= 1))
    reject('screening engine parameters must be positive', 'engine');
  const windowsPerKnot = Math.round(engine.knotStepSec / engine.windowSec);
  if (Math.abs(windowsPerKnot * engine.windowSec - engine.knotStepSec) > 1e-9)
    reject('screening knot step must be a whole number of windows', 'engine');
  const seen = new Set<number>();
  for (const o of objects) {
    if (seen.has(o.norad)) reject(`object ${String(o.norad)} appears twice in the screening request`, 'duplicate');
    seen.add(o.norad);
  }
  if (mode.kind === 'primaries-vs-all') {
    for (const p of mode.primaries)
      if (!seen.has(p)) reject(`primary ${String(p)} is not among the screened objects`, 'primary');
  }

  const initSkipped: { norad: number; code: string }[] = [];
  const kept: number[] = [];
  const recs: SatRec[] = [];
  const eps: number[] = [];
  const speed: number[] = [];
  const radiusLimit: number[] = [];
  for (let i = 0; i < objects.length; i++) {
    const o = objects[i];
    if (o === undefined) continue;
    const init = createSgp4Propagator(o.elementSet);
    if (!init.ok) {
      initSkipped.push({ norad: o.norad, code: init.code });
      continue;
    }
    const p = init.propagator;
    kept.push(i);
    recs.push(p[SATREC]);
    eps.push(
      hermitePositionBoundKm(
        engine.knotStepSec,
        p.perigeeRadiusKm,
        o.elementSet.eccentricity,
        p.method === 'deep-space',
      ),
    );
    speed.push(speedBoundKmPerSec(p.semiMajorAxisKm, p.perigeeRadiusKm));
    radiusLimit.push(1.05 * p.apogeeRadiusKm + 50);
  }
  const batch = prepareBatch(recs);
  // tsince from the element set's own epoch (sub-millisecond), as prepareBatch does for sets.
  for (let j = 0; j < kept.length; j++) {
    const o = objects[kept[j] ?? 0];
    if (o !== undefined) batch.epochs[j] = o.elementSet.epoch;
  }
  const n = kept.length;
  const query = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const o = objects[kept[j] ?? 0];
    query[j] = mode.kind === 'all-vs-all' || (o !== undefined && mode.primaries.has(o.norad)) ? 1 : 0;
  }
  const windowCount = Math.ceil(((endUtc - startUtc) / 1000 - 1e-9) / engine.windowSec);
  const windowsPerChunk = windowsPerKnot * engine.chunkKnots;
  let maxEps = 0;
  let maxSpeed = 0;
  for (let j = 0; j < n; j++) {
    maxEps = Math.max(maxEps, eps[j] ?? 0);
    maxSpeed = Math.max(maxSpeed, speed[j] ?? 0);
  }
  const maxReachKm = thresholdKm + 2 * maxEps + maxSpeed * engine.windowSec;
  const cellKm = thresholdKm + 2 * SLOW_EPS_KM + SLOW_SPEED_KM_PER_SEC * engine.windowSec;
  const epsKm = Float64Array.from(eps);
  return {
    request,
    engine,
    requestIndex: Int32Array.from(kept),
    batch,
    epsKm,
    speedKmPerSec: Float64Array.from(speed),
    radiusLimitKm: Float64Array.from(radiusLimit),
    query,
    initSkipped,
    startMs: startUtc,
    endMs: endUtc,
    windowCount,
    windowsPerKnot,
    chunkCount: Math.ceil(windowCount / windowsPerChunk),
    maxReachKm,
    cellKm,
    slowSpeedKmPerSec: SLOW_SPEED_KM_PER_SEC,
    slowEpsKm: SLOW_EPS_KM,
  };
}

/** True when object `j` of the plan runs in the deep-space kernel. */
export function isDeepSpace(plan: ScreeningPlan, j: number): boolean {
  return plan.batch.route[j] === ROUTE_DEEP_SPACE;
}
