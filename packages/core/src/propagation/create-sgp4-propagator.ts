/**
 * Builds an SGP4 propagator from an ElementSet's fields (never from TLE text: OMM sets have none).
 * @module
 */
import { SatRecError, constants } from 'satellite.js';
import type { ElementSet } from '../elements/element-set.js';
import { km } from '../units/quantity.js';
import { DEFAULT_MAX_AGE_DAYS, orbitRegime } from './orbit-regime.js';
import { satrecAtEpoch } from './satrec-at-epoch.js';
import { sgp4OmmFields } from './satrec-from-element-set.js';
import type { Sgp4FailureCode } from './sgp4-failure-code.js';
import { Sgp4FailureCode as Code, sgp4ErrorCode, sgp4ErrorMessage } from './sgp4-failure-code.js';
import type { Sgp4Propagator } from './sgp4-propagator.js';
import { SATREC } from './sgp4-propagator.js';

/** Result of {@link createSgp4Propagator}. */
export type Sgp4InitResult =
  | { readonly ok: true; readonly propagator: Sgp4Propagator }
  | { readonly ok: false; readonly code: Sgp4FailureCode; readonly message: string };

/** WGS-72 equatorial radius used by SGP4, km. */
export const SGP4_EARTH_RADIUS_KM = constants.earthRadius;

/**
 * Initialises SGP4 (satellite.js 7, Vallado 2006+ "improved" mode, WGS-72) for one element set.
 *
 * The satrec is built as every orbwatch satrec is (`satrec-from-element-set.ts`): `json2satrec`
 * on the published decimals in OMM units, the epoch kept to the sub-millisecond. The result
 * equals `twoline2satrec` on the same set to ≤ 1e-9 km over the whole SGP4-VER suite, proven in
 * the tests. Time since epoch is always computed by orbwatch from the Instants.
 *
 * Fails with ELEMENTS_UNSUPPORTED_THEORY for SGP4-XP/SGP sets, ELEMENTS_INVALID for non-finite or
 * impossible fields, and the SGP4_* code of the error SGP4 raises while propagating to the epoch.
 */
export function createSgp4Propagator(set: ElementSet): Sgp4InitResult {
  if (set.theory !== 'SGP4') {
    return fail(
      Code.ELEMENTS_UNSUPPORTED_THEORY,
      `element set is for ${set.theory}, not SGP4 (ephemeris type ${String(set.ephemerisType)})`,
    );
  }
  const numbers: readonly (readonly [string, number])[] = [
    ['epoch', set.epoch],
    ['meanMotion', set.meanMotionRadPerSec],
    ['eccentricity', set.eccentricity],
    ['inclination', set.inclinationRad],
    ['raan', set.raanRad],
    ['argPerigee', set.argPerigeeRad],
    ['meanAnomaly', set.meanAnomalyRad],
    ['bstar', set.bstarPerEarthRadii],
    ['meanMotionDot', set.meanMotionDotRevPerDay2],
    ['meanMotionDdot', set.meanMotionDdotRevPerDay3],
  ];
  for (const [name, value] of numbers) {
    if (!Number.isFinite(value))
      return fail(Code.ELEMENTS_INVALID, `${name} is not a finite number (${String(value)})`);
  }
  if (!(set.meanMotionRadPerSec > 0))
    return fail(Code.SGP4_MEAN_MOTION, `mean motion ${String(set.meanMotionRadPerSec)} rad/s is not positive`);
  if (!(set.eccentricity >= 0 && set.eccentricity < 1)) {
    return fail(Code.SGP4_ECCENTRICITY, `eccentricity ${String(set.eccentricity)} is outside 0 ≤ e < 1`);
  }

  const fields = sgp4OmmFields(set);
  const satrec = satrecAtEpoch(fields, set.epoch);
  const meanMotionRevPerDay = fields.MEAN_MOTION;
  if (satrec.error !== SatRecError.None) {
    return fail(sgp4ErrorCode(satrec.error), `SGP4 initialisation failed: ${sgp4ErrorMessage(satrec.error)}`);
  }
  if (!Number.isFinite(satrec.a) || !(satrec.a > 0)) {
    return fail(Code.SGP4_NON_FINITE, `SGP4 initialisation gave semi-major axis ${String(satrec.a)} Earth radii`);
  }
  const a = satrec.a * SGP4_EARTH_RADIUS_KM;
  const perigeeRadius = a * (1 - set.eccentricity);
  const apogeeRadius = a * (1 + set.eccentricity);
  const regime = orbitRegime(
    meanMotionRevPerDay,
    set.eccentricity,
    perigeeRadius - SGP4_EARTH_RADIUS_KM,
    apogeeRadius - SGP4_EARTH_RADIUS_KM,
  );
  const propagator: Sgp4Propagator = {
    elementSet: set,
    epoch: set.epoch,
    method: satrec.method === 'd' ? 'deep-space' : 'near-earth',
    regime,
    semiMajorAxisKm: km(a),
    perigeeRadiusKm: km(perigeeRadius),
    apogeeRadiusKm: km(apogeeRadius),
    defaultMaxAgeDays: DEFAULT_MAX_AGE_DAYS[regime],
    [SATREC]: satrec,
  };
  return { ok: true, propagator };
}

function fail(code: Sgp4FailureCode, message: string): Sgp4InitResult {
  return { ok: false, code, message };
}
