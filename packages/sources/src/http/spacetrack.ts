/**
 * Space-Track.org: a cookie session (POST `/ajaxauth/login` with `identity` and `password`, from
 * the environment: ORBWATCH_SPACETRACK_USER, ORBWATCH_SPACETRACK_PASSWORD) and the watched
 * queries `gp` (the current catalogue, 3LE), `gp_history` for chosen objects (sets created since
 * the last fetch), `satcat` (JSON, read by core's Space-Track SATCAT dialect) and `decay` (JSON,
 * the messages of the last 60 days and the predictions beyond, read by core's decay reader: facts
 * and predictions, never SATCAT rows). Space-Track's API use guidelines are kept by construction:
 * one fetcher for the host, limited to fewer than 30 requests a minute and 300 an hour (19 and
 * 250 here, logins included); GP once an hour at a minute drawn away from the top and bottom of
 * the hour; SATCAT once a day after 17:00 UTC; gp_history daily and incremental; decay once a
 * week on Wednesdays after 17:00 UTC. Everything is stored under the source name `space-track`
 * (official).
 * @module
 */
import { ErrorCode, OrbwatchError, isOrbwatchError } from '@orbwatch/core';
import type { PoliteFetcher } from './polite-fetcher.js';
import type { RateLimit } from './rate-limiter.js';
import { dailyAfter, hourlyAtMinute, weeklyAfter } from './schedule.js';
import type { PreviousFetch, WatchSource } from './watch-source.js';

export const SPACETRACK_BASE_URL = 'https://www.space-track.org';
export const SPACETRACK_SOURCE_NAME = 'space-track';
/**
 * Below every published limit: fewer than 30 a minute and 300 an hour (the current limits), and
 * the older documentation's "less than 20 requests per minute" (docs/design/watch.md).
 */
export const SPACETRACK_LIMITS: readonly RateLimit[] = [
  { maxRequests: 19, perMs: 60_000 },
  { maxRequests: 250, perMs: 3_600_000 },
];
export const SPACETRACK_USER_ENV = 'ORBWATCH_SPACETRACK_USER';
export const SPACETRACK_PASSWORD_ENV = 'ORBWATCH_SPACETRACK_PASSWORD';

export interface SpaceTrackCredentials {
  readonly identity: string;
  readonly password: string;
}

/** Credentials from the environment; undefined when either variable is unset or empty. */
export function spaceTrackCredentialsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SpaceTrackCredentials | undefined {
  const identity = env[SPACETRACK_USER_ENV];
  const password = env[SPACETRACK_PASSWORD_ENV];
  if (identity === undefined || identity === '' || password === undefined || password === '') return undefined;
  return { identity, password };
}

const Q = '/basicspacedata/query/class';

/** Every object not decayed with an epoch in the last 30 days (Space-Track's recommended GP query), 3LE. */
export function spaceTrackGpUrl(baseUrl: string): string {
  return new URL(`${Q}/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/3le`, baseUrl).toString();
}

/** The element sets of `noradIds` created after `since` (ISO 8601), oldest epoch first, 3LE. */
export function spaceTrackGpHistoryUrl(baseUrl: string, noradIds: readonly number[], since: string): string {
  if (noradIds.length === 0) throw new RangeError('gp_history: at least one NORAD id');
  for (const n of noradIds)
    if (!Number.isInteger(n) || n < 1 || n > 339_999) throw new RangeError(`NORAD id ${String(n)}: 1..339999`);
  const ids = [...noradIds].sort((a, b) => a - b).join(',');
  const at = since.replace(/\.\d+Z$|Z$/, '').replace('T', '%20');
  return new URL(
    `${Q}/gp_history/NORAD_CAT_ID/${ids}/CREATION_DATE/%3E${at}/orderby/EPOCH%20asc/format/3le`,
    baseUrl,
  ).toString();
}

/** The whole SATCAT, JSON. */
export function spaceTrackSatcatUrl(baseUrl: string): string {
  return new URL(`${Q}/satcat/orderby/NORAD_CAT_ID%20asc/format/json`, baseUrl).toString();
}

/**
 * Decay messages whose DECAY_EPOCH is after `days` days ago, JSON: the decays of that window
 * (Historical) and every prediction of a later decay (Prediction), in one query.
 */
export function spaceTrackDecayUrl(baseUrl: string, days = 60): string {
  return new URL(
    `${Q}/decay/DECAY_EPOCH/%3Enow-${String(days)}/orderby/NORAD_CAT_ID%20asc/format/json`,
    baseUrl,
  ).toString();
}

/** A logged-in session; logs in on first use and again once when a query answers 401. */
export class SpaceTrackSession {
  private cookie: string | undefined;
  private readonly fetcher: PoliteFetcher;
  private readonly credentials: SpaceTrackCredentials;
  readonly baseUrl: string;

  constructor(fetcher: PoliteFetcher, credentials: SpaceTrackCredentials, baseUrl: string = SPACETRACK_BASE_URL) {
    this.fetcher = fetcher;
    this.credentials = credentials;
    this.baseUrl = baseUrl;
  }

