/**
 * @orbwatch/sources — where element sets come from: local files (paths, globs, stdin, gzip) and
 * remote catalogues (CelesTrak GP, Space-Track, McCants' amateur elements) through a polite HTTP
 * client with `fetch`, the clock and randomness injected, so tests use a local HTTP server.
 * @module
 */
export * from './read-inputs.js';
export * from './http/timing.js';
export * from './http/rate-limiter.js';
export * from './http/backoff.js';
export * from './http/polite-fetcher.js';
export * from './http/watch-source.js';
export * from './http/schedule.js';
export * from './http/celestrak.js';
export * from './http/spacetrack.js';
export * from './http/mccants.js';
export * from './http/zip.js';
