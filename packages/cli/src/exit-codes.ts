/**
 * The one place where errors become exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad input.
 * @module
 */
import type { ErrorCode } from '@orbwatch/core';

export const EXIT_OK = 0;
export const EXIT_RUNTIME = 1;
export const EXIT_USAGE = 2;

const CODE_TO_EXIT: Record<ErrorCode, number> = {
  USAGE: EXIT_USAGE,
  INPUT_REJECTED: EXIT_USAGE,
  NOT_FOUND: EXIT_USAGE,
  STORAGE_FAILURE: EXIT_RUNTIME,
  STORAGE_UNAVAILABLE: EXIT_RUNTIME,
  // a mistyped --db, or one naming something else: fixed by the user
  DATABASE_NOT_FOUND: EXIT_USAGE,
  DATABASE_IS_DIRECTORY: EXIT_USAGE,
  DATABASE_NOT_SQLITE: EXIT_USAGE,
  // another process's lock: a runtime condition, gone when that process finishes
  DATABASE_LOCKED: EXIT_RUNTIME,
  PROPAGATION_FAILED: EXIT_RUNTIME,
  // raised by the HTTP API; a command that meets one was given a bad token or too much input
  UNAUTHORIZED: EXIT_USAGE,
  PAYLOAD_TOO_LARGE: EXIT_USAGE,
  METHOD_NOT_ALLOWED: EXIT_USAGE,
  RATE_LIMITED: EXIT_RUNTIME,
  INTERNAL: EXIT_RUNTIME,
};

export function exitCodeFor(code: ErrorCode): number {
  return CODE_TO_EXIT[code];
}
