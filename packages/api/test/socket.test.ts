/**
 * The API over a real socket on 127.0.0.1 (port 0): reads, ETags, the size limit and the rate
 * limit by peer address, and the Server-Sent Events feed — every stored row with increasing ids
 * from `Last-Event-ID: 0`, events written through another connection to the same database (as
 * the watcher or `orbwatch detect` would) arriving on an open stream, resumption after a given
 * id, and the kind filter; the GET response cache gives way to another connection's commit. Stream messages are checked against the document's schemas.
 */
import type { DetectedEvent } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Listening, OrbwatchApi } from '../src/index.js';
import { createApi, listen } from '../src/index.js';
import type { FixtureDb } from './fixture-db.js';
import { buildFixtureDb, clock } from './fixture-db.js';
import { SseReader } from './sse-reader.js';

let db: FixtureDb;
let api: OrbwatchApi;
let server: Listening;
let ajv: Ajv2020;

const stream = async (query = '', headers: Record<string, string> = {}) => {
  const r = await fetch(`${server.url}/events/stream${query}`, { headers });
  expect(r.status).toBe(200);
  expect(r.headers.get('content-type')).toContain('text/event-stream');
  if (r.body === null) throw new Error('no body');
  return new SseReader(r.body);
};

const schemaOk = (name: string, data: unknown): void => {
  const v = ajv.getSchema(`openapi.json#/components/schemas/${name}`);
  if (v === undefined) throw new Error(`no schema ${name}`);
  expect(v(data), JSON.stringify(v.errors)).toBe(true);
};

beforeAll(async () => {
  db = await buildFixtureDb();
  api = createApi({ repo: db.repo, clock, webhooks: false, feedPollMs: 100, limits: { ratePerSec: 20, burst: 40 } });
  server = await listen(api, { port: 0, host: '127.0.0.1' });
  ajv = new Ajv2020({ strict: false, validateFormats: false });
  ajv.addSchema(api.openApiDocument(), 'openapi.json');
});
afterAll(async () => {
  await server.close();
  db.cleanup();
});

describe('over a socket', () => {
  it('listens on a free port and serves reads with ETags', async () => {
    expect(server.port).toBeGreaterThan(0);
    const r = await fetch(`${server.url}/api/events?limit=3`);
    expect(r.status).toBe(200);
    const tag = r.headers.get('etag') ?? '';
    schemaOk('EventsPage', await r.json());
    const again = await fetch(`${server.url}/api/events?limit=3`, { headers: { 'if-none-match': tag } });
    expect(again.status).toBe(304);
    expect((await fetch(`${server.url}/api/nothing`)).status).toBe(404);
  });

  it('refuses a declared body over the limit with 413 before reading it', async () => {
    const small = createApi({ repo: db.repo, clock, webhooks: false, limits: { maxBodyBytes: 100 } });
    const s = await listen(small, { port: 0, host: '127.0.0.1' });
    // a valid token is needed to get as far as the size check
    const { createApiToken } = await import('@orbwatch/app');
    const t = await createApiToken(db.repo, 'socket', clock);
    const r = await fetch(`${s.url}/api/element-sets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.token}`, 'content-type': 'text/plain' },
      body: 'x'.repeat(10_000),
    });
    expect(r.status).toBe(413);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
    await s.close();
  });

  it('counts the rate limit per peer address and sends Retry-After', async () => {
    const limited = createApi({ repo: db.repo, clock, webhooks: false, limits: { ratePerSec: 1, burst: 2 } });
    const s = await listen(limited, { port: 0, host: '127.0.0.1' });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      // a client cannot claim another peer address
      const r = await fetch(`${s.url}/healthz`, { headers: { 'x-orbwatch-peer': `spoof-${String(i)}` } });
      statuses.push(r.status);
      if (r.status === 429) expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      await r.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 429, 429]);
    await s.close();
  });
});

