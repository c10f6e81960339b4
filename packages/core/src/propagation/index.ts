/**
 * Propagation: SGP4 (satellite.js) behind orbwatch's typed results, element-set choice and
 * sampling. Output frame is TEME; units km, km/s; times are Instants.
 * @module
 */
export type { Sgp4Method, Sgp4Propagator } from './sgp4-propagator.js';
export { Sgp4FailureCode, Sgp4WarningCode, sgp4ErrorCode } from './sgp4-failure-code.js';
export type { Sgp4InitResult } from './create-sgp4-propagator.js';
export { createSgp4Propagator, SGP4_EARTH_RADIUS_KM } from './create-sgp4-propagator.js';
export { satrecFromElementSet, sgp4OmmFields } from './satrec-from-element-set.js';
export type { PropagateFailure, PropagateOptions, PropagateResult, PropagateSuccess } from './propagate-teme.js';
export {
  APOGEE_FACTOR,
  LOW_ALTITUDE_WARNING_KM,
  PERIGEE_FACTOR,
  propagateTeme,
  propagateTemeAtMinutes,
} from './propagate-teme.js';
export type { OrbitRegime } from './orbit-regime.js';
export { DEFAULT_MAX_AGE_DAYS, HIGH_DRAG_PERIGEE_KM, LEO_APOGEE_KM, orbitRegime } from './orbit-regime.js';
export { geodeticHeightKm } from './geodetic-height.js';
export type { ChooseElementSetResult, ElementSetPolicy } from './choose-element-set.js';
export { chooseElementSet } from './choose-element-set.js';
export type { PropagateRangeResult, RangeSample } from './propagate-range.js';
export { MAX_RANGE_SAMPLES, propagateRange } from './propagate-range.js';
