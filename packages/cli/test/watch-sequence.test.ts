/**
 * Watch mode against a local CelesTrak-style server serving recorded real element sets:
 * successive days of history-2026 (ISS, Progress MS-33, Cygnus NG-24 and the ten CentiSpace-2
 * satellites of one launch, their 3LE sets split by the UTC day of their epoch), one file per
 * day. The watcher (fetch → spool → ingest → incremental detection, one cycle per day) must
 * store the same element sets and the same events (kind, objects and roles, start, end,
 * measures; ids aside) as ingesting the same files directly and running `detect` after each.
 * A second fetch of an unchanged day is a conditional GET answered 304, and downloads nothing.
 *
 * Later estimates supersede earlier ones: detection after each day leaves live (not superseded)
 * the same manoeuvres as one detection after all days, and the same proximity episodes as one
 * run with a window covering every day — exactly so with that window on every run, and with the
 * default 7-day window because each run searches a pair with an ongoing episode from its start;
 * each superseded event stays readable by id and points to its later estimate (or says the
 * re-run withdrew it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instant } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import type { WatchLogEntry } from '@orbwatch/app';
import { DETECTOR_KINDS, sameEstimate, ingestTexts, runDetection, watchOnce } from '@orbwatch/app';
import type { SqliteCatalogRepository, StoredEvent } from '@orbwatch/store';
import { openSqliteCatalog } from '@orbwatch/store';
import { CELESTRAK_BACKOFF, PoliteFetcher, SYSTEM_TIMING, celestrakGpUrl, celestrakSource } from '@orbwatch/sources';
import { REPO_ROOT, tempDb } from './run-cli.js';
import type { CatalogueServer } from './support/catalogue-server.js';
import { filesByDay, split3le, startCatalogueServer } from './support/catalogue-server.js';

const read3le = (name: string): string =>
  gunzipSync(readFileSync(join(REPO_ROOT, 'fixtures/history-2026', name))).toString('utf8');

/** Through Cygnus NG-24's arrival at the ISS; the rest of the window adds time, not cases. */
const LAST_DAY = '2026-04-20';
const WATCHED = /^(PROGRESS-MS 33|CYGNUS NG-24|CENTISPACE-2 S\d+)\s*$/;

/** Events without their ids and creation times, in a stable order (live events unless `all`). */
function eventKeys(repo: SqliteCatalogRepository, kind?: StoredEvent['kind']): string[] {
  return repo
    .listEvents(kind === undefined ? {} : { kind })
    .map((e) =>
      JSON.stringify({
        kind: e.kind,
        objects: [...e.objects].map((o) => `${String(o.norad)}:${o.role}`).sort(),
        start: e.start,
        end: e.end,
        measures: e.measures,
        detector: e.detector,
        detectorVersion: e.detectorVersion,
      }),
    )
    .sort();
}

/** Live events by what they are and claim (kind, objects and roles, span, detector, label, confidence). */
function claimKeys(repo: SqliteCatalogRepository, kind: StoredEvent['kind']): Map<string, StoredEvent> {
  return new Map(
    repo.listEvents({ kind }).map((e) => [
      JSON.stringify({
        kind: e.kind,
        objects: [...e.objects].map((o) => `${String(o.norad)}:${o.role}`).sort(),
        start: e.start,
        end: e.end,
        detector: e.detector,
        detectorVersion: e.detectorVersion,
        label: e.assessment?.label,
        confidence: e.assessment?.confidence,
        possibleLabels: e.assessment?.possibleLabels,
      }),
      e,
    ]),
  );
}

function elementSetKeys(repo: SqliteCatalogRepository): string[] {
  return (
    repo.db
      .prepare(
        'SELECT e.norad_id AS n, e.epoch_ms AS t, e.content_hash AS h, s.name AS s FROM element_sets e JOIN sources s ON s.id = e.source_id',
      )
      .all() as { n: number; t: number; h: string; s: string }[]
  )
    .map((r) => `${String(r.n)}|${String(r.t)}|${r.h}|${r.s}`)
    .sort();
}

