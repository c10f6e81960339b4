/**
 * Norms of responsible behaviour as data, and findings: events judged against them.
 * @module
 */
export * from './norm.js';
export * from './parse-norms.js';
export * from './default-norms.js';
export * from './finding.js';
export * from './evaluate-norm.js';
