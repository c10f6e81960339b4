/**
 * A sliding-window rate limiter: before each request the caller waits until every configured
 * window (`maxRequests` per `perMs`) has room, then the request's start time is recorded. Every
 * request counts: retries, logins, 304s. Each window is widened by a margin (see the constructor). Several windows at once express a provider's limits,
 * e.g. Space-Track's "fewer than 30 per minute and 300 per hour". Waiters are served one at a
 * time, in order.
 * @module
 */
import type { Timing } from './timing.js';

export interface RateLimit {
  readonly maxRequests: number;
  readonly perMs: number;
}

export class SlidingWindowLimiter {
  private readonly starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly longestMs: number;
  readonly limits: readonly RateLimit[];
  private readonly timing: Timing;

  private readonly marginMs: number;

  /**
   * `marginMs` is added to every window: the provider counts a request when it arrives, a little
   * after the slot was taken here, so two requests one window apart could otherwise fall into one
   * window on the provider's side.
   */
  constructor(limits: readonly RateLimit[], timing: Timing, marginMs = 0) {
    this.limits = limits;
    this.timing = timing;
    this.marginMs = marginMs;
    for (const l of limits) {
      if (!Number.isInteger(l.maxRequests) || l.maxRequests < 1 || !(l.perMs > 0))
        throw new RangeError(`rate limit ${JSON.stringify(l)}: need maxRequests ≥ 1 and perMs > 0`);
    }
    this.longestMs = Math.max(0, ...limits.map((l) => l.perMs)) + marginMs;
  }

  /** Waits for a slot and takes it; resolves with the time the slot was taken. */
  acquire(): Promise<number> {
    const taken = this.queue.then(() => this.take());
    this.queue = taken.then(
      () => undefined,
      () => undefined,
    );
    return taken;
  }

  /** How long a request starting at `now` would have to wait (0 = a slot is free). */
  waitMs(now: number): number {
    let wait = 0;
    for (const limit of this.limits) {
      const maxRequests = limit.maxRequests;
      const perMs = limit.perMs + this.marginMs;
      const inWindow = this.starts.filter((t) => t > now - perMs);
      if (inWindow.length >= maxRequests) {
        // the slot frees when the oldest request that keeps the window full leaves it
        const oldest = inWindow[inWindow.length - maxRequests] ?? now;
        wait = Math.max(wait, oldest + perMs - now);
      }
    }
    return wait;
  }

  private async take(): Promise<number> {
    for (;;) {
      const now = this.timing.now();
      const wait = this.waitMs(now);
      if (wait <= 0) {
        this.starts.push(now);
        while (this.starts.length > 0 && (this.starts[0] ?? now) <= now - this.longestMs) this.starts.shift();
        return now;
      }
      await this.timing.sleep(wait + 1);
    }
  }
}
