/**
 * @orbwatch/api — the HTTP API and alert feed: an app factory (`createApi`), `listen` to serve
 * it, the error → HTTP status map and the request/response schemas behind the OpenAPI document.
 * @module
 */
export { API_VERSION, createApi } from './create-api.js';
export type { CreateApiOptions, OrbwatchApi } from './create-api.js';
export { listen } from './listen.js';
export type { Listening } from './listen.js';
export { DEFAULT_LIMITS } from './limits.js';
export type { ApiLimits } from './limits.js';
export { errorResponse, httpStatusFor } from './errors.js';
export type { ScreeningRunner } from './routes/writes.js';
export type { ScreeningRunRequest } from './schemas.js';
