/**
 * Catalogue screening for close approaches: the request and result contract shared by the
 * screening engine, the `screen` use case and the proximity detector.
 * @module
 */
export type * from './screening-types.js';
