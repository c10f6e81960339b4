/**
 * orbwatch's own SGP4 kernel (near Earth and deep space) over packed per-object constants.
 * @module
 */
export * from './near-earth-kernel.js';
export * from './deep-space-kernel.js';
export * from './wgs72.js';
