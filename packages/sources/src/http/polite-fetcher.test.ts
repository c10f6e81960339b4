/**
 * The polite fetcher against a local HTTP server: 429 with Retry-After and 503 are retried after
 * a full-jitter backoff that honours Retry-After, other 4xx and 3xx are refused at once
 * (SOURCE_REFUSED), exhausted retries are SOURCE_UNAVAILABLE, a conditional GET answered 304 is
 * "not modified"; and, read from the server's own log of arrival times, the requests (retries
 * included) never exceed the configured rates.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, isOrbwatchError } from '@orbwatch/core';
import type { ScriptedServer } from '../../test/scripted-server.js';
import { maxInWindow, startScriptedServer } from '../../test/scripted-server.js';
import { PoliteFetcher } from './polite-fetcher.js';
import type { FetchEvent } from './polite-fetcher.js';
import { SYSTEM_TIMING } from './timing.js';

describe('PoliteFetcher', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    server = await startScriptedServer();
    server.fallback = () => ({ status: 200, headers: { etag: '"v1"' }, body: 'elements' });
  });
  afterEach(async () => {
    await server.close();
  });

  const fetcher = (o: Partial<ConstructorParameters<typeof PoliteFetcher>[0]> = {}): PoliteFetcher =>
    new PoliteFetcher({
      fetch,
      timing: SYSTEM_TIMING,
      limits: [{ maxRequests: 100, perMs: 1_000 }],
      limitMarginMs: 50,
      backoff: { maxAttempts: 5, baseDelayMs: 100, maxDelayMs: 400 },
      userAgent: 'orbwatch-test',
      ...o,
    });

  it('retries 429 (after its Retry-After) and 503, then returns the body', async () => {
    server.queue.push({ status: 429, headers: { 'retry-after': '1' } }, { status: 503 }, { status: 503 });
    const events: FetchEvent[] = [];
    const r = await fetcher({ onEvent: (e) => events.push(e) }).request(`${server.baseUrl}/gp`);
    expect(r.kind).toBe('body');
    if (r.kind === 'body') expect(new TextDecoder().decode(r.body)).toBe('elements');
    expect(server.log.map((l) => l.status)).toEqual([429, 503, 503, 200]);
    const at = server.log.map((l) => l.at);
    // Retry-After: 1 → at least a second before the second request
    expect((at[1] ?? 0) - (at[0] ?? 0)).toBeGreaterThanOrEqual(1_000);
    // the 503 retries wait within the full-jitter ceilings (200 ms, then 400 ms) plus scheduling
    expect((at[3] ?? 0) - (at[1] ?? 0)).toBeLessThan(600 + 500);
    expect(events.filter((e) => e.type === 'retry').map((e) => (e.type === 'retry' ? e.reason : ''))).toEqual([
      'HTTP 429',
      'HTTP 503',
      'HTTP 503',
    ]);
    expect(server.log.every((l) => l.headers['user-agent'] === 'orbwatch-test')).toBe(true);
  });

  it('gives up with SOURCE_UNAVAILABLE after the last attempt, and refuses a 404 or a redirect at once', async () => {
    server.queue.push({ status: 500 }, { status: 502 }, { status: 503 });
    const f = fetcher({ backoff: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 40 } });
    const unavailable = await f.request(`${server.baseUrl}/gp`).catch((e: unknown) => e);
    expect(isOrbwatchError(unavailable) && unavailable.code).toBe(ErrorCode.SOURCE_UNAVAILABLE);
    expect(server.log).toHaveLength(3);

    server.queue.push({ status: 404 });
    const refused = await f.request(`${server.baseUrl}/gone`).catch((e: unknown) => e);
    expect(isOrbwatchError(refused) && refused.code).toBe(ErrorCode.SOURCE_REFUSED);
    expect(isOrbwatchError(refused) && refused.details['status']).toBe(404);

    server.queue.push({ status: 301, headers: { location: 'https://elsewhere.example/' } });
    const moved = await f.request(`${server.baseUrl}/old`).catch((e: unknown) => e);
    expect(isOrbwatchError(moved) && moved.code).toBe(ErrorCode.SOURCE_REFUSED);
    expect(server.log).toHaveLength(5);
  });

  it('with retryHttpErrors false (CelesTrak), a 503 fails the request at once', async () => {
    server.queue.push({ status: 503 });
    const e = await fetcher({ retryHttpErrors: false })
      .request(`${server.baseUrl}/gp`)
      .catch((x: unknown) => x);
    expect(isOrbwatchError(e) && e.code).toBe(ErrorCode.SOURCE_UNAVAILABLE);
    expect(server.log).toHaveLength(1);
  });

  it('sends If-None-Match / If-Modified-Since and reads 304 as not modified', async () => {
    server.queue.push({ status: 304 });
    const r = await fetcher().request(`${server.baseUrl}/gp`, {
      etag: '"v1"',
      lastModified: 'Thu, 07 May 2026 12:00:00 GMT',
    });
    expect(r.kind).toBe('not-modified');
    expect(server.log[0]?.headers['if-none-match']).toBe('"v1"');
    expect(server.log[0]?.headers['if-modified-since']).toBe('Thu, 07 May 2026 12:00:00 GMT');
  });

  it('never exceeds the configured rates, retries included (read from the server log)', async () => {
    // low limits so the test is short: 3 per second and 5 per 3 s; a few 429/503 answers on the way
    const limits = [
      { maxRequests: 3, perMs: 1_000 },
      { maxRequests: 5, perMs: 3_000 },
    ];
    server.queue.push(
      { status: 200 },
      { status: 429, headers: { 'retry-after': '0' } },
      { status: 200 },
      { status: 503 },
    );
    const f = fetcher({ limits, backoff: { maxAttempts: 4, baseDelayMs: 10, maxDelayMs: 20 } });
    await Promise.all(Array.from({ length: 7 }, (_, k) => f.request(`${server.baseUrl}/q${String(k)}`)));
    const times = server.log.map((l) => l.at);
    expect(times).toHaveLength(9); // 7 requests + 2 retries
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(3);
    expect(maxInWindow(times, 3_000)).toBeLessThanOrEqual(5);
    // and the limiter does not hold back more than it must: 9 requests at 5 per 3 s take > 3 s, < 9 s
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThan(3_000);
    expect(span).toBeLessThan(9_000);
  });
});
