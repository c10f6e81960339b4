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
export { RunFailure, inProcessExecutor, performRun } from './run-work.js';
export type { RunExecutor, RunJob, RunKind, RunWorkDeps, ScreeningRunner } from './run-work.js';
export { MAX_QUEUED, RUN_INTERRUPTED, RUN_WORKER_FAILED } from './run-queue.js';
export type { RunRequest, ScreeningRunRequest } from './schemas.js';
