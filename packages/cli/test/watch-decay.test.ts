/**
 * Space-Track decay messages watched from a local Space-Track-style server (127.0.0.1, never the
 * internet) serving four real recorded decay records (fixtures/decay/PROVENANCE.md): the decay
 * query waits for Wednesday after 17:00 UTC, is not asked again before the next Wednesday, a
 * re-fetch stores nothing twice, and `orbwatch object` (the built binary) shows a decay fact
 * with where it came from, and a prediction only as a prediction with its message epoch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instant } from '@orbwatch/core';
import type { WatchLogEntry } from '@orbwatch/app';
import { watchOnce } from '@orbwatch/app';
import { openSqliteCatalog } from '@orbwatch/store';
import {
  PoliteFetcher,
  SYSTEM_TIMING,
  SpaceTrackSession,
  spaceTrackDecayUrl,
  spaceTrackSources,
} from '@orbwatch/sources';
import { REPO_ROOT, runCli, tempDb } from './run-cli.js';
import type { CatalogueServer } from './support/catalogue-server.js';
import { startCatalogueServer } from './support/catalogue-server.js';

const recorded = readFileSync(join(REPO_ROOT, 'fixtures/decay/spacetrack-decay_recorded.json'));

interface ObjectJson {
  object: { norad: number; name: string | null; decayDateUtc: string | null };
  decay: {
    status: string;
    decayDateUtc: string | null;
    from: string | null;
    source: string | null;
    message: { type: string; messageSource: string; messageEpochUtc: string | null } | null;
    latestPrediction: { type: string; messageEpochUtc: string | null; decayEpochUtc: string; precision: string } | null;
  };
}

describe('orbwatch watch: Space-Track decay messages', () => {
  let server: CatalogueServer;
  beforeAll(async () => {
    server = await startCatalogueServer();
    server.serve('/ajaxauth/login', {
      body: new TextEncoder().encode('""'),
      headers: { 'set-cookie': 'chocolatechip=d1; path=/' },
    });
  });
  afterAll(async () => {
    await server.close();
  });

  it('fetches decay on Wednesdays after 17:00 UTC, not before it is due, stores facts and predictions apart', async () => {
    const decayPath = new URL(spaceTrackDecayUrl(server.baseUrl)).pathname;
    server.serve(decayPath, { body: recorded, contentType: 'application/json' });
    const db = tempDb();
    const repo = openSqliteCatalog(db);
    const log: WatchLogEntry[] = [];
    let now = instant(Date.UTC(2026, 11, 6, 8, 0)); // Sunday
    const clock = { now: () => now };
    const fetcher = new PoliteFetcher({
      fetch,
      timing: SYSTEM_TIMING,
      // the production limits are tested in polite-fetcher.test.ts; this test only needs them not to wait
      limits: [{ maxRequests: 100, perMs: 1_000 }],
      backoff: { maxAttempts: 2, baseDelayMs: 10, maxDelayMs: 100 },
      userAgent: 'orbwatch-test',
    });
    const session = new SpaceTrackSession(fetcher, { identity: 'analyst@example.org', password: 's' }, server.baseUrl);
    const sources = spaceTrackSources({ session, gpMinute: 15, decayMinute: 25 }).filter(
      (s) => s.key === 'space-track:decay',
    );
    const options = { sources, detect: null, log: (e: WatchLogEntry) => log.push(e), random: () => 0.5 };
    const requests = (): string[] =>
      server.log.map((l) => `${l.method} ${l.url.split('?')[0] ?? ''} ${String(l.status)}`);
    try {
      // Sunday, then Wednesday 17:20 (before the minute): not due, nothing asked
      for (const t of [Date.UTC(2026, 11, 6, 8, 0), Date.UTC(2026, 11, 9, 17, 20)]) {
        now = instant(t);
        expect((await watchOnce(repo, options, clock)).notDue).toBe(1);
      }
      expect(server.log).toEqual([]);
      expect(log.at(-1)).toMatchObject({ action: 'not-due', source: 'space-track:decay' });
      expect(log.at(-1)?.message).toContain('2026-12-09T17:25:00.000Z (weekly on Wednesday at 17:25 UTC)');

      // Wednesday 17:30: logged in, fetched, 4 messages stored, 3 empty decay dates filled
      now = instant(Date.UTC(2026, 11, 9, 17, 30));
      const first = await watchOnce(repo, options, clock);
      expect(first.fetched).toBe(1);
      expect(requests()).toEqual([`POST /ajaxauth/login 200`, `GET ${decayPath} 200`]);
      const ingested = log.find((e) => e.action === 'ingested');
      expect(ingested?.details).toMatchObject({
        decayMessages: 4,
        decay: { stored: 4, duplicates: 0, decayDatesFilled: 3 },
        accepted: 0,
      });
      expect(repo.db.prepare('SELECT count(*) FROM decay_messages').pluck().get()).toBe(4);

      // an hour later, and the next Tuesday: not due, no request
      for (const t of [Date.UTC(2026, 11, 9, 18, 30), Date.UTC(2026, 11, 15, 17, 30)]) {
        now = instant(t);
        expect((await watchOnce(repo, options, clock)).notDue).toBe(1);
      }
      expect(server.log).toHaveLength(2);

      // the next Wednesday: a conditional GET; unchanged, so 304 and nothing ingested
      now = instant(Date.UTC(2026, 11, 16, 17, 30));
      expect((await watchOnce(repo, options, clock)).notModified).toBe(1);
      expect(server.log.at(-1)).toMatchObject({ status: 304 });

      // a week later the answer changed form (one line): fetched, every message already stored
      server.serve(decayPath, { body: Buffer.from(JSON.stringify(JSON.parse(recorded.toString('utf8')))) });
      now = instant(Date.UTC(2026, 11, 23, 17, 30));
      expect((await watchOnce(repo, options, clock)).fetched).toBe(1);
      expect(log.filter((e) => e.action === 'ingested').at(-1)?.details).toMatchObject({
        decay: { stored: 0, duplicates: 4, decayDatesFilled: 0 },
      });
      expect(repo.db.prepare('SELECT count(*) FROM decay_messages').pluck().get()).toBe(4);
    } finally {
      repo.close();
    }

    // what a user sees: the built binary on the same database
    const show = (norad: number): ObjectJson => {
      const r = runCli(['object', String(norad), '--db', db, '--json']);
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as ObjectJson;
    };
    const htv2 = show(37351);
    expect(htv2.object).toMatchObject({ name: 'HTV 2', decayDateUtc: '2011-03-30T00:00:00.000Z' });
    expect(htv2.decay).toMatchObject({
      status: 'decayed',
      decayDateUtc: '2011-03-30T00:00:00.000Z',
      from: 'decay-message',
      source: 'space-track',
      message: { type: 'Historical', messageSource: 'decay_msg', messageEpochUtc: '2011-03-30T04:13:00.000Z' },
      latestPrediction: null,
    });
    // 4917: only the 60-day prediction of 2018-02-07 (for 2019-03-23; it decayed 2018-03-08): never a decay date
    const thorad = show(4917);
    expect(thorad.object).toMatchObject({ norad: 4917, name: 'THORAD AGENA D DEB', decayDateUtc: null });
    expect(thorad.decay).toMatchObject({
      status: 'predicted',
      decayDateUtc: null,
      from: null,
      latestPrediction: {
        type: 'Prediction',
        messageEpochUtc: '2018-02-07T16:37:02.000Z',
        decayEpochUtc: '2019-03-23T00:00:00.000Z',
        precision: 'day',
      },
    });
    const text = runCli(['object', '4917', '--db', db]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('decayed: not known');
    expect(text.stdout).toMatch(/PREDICTION \(not a decay date\): 2019-03-23 \(UTC day\) .*issued 2018-02-07T16:37:02/);
    const unknown = runCli(['object', '99999', '--db', db]);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('NOT_FOUND');
  });
});
