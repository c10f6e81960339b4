/**
 * In-process requests to an API: `call` sends a request through the fetch handler and, for a
 * documented JSON or HTML response, checks it against the OpenAPI document.
 */
import type { OrbwatchApi } from '../src/index.js';
import type { OpenApiChecker } from './openapi-check.js';

export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  readonly text: string;
  readonly json: unknown;
}

export async function call(
  api: OrbwatchApi,
  checker: OpenApiChecker | undefined,
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: string | Uint8Array } = {},
): Promise<Reply> {
  const r = await api.fetch(
    new Request(`http://orbwatch.test${path}`, {
      method,
      ...(init.headers === undefined ? {} : { headers: init.headers }),
      ...(init.body === undefined ? {} : { body: init.body }),
    }),
  );
  const text = await r.text();
  const ct = r.headers.get('content-type') ?? '';
  let json: unknown = undefined;
  if (ct.includes('json')) json = JSON.parse(text) as unknown;
  if (checker !== undefined && r.status !== 304 && !path.startsWith('/openapi.json'))
    checker.check(method, path, r.status, ct, ct.includes('json') ? json : text);
  return { status: r.status, headers: r.headers, text, json };
}

/** The `error.code` of an error reply. */
export const codeOf = (r: Reply): string | undefined =>
  (r.json as { error?: { code?: string } } | undefined)?.error?.code;
