/**
 * Collision probability of a short-term encounter: the encounter plane, Foster (1992) and
 * Chan (1997) 2D Pc, Alfano (2005) maximum Pc over an unknown covariance size, and the default
 * element-set covariances for screening without covariance; and, re-exported from ../cdm, CCSDS
 * Conjunction Data Messages. Design notes:
 * docs/design/collision-probability-and-cdm.md; figures and sources: docs/accuracy.md.
 * @module
 */
export type { EncounterPlane, EncounterPlaneResult, ObjectAtTca } from './encounter-plane.js';
export { encounterPlane, rotateCovariance, rtnCovarianceToInertial, rtnRotation } from './encounter-plane.js';
export type { EncounterGeometry, PcResult } from './pc-foster-1992.js';
export { pcFoster1992 } from './pc-foster-1992.js';
export { pcChan1997 } from './pc-chan-1997.js';
export type { MaxPcResult } from './pc-max-alfano-2005.js';
export { pcMaxAlfano2005 } from './pc-max-alfano-2005.js';
export type { PcFromStatesResult, PcMethod } from './pc-from-states.js';
export { pcFromStates } from './pc-from-states.js';
export { erf, erfc } from './erfc.js';
export type { DefaultSigmaModel } from './default-covariance.js';
export { DEFAULT_TLE_SIGMA, defaultTleCovarianceRtnKm2, defaultTleSigmaRtnKm } from './default-covariance.js';
// CCSDS CDMs (read, write, Pc from a CDM) are part of the same public surface.
export * from '../cdm/index.js';