describe('orbwatch watch on a recorded day-by-day sequence', () => {
  let server: CatalogueServer;
  const days = filesByDay([
    ...split3le(read3le('iss.3le.gz')),
    ...split3le(read3le('launches-2026-03-to-05.3le.gz')).filter((r) => WATCHED.test(r.lines[0])),
  ]).filter((d) => d.day <= LAST_DAY);
  const noonOf = (day: string): Instant => instant(Date.parse(`${day}T12:00:00Z`));

  beforeAll(async () => {
    server = await startCatalogueServer();
  });
  afterAll(async () => {
    await server.close();
  });

  it('stores the same element sets and events as ingesting the files directly, and a 304 downloads nothing', async () => {
    expect(days.length).toBeGreaterThan(30);
    const path = new URL(celestrakGpUrl(server.baseUrl, { group: 'stations' }, '3le')).search;
    const gpPath = `/NORAD/elements/gp.php${path}`;
    const watched = openSqliteCatalog(tempDb());
    const direct = openSqliteCatalog(tempDb());
    const log: WatchLogEntry[] = [];
    let now = noonOf(days[0]?.day ?? '');
    const clock = { now: () => now };
    const fetcher = new PoliteFetcher({
      fetch,
      timing: SYSTEM_TIMING,
      // the production limits (10 a minute) would make this test wait: the rate is tested in polite-fetcher.test.ts
      limits: [{ maxRequests: 100, perMs: 1_000 }],
      backoff: { ...CELESTRAK_BACKOFF, baseDelayMs: 10 },
      retryHttpErrors: false,
      userAgent: 'orbwatch-test',
    });
    const source = celestrakSource(
      { group: 'stations' },
      { fetcher, baseUrl: server.baseUrl, format: '3le', intervalMs: 2 * 3_600_000 },
    );
    const options = {
      sources: [source],
      detect: { kinds: DETECTOR_KINDS, quiet: true },
      log: (e: WatchLogEntry) => log.push(e),
      random: () => 0.5,
    };
    try {
      for (const [k, { day, text }] of days.entries()) {
        const body = new TextEncoder().encode(text);
        server.serve(gpPath, { body, lastModified: new Date(noonOf(day)).toUTCString() });
        now = noonOf(day);
        const report = await watchOnce(watched, options, clock);
        expect(report.fetched, day).toBe(1);
        // the direct path: the same file, the same source name, retrieval time and detection
        await ingestTexts(
          direct,
          [{ file: `${server.baseUrl}${gpPath}`, data: body }],
          { source: 'celestrak', sourceKind: 'official', retrievedAt: now },
          clock,
        );
        await runDetection(direct, { kinds: DETECTOR_KINDS, quiet: true }, clock);
        if (k === 3) {
          // unchanged data three hours later: conditional GET, 304, nothing ingested
          now = instant(now + 3 * 3_600_000);
          const again = await watchOnce(watched, options, clock);
          expect(again.notModified).toBe(1);
          expect(again.fetched).toBe(0);
          expect(server.log.at(-1)?.status).toBe(304);
          // and an hour later it is not due (2 h interval): no request at all
          const requests = server.log.length;
          now = instant(now + 3_600_000);
          expect((await watchOnce(watched, options, clock)).notDue).toBe(1);
          expect(server.log.length).toBe(requests);
        }
      }
      const sets = elementSetKeys(watched);
      expect(sets.length).toBe(
        days.reduce((n, d) => n + d.text.split('\n').filter((l) => l.startsWith('1 ')).length, 0),
      );
      expect(sets).toEqual(elementSetKeys(direct));
      const events = eventKeys(watched);
      const kinds = new Set(watched.listEvents().map((e) => e.kind));
      // ISS reboosts and the visitors' manoeuvres, and the rendezvous with the ISS
      expect(kinds).toContain('maneuver');
      expect(kinds).toContain('proximity');
      expect(events).toEqual(eventKeys(direct));
      // every event kind the sequence holds was found on the way (alerts flowed per cycle)
      expect(log.filter((e) => e.action === 'detected').length).toBeGreaterThan(0);
      expect(watched.spooledFetches()).toEqual([]);
      expect(watched.fetchState(source.key)?.lastStatus).toBe('200');
    } finally {
      watched.close();
      direct.close();
    }
  });

  it('leaves live after daily detection the events one detection over all days finds; superseded ones point to their later estimate', async () => {
    const perDay = openSqliteCatalog(tempDb());
    const perDayWide = openSqliteCatalog(tempDb());
    const once = openSqliteCatalog(tempDb());
    const firstDay = instant(Date.parse(`${days[0]?.day ?? ''}T00:00:00Z`));
    // the proximity window of every run starts on the first day: each run examines all days so far
    const wide = { kinds: ['proximity'] as const, quiet: true, since: firstDay };
    try {
      for (const { day, text } of days) {
        const clock = { now: () => noonOf(day) };
        const file = [{ file: `${day}.3le`, data: new TextEncoder().encode(text) }];
        const meta = { source: 'celestrak', sourceKind: 'official' as const, retrievedAt: noonOf(day) };
        for (const repo of [perDay, perDayWide, once]) await ingestTexts(repo, file, meta, clock);
        await runDetection(perDay, { kinds: DETECTOR_KINDS, quiet: true }, clock);
        await runDetection(perDayWide, wide, clock);
      }
      const end = { now: () => noonOf(LAST_DAY) };
      await runDetection(once, { kinds: DETECTOR_KINDS, quiet: true }, end);

      // As many live events as one detection over all days: 8 manoeuvres and one episode per
      // pair (35 live, 27 of them proximity slices, before the reach-back; docs/design/watch.md).
      expect(perDay.listEvents({}).length).toBe(once.listEvents({}).length);
      // Manoeuvres: every daily run re-examines each object with new sets over its whole history.
      const maneuvers = claimKeys(perDay, 'maneuver');
      const onceManeuvers = claimKeys(once, 'maneuver');
      expect(maneuvers.size).toBeGreaterThan(0);
      expect([...maneuvers.keys()].sort()).toEqual([...onceManeuvers.keys()].sort());
      // the same claim, and the one run's Δv (and every other measure with a σ) inside the 95 %
      // interval of the live estimate: a refinement the stored estimate already allowed
      for (const [k, e] of maneuvers) expect(sameEstimate(e, onceManeuvers.get(k) ?? { measures: {} }), k).toBe(true);
      // Proximity over a window holding every day: the last run's episodes are what stays live.
      const onceWide = openSqliteCatalog(tempDb());
      try {
        for (const { day, text } of days)
          await ingestTexts(
            onceWide,
            [{ file: `${day}.3le`, data: new TextEncoder().encode(text) }],
            { source: 'celestrak', sourceKind: 'official', retrievedAt: noonOf(day) },
            { now: () => noonOf(day) },
          );
        await runDetection(onceWide, wide, end);
        const episodes = eventKeys(perDayWide, 'proximity');
        expect(episodes.length).toBeGreaterThan(0);
        expect(episodes).toEqual(eventKeys(onceWide, 'proximity'));
        // With the default window (the last 7 days), each run searches a pair with an ongoing
        // episode from that episode's start: the live episodes are the wide run's, one per pair
        // (not a slice per day), with the same objects, roles and claim. Their sample grid starts
        // at the window start of the run that first found them, not at the first day's midnight,
        // so a start differs by less than one set-choice chunk (1 h) and an end by one step (60 s).
        const daily = perDay.listEvents({ kind: 'proximity' });
        const wideEpisodes = onceWide.listEvents({ kind: 'proximity' });
        const claim = (e: StoredEvent) =>
          JSON.stringify({
            objects: [...e.objects].map((o) => `${String(o.norad)}:${o.role}`).sort(),
            label: e.assessment?.label,
            confidence: e.assessment?.confidence,
            possibleLabels: e.assessment?.possibleLabels,
          });
        expect(daily.map(claim).sort()).toEqual(wideEpisodes.map(claim).sort());
        for (const e of daily) {
          const w = wideEpisodes.find((x) => claim(x) === claim(e));
          expect(Math.abs(e.start - (w?.start ?? NaN)), claim(e)).toBeLessThan(3_600_000);
          expect(Math.abs(e.end - (w?.end ?? NaN)), claim(e)).toBeLessThanOrEqual(60_000);
        }
      } finally {
        onceWide.close();
      }

      // Superseded events stay stored, readable by id, each naming its later estimate (same
      // objects and kind, overlapping span) or withdrawn; following the pointers ends at a live event.
      for (const repo of [perDay, perDayWide]) {
        const all = repo.listEvents({ includeSuperseded: true });
        const old = all.filter((e) => e.superseded !== undefined);
        expect(old.length).toBeGreaterThan(0);
        for (const e of old) {
          expect(repo.getEvent(e.id)?.superseded).toEqual(e.superseded);
          let by = e.superseded?.by ?? null;
          if (by === null) continue;
          const next = repo.getEvent(by);
          expect(next?.kind).toBe(e.kind);
          expect(next?.objects.map((o) => o.norad).sort()).toEqual(e.objects.map((o) => o.norad).sort());
          expect(Math.min(next?.end ?? 0, e.end) >= Math.max(next?.start ?? 0, e.start)).toBe(true);
          for (let hops = 0; by !== null && hops < all.length; hops++) {
            const n = repo.getEvent(by);
            if (n?.superseded === undefined) break;
            by = n.superseded.by;
          }
          if (by !== null) expect(repo.getEvent(by)?.superseded).toBeUndefined();
        }
      }

      // An explicit window is searched as given (no reach-back): the docked episode is found from
      // --since, and the live episode that starts before it, outside that window, stays live.
      const docked = perDay.listEvents({ kind: 'proximity' });
      const since = instant(noonOf(LAST_DAY) - 2 * 86_400_000);
      const report = await runDetection(perDay, { kinds: ['proximity'], quiet: true, since }, end);
      expect(report.detectors[0]?.superseded).toBe(0);
      const slices = perDay.listEvents({ kind: 'proximity', since }).filter((e) => !docked.some((d) => d.id === e.id));
      expect(slices.length).toBeGreaterThan(0);
      for (const e of slices) expect(e.measures['searchWindowStartUtc']).toBe(new Date(since).toISOString());
      for (const e of docked) expect(perDay.getEvent(e.id)?.superseded).toBeUndefined();
    } finally {
      perDay.close();
      perDayWide.close();
      once.close();
    }
  });
});
