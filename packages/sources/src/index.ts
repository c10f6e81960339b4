/**
 * @orbwatch/sources — where element sets come from: local files (paths, globs, stdin, gzip);
 * CelesTrak and Space-Track clients come later with fetch injected.
 * @module
 */
export * from './read-inputs.js';
