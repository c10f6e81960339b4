/**
 * TLE fitting: SGP4 mean elements (and B*) that best reproduce a set of TEME state vectors,
 * in the weighted least-squares sense. See docs/design/tle-fitting.md.
 *
 * Steps: (1) start from `options.initial` or, without it, from the osculating elements of the
 * observation nearest the epoch turned into SGP4 mean elements by fixed-point iteration;
 * (2) refine all 7 parameters (equinoctial mean elements + B*, see fit-parameters.ts) by
 * Levenberg–Marquardt with central-difference partials over every observation; (3) round to TLE
 * precision and report the residuals of the rounded set.
 * @module
 */
import type { ElementSet } from '../elements/element-set.js';
import type { StateVector } from '../frames/state-vector.js';
import type { NoradId } from '../ids/norad-id.js';
import type { Instant } from '../time/instant.js';
import type { Km, KmPerSec } from '../units/quantity.js';
import { km, kmPerSec, rad, radPerSec } from '../units/quantity.js';
import { levenbergMarquardt } from './levenberg-marquardt.js';
import type { LeastSquaresProblem } from './levenberg-marquardt.js';
import {
  finiteDifferenceSteps,
  meanElementsFromParameters,
  P_BSTAR,
  PARAMETER_COUNT,
  parametersFromMeanElements,
} from './fit-parameters.js';
import { meanElementsFixedPoint } from './fixed-point-mean-elements.js';
import type { Sgp4FailureCode, Sgp4MeanElements } from './sgp4-mean-elements.js';
import { buildSatrec, propagateInto, sgp4FailureCode } from './sgp4-mean-elements.js';
import { roundToTlePrecision, tleEpoch } from './tle-precision.js';
import { formatTle } from '../elements/tle/format-tle.js';

/** Options of {@link fitElementSet}. */
export interface FitOptions {
  /** Epoch of the fitted set. Moved to the TLE epoch grid (1e-8 day) before fitting. */
  readonly epoch: Instant;
  readonly noradId: NoradId;
  /** Starting elements (their epoch is ignored: the mean elements are used as if at `epoch`). */
  readonly initial?: ElementSet;
  /** Solve for B* (default true). B* is held at its start value when the span cannot see it. */
  readonly fitBstar?: boolean;
  /** 1-σ of the observations: position km (default 0.1), velocity km/s (default 1e-4). */
  readonly weights?: { readonly positionSigmaKm?: number; readonly velocitySigmaKmPerSec?: number };
  /** Levenberg–Marquardt iterations (default 50). */
  readonly maxIterations?: number;
  /** Stop when a step lowers the weighted sum of squares by less than this fraction (default 1e-10). */
  readonly tolerance?: number;
  /** Name, COSPAR id and classification to write into the result (default: from `initial`). */
  readonly name?: string | null;
  readonly cosparId?: string | null;
}

/** How well the fitted (TLE-rounded) set reproduces the observations. */
export interface FitResiduals {
  readonly rmsPositionKm: Km;
  readonly rmsVelocityKmPerSec: KmPerSec;
  readonly maxPositionKm: Km;
  /** Position residual |r_fit − r_obs| per observation, km, in the observations' order. */
  readonly perObservation: Float64Array;
}

export type FitFailureCode = 'FIT_DIVERGED' | 'FIT_SINGULAR' | 'FIT_TOO_FEW_OBSERVATIONS' | Sgp4FailureCode;

export type FitResult =
  | {
      readonly ok: true;
      readonly elementSet: ElementSet;
      readonly residuals: FitResiduals;
      readonly iterations: number;
      readonly converged: boolean;
      /** False when B* was not solved for (not asked, or unobservable over the span: see the design note). */
      readonly bstarFitted: boolean;
    }
  | { readonly ok: false; readonly code: FitFailureCode; readonly message: string };

/**
 * B* counts as observable when changing it by 0.01 /ER moves the fitted positions by more than
 * 1 m RMS over the observations (i.e. sensitivity above 0.1 km per unit B*).
 */
const BSTAR_MIN_SENSITIVITY_KM = 0.1;

/**
 * Fits an SGP4 element set (TLE, with B*) at `options.epoch` to TEME state vectors.
 * Failures are data: too few observations, a rank-deficient geometry, a start SGP4 cannot
 * propagate, an iteration that leaves the closed-orbit domain. Throws RangeError only for
 * programmer errors (non-finite observations, non-positive sigmas).
 */
