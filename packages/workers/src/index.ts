/**
 * @orbwatch/workers — Node-only worker_threads parallelism over core's pure computations.
 * @module
 */
export * from './propagation-pool.js';
export * from './worker-entry.js';
