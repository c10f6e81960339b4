/**
 * The maneuver detector: one object's element-set history in, maneuver events out.
 * @module
 */
export { detectManeuvers, eventMidpoint, MANEUVER_DETECTOR, MANEUVER_DETECTOR_VERSION } from './detect-maneuvers.js';
export type { ManeuverDetection, ManeuverDiagnostics, ManeuverKind } from './detect-maneuvers.js';
export { DEFAULT_MANEUVER_PARAMETERS } from './maneuver-parameters.js';
export type { ManeuverParameters } from './maneuver-parameters.js';
export { cleanHistory } from './clean-history.js';
export type { CleanedHistory } from './clean-history.js';
export { meanSemiMajorAxis, raanRateJ2 } from './mean-semi-major-axis.js';
export { alongTrackRate, alongTrackResidualKm } from './along-track-residual.js';
export type { AlongTrackElements } from './along-track-residual.js';
export { levelStep } from './level-step.js';
export type { LevelStep } from './level-step.js';
