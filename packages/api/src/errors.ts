/**
 * The one place where errors become HTTP responses: every {@link ErrorCode} has one status, and
 * every error body is `{"error":{"code","message","details"}}`. Bad input is a 4xx; a 5xx means
 * the server or its database failed, never that the request was malformed. An error that is not
 * an `OrbwatchError` is `INTERNAL` (500) and its message is not shown (it may name paths).
 * @module
 */
import { HTTPException } from 'hono/http-exception';
import type { ErrorCode } from '@orbwatch/core';
import { OrbwatchError, isOrbwatchError } from '@orbwatch/core';

const STATUS: Readonly<Record<ErrorCode, number>> = {
  USAGE: 400,
  INPUT_REJECTED: 422,
  NOT_FOUND: 404,
  UNAUTHORIZED: 401,
  PAYLOAD_TOO_LARGE: 413,
  METHOD_NOT_ALLOWED: 405,
  RATE_LIMITED: 429,
  PROPAGATION_FAILED: 422,
  // the database behind the server: it is the server that cannot answer now
  DATABASE_NOT_FOUND: 503,
  DATABASE_IS_DIRECTORY: 503,
  DATABASE_NOT_SQLITE: 503,
  DATABASE_LOCKED: 503,
  STORAGE_UNAVAILABLE: 503,
  // a remote catalogue source the server relies on (watch mode) failed or refused: not the client's fault
  SOURCE_UNAVAILABLE: 503,
  SOURCE_REFUSED: 503,
  STORAGE_FAILURE: 500,
  INTERNAL: 500,
};

export type HttpStatus = 400 | 401 | 404 | 405 | 409 | 413 | 422 | 429 | 500 | 503;

export function httpStatusFor(code: ErrorCode): HttpStatus {
  return STATUS[code] as HttpStatus;
}

export interface ErrorBody {
  readonly error: { readonly code: string; readonly message: string; readonly details: Record<string, unknown> };
}

/** The response body and status of any thrown value. */
export function errorResponse(e: unknown): { status: HttpStatus; body: ErrorBody } {
  if (isOrbwatchError(e)) {
    const status = httpStatusFor(e.code);
    return {
      status,
      body: {
        error: {
          code: e.code,
          message: status >= 500 && e.code === 'STORAGE_FAILURE' ? 'the database failed' : e.message,
          details: { ...e.details },
        },
      },
    };
  }
  if (e instanceof HTTPException && e.status >= 400 && e.status < 500) {
    // hono's own refusals (a body that is not the JSON its content type says, …)
    const code: ErrorCode = e.status === 413 ? 'PAYLOAD_TOO_LARGE' : e.status === 401 ? 'UNAUTHORIZED' : 'USAGE';
    return {
      status: httpStatusFor(code),
      body: { error: { code, message: e.message || 'bad request', details: { httpStatus: e.status } } },
    };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'internal error', details: {} } } };
}

export function apiError(code: ErrorCode, message: string, details: Record<string, unknown> = {}): OrbwatchError {
  return new OrbwatchError(code, message, details);
}
