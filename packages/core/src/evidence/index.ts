/**
 * Evidence bundles: the self-contained record of one event.
 * @module
 */
export * from './evidence-bundle.js';
export * from './verify-bundle.js';
