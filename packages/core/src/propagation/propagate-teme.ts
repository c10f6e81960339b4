/**
 * SGP4 propagation to a TEME state with orbwatch's guarantees: a result is either a finite,
 * physically plausible state or a failure code — never NaN, never a hidden null, never the
 * fictitious high orbit SGP4 gives for an element set propagated past its decay.
 * @module
 */
import { SatRecError, sgp4 } from 'satellite.js';
import type { StateVector } from '../frames/state-vector.js';
import type { Instant } from '../time/instant.js';
import { MS_PER_DAY, instant } from '../time/instant.js';
import { km, kmPerSec } from '../units/quantity.js';
import { WGS84_EQUATORIAL_RADIUS_KM, geodeticHeightKm } from './geodetic-height.js';
import type { Sgp4WarningCode } from './sgp4-failure-code.js';
import {
  Sgp4FailureCode as Code,
  Sgp4WarningCode as Warning,
  sgp4ErrorCode,
  sgp4ErrorMessage,
} from './sgp4-failure-code.js';
import type { Sgp4FailureCode } from './sgp4-failure-code.js';
import type { Sgp4Propagator } from './sgp4-propagator.js';
import { SATREC } from './sgp4-propagator.js';

/** Options of {@link propagateTeme}. */
export interface PropagateOptions {
  /** Maximum |t − epoch| in days; default: the propagator's regime limit (docs/accuracy.md). */
  readonly maxAgeDays?: number;
  /** Propagate at any age; beyond the limit the state carries the ELEMENTS_STALE warning. */
  readonly allowStale?: boolean;
  /**
   * Bare SGP4: skip orbwatch's age limit, drag check, surface and orbit checks (SGP4's own error
   * codes and the non-finite check stay). For verification against SGP4 reference output only.
   */
  readonly sgp4Only?: boolean;
}

/** A successful propagation: a TEME state (km, km/s) and the warnings that apply to it. */
export interface PropagateSuccess {
  readonly ok: true;
  readonly state: StateVector<'TEME'>;
  /** Time since the set's epoch, minutes (SGP4's own time argument). */
  readonly minutesSinceEpoch: number;
  readonly warnings: readonly Sgp4WarningCode[];
}

/** A failed propagation: the code says why; `message` is for people, not for tests. */
export interface PropagateFailure {
  readonly ok: false;
  readonly code: Sgp4FailureCode;
  readonly message: string;
  /** Time since the set's epoch, minutes. */
  readonly minutesSinceEpoch: number;
}

export type PropagateResult = PropagateSuccess | PropagateFailure;

/** Geodetic height (km) below which a state carries ALTITUDE_BELOW_100_KM. */
export const LOW_ALTITUDE_WARNING_KM = 100;
/** A state's radius must lie in [PERIGEE_FACTOR × perigee radius, APOGEE_FACTOR × apogee radius]. */
export const PERIGEE_FACTOR = 0.8;
export const APOGEE_FACTOR = 1.2;

const MS_PER_MINUTE = 60_000;
const NO_WARNINGS: readonly Sgp4WarningCode[] = Object.freeze([]);

/**
 * Propagates to instant `t` (UTC) and returns the state in TEME (km, km/s), stamped `t`.
 *
 * Time since epoch is `(t − epoch) / 60000` minutes computed on the Instants (float ms), never via
 * `Date` or Julian dates, so it keeps the Instant's resolution (~0.24 µs at present-day epochs).
 *
 * Checks, in order: age limit (ELEMENTS_TOO_OLD unless `allowStale`); SGP4's own errors (SGP4_*);
 * the drag polynomial past zero (SGP4_DECAYED); non-finite output (SGP4_NON_FINITE); height below
 * the WGS-84 ellipsoid (STATE_BELOW_SURFACE); radius outside [0.8 rp, 1.2 ra] of the set's mean
 * orbit (STATE_OFF_ORBIT). A height under 100 km gives the ALTITUDE_BELOW_100_KM warning.
 */
export function propagateTeme(propagator: Sgp4Propagator, t: Instant, options: PropagateOptions = {}): PropagateResult {
  return evaluate(propagator, (t - propagator.epoch) / MS_PER_MINUTE, t, options);
}

/**
 * Same as {@link propagateTeme} with SGP4's native time argument, minutes since the set's epoch
 * (what the verification files list). The state is stamped `epoch + minutes` rounded to the Instant.
 */
export function propagateTemeAtMinutes(
  propagator: Sgp4Propagator,
  minutesSinceEpoch: number,
  options: PropagateOptions = {},
): PropagateResult {
  return evaluate(
    propagator,
    minutesSinceEpoch,
    instant(propagator.epoch + minutesSinceEpoch * MS_PER_MINUTE),
    options,
  );
}

