/**
 * Internal SGP4 engine of the fitting area: SGP4 mean elements → satellite.js satrec →
 * TEME position/velocity at minutes since epoch. The fit calls this thousands of times, so the
 * hot path writes into caller-owned Float64Arrays and reports failures as SGP4 error numbers.
 * Records are initialised as every orbwatch satrec is, with the epoch kept to the sub-millisecond
 * (`satrecAtEpoch`, propagation area); propagation calls satellite.js's `sgp4` directly, without
 * the propagation area's checks, because the fit needs raw error numbers on its hot path.
 * @module
 */
import { SatRecError, sgp4 } from 'satellite.js';
import type { SatRec } from 'satellite.js';
import { satrecAtEpoch } from '../propagation/satrec-at-epoch.js';
import type { Instant } from '../time/instant.js';

/** SGP4 mean elements in orbwatch units (rad, rad/s). Mean motion is the Kozai mean motion of a TLE. */
export interface Sgp4MeanElements {
  /** Kozai mean motion (as in a TLE), rad/s. */
  readonly meanMotionRadPerSec: number;
  readonly eccentricity: number;
  readonly inclinationRad: number;
  readonly raanRad: number;
  readonly argPerigeeRad: number;
  readonly meanAnomalyRad: number;
  /** SGP4 drag term B*, inverse Earth radii. */
  readonly bstarPerEarthRadii: number;
}

/**
 * Failure codes of SGP4 (satellite.js `SatRecError` numbers 1-6), named as the propagation area's
 * `Sgp4FailureCode` names them.
 */
export type Sgp4FailureCode =
  | 'SGP4_ECCENTRICITY'
  | 'SGP4_MEAN_MOTION'
  | 'SGP4_PERTURBED_ECCENTRICITY'
  | 'SGP4_SEMI_LATUS_RECTUM'
  | 'SGP4_DECAYED'
  | 'SGP4_UNKNOWN_ERROR';

/** Maps a satellite.js SatRecError number to an orbwatch code. */
export function sgp4FailureCode(error: number): Sgp4FailureCode {
  switch (error) {
    case 1:
      return 'SGP4_ECCENTRICITY';
    case 2:
      return 'SGP4_MEAN_MOTION';
    case 3:
      return 'SGP4_PERTURBED_ECCENTRICITY';
    case 4:
      return 'SGP4_SEMI_LATUS_RECTUM';
    case 6:
      return 'SGP4_DECAYED';
    default:
      return 'SGP4_UNKNOWN_ERROR';
  }
}

const RAD_TO_DEG = 180 / Math.PI;
const SEC_PER_DAY = 86_400;

/**
 * Builds an initialised satrec, or returns the SGP4 error number when initialisation fails
 * (eccentricity out of [0,1), non-positive mean motion, ...). The satrec's own epoch (used by
 * deep-space SGP4 for Greenwich sidereal time and the lunar-solar terms) is `epoch` to the
 * sub-millisecond (`satrecAtEpoch`); times since epoch are computed by the caller.
 */
export function buildSatrec(el: Sgp4MeanElements, epoch: Instant): SatRec | number {
  if (
    !(el.eccentricity >= 0 && el.eccentricity < 1) ||
    !(el.meanMotionRadPerSec > 0) ||
    !Number.isFinite(el.inclinationRad) ||
    !Number.isFinite(el.bstarPerEarthRadii)
  ) {
    return el.meanMotionRadPerSec > 0 ? 1 : 2;
  }
  const satrec = satrecAtEpoch(
    {
      OBJECT_NAME: 'FIT',
      OBJECT_ID: '',
      MEAN_MOTION: (el.meanMotionRadPerSec * SEC_PER_DAY) / (2 * Math.PI),
      ECCENTRICITY: el.eccentricity,
      INCLINATION: el.inclinationRad * RAD_TO_DEG,
      RA_OF_ASC_NODE: el.raanRad * RAD_TO_DEG,
      ARG_OF_PERICENTER: el.argPerigeeRad * RAD_TO_DEG,
      MEAN_ANOMALY: el.meanAnomalyRad * RAD_TO_DEG,
      NORAD_CAT_ID: 0,
      ELEMENT_SET_NO: 0,
      BSTAR: el.bstarPerEarthRadii,
      MEAN_MOTION_DOT: 0,
      MEAN_MOTION_DDOT: 0,
    },
    epoch,
  );
  return satrec.error === SatRecError.None ? satrec : satrec.error;
}

/**
 * Propagates `satrec` to `tsinceMin` minutes from its epoch and writes TEME position (km) and
 * velocity (km/s) into `out[offset..offset+5]`. Returns 0 on success, else the SGP4 error number.
 */
export function propagateInto(satrec: SatRec, tsinceMin: number, out: Float64Array, offset: number): number {
  const pv = sgp4(satrec, tsinceMin);
  if (pv === null) return satrec.error === SatRecError.None ? 6 : satrec.error;
  const { position: r, velocity: v } = pv;
  out[offset] = r.x;
  out[offset + 1] = r.y;
  out[offset + 2] = r.z;
  out[offset + 3] = v.x;
  out[offset + 4] = v.y;
  out[offset + 5] = v.z;
  return 0;
}
