/**
 * The catalogue clients against a local server: CelesTrak GP URLs and conditional fetches,
 * the Space-Track session (login form, cookie, a 401 answered by one new login, a refused login
 * as SOURCE_REFUSED) and its query URLs, McCants' classfd.zip unzipped to the real classfd.tle
 * (fixture zipped by Info-ZIP), and the schedules' spacing rules.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorCode, isOrbwatchError } from '@orbwatch/core';
import type { ScriptedServer } from '../../test/scripted-server.js';
import { startScriptedServer } from '../../test/scripted-server.js';
import { celestrakGpUrl, celestrakSource } from './celestrak.js';
import { MCCANTS_SOURCE_NAME, mccantsSource } from './mccants.js';
import { PoliteFetcher } from './polite-fetcher.js';
import { dailyAfter, everySchedule, hourlyAtMinute, randomMinute, weeklyAfter } from './schedule.js';
import {
  SpaceTrackSession,
  spaceTrackCredentialsFromEnv,
  spaceTrackDecayUrl,
  spaceTrackGpHistoryUrl,
  spaceTrackGpUrl,
  spaceTrackSources,
} from './spacetrack.js';
import { SYSTEM_TIMING } from './timing.js';
import { readZipMember, zipMemberNames } from './zip.js';

const FIXTURES = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../../fixtures/catalog-snapshots/celestrak-tle-mirror-2026-07-24',
);

const fetcher = (): PoliteFetcher =>
  new PoliteFetcher({
    fetch,
    timing: SYSTEM_TIMING,
    limits: [{ maxRequests: 50, perMs: 1_000 }],
    limitMarginMs: 0,
    backoff: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 20 },
    userAgent: 'orbwatch-test',
  });

describe('catalogue clients', () => {
  let server: ScriptedServer;
  beforeEach(async () => {
    server = await startScriptedServer();
  });
  afterEach(async () => {
    await server.close();
  });

  it('CelesTrak: GP URLs by group and catalogue number; a conditional fetch sends the last validators', async () => {
    expect(celestrakGpUrl('https://celestrak.org', { group: 'stations' })).toBe(
      'https://celestrak.org/NORAD/elements/gp.php?GROUP=stations&FORMAT=JSON',
    );
    expect(celestrakGpUrl('https://celestrak.org', { catnr: 25544 }, '3le')).toBe(
      'https://celestrak.org/NORAD/elements/gp.php?CATNR=25544&FORMAT=3LE',
    );
    expect(() => celestrakGpUrl('https://celestrak.org', { group: 'a&b' })).toThrow(RangeError);
    const json = readFileSync(resolve(FIXTURES, '../../omm/celestrak-gp-2026-03/celestrak_stations_gp.json'));
    server.queue.push({
      status: 200,
      headers: { etag: '"s1"', 'last-modified': 'Sun, 15 Mar 2026 00:00:00 GMT' },
      body: json,
    });
    server.queue.push({ status: 304 });
    const source = celestrakSource({ group: 'stations' }, { fetcher: fetcher(), baseUrl: server.baseUrl });
    expect(source.storedAs).toEqual({ name: 'celestrak', kind: 'official' });
    const first = await source.fetch(undefined, 0);
    expect(first.kind).toBe('payload');
    if (first.kind !== 'payload') return;
    expect(Buffer.from(first.data).equals(json)).toBe(true);
    expect(first.etag).toBe('"s1"');
    const second = await source.fetch({ etag: first.etag, lastModified: first.lastModified, lastSuccessAt: 0 }, 1);
    expect(second.kind).toBe('not-modified');
    expect(server.log[0]?.url).toBe('/NORAD/elements/gp.php?GROUP=stations&FORMAT=JSON');
    expect(server.log[1]?.headers['if-none-match']).toBe('"s1"');
    expect(server.log[1]?.headers['if-modified-since']).toBe('Sun, 15 Mar 2026 00:00:00 GMT');
  });

  it('Space-Track: logs in with the form, sends the cookie, logs in again once after a 401', async () => {
    let logins = 0;
    server.fallback = (req) => {
      if (req.url === '/ajaxauth/login') {
        logins++;
        return {
          status: 200,
          headers: { 'set-cookie': [`chocolatechip=c${String(logins)}; path=/; HttpOnly`] },
          body: '""',
        };
      }
      return { status: 200, body: '0 ISS (ZARYA)\n' };
    };
    const credentials = spaceTrackCredentialsFromEnv({
      ORBWATCH_SPACETRACK_USER: 'analyst@example.org',
      ORBWATCH_SPACETRACK_PASSWORD: 'p&ss word',
    });
    expect(credentials).toBeDefined();
    if (credentials === undefined) return;
    expect(spaceTrackCredentialsFromEnv({ ORBWATCH_SPACETRACK_USER: 'x' })).toBeUndefined();
    const session = new SpaceTrackSession(fetcher(), credentials, server.baseUrl);
    const gp = spaceTrackGpUrl(server.baseUrl);
    await session.get(gp);
    server.queue.push({ status: 401 });
    await session.get(gp);
    expect(server.log.map((l) => `${l.method} ${l.url} ${String(l.status)}`)).toEqual([
      'POST /ajaxauth/login 200',
      'GET /basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/3le 200',
      'GET /basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/3le 401',
      'POST /ajaxauth/login 200',
      'GET /basicspacedata/query/class/gp/decay_date/null-val/epoch/%3Enow-30/orderby/norad_cat_id/format/3le 200',
    ]);
    expect(new URLSearchParams(server.log[0]?.body)).toEqual(
      new URLSearchParams({ identity: 'analyst@example.org', password: 'p&ss word' }),
    );
    expect(server.log[1]?.headers.cookie).toBe('chocolatechip=c1');
    expect(server.log[4]?.headers.cookie).toBe('chocolatechip=c2');
  });

  it('Space-Track: a refused login is SOURCE_REFUSED and no query is sent', async () => {
    server.queue.push({ status: 200, body: '{"Login":"Failed"}' });
    const session = new SpaceTrackSession(fetcher(), { identity: 'a', password: 'b' }, server.baseUrl);
    const e = await session.get(spaceTrackGpUrl(server.baseUrl)).catch((x: unknown) => x);
    expect(isOrbwatchError(e) && e.code).toBe(ErrorCode.SOURCE_REFUSED);
    expect(server.log).toHaveLength(1);
  });

  it('Space-Track: query URLs and the watched sources with their schedules', () => {
    expect(spaceTrackGpHistoryUrl('https://www.space-track.org', [43013, 25544], '2026-05-01T00:00:00.000Z')).toBe(
      'https://www.space-track.org/basicspacedata/query/class/gp_history/NORAD_CAT_ID/25544,43013/CREATION_DATE/%3E2026-05-01%2000:00:00/orderby/EPOCH%20asc/format/3le',
    );
    const session = new SpaceTrackSession(fetcher(), { identity: 'a', password: 'b' }, 'https://www.space-track.org');
    const sources = spaceTrackSources({ session, gpMinute: 17, historyIds: [25544] });
    expect(sources.map((s) => s.key)).toEqual([
      'space-track:gp',
      'space-track:gp_history:25544',
      'space-track:satcat',
      'space-track:decay',
    ]);
    expect(sources.every((s) => s.storedAs.name === 'space-track' && s.storedAs.kind === 'official')).toBe(true);
    expect(sources[3]?.schedule.text).toBe('weekly on Wednesday at 17:27 UTC');
    expect(spaceTrackDecayUrl('https://www.space-track.org')).toBe(
      'https://www.space-track.org/basicspacedata/query/class/decay/DECAY_EPOCH/%3Enow-60/orderby/NORAD_CAT_ID%20asc/format/json',
    );
    expect(spaceTrackSources({ session, gpMinute: 17, decay: false }).map((s) => s.key)).not.toContain(
      'space-track:decay',
    );
  });

  it('McCants: classfd.zip is unzipped to the real classfd.tle and stored as amateur', async () => {
    const zip = readFileSync(resolve(FIXTURES, 'classfd.zip'));
    const tle = gunzipSync(readFileSync(resolve(FIXTURES, 'classfd.tle.gz')));
    expect(zipMemberNames(zip)).toEqual(['classfd.tle']);
    expect(Buffer.from(readZipMember(zip, (n) => n === 'classfd.tle')?.data ?? []).equals(tle)).toBe(true);
    // a damaged archive is an error, not silently short data
    const damaged = Buffer.from(zip);
    damaged[100] = (damaged[100] ?? 0) ^ 0xff;
    expect(() => readZipMember(damaged, () => true)).toThrow(RangeError);

    server.queue.push({ status: 200, body: zip });
    const source = mccantsSource({ fetcher: fetcher(), url: `${server.baseUrl}/classfd.zip` });
    expect(source.storedAs).toEqual({ name: MCCANTS_SOURCE_NAME, kind: 'amateur' });
    const r = await source.fetch(undefined, 0);
    expect(r.kind).toBe('payload');
    if (r.kind === 'payload') {
      expect(Buffer.from(r.data).equals(tle)).toBe(true);
      expect(r.file).toBe(`${server.baseUrl}/classfd.zip#classfd.tle`);
    }
  });
});

describe('schedules', () => {
  const H = 3_600_000;
  it('Space-Track GP: hourly at the chosen minute, never two fetches less than an hour apart', () => {
    const s = hourlyAtMinute(17);
    const start = Date.UTC(2026, 4, 1, 9, 40);
    expect(s.first(start)).toBe(start); // a new catalogue does not wait
    let t = s.next(start);
    expect(new Date(t).toISOString()).toBe('2026-05-01T11:17:00.000Z');
    for (let k = 0; k < 30; k++) {
      const next = s.next(t + k * 1_000);
      expect(next - t).toBeGreaterThanOrEqual(H);
      expect(new Date(next).getUTCMinutes()).toBe(17);
      t = next;
    }
  });
  it('the random minute stays away from the top and bottom of the hour', () => {
    const minutes = new Set(Array.from({ length: 400 }, (_, k) => randomMinute(() => k / 400)));
    for (const m of minutes) expect(m < 5 || (m >= 25 && m < 35) || m >= 55).toBe(false);
    expect(minutes.size).toBe(40);
  });
  it('decay: weekly on Wednesdays after 17:00 UTC, never sooner than six days after a fetch', () => {
    const w = weeklyAfter(3, 17, 25);
    // 2026-12-06 is a Sunday: the next Wednesday is 12-09
    expect(new Date(w.first(Date.UTC(2026, 11, 6, 8))).toISOString()).toBe('2026-12-09T17:25:00.000Z');
    // on a Wednesday before the slot: that day; after it: a week later
    expect(new Date(w.first(Date.UTC(2026, 11, 9, 17, 0))).toISOString()).toBe('2026-12-09T17:25:00.000Z');
    expect(new Date(w.first(Date.UTC(2026, 11, 9, 17, 26))).toISOString()).toBe('2026-12-16T17:25:00.000Z');
    let t = w.first(Date.UTC(2026, 0, 1));
    for (let k = 0; k < 60; k++) {
      const next = w.next(t + k * 3_600_000);
      expect(new Date(next).getUTCDay()).toBe(3);
      expect(new Date(next).getUTCHours() * 60 + new Date(next).getUTCMinutes()).toBe(17 * 60 + 25);
      expect(next - t).toBeGreaterThanOrEqual(6 * 24 * H);
      t = next;
    }
    expect(() => weeklyAfter(7, 17, 0)).toThrow(RangeError);
  });
  it('SATCAT: daily after 17:00 UTC; CelesTrak: every interval', () => {
    const d = dailyAfter(17, 20);
    expect(new Date(d.first(Date.UTC(2026, 4, 1, 9))).toISOString()).toBe('2026-05-01T17:20:00.000Z');
    expect(new Date(d.next(Date.UTC(2026, 4, 1, 17, 20))).toISOString()).toBe('2026-05-02T17:20:00.000Z');
    const e = everySchedule(2 * H);
    expect(e.first(5)).toBe(5);
    expect(e.next(5)).toBe(5 + 2 * H);
  });
});
