/**
 * TLE fitting: SGP4 mean elements (with B*) fitted to TEME state vectors by least squares, the
 * osculating-element conversions it starts from, and a SIMULATED release generator (numerical
 * J2–J4 truth → fitted child TLE) for validating release/maneuver detectors.
 * @module
 */
export { fitElementSet } from './fit-element-set.js';
export type { FitFailureCode, FitOptions, FitResiduals, FitResult } from './fit-element-set.js';
export { simulateRelease } from './simulate-release.js';
export type { ReleaseSimulation, ReleaseSimulationResult } from './simulate-release.js';
export { equinoctialFromState, keplerianFromState, stateFromKeplerian } from './osculating-elements.js';
export type { EquinoctialElements, KeplerianElements } from './osculating-elements.js';
export { integrateZonalOrbit, WGS72_ZONAL } from './zonal-orbit-integrator.js';
export type { IntegrationStats, IntegratorTolerance, ZonalGravityModel } from './zonal-orbit-integrator.js';
