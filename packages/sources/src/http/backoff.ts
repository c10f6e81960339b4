/**
 * Retry delays: exponential backoff with full jitter (a uniform draw in [0, min(cap, base·2ⁿ)),
 * so clients that failed together do not return together), never shorter than what the server
 * asked for in `Retry-After` (seconds or an HTTP date).
 * @module
 */

export interface BackoffPolicy {
  /** Attempts per request, the first included (1 = no retry). */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/** Delay before retry number `retry` (0 for the first retry). */
export function fullJitterDelayMs(policy: BackoffPolicy, retry: number, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** `Retry-After` as ms from `now`; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now: number): number | undefined {
  if (header === null) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
