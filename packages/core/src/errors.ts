/**
 * The single error class of orbwatch. Expected failures travel as data (parse issues, typed
 * propagation results); an OrbwatchError is what a use case throws when such a failure has to
 * become an exception. It is mapped once to CLI exit codes (in cli) and once to HTTP status (in api).
 * @module
 */
export const ErrorCode = {
  USAGE: 'USAGE',
  INPUT_REJECTED: 'INPUT_REJECTED',
  NOT_FOUND: 'NOT_FOUND',
  STORAGE_FAILURE: 'STORAGE_FAILURE',
  STORAGE_UNAVAILABLE: 'STORAGE_UNAVAILABLE',
  /** A command that reads the catalogue was given a database file that does not exist. */
  DATABASE_NOT_FOUND: 'DATABASE_NOT_FOUND',
  /** The database path names a directory. */
  DATABASE_IS_DIRECTORY: 'DATABASE_IS_DIRECTORY',
  /** The database path names a file that is not an SQLite database. */
  DATABASE_NOT_SQLITE: 'DATABASE_NOT_SQLITE',
  /** Another process held the database's lock past the busy timeout. */
  DATABASE_LOCKED: 'DATABASE_LOCKED',
  PROPAGATION_FAILED: 'PROPAGATION_FAILED',
  /** A write needs a valid, unrevoked API token (HTTP 401). */
  UNAUTHORIZED: 'UNAUTHORIZED',
  /** A request body over the size limit (HTTP 413). */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** A path that exists, asked with a method it does not take (HTTP 405). */
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  /** Too many requests from one client; retry after the time given (HTTP 429). */
  RATE_LIMITED: 'RATE_LIMITED',
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class OrbwatchError extends Error {
  override readonly name: string = 'OrbwatchError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  constructor(
    code: ErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.code = code;
    this.details = details;
  }
}

export function isOrbwatchError(e: unknown): e is OrbwatchError {
  return (
    e instanceof OrbwatchError ||
    (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'OrbwatchError')
  );
}