describe('the alert feed (Server-Sent Events)', () => {
  it('replays every stored event and finding from Last-Event-ID: 0 with increasing ids', async () => {
    const head = await db.repo.feedHead();
    const events = (await db.repo.listEvents()).length;
    const findings = (await db.repo.listFindings()).length;
    expect(head).toBe(events + findings);
    const s = await stream('', { 'last-event-id': '0' });
    expect((await s.next()).event).toBe('ready');
    const ids: number[] = [];
    const types = new Map<string, number>();
    for (let i = 0; i < head; i++) {
      const m = await s.next();
      ids.push(Number(m.id));
      types.set(m.event, (types.get(m.event) ?? 0) + 1);
      const data = JSON.parse(m.data) as unknown;
      if (m.event === 'event') schemaOk('Event', data);
      else schemaOk('Finding', data);
    }
    await s.close();
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(head);
    expect(types.get('event')).toBe(events);
    expect(types.get('finding')).toBe(findings);
  });

  it('delivers an event written by another connection to an open stream, and resumes after an id', async () => {
    const live = await stream(); // from now on
    expect((await live.next()).event).toBe('ready');
    const before = await db.repo.feedHead();
    const listed = async (): Promise<number> => {
      const page = (await (await fetch(`${server.url}/api/events?kind=maneuver&limit=500`)).json()) as {
        items: unknown[];
      };
      return page.items.length;
    };
    const countBefore = await listed();
    expect(await listed()).toBe(countBefore); // the second read comes from the response cache
    // another writer on the same database file, as `orbwatch detect` in another process
    const other = openSqliteCatalog(db.path);
    const base = (await db.repo.listEvents({ kind: 'maneuver' }))[0];
    if (base === undefined) throw new Error('no maneuver in the fixture');
    const moved: DetectedEvent = {
      kind: base.kind,
      objects: base.objects,
      start: instant(base.start + 1000),
      end: instant(base.end + 1000),
      measures: base.measures,
      elementSets: base.elementSets,
      detector: base.detector,
      detectorVersion: base.detectorVersion,
      parameters: base.parameters,
      ...(base.assessment === undefined ? {} : { assessment: base.assessment }),
    };
    const saved = other.saveEvents([moved], clock.now());
    other.close();
    // the cached list is not served again: another connection's commit moves the data version
    expect(await listed()).toBe(countBefore + 1);
    const m = await live.next(5000);
    expect(m.event).toBe('event');
    expect(Number(m.id)).toBe(before + 1);
    expect((JSON.parse(m.data) as { id: string }).id).toBe(saved.ids[0]);
    await live.close();

    const resumed = await stream(`?lastEventId=${String(before - 1)}`);
    expect((await resumed.next()).event).toBe('ready');
    expect(Number((await resumed.next()).id)).toBe(before);
    expect(Number((await resumed.next()).id)).toBe(before + 1);
    await resumed.close();
  });

  it('filters by kind, label and object; refuses an unknown kind with 400', async () => {
    const s = await stream('?kind=release', { 'last-event-id': '0' });
    expect((await s.next()).event).toBe('ready');
    const releases = (await db.repo.listEvents({ kind: 'release' })).length;
    const releaseIds = new Set((await db.repo.listEvents({ kind: 'release' })).map((e) => e.id));
    const releaseFindings = (await db.repo.listFindings()).filter((f) => releaseIds.has(f.eventId)).length;
    const seen: { event: string; data: { kind?: string; event?: { kind: string } } }[] = [];
    for (let i = 0; i < releases + releaseFindings; i++) {
      const m = await s.next();
      seen.push({ event: m.event, data: JSON.parse(m.data) as (typeof seen)[number]['data'] });
    }
    await s.close();
    expect(seen.filter((x) => x.event === 'event').every((x) => x.data.kind === 'release')).toBe(true);
    expect(seen.filter((x) => x.event === 'finding').every((x) => x.data.event?.kind === 'release')).toBe(true);
    const label = (await db.repo.listEvents({ norad: 41240 as never })).find((e) => e.assessment !== undefined)
      ?.assessment?.label;
    if (label === undefined) throw new Error('no labelled Jason-3 event');
    const wanted = (await db.repo.listEvents({ norad: 41240 as never })).filter((e) => e.assessment?.label === label);
    const o = await stream(`?object=41240&label=${label}&kind=maneuver`, { 'last-event-id': '0' });
    expect((await o.next()).event).toBe('ready');
    const got: string[] = [];
    for (;;) {
      const m = await o.next(3000).catch(() => null);
      if (m === null) break;
      if (m.event === 'event') got.push((JSON.parse(m.data) as { id: string }).id);
    }
    await o.close();
    expect(got.sort()).toEqual(wanted.map((e) => e.id).sort());
    const bad = await fetch(`${server.url}/events/stream?kind=tarot`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('USAGE');
    const badId = await fetch(`${server.url}/events/stream`, { headers: { 'last-event-id': 'yesterday' } });
    expect(badId.status).toBe(400);
  });

  it('sends event-superseded when another process supersedes an event, and never replays a superseded event as new', async () => {
    const live = await stream();
    expect((await live.next()).event).toBe('ready');
    const [old, later] = await db.repo.listEvents({ norad: 41240 as never, kind: 'maneuver' });
    if (old === undefined || later === undefined) throw new Error('two Jason-3 manoeuvres expected');
    const other = openSqliteCatalog(db.path);
    expect(other.supersedeEvents([{ id: old.id, by: later.id }], clock.now())).toBe(1);
    other.close();
    const m = await live.next(5000);
    expect(m.event).toBe('event-superseded');
    const data = JSON.parse(m.data) as Record<string, unknown>;
    expect(data).toMatchObject({
      id: old.id,
      kind: 'maneuver',
      supersededBy: later.id,
      supersessionReason: 're-estimated',
      objects: [41240],
    });
    await live.close();
    // from the beginning: the superseded event's own row is skipped, its supersession is sent
    const all = await stream('?object=41240', { 'last-event-id': '0' });
    expect((await all.next()).event).toBe('ready');
    const seen: { event: string; id: string }[] = [];
    for (;;) {
      const x = await all.next(3000).catch(() => null);
      if (x === null) break;
      seen.push({ event: x.event, id: (JSON.parse(x.data) as { id: string }).id });
    }
    await all.close();
    expect(seen.filter((x) => x.event === 'event' && x.id === old.id)).toEqual([]);
    expect(seen.filter((x) => x.event === 'event-superseded').map((x) => x.id)).toEqual([old.id]);
    expect(seen.some((x) => x.event === 'event' && x.id === later.id)).toBe(true);
    await db.repo.reviveEvents([old.id]);
  });
});
