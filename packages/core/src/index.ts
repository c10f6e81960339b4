/**
 * @orbwatch/core — pure computation: units, time, ids, element-set parsing, propagation,
 * frames, detectors. Runs in Node and the browser; reads no clock, does no I/O.
 * @module
 */
export * from './units/quantity.js';
export * from './time/instant.js';
export * from './ids/norad-id.js';
export * from './errors.js';
export * from './elements/element-set.js';
export * from './elements/element-set-columns.js';
export * from './elements/parse-issue.js';
export * from './elements/tle/index.js';
export * from './elements/omm/index.js';
export * from './satcat/index.js';
export * from './decay/index.js';
export * from './propagation/index.js';
export * from './frames/index.js';
export * from './fitting/index.js';
export * from './frames/state-vector.js';
export * from './elements/check-elements.js';
export * from './elements/orbit-summary.js';
export * from './elements/parse-element-file.js';
export * from './detectors/index.js';
export * from './ephemeris/index.js';
export * from './norms/index.js';
export * from './cases/index.js';
export * from './report/index.js';
export * from './evidence/index.js';
export * from './conjunction/index.js';
export * from './screening/index.js';
export * from './export/index.js';
