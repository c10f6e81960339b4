/**
 * Sends a JSON document whose shape the route's response schema describes. The documents come
 * from the app layer with readonly arrays and branded numbers, which hono's response typing does
 * not accept; the tests check every response against the OpenAPI document instead.
 * @module
 */
import type { Context } from 'hono';

export function sendJson<S extends 200 | 201 | 202>(c: Context, body: unknown, status: S) {
  return c.json(body as never, status);
}
