/**
 * OMM (CCSDS 502.0 Orbit Mean-elements Message) parsing in JSON, XML, KVN and CSV, and format
 * detection for ingest.
 * @module
 */
export { parseOmm } from './parse-omm.js';
export type { OmmSyntax, ParseOmmOptions } from './parse-omm.js';
export { detectElementFormat } from './detect-format.js';
export type { DetectedFormat } from './detect-format.js';
