/**
 * Request limits: a token bucket per client (the peer address), a body size limit and page
 * sizes. A client over its rate gets 429 with `Retry-After`; reads of the SSE stream count once
 * per connection.
 * @module
 */
export interface ApiLimits {
  /** Sustained requests per second per client. */
  readonly ratePerSec: number;
  /** Requests a client may send at once before the sustained rate applies. */
  readonly burst: number;
  /** Largest request body, bytes (POST /api/element-sets: the text of an ingest). */
  readonly maxBodyBytes: number;
  /** Default and largest page size of the lists. */
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** Open SSE connections at once (all clients). */
  readonly maxStreams: number;
  /** GET responses kept while the database is unchanged (0: no cache). */
  readonly responseCacheEntries: number;
}

export const DEFAULT_LIMITS: ApiLimits = {
  ratePerSec: 50,
  burst: 200,
  maxBodyBytes: 16 * 1024 * 1024,
  defaultPageSize: 50,
  maxPageSize: 500,
  maxStreams: 100,
  responseCacheEntries: 512,
};

/** Clients remembered at most (the least recently seen are forgotten first). */
const MAX_CLIENTS = 10_000;

export class RateLimiter {
  readonly #rate: number;
  readonly #burst: number;
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(ratePerSec: number, burst: number) {
    this.#rate = ratePerSec;
    this.#burst = Math.max(1, burst);
  }

  /** 0 when the request may go on, else the seconds to wait. */
  take(client: string, nowMs: number): number {
    if (!Number.isFinite(this.#rate)) return 0;
    const b = this.#buckets.get(client) ?? { tokens: this.#burst, at: nowMs };
    this.#buckets.delete(client); // re-inserted last: Map order is least recently seen first
    b.tokens = Math.min(this.#burst, b.tokens + ((nowMs - b.at) / 1000) * this.#rate);
    b.at = nowMs;
    let wait = 0;
    if (b.tokens >= 1) b.tokens -= 1;
    else wait = Math.max(1, Math.ceil((1 - b.tokens) / this.#rate));
    this.#buckets.set(client, b);
    if (this.#buckets.size > MAX_CLIENTS) {
      const oldest = this.#buckets.keys().next().value;
      if (oldest !== undefined) this.#buckets.delete(oldest);
    }
    return wait;
  }
}
