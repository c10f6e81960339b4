/**
 * The error responses a route declares in the OpenAPI document (all with the one error body).
 * @module
 */
import { ErrorSchema } from '../schemas.js';

const DESCRIPTIONS: Readonly<Record<number, string>> = {
  400: 'bad request (code USAGE, details say which parameter)',
  401: 'missing, unknown or revoked API token (UNAUTHORIZED)',
  404: 'not found (NOT_FOUND)',
  409: 'conflict',
  413: 'request body over the size limit (PAYLOAD_TOO_LARGE)',
  422: 'the input was understood but could not be used (INPUT_REJECTED, PROPAGATION_FAILED)',
  429: 'rate limited (RATE_LIMITED); see Retry-After',
  503: 'the database cannot answer now (DATABASE_LOCKED, STORAGE_UNAVAILABLE)',
};

export function errorResponses(...statuses: number[]) {
  const out: Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }> =
    {};
  for (const s of statuses)
    out[s] = { description: DESCRIPTIONS[s] ?? 'error', content: { 'application/json': { schema: ErrorSchema } } };
  return out;
}