  async login(): Promise<void> {
    const url = new URL('/ajaxauth/login', this.baseUrl).toString();
    const body = new URLSearchParams({ identity: this.credentials.identity, password: this.credentials.password });
    const r = await this.fetcher.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
    const text = r.kind === 'body' ? new TextDecoder().decode(r.body) : '';
    const cookies = r.kind === 'body' ? r.headers.getSetCookie().map((c) => c.split(';')[0] ?? '') : [];
    // Space-Track answers a refused login with 200 and {"Login":"Failed"}
    if (/"Login"\s*:\s*"Failed"/i.test(text) || cookies.length === 0)
      throw new OrbwatchError(
        ErrorCode.SOURCE_REFUSED,
        `Space-Track login refused for ${this.credentials.identity}; check ${SPACETRACK_USER_ENV} and ${SPACETRACK_PASSWORD_ENV}`,
        { url },
      );
    this.cookie = cookies.filter((c) => c !== '').join('; ');
  }

  /** GET `url` in the session. */
  async get(url: string, previous?: PreviousFetch): Promise<Awaited<ReturnType<PoliteFetcher['request']>>> {
    if (this.cookie === undefined) await this.login();
    const ask = (): ReturnType<PoliteFetcher['request']> =>
      this.fetcher.request(url, {
        headers: { cookie: this.cookie ?? '' },
        ...(previous?.etag == null ? {} : { etag: previous.etag }),
        ...(previous?.lastModified == null ? {} : { lastModified: previous.lastModified }),
      });
    try {
      return await ask();
    } catch (e) {
      if (!(isOrbwatchError(e) && e.code === ErrorCode.SOURCE_REFUSED && e.details['status'] === 401)) throw e;
      this.cookie = undefined;
      await this.login();
      return ask();
    }
  }
}

export interface SpaceTrackSourcesOptions {
  readonly session: SpaceTrackSession;
  /** The GP query's minute past the hour (see `randomMinute`). */
  readonly gpMinute: number;
  /** Objects whose `gp_history` is watched (none: not watched). */
  readonly historyIds?: readonly number[];
  /** How far back the first gp_history fetch reaches, ms (default 30 days). */
  readonly historyStartMs?: number;
  /** Watch the SATCAT (default true). */
  readonly satcat?: boolean;
  /** The SATCAT's minute past 17:00 UTC. */
  readonly satcatMinute?: number;
  /** Watch the decay messages (default true). */
  readonly decay?: boolean;
  /** The decay query's minute past 17:00 UTC on Wednesdays. */
  readonly decayMinute?: number;
}

/** Space-Track's day for the 60-day decay data: Wednesday (UTC). */
export const SPACETRACK_DECAY_WEEKDAY = 3;

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** The watched Space-Track queries. */
export function spaceTrackSources(o: SpaceTrackSourcesOptions): WatchSource[] {
  const base = o.session.baseUrl;
  const storedAs = { name: SPACETRACK_SOURCE_NAME, kind: 'official' as const };
  const out: WatchSource[] = [];
  const gpUrl = spaceTrackGpUrl(base);
  out.push({
    key: 'space-track:gp',
    description: 'Space-Track gp (3LE)',
    storedAs,
    schedule: hourlyAtMinute(o.gpMinute),
    failureDelayMs: HOUR_MS,
    fetch: async (previous) => payloadOf(gpUrl, await o.session.get(gpUrl, previous)),
  });
  const ids = o.historyIds ?? [];
  if (ids.length > 0) {
    out.push({
      key: `space-track:gp_history:${[...ids].sort((a, b) => a - b).join(',')}`,
      description: `Space-Track gp_history of ${String(ids.length)} object(s) (3LE)`,
      storedAs,
      schedule: dailyAfter(17, (o.gpMinute + 20) % 60),
      failureDelayMs: HOUR_MS,
      fetch: async (previous, now) => {
        // sets created since a day before the last success: the overlap comes back as duplicates
        const since =
          previous?.lastSuccessAt == null ? now - (o.historyStartMs ?? 30 * DAY_MS) : previous.lastSuccessAt - DAY_MS;
        const url = spaceTrackGpHistoryUrl(base, ids, new Date(since).toISOString());
        return payloadOf(url, await o.session.get(url));
      },
    });
  }
  if (o.satcat !== false) {
    const url = spaceTrackSatcatUrl(base);
    out.push({
      key: 'space-track:satcat',
      description: 'Space-Track satcat (JSON)',
      storedAs,
      schedule: dailyAfter(17, o.satcatMinute ?? o.gpMinute),
      failureDelayMs: 6 * HOUR_MS,
      fetch: async (previous) => payloadOf(url, await o.session.get(url, previous)),
    });
  }
  if (o.decay !== false) {
    const url = spaceTrackDecayUrl(base);
    out.push({
      key: 'space-track:decay',
      description: 'Space-Track decay (JSON, 60 days)',
      storedAs,
      schedule: weeklyAfter(SPACETRACK_DECAY_WEEKDAY, 17, o.decayMinute ?? (o.gpMinute + 10) % 60),
      failureDelayMs: 6 * HOUR_MS,
      fetch: async (previous) => payloadOf(url, await o.session.get(url, previous)),
    });
  }
  return out;
}

function payloadOf(
  url: string,
  r: Awaited<ReturnType<PoliteFetcher['request']>>,
): Awaited<ReturnType<WatchSource['fetch']>> {
  if (r.kind === 'not-modified') return { kind: 'not-modified', url };
  return { kind: 'payload', url, file: url, data: r.body, etag: r.etag ?? null, lastModified: r.lastModified ?? null };
}
