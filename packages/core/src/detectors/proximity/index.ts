/**
 * The proximity / rendezvous (RPO) detector: element-set histories of many objects in,
 * proximity episodes (chaser, target, closest approach, relative motion, context) out.
 * @module
 */
export { detectProximity, PROXIMITY_DETECTOR, PROXIMITY_DETECTOR_VERSION } from './detect-proximity.js';
export type { ProximityDetection, ProximityDiagnostics, ProximityInput } from './detect-proximity.js';
export { DEFAULT_PROXIMITY_PARAMETERS } from './proximity-parameters.js';
export type { ProximityParameters } from './proximity-parameters.js';
export type {
  ApproachSample,
  ProximityApproach,
  ProximityContext,
  ProximityEpisode,
  ProximityObject,
  ProximitySample,
} from './proximity-object.js';
export { constellationFromName, isStation, proximityContext, STATION_NORAD_IDS } from './proximity-context.js';
export { pairState, refineClosestApproach } from './closest-approach.js';
export type { ClosestApproach, PairState } from './closest-approach.js';
export { positionSigmaKm, rangeSigmaKm, relativeSpeedSigmaKmPerSec } from './range-sigma.js';
export { minWrappedNodeDifference, nodeRateJ2, planeAngle, relativeSpeedLowerBound, wrapPi } from './orbit-geometry.js';
