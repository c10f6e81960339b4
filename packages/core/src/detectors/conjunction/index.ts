/**
 * Conjunction events: close approaches between two element sets, refined to TCA, with the
 * miss vector in the primary's RIC frame, element-set ages and Pc (method named).
 * @module
 */
export {
  CONJUNCTION_DETECTOR,
  CONJUNCTION_DETECTOR_VERSION,
  DEFAULT_CONJUNCTION_PARAMETERS,
  DEFAULT_TLE_COVARIANCE_MODEL,
} from './conjunction-parameters.js';
export type { ConjunctionParameters } from './conjunction-parameters.js';
export { conjunctionPc, PC_MAX_METHOD, PC_METHOD } from './conjunction-pc.js';
export type { ConjunctionPc, ScreenedObjectAtTca } from './conjunction-pc.js';
export { refineConjunction } from './refine-conjunction.js';
export type { ConjunctionGeometry } from './refine-conjunction.js';
export { conjunctionEvent } from './conjunction-event.js';
export type { ConjunctionEventInput, ConjunctionEventResult, ConjunctionSet } from './conjunction-event.js';
export { conjunctionMeasureAgrees } from './conjunction-verify.js';
