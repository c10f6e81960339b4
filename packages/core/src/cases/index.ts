/**
 * Case files: a named episode as data (objects, window, element-set files, detectors, published
 * facts with sources, missing data), read with file/line/JSON-path issues.
 * @module
 */
export * from './case-file.js';
export * from './parse-case-file.js';