function evaluate(p: Sgp4Propagator, tsince: number, t: Instant, options: PropagateOptions): PropagateResult {
  if (!Number.isFinite(tsince))
    return failure(Code.ELEMENTS_INVALID, `time since epoch is ${String(tsince)} min`, tsince);
  let warnings = NO_WARNINGS;
  const checks = options.sgp4Only !== true;
  const ageDays = Math.abs(tsince * MS_PER_MINUTE) / MS_PER_DAY;
  const limit = options.maxAgeDays ?? p.defaultMaxAgeDays;
  if (checks && ageDays > limit) {
    if (options.allowStale !== true) {
      return failure(
        Code.ELEMENTS_TOO_OLD,
        `${ageDays.toFixed(2)} days from epoch exceeds the ${String(limit)}-day limit for ${p.regime} sets`,
        tsince,
      );
    }
    warnings = [Warning.ELEMENTS_STALE];
  }

  const satrec = p[SATREC];
  const pv = sgp4(satrec, tsince);
  if (pv === null || satrec.error !== SatRecError.None) {
    return failure(
      sgp4ErrorCode(satrec.error),
      `SGP4 at ${tsince.toFixed(6)} min: ${sgp4ErrorMessage(satrec.error)}`,
      tsince,
    );
  }
  const { x, y, z } = pv.position;
  const { x: vx, y: vy, z: vz } = pv.velocity;
  if (!(
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    Number.isFinite(z) &&
    Number.isFinite(vx) &&
    Number.isFinite(vy) &&
    Number.isFinite(vz)
  )) {
    return failure(Code.SGP4_NON_FINITE, `SGP4 returned a non-finite state at ${tsince.toFixed(6)} min`, tsince);
  }
  const radius = Math.hypot(x, y, z);
  // Geodetic height ≥ radius − equatorial radius, so the iteration is needed only near the surface.
  const height = radius - WGS84_EQUATORIAL_RADIUS_KM >= LOW_ALTITUDE_WARNING_KM ? Infinity : geodeticHeightKm(x, y, z);
  if (checks) {
    const problem = sanityProblem(p, tsince, radius, height);
    if (problem !== undefined) return problem;
  }
  if (height < LOW_ALTITUDE_WARNING_KM) warnings = [...warnings, Warning.ALTITUDE_BELOW_100_KM];
  return {
    ok: true,
    state: {
      frame: 'TEME',
      t,
      r: { x: km(x), y: km(y), z: km(z) },
      v: { x: kmPerSec(vx), y: kmPerSec(vy), z: kmPerSec(vz) },
    },
    minutesSinceEpoch: tsince,
    warnings,
  };
}

/** orbwatch's checks on a finite SGP4 state; undefined when it passes them all. */
function sanityProblem(
  p: Sgp4Propagator,
  tsince: number,
  radius: number,
  height: number,
): PropagateFailure | undefined {
  const satrec = p[SATREC];
  // SGP4's drag factor tempa (mirrors sgp4.js); SGP4 squares it, so past zero it "un-decays".
  let tempa = 1 - satrec.cc1 * tsince;
  if (satrec.isimp !== 1) {
    const t2 = tsince * tsince;
    tempa -= satrec.d2 * t2 + satrec.d3 * t2 * tsince + satrec.d4 * t2 * t2;
  }
  if (!(tempa > 0)) {
    return failure(
      Code.SGP4_DECAYED,
      `SGP4 drag factor ${tempa.toPrecision(6)} ≤ 0 at ${tsince.toFixed(3)} min: the set is past its decay`,
      tsince,
    );
  }
  if (height < 0) {
    return failure(Code.STATE_BELOW_SURFACE, `state is ${(-height).toFixed(3)} km below the WGS-84 ellipsoid`, tsince);
  }
  if (radius < PERIGEE_FACTOR * p.perigeeRadiusKm || radius > APOGEE_FACTOR * p.apogeeRadiusKm) {
    return failure(
      Code.STATE_OFF_ORBIT,
      `radius ${radius.toFixed(3)} km is outside [${(PERIGEE_FACTOR * p.perigeeRadiusKm).toFixed(3)}, ${(APOGEE_FACTOR * p.apogeeRadiusKm).toFixed(3)}] km of the set's mean orbit`,
      tsince,
    );
  }
  return undefined;
}

function failure(code: Sgp4FailureCode, message: string, minutesSinceEpoch: number): PropagateFailure {
  return { ok: false, code, message, minutesSinceEpoch };
}
