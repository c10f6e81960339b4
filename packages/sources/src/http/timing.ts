/**
 * What the HTTP clients need from the outside world, passed in so tests control it: `fetch`
 * (a local server in tests), the clock, sleeping and randomness (jitter, the Space-Track minute).
 * @module
 */

/** The subset of the WHATWG `fetch` the clients use. */
export type FetchLike = (
  url: string,
  init?: {
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    redirect?: 'manual' | 'follow' | 'error';
    signal?: AbortSignal;
  },
) => Promise<Response>;

export interface Timing {
  /** Wall clock, ms since 1970. */
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1). */
  readonly random: () => number;
}

/** The process's own clock, timers and `Math.random`. */
export const SYSTEM_TIMING: Timing = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise((resolve) => {
      setTimeout(resolve, Math.max(0, ms));
    }),
  random: () => Math.random(),
};
