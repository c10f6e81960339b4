/**
 * CelesTrak GP data: OMM JSON (or 3LE) by group (`GROUP=stations`) or catalogue number
 * (`CATNR=25544`) from `gp.php`. Each query is fetched at most once per interval (default 2 h,
 * CelesTrak's usage policy asks for no more than once per hour and the GP data change a few times
 * a day), conditionally (`If-None-Match`/`If-Modified-Since`: a 304 costs no transfer). Stored
 * under the source name `celestrak` (official). See docs/design/watch.md for the etiquette.
 * @module
 */
import type { BackoffPolicy } from './backoff.js';
import type { PoliteFetcher } from './polite-fetcher.js';
import type { RateLimit } from './rate-limiter.js';
import { everySchedule } from './schedule.js';
import type { WatchSource } from './watch-source.js';

export const CELESTRAK_BASE_URL = 'https://celestrak.org';
export const CELESTRAK_SOURCE_NAME = 'celestrak';
/** Default time between two fetches of one query. */
export const CELESTRAK_DEFAULT_INTERVAL_MS = 2 * 3_600_000;

/** A few queries a minute is plenty for a handful of groups. */
export const CELESTRAK_LIMITS: readonly RateLimit[] = [
  { maxRequests: 10, perMs: 60_000 },
  { maxRequests: 100, perMs: 3_600_000 },
];
/**
 * Network errors (a reset keep-alive connection) are retried twice; an HTTP error is not
 * (`retryHttpErrors: false`): CelesTrak asks clients to stop at a non-200 answer, so the next
 * try is the next cycle, after the source's failure delay.
 */
export const CELESTRAK_BACKOFF: BackoffPolicy = { maxAttempts: 3, baseDelayMs: 5_000, maxDelayMs: 60_000 };

export type CelestrakQuery = { readonly group: string } | { readonly catnr: number };
export type CelestrakFormat = 'json' | '3le';

const GROUP_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** The GP query URL, e.g. `https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=json`. */
export function celestrakGpUrl(baseUrl: string, query: CelestrakQuery, format: CelestrakFormat = 'json'): string {
  const url = new URL('/NORAD/elements/gp.php', baseUrl);
  if ('group' in query) {
    if (!GROUP_RE.test(query.group)) throw new RangeError(`CelesTrak group '${query.group}': letters, digits, - _ .`);
    url.searchParams.set('GROUP', query.group);
  } else {
    if (!Number.isInteger(query.catnr) || query.catnr < 1 || query.catnr > 999_999_999)
      throw new RangeError(`CelesTrak CATNR ${String(query.catnr)}: an integer 1..999999999`);
    url.searchParams.set('CATNR', String(query.catnr));
  }
  url.searchParams.set('FORMAT', format.toUpperCase());
  return url.toString();
}

export interface CelestrakSourceOptions {
  readonly fetcher: PoliteFetcher;
  readonly baseUrl?: string;
  readonly format?: CelestrakFormat;
  readonly intervalMs?: number;
}

/** One CelesTrak GP query as a watched source. */
export function celestrakSource(query: CelestrakQuery, o: CelestrakSourceOptions): WatchSource {
  const format = o.format ?? 'json';
  const url = celestrakGpUrl(o.baseUrl ?? CELESTRAK_BASE_URL, query, format);
  const what = 'group' in query ? `GROUP=${query.group}` : `CATNR=${String(query.catnr)}`;
  const intervalMs = o.intervalMs ?? CELESTRAK_DEFAULT_INTERVAL_MS;
  return {
    key: `celestrak:${what}:${format}`,
    description: `CelesTrak GP ${what} (${format})`,
    storedAs: { name: CELESTRAK_SOURCE_NAME, kind: 'official' },
    schedule: everySchedule(intervalMs),
    failureDelayMs: intervalMs,
    fetch: async (previous) => {
      const r = await o.fetcher.request(url, {
        ...(previous?.etag == null ? {} : { etag: previous.etag }),
        ...(previous?.lastModified == null ? {} : { lastModified: previous.lastModified }),
      });
      if (r.kind === 'not-modified') return { kind: 'not-modified', url };
      return {
        kind: 'payload',
        url,
        file: url,
        data: r.body,
        etag: r.etag ?? null,
        lastModified: r.lastModified ?? null,
      };
    },
  };
}
