/**
 * Event assessments: the closed label vocabulary per kind and the σ-respecting classifier.
 * @module
 */
export * from './event-assessment.js';
export * from './classify-by-interval.js';
