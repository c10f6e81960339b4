/**
 * One HTTP client per remote host, polite by construction: every request (retries and logins
 * too) first takes a slot of the host's {@link SlidingWindowLimiter}; network errors, 429 and
 * 5xx are retried up to the policy's attempts after a full-jitter backoff that honours
 * `Retry-After`; a GET can be conditional (`If-None-Match` / `If-Modified-Since`), and a 304 is
 * "nothing new", not an error. Redirects are not followed: a 3xx means the configured URL is
 * out of date (CelesTrak's usage policy asks clients to stop and tell a human), so it is
 * refused like any other 4xx, with the status in the error. What happens is reported through
 * `onEvent` for the caller to log.
 * @module
 */
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { BackoffPolicy } from './backoff.js';
import { fullJitterDelayMs, retryAfterMs } from './backoff.js';
import type { RateLimit } from './rate-limiter.js';
import { SlidingWindowLimiter } from './rate-limiter.js';
import type { FetchLike, Timing } from './timing.js';

/** What the fetcher did, for the log. */
export type FetchEvent =
  | { readonly type: 'request'; readonly method: string; readonly url: string; readonly attempt: number }
  | { readonly type: 'response'; readonly url: string; readonly status: number; readonly bytes: number }
  | {
      readonly type: 'retry';
      readonly url: string;
      readonly reason: string;
      readonly attempt: number;
      readonly delayMs: number;
    };

export interface PoliteFetcherOptions {
  readonly fetch: FetchLike;
  readonly timing: Timing;
  readonly limits: readonly RateLimit[];
  /** Added to every rate window for the network's delay (default 1 s); see {@link SlidingWindowLimiter}. */
  readonly limitMarginMs?: number;
  readonly backoff: BackoffPolicy;
  /**
   * Whether 429 and 5xx answers are retried within a request (default true). False for a host
   * that asks clients to stop at any non-200 answer (CelesTrak): such an answer then fails the
   * request at once with SOURCE_UNAVAILABLE, and only network errors are retried.
   */
  readonly retryHttpErrors?: boolean;
  /** Sent with every request (CelesTrak and Space-Track ask automated clients to identify themselves). */
  readonly userAgent: string;
  /** Per attempt; a timeout counts as a network error. Default 120 s. */
  readonly timeoutMs?: number;
  readonly onEvent?: (event: FetchEvent) => void;
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Conditional GET: the validators of the last copy we hold. */
  readonly etag?: string;
  readonly lastModified?: string;
}

export type FetchOutcome =
  | { readonly kind: 'not-modified'; readonly url: string; readonly status: 304 }
  | {
      readonly kind: 'body';
      readonly url: string;
      readonly status: number;
      readonly body: Uint8Array;
      readonly etag?: string;
      readonly lastModified?: string;
      readonly headers: Headers;
    };

const DEFAULT_TIMEOUT_MS = 120_000;
const DEFAULT_LIMIT_MARGIN_MS = 1_000;

/** Whether a status is worth another attempt: too many requests, or a server-side failure. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

export class PoliteFetcher {
  private readonly limiter: SlidingWindowLimiter;
  private readonly options: PoliteFetcherOptions;

  constructor(options: PoliteFetcherOptions) {
    this.options = options;
    this.limiter = new SlidingWindowLimiter(
      options.limits,
      options.timing,
      options.limitMarginMs ?? DEFAULT_LIMIT_MARGIN_MS,
    );
  }

  /** Requests `url`; throws SOURCE_UNAVAILABLE after the last failed attempt, SOURCE_REFUSED at once on 3xx/4xx. */
  async request(url: string, o: RequestOptions = {}): Promise<FetchOutcome> {
    const { timing, backoff } = this.options;
    const method = o.method ?? 'GET';
    const headers: Record<string, string> = { 'user-agent': this.options.userAgent, ...o.headers };
    if (o.etag !== undefined) headers['if-none-match'] = o.etag;
    if (o.lastModified !== undefined) headers['if-modified-since'] = o.lastModified;
    let lastReason = '';
    for (let attempt = 1; attempt <= backoff.maxAttempts; attempt++) {
      await this.limiter.acquire();
      this.options.onEvent?.({ type: 'request', method, url, attempt });
      let response: Response;
      try {
        response = await this.options.fetch(url, {
          method,
          headers,
          ...(o.body === undefined ? {} : { body: o.body }),
          redirect: 'manual',
          signal: AbortSignal.timeout(this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
        });
      } catch (e) {
        lastReason = `network error: ${errorText(e)}`;
        await this.pause(url, lastReason, attempt, undefined);
        continue;
      }
      if (response.status === 304) {
        await response.body?.cancel();
        this.options.onEvent?.({ type: 'response', url, status: 304, bytes: 0 });
        return { kind: 'not-modified', url, status: 304 };
      }
      if (isRetryableStatus(response.status)) {
        await response.body?.cancel();
        lastReason = `HTTP ${String(response.status)}`;
        this.options.onEvent?.({ type: 'response', url, status: response.status, bytes: 0 });
        if (this.options.retryHttpErrors === false)
          throw new OrbwatchError(ErrorCode.SOURCE_UNAVAILABLE, `${method} ${url}: ${lastReason}`, {
            url,
            status: response.status,
            attempts: attempt,
            reason: lastReason,
          });
        await this.pause(url, lastReason, attempt, retryAfterMs(response.headers.get('retry-after'), timing.now()));
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        await response.body?.cancel();
        this.options.onEvent?.({ type: 'response', url, status: response.status, bytes: 0 });
        throw new OrbwatchError(
          ErrorCode.SOURCE_REFUSED,
          `${method} ${url}: HTTP ${String(response.status)}${locationText(response)}`,
          { url, status: response.status },
        );
      }
      let body: Uint8Array;
      try {
        body = new Uint8Array(await response.arrayBuffer());
      } catch (e) {
        lastReason = `network error while reading the body: ${errorText(e)}`;
        await this.pause(url, lastReason, attempt, undefined);
        continue;
      }
      this.options.onEvent?.({ type: 'response', url, status: response.status, bytes: body.byteLength });
      const etag = response.headers.get('etag');
      const lastModified = response.headers.get('last-modified');
      return {
        kind: 'body',
        url,
        status: response.status,
        body,
        ...(etag === null ? {} : { etag }),
        ...(lastModified === null ? {} : { lastModified }),
        headers: response.headers,
      };
    }
    throw new OrbwatchError(
      ErrorCode.SOURCE_UNAVAILABLE,
      `${method} ${url}: ${lastReason} after ${String(backoff.maxAttempts)} attempt(s)`,
      { url, attempts: backoff.maxAttempts, reason: lastReason },
    );
  }

  /** Sleeps before the next attempt (none after the last). */
  private async pause(url: string, reason: string, attempt: number, serverAskedMs: number | undefined): Promise<void> {
    const { backoff, timing } = this.options;
    if (attempt >= backoff.maxAttempts) return;
    const delayMs = Math.max(serverAskedMs ?? 0, fullJitterDelayMs(backoff, attempt - 1, timing.random));
    this.options.onEvent?.({ type: 'retry', url, reason, attempt, delayMs });
    await timing.sleep(delayMs);
  }
}

function errorText(e: unknown): string {
  if (e instanceof Error) {
    const cause = (e as { cause?: unknown }).cause;
    return cause instanceof Error ? `${e.message} (${cause.message})` : e.message;
  }
  return String(e);
}

function locationText(r: Response): string {
  const l = r.headers.get('location');
  return l === null ? '' : ` (moved to ${l})`;
}
