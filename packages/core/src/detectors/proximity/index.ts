/**
 * The proximity / rendezvous (RPO) detector: element-set histories of many objects in,
 * proximity episodes (closest approach, relative motion, assessment label, roles) out.
 * @module
 */
export { detectProximity, PROXIMITY_DETECTOR, PROXIMITY_DETECTOR_VERSION } from './detect-proximity.js';
export type { ProximityDetection, ProximityDiagnostics, ProximityInput } from './detect-proximity.js';
export { DEFAULT_PROXIMITY_PARAMETERS } from './proximity-parameters.js';
export type { ProximityParameters } from './proximity-parameters.js';
export type {
  ApproachSample,
  ProximityApproach,
  ProximityEpisode,
  ProximityObject,
  ProximitySample,
} from './proximity-object.js';
export { constellationFromName, isStation, STATION_NORAD_IDS } from './proximity-context.js';
export { OWNER_SOURCE_SATCAT } from './proximity-object.js';
export { approachManeuvers, DEFAULT_APPROACH_EVIDENCE_OPTIONS } from './approach-evidence.js';
export type { ApproachEvidenceOptions, ApproachManeuver } from './approach-evidence.js';
export { assessProximity, DEFAULT_PROXIMITY_ASSESSMENT_PARAMETERS } from './proximity-assessment.js';
export type { ProximityAssessment, ProximityAssessmentParameters, ProximityFacts } from './proximity-assessment.js';
export { pairState, refineClosestApproach } from './closest-approach.js';
export type { ClosestApproach, PairState } from './closest-approach.js';
export { positionSigmaKm, rangeSigmaKm, relativeSpeedSigmaKmPerSec } from './range-sigma.js';
export { minWrappedNodeDifference, nodeRateJ2, planeAngle, relativeSpeedLowerBound, wrapPi } from './orbit-geometry.js';
