/**
 * What reports and evidence bundles are built from: the series behind each event's plots.
 * @module
 */
export * from './event-series.js';