export function fitElementSet(observations: readonly StateVector<'TEME'>[], options: FitOptions): FitResult {
  const sigmaR = options.weights?.positionSigmaKm ?? 0.1;
  const sigmaV = options.weights?.velocitySigmaKmPerSec ?? 1e-4;
  if (!(sigmaR > 0) || !(sigmaV > 0))
    throw new RangeError('observation sigmas must be positive (use Infinity to ignore a component)');
  for (const o of observations) {
    if (o.frame !== 'TEME') throw new RangeError(`observations must be TEME, got ${o.frame as string}`);
    if (![o.t, o.r.x, o.r.y, o.r.z, o.v.x, o.v.y, o.v.z].every(Number.isFinite))
      throw new RangeError('observations must be finite');
  }
  if (!Number.isInteger(options.noradId) || options.noradId < 1)
    throw new RangeError('noradId must be 1..339999 to be written in a TLE');
  const fitBstar = options.fitBstar ?? true;
  const usesVelocity = Number.isFinite(sigmaV);
  const perObs = (Number.isFinite(sigmaR) ? 3 : 0) + (usesVelocity ? 3 : 0);
  const needed = fitBstar ? 7 : 6;
  if (observations.length === 0 || perObs * observations.length < needed) {
    return {
      ok: false,
      code: 'FIT_TOO_FEW_OBSERVATIONS',
      message: `${observations.length} observation(s) give ${perObs * observations.length} equations for ${needed} parameters`,
    };
  }
  const { epoch, text: epochText } = tleEpoch(options.epoch);
  const m = observations.length;
  const tsince = Float64Array.from(observations, (o) => (o.t - epoch) / 60_000);
  const obs = new Float64Array(m * 6);
  observations.forEach((o, i) => {
    obs.set([o.r.x, o.r.y, o.r.z, o.v.x, o.v.y, o.v.z], i * 6);
  });
  const wR = Number.isFinite(sigmaR) ? 1 / sigmaR : 0;
  const wV = usesVelocity ? 1 / sigmaV : 0;

  // (1) start
  let start: Sgp4MeanElements;
  if (options.initial !== undefined) {
    const s = options.initial;
    start = {
      meanMotionRadPerSec: s.meanMotionRadPerSec,
      eccentricity: s.eccentricity,
      inclinationRad: s.inclinationRad,
      raanRad: s.raanRad,
      argPerigeeRad: s.argPerigeeRad,
      meanAnomalyRad: s.meanAnomalyRad,
      bstarPerEarthRadii: s.bstarPerEarthRadii,
    };
  } else {
    let nearest = 0;
    for (let i = 1; i < m; i++) if (Math.abs(tsince[i] ?? 0) < Math.abs(tsince[nearest] ?? 0)) nearest = i;
    let fp;
    try {
      fp = meanElementsFixedPoint(obs.subarray(nearest * 6, nearest * 6 + 6), tsince[nearest] ?? 0, epoch, 0);
    } catch (e) {
      return { ok: false, code: 'FIT_DIVERGED', message: `no osculating start: ${(e as Error).message}` };
    }
    if (!fp.ok) {
      return {
        ok: false,
        code: 'FIT_DIVERGED',
        message: `fixed-point mean elements failed (SGP4 error ${fp.sgp4Error})`,
      };
    }
    start = fp.elements;
  }

  // (2) least squares
  const state = new Float64Array(6);
  const evaluate = (p: Float64Array, out: Float64Array): number => {
    const satrec = buildSatrec(meanElementsFromParameters(p), epoch);
    if (typeof satrec === 'number') return satrec;
    for (let i = 0; i < m; i++) {
      const e = propagateInto(satrec, tsince[i] ?? 0, state, 0);
      if (e !== 0) return e;
      for (let c = 0; c < 6; c++) out[i * 6 + c] = ((state[c] ?? 0) - (obs[i * 6 + c] ?? 0)) * (c < 3 ? wR : wV);
    }
    return 0;
  };
  const p0 = parametersFromMeanElements(start);
  const startErr = evaluate(p0, new Float64Array(m * 6));
  if (startErr !== 0) {
    return {
      ok: false,
      code: sgp4FailureCode(startErr),
      message: `the start elements cannot be propagated over the observations (SGP4 error ${startErr})`,
    };
  }
  const bstarFitted = fitBstar && bstarSensitivityKm(p0, epoch, tsince) > BSTAR_MIN_SENSITIVITY_KM;
  const free = Array.from({ length: PARAMETER_COUNT }, (_, j) => j !== P_BSTAR || bstarFitted);
  const problem: LeastSquaresProblem = {
    parameterCount: PARAMETER_COUNT,
    residualCount: m * 6,
    evaluate,
    steps: finiteDifferenceSteps,
    free,
  };
  const outcome = levenbergMarquardt(problem, p0, {
    maxIterations: options.maxIterations ?? 50,
    relativeTolerance: options.tolerance ?? 1e-10,
    absoluteRms: 1e-9,
  });
  if (outcome.status === 'singular') {
    return {
      ok: false,
      code: 'FIT_SINGULAR',
      message: 'the observations do not determine all the fitted elements (normal matrix rank-deficient)',
    };
  }
  if (outcome.status === 'failed') {
    return outcome.error > 0
      ? {
          ok: false,
          code: sgp4FailureCode(outcome.error),
          message: `SGP4 failed during the fit (error ${outcome.error})`,
        }
      : { ok: false, code: 'FIT_DIVERGED', message: 'the fit produced non-finite residuals' };
  }

  // (3) round to TLE precision and report the residuals of what is returned
  const fitted = roundToTlePrecision(meanElementsFromParameters(outcome.p));
  const satrec = buildSatrec(fitted, epoch);
  if (typeof satrec === 'number')
    return {
      ok: false,
      code: 'FIT_DIVERGED',
      message: `the fitted elements are not a valid SGP4 set (error ${satrec})`,
    };
  const perObservation = new Float64Array(m);
  let sumR = 0;
  let sumV = 0;
  let maxR = 0;
  for (let i = 0; i < m; i++) {
    const e = propagateInto(satrec, tsince[i] ?? 0, state, 0);
    if (e !== 0)
      return {
        ok: false,
        code: sgp4FailureCode(e),
        message: `the fitted set fails at observation ${i} (SGP4 error ${e})`,
      };
    const dr = Math.hypot(
      (state[0] ?? 0) - (obs[i * 6] ?? 0),
      (state[1] ?? 0) - (obs[i * 6 + 1] ?? 0),
      (state[2] ?? 0) - (obs[i * 6 + 2] ?? 0),
    );
    const dv = Math.hypot(
      (state[3] ?? 0) - (obs[i * 6 + 3] ?? 0),
      (state[4] ?? 0) - (obs[i * 6 + 4] ?? 0),
      (state[5] ?? 0) - (obs[i * 6 + 5] ?? 0),
    );
    perObservation[i] = dr;
    sumR += dr * dr;
    sumV += dv * dv;
    maxR = Math.max(maxR, dr);
  }
  const name = options.name !== undefined ? options.name : (options.initial?.name ?? null);
  const cosparId = options.cosparId !== undefined ? options.cosparId : (options.initial?.cosparId ?? null);
  const base = {
    noradId: options.noradId,
    name,
    cosparId,
    classification: options.initial?.classification ?? 'U',
    epoch,
    epochText,
    meanMotionRadPerSec: radPerSec(fitted.meanMotionRadPerSec),
    eccentricity: fitted.eccentricity,
    inclinationRad: rad(fitted.inclinationRad),
    raanRad: rad(fitted.raanRad),
    argPerigeeRad: rad(fitted.argPerigeeRad),
    meanAnomalyRad: rad(fitted.meanAnomalyRad),
    bstarPerEarthRadii: fitted.bstarPerEarthRadii,
    meanMotionDotRevPerDay2: 0,
    meanMotionDdotRevPerDay3: 0,
    elementSetNo: null,
    revAtEpoch: null,
    ephemerisType: 0,
    theory: 'SGP4',
    format: 'tle',
    line: 0,
  } as const;
  const rms = Math.sqrt(sumR / m);
  const { line1, line2 } = formatTle({ ...base, raw: '' });
  const elementSet: ElementSet = { ...base, raw: `${line1}\n${line2}` };
  return {
    ok: true,
    elementSet,
    residuals: {
      rmsPositionKm: km(rms),
      rmsVelocityKmPerSec: kmPerSec(Math.sqrt(sumV / m)),
      maxPositionKm: km(maxR),
      perObservation,
    },
    iterations: outcome.iterations,
    converged: outcome.status === 'converged',
    bstarFitted,
  };
}

/** RMS position change (km) per unit B* at `p` over the observation times (central difference). */
function bstarSensitivityKm(p: Float64Array, epoch: Instant, tsince: Float64Array): number {
  const h = 1e-4;
  const plus = Float64Array.from(p);
  const minus = Float64Array.from(p);
  plus[P_BSTAR] = (p[P_BSTAR] ?? 0) + h;
  minus[P_BSTAR] = (p[P_BSTAR] ?? 0) - h;
  const sp = buildSatrec(meanElementsFromParameters(plus), epoch);
  const sm = buildSatrec(meanElementsFromParameters(minus), epoch);
  if (typeof sp === 'number' || typeof sm === 'number') return 0;
  const a = new Float64Array(6);
  const b = new Float64Array(6);
  let sum = 0;
  for (const t of tsince) {
    if (propagateInto(sp, t, a, 0) !== 0 || propagateInto(sm, t, b, 0) !== 0) return 0;
    sum += ((a[0] ?? 0) - (b[0] ?? 0)) ** 2 + ((a[1] ?? 0) - (b[1] ?? 0)) ** 2 + ((a[2] ?? 0) - (b[2] ?? 0)) ** 2;
  }
  return Math.sqrt(sum / tsince.length) / (2 * h);
}
