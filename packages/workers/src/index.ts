/**
 * @orbwatch/workers — Node-only worker_threads parallelism over core's pure computations.
 * @module
 */
export * from './propagation-pool.js';
export * from './screen-in-parallel.js';
export * from './worker-entry.js';
export * from './tle-chunks.js';
export * from './tle-columns.js';
export * from './tle-parse-chunk.js';
export * from './tle-parser.js';
