/**
 * Every route in-process on a real database (Jason-3's history, the HTV-X1 / TEN-KOH 2 and
 * Cosmos 2600 releases, detection and findings through the app's use cases): status codes,
 * error codes, paging, ETags, tokens, and every response checked against the OpenAPI document,
 * which is itself validated as OpenAPI 3.1.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiToken, ingestTexts, revokeApiToken } from '@orbwatch/app';
import type { OrbwatchApi } from '../src/index.js';
import { createApi } from '../src/index.js';
import type { FixtureDb } from './fixture-db.js';
import { buildFixtureDb, clock, fixtureText } from './fixture-db.js';
import { call, codeOf } from './harness.js';
import { OpenApiChecker } from './openapi-check.js';

type Page<T> = { items: T[]; nextCursor: string | null };
type Ev = { id: string; kind: string; start: string; objects: { norad: number; name: string | null }[] };

let db: FixtureDb;
let api: OrbwatchApi;
let checker: OpenApiChecker;
let token: string;
let tokenId: string;
const get = (path: string, headers?: Record<string, string>) =>
  call(api, checker, 'GET', path, headers === undefined ? {} : { headers });

beforeAll(async () => {
  db = await buildFixtureDb();
  const staticDir = join(db.dir, 'web');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>orbwatch</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  api = createApi({ repo: db.repo, clock, staticDir, webhooks: false, limits: { ratePerSec: Infinity } });
  checker = new OpenApiChecker(api.openApiDocument());
  const created = await createApiToken(db.repo, 'test', clock);
  token = created.token;
  tokenId = created.id;
});
afterAll(async () => {
  await api.close();
  db.cleanup();
});

describe('the OpenAPI document', () => {
  it('is valid OpenAPI 3.1 and is served at /openapi.json', async () => {
    const r = await call(api, undefined, 'GET', '/openapi.json');
    expect(r.status).toBe(200);
    const doc = r.json as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    const result = await new Validator().validate(r.json as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const p of [
      '/healthz',
      '/api/objects',
      '/api/objects/{norad}',
      '/api/objects/{norad}/element-sets',
      '/api/objects/{norad}/propagate',
      '/api/events',
      '/api/events/{id}',
      '/api/events/{id}/evidence',
      '/api/events/{id}/plots',
      '/api/events/{id}/report',
      '/api/findings',
      '/api/conjunctions',
      '/api/launches',
      '/api/element-sets',
      '/api/runs',
      '/api/runs/{id}',
      '/events/stream',
    ])
      expect(Object.keys(doc.paths)).toContain(p);
  });
});

describe('objects', () => {
  it('healthz reports the schema and the stored sets', async () => {
    const r = await get('/healthz');
    expect(r.status).toBe(200);
    expect((r.json as { elementSets: number }).elementSets).toBe(await db.repo.countElementSets());
  });

  it('searches by name, NORAD id (q or norad) and COSPAR launch', async () => {
    const byName = (await get('/api/objects?q=htv')).json as Page<{ norad: number; name: string }>;
    expect(byName.items.map((o) => o.norad)).toEqual([66174]);
    const byId = (await get('/api/objects?q=41240')).json as Page<{ norad: number; cosparId: string }>;
    expect(byId.items.map((o) => [o.norad, o.cosparId])).toEqual([[41240, '2016-002A']]);
    expect(((await get('/api/objects?norad=68261')).json as Page<{ name: string }>).items[0]?.name).toBe('TEN-KOH 2');
    const launch = (await get('/api/objects?cospar=2025-241')).json as Page<{ cospar: string }>;
    expect(launch.items.length).toBeGreaterThanOrEqual(2);
    for (const o of launch.items) expect(o.cospar.startsWith('2025-241')).toBe(true);
    expect(((await get('/api/objects?q=no-such-satellite')).json as Page<unknown>).items).toEqual([]);
  });

  it('pages with a cursor: every object once, in NORAD order', async () => {
    const all = ((await get('/api/objects?limit=500')).json as Page<{ norad: number }>).items.map((o) => o.norad);
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const r = await get(`/api/objects?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`);
      const page = r.json as Page<{ norad: number }>;
      seen.push(...page.items.map((o) => o.norad));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('refuses bad parameters with 400 USAGE and names them', async () => {
    for (const q of ['limit=0', 'limit=abc', 'limit=100000', 'norad=0', 'norad=x', 'cursor=%%%', 'cursor=abc'])
      expect(codeOf(await get(`/api/objects?${q}`)), q).toBe('USAGE');
    const r = await get('/api/objects?limit=abc');
    expect(r.status).toBe(400);
    expect((r.json as { error: { details: { issues: { path: string }[] } } }).error.details.issues[0]?.path).toBe(
      'limit',
    );
    // a cursor of another listing
    const events = (await get('/api/events?limit=1')).json as Page<unknown>;
    expect(codeOf(await get(`/api/objects?cursor=${events.nextCursor ?? ''}`))).toBe('USAGE');
  });

  it('gives one object with its latest set and its number of events', async () => {
    const r = await get('/api/objects/41240');
    const o = r.json as { object: { norad: number }; latestElementSet: { epochUtc: string }; eventCount: number };
    expect(o.object.norad).toBe(41240);
    const history = await db.repo.history(41240 as never);
    expect(o.latestElementSet.epochUtc.slice(0, 19)).toBe(
      new Date(history[history.length - 1]?.epoch ?? 0).toISOString().slice(0, 19),
    );
    const events = (await get('/api/events?object=41240&limit=500')).json as Page<unknown>;
    expect(o.eventCount).toBe(events.items.length);
    expect(codeOf(await get('/api/objects/99999'))).toBe('NOT_FOUND');
    expect(codeOf(await get('/api/objects/400000'))).toBe('USAGE');
  });

  it('pages the element-set history in epoch order, with raw text and source kind', async () => {
    const seen: { id: number; epochUtc: string; raw: string; sourceKind: string }[] = [];
    let cursor: string | null = null;
    do {
      const r = await get(`/api/objects/68261/element-sets?limit=7${cursor === null ? '' : `&cursor=${cursor}`}`);
      const page = r.json as Page<(typeof seen)[number]>;
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    const history = await db.repo.history(68261 as never);
    expect(seen.map((s) => s.id)).toEqual(history.map((s) => s.id));
    expect(seen[0]?.raw).toBe(history[0]?.raw);
    expect(seen.every((s) => s.sourceKind === 'official')).toBe(true);
    expect(codeOf(await get('/api/objects/99999/element-sets'))).toBe('NOT_FOUND');
  });

  it('propagates from the stored sets; a window years before the first set fails with PROPAGATION_FAILED', async () => {
    const r = await get('/api/objects/41240/propagate?from=2020-01-01T00:00:00Z&to=2020-01-01T01:00:00Z&stepSec=600');
    expect(r.status).toBe(200);
    const doc = r.json as { states: { t: string; rKm: number[] }[] };
    expect(doc.states).toHaveLength(7);
    // Jason-3 flies at about 1,336 km altitude: |r| ≈ 7,714 km
    for (const s of doc.states) expect(Math.hypot(...s.rKm)).toBeGreaterThan(7600);
    for (const s of doc.states) expect(Math.hypot(...s.rKm)).toBeLessThan(7800);
    const geo = (
      await get('/api/objects/41240/propagate?from=2020-01-01T00:00:00Z&to=2020-01-01T00:10:00Z&frame=geodetic')
    ).json as { states: { altitudeKm: number }[] };
    expect(geo.states[0]?.altitudeKm).toBeGreaterThan(1250);
    expect(
      codeOf(await get('/api/objects/41240/propagate?from=1990-01-01T00:00:00Z&to=1990-01-02T00:00:00Z&stepSec=3600')),
    ).toBe('PROPAGATION_FAILED');
    expect(codeOf(await get('/api/objects/41240/propagate?from=2020-01-01T00:00:00&to=2020-01-02T00:00:00Z'))).toBe(
      'USAGE',
    );
    expect(codeOf(await get('/api/objects/41240/propagate?from=2020-01-02T00:00:00Z&to=2020-01-01T00:00:00Z'))).toBe(
      'USAGE',
    );
    expect(
      codeOf(await get('/api/objects/41240/propagate?from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z&stepSec=1')),
    ).toBe('USAGE');
    expect(codeOf(await get('/api/objects/41240/propagate?to=2021-01-01T00:00:00Z'))).toBe('USAGE');
  });
});

describe('events', () => {
  it('lists events with names beside ids, filtered by kind, object, label and time', async () => {
    const all = ((await get('/api/events?limit=500')).json as Page<Ev & { assessment: { label: string } | null }>)
      .items;
    expect(all.length).toBe((await db.repo.listEvents()).length);
    expect(all.some((e) => e.kind === 'release')).toBe(true);
    const releases = ((await get('/api/events?kind=release&limit=500')).json as Page<Ev>).items;
    expect(releases.length).toBe(all.filter((e) => e.kind === 'release').length);
    const htv = releases.find((e) => e.objects.some((o) => o.norad === 66174));
    expect(htv?.objects.find((o) => o.norad === 66174)?.name).toBe('HTV-X1');
    const jason = ((await get('/api/events?object=41240&limit=500')).json as Page<Ev>).items;
    expect(jason.length).toBeGreaterThan(0);
    expect(jason.every((e) => e.objects.some((o) => o.norad === 41240))).toBe(true);
    const label = all.find((e) => e.assessment !== null)?.assessment?.label ?? '';
    const labelled = ((await get(`/api/events?label=${label}&limit=500`)).json as Page<Ev>).items;
    expect(labelled.length).toBe(all.filter((e) => e.assessment?.label === label).length);
    const since = ((await get('/api/events?from=2025-01-01T00:00:00Z&limit=500')).json as Page<Ev & { end: string }>)
      .items;
    expect(since.every((e) => e.end >= '2025-01-01')).toBe(true);
    expect(since.length).toBeLessThan(all.length);
    const until = ((await get('/api/events?to=2017-01-01T00:00:00Z&limit=500')).json as Page<Ev>).items;
    expect(until.every((e) => e.start < '2017-01-01')).toBe(true);
  });

  it('pages in start order without gaps or repeats', async () => {
    const all = ((await get('/api/events?limit=500')).json as Page<Ev>).items.map((e) => e.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/events?limit=4${cursor === null ? '' : `&cursor=${cursor}`}`)).json as Page<Ev>;
      seen.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all);
  });

  it('leaves superseded events out of the list unless includeSuperseded=true; the event names its later estimate', async () => {
    const [old, later] = await db.repo.listEvents({ kind: 'maneuver' });
    if (old === undefined || later === undefined) throw new Error('two manoeuvres expected');
    const count = async (q: string) => ((await get(`/api/events?limit=500${q}`)).json as Page<Ev>).items;
    const before = await count('');
    await db.repo.supersedeEvents([{ id: old.id, by: later.id }], clock.now());
    try {
      const liveOnly = await count('');
      expect(liveOnly.map((e) => e.id)).toEqual(before.filter((e) => e.id !== old.id).map((e) => e.id));
      const all = (await count('&includeSuperseded=true')) as (Ev & { supersededBy: string | null })[];
      expect(all.length).toBe(before.length);
      expect(all.find((e) => e.id === old.id)?.supersededBy).toBe(later.id);
      expect(all.find((e) => e.id === later.id)?.supersededBy).toBeNull();
      const detail = (await get(`/api/events/${old.id}`)).json as Record<string, unknown>;
      expect(detail).toMatchObject({
        supersededBy: later.id,
        supersessionReason: 're-estimated',
        latestEstimateId: later.id,
        supersededUtc: '2026-12-06T05:00:00.000Z',
      });
      expect(codeOf(await get('/api/events?includeSuperseded=yes'))).toBe('USAGE');
    } finally {
      await db.repo.reviveEvents([old.id]);
    }
  });

  it('answers If-None-Match with 304 while the list is unchanged', async () => {
    const first = await get('/api/events?limit=5');
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^W\/"/);
    const again = await get('/api/events?limit=5', { 'if-none-match': tag ?? '' });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect((await get('/api/events?limit=6', { 'if-none-match': tag ?? '' })).status).toBe(200);
  });

  it('gives one event in full by id or unique prefix; ambiguous and unknown prefixes are 400 and 404', async () => {
    const ids = (await db.repo.listEvents()).map((e) => e.id).sort();
    const id = ids[0] ?? '';
    const r = await get(`/api/events/${id}`);
    const e = r.json as {
      id: string;
      elementSets: { source: string; sourceKind: string; ageRelativeToEventSec: number }[];
      findings: { eventId: string }[];
    };
    expect(e.id).toBe(id);
    expect(e.elementSets.length).toBeGreaterThan(0);
    expect(e.elementSets.every((s) => s.source === 'fixtures' && s.sourceKind === 'official')).toBe(true);
    expect(e.findings.every((f) => f.eventId === id)).toBe(true);
    // the shortest prefix that names it alone
    let n = 8;
    while (ids.filter((x) => x.startsWith(id.slice(0, n))).length > 1) n++;
    expect(((await get(`/api/events/${id.slice(0, n).toUpperCase()}`)).json as { id: string }).id).toBe(id);
    const ambiguous = await get(`/api/events/${id.slice(0, 4)}`);
    expect(ambiguous.status).toBe(400);
    expect(codeOf(ambiguous)).toBe('USAGE');
    const cands = (ambiguous.json as { error: { details: { candidates: { id: string }[] } } }).error.details.candidates;
    expect(cands.length).toBeGreaterThan(1);
    expect(cands.every((c) => c.id.startsWith(id.slice(0, 4)))).toBe(true);
    expect(codeOf(await get('/api/events/ffffffff'))).toBe('NOT_FOUND');
    expect(codeOf(await get('/api/events/not-an-id'))).toBe('USAGE');
  });

  it('serves the evidence bundle, the Vega-Lite plots and the report page of an event', async () => {
    const e = (await db.repo.listEvents({ kind: 'release' }))[0];
    expect(e).toBeDefined();
    const id = e?.id ?? '';
    const bundle = (await get(`/api/events/${id}/evidence`)).json as {
      format: string;
      event: { id: string };
      elementSets: { storedId: number; raw: string; cited: boolean }[];
    };
    expect(bundle.format).toBe('orbwatch-evidence');
    expect(bundle.event.id).toBe(id);
    const cited = bundle.elementSets.filter((s) => s.cited).map((s) => s.storedId);
    expect([...cited].sort((a, b) => a - b)).toEqual([...(e?.elementSetIds ?? [])].sort((a, b) => a - b));
    const plots = (await get(`/api/events/${id}/plots`)).json as { plots: { spec: { $schema: string } }[] };
    expect(plots.plots.length).toBeGreaterThan(0);
    for (const p of plots.plots) expect(p.spec.$schema).toContain('vega-lite');
    const page = await get(`/api/events/${id}/report`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.text).toContain(id);
    expect(page.text).toContain('<svg');
    expect(codeOf(await get('/api/events/ffffffff/evidence'))).toBe('NOT_FOUND');
  });

  it('lists findings by event, norm and verdict, and conjunctions (none before screening)', async () => {
    const all = ((await get('/api/findings?limit=500')).json as Page<{ eventId: string; normId: string }>).items;
    expect(all.length).toBe((await db.repo.listFindings()).length);
    expect(all.length).toBeGreaterThan(0);
    const first = all[0];
    const byEvent = ((await get(`/api/findings?event=${first?.eventId ?? ''}`)).json as Page<{ eventId: string }>)
      .items;
    expect(byEvent.every((f) => f.eventId === first?.eventId)).toBe(true);
    const byNorm = ((await get(`/api/findings?norm=${first?.normId ?? ''}&limit=500`)).json as Page<{ normId: string }>)
      .items;
    expect(byNorm.length).toBe(all.filter((f) => f.normId === first?.normId).length);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/findings?limit=3${cursor === null ? '' : `&cursor=${cursor}`}`)).json as Page<{
        id: string;
      }>;
      seen.push(...page.items.map((f) => f.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(all.length);
    expect(codeOf(await get('/api/findings?verdict=illegal'))).toBe('USAGE');
    expect((await get('/api/conjunctions')).json).toEqual({ items: [], nextCursor: null });
  });

  it('lists multi-payload launches with the release outcome', async () => {
    const launches = ((await get('/api/launches')).json as { items: { cospar: string; outcome: string }[] }).items;
    expect(launches.map((l) => l.cospar)).toContain('2026-023');
    const one = ((await get('/api/launches?cospar=2026-023')).json as { items: { cospar: string }[] }).items;
    expect(one.map((l) => l.cospar)).toEqual(['2026-023']);
    expect(codeOf(await get('/api/launches?cospar=2026'))).toBe('USAGE');
  });
});

describe('writes need a token', () => {
  const tle = new TextDecoder().decode(fixtureText('maneuvers/Jason-2.tle.gz')).split('\n').slice(0, 40).join('\n');
  const post = (path: string, body: string, headers: Record<string, string> = {}) =>
    call(api, checker, 'POST', path, { body, headers });
  const auth = () => ({ authorization: `Bearer ${token}` });

  it('refuses a missing, unknown or revoked token with 401 UNAUTHORIZED', async () => {
    expect(codeOf(await post('/api/element-sets', tle))).toBe('UNAUTHORIZED');
    expect(codeOf(await post('/api/element-sets', tle, { authorization: 'Bearer ow_nope' }))).toBe('UNAUTHORIZED');
    expect(codeOf(await post('/api/element-sets', tle, { authorization: 'Basic abc' }))).toBe('UNAUTHORIZED');
    const t = await createApiToken(db.repo, 'revoked', clock);
    await revokeApiToken(db.repo, t.id, clock);
    expect(codeOf(await post('/api/element-sets', tle, { authorization: `Bearer ${t.token}` }))).toBe('UNAUTHORIZED');
    expect((await post('/api/element-sets', tle)).status).toBe(401);
  });

  it('ingests text and JSON bodies and reports as `orbwatch ingest --json`', async () => {
    const r = await post('/api/element-sets?source=api-test', tle, { ...auth(), 'content-type': 'text/plain' });
    expect(r.status).toBe(200);
    const report = r.json as { accepted: number; duplicates: number; source: string; files: { format: string }[] };
    expect(report.accepted).toBe(20);
    expect(report.source).toBe('api-test');
    expect(report.files[0]?.format).toBe('tle');
    const again = await post('/api/element-sets', JSON.stringify({ text: tle, source: 'api-test', format: 'tle' }), {
      ...auth(),
      'content-type': 'application/json',
    });
    expect((again.json as { duplicates: number }).duplicates).toBe(20);
    const jason2 = Number(tle.slice(2, 7));
    expect(jason2).toBe(33105);
    expect((await db.repo.history(jason2 as never)).filter((s) => s.source === 'api-test')).toHaveLength(20);
  });

  it('refuses bad bodies with 4xx codes', async () => {
    const json = { ...auth(), 'content-type': 'application/json' };
    expect(codeOf(await post('/api/element-sets', '{"text":', json))).toBe('USAGE');
    expect(codeOf(await post('/api/element-sets', '{"text":42}', json))).toBe('USAGE');
    expect(codeOf(await post('/api/element-sets', '{"text":"x","extra":1}', json))).toBe('USAGE');
    expect(codeOf(await post('/api/element-sets', '{"text":"x","format":"pdf"}', json))).toBe('USAGE');
    expect(codeOf(await post('/api/element-sets', 'this is not an element set', auth()))).toBe('INPUT_REJECTED');
    expect(codeOf(await post('/api/element-sets', '', auth()))).toBe('USAGE');
  });

  it('refuses a body over the size limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const small = createApi({
      repo: db.repo,
      clock,
      webhooks: false,
      limits: { ratePerSec: Infinity, maxBodyBytes: 1000 },
    });
    const r = await call(small, new OpenApiChecker(small.openApiDocument()), 'POST', '/api/element-sets', {
      body: tle,
      headers: auth(),
    });
    expect(r.status).toBe(413);
    expect(codeOf(r)).toBe('PAYLOAD_TOO_LARGE');
    await small.close();
  });

  it('starts a detection run and reports it when polled; screening without an engine is refused', async () => {
    const started = await post('/api/runs', JSON.stringify({ kind: 'detection', kinds: ['maneuver'] }), {
      ...auth(),
      'content-type': 'application/json',
    });
    expect(started.status).toBe(202);
    const { runId } = started.json as { runId: string };
    expect(started.headers.get('location')).toBe(`/api/runs/${runId}`);
    await api.idle();
    const run = (await get(`/api/runs/${runId}`)).json as {
      status: string;
      report: { detectors: { kind: string; objectsExamined: number }[]; findings: number };
    };
    expect(run.status).toBe('done');
    expect(run.report.detectors.map((d) => d.kind)).toEqual(['maneuver']);
    // the Jason-2 sets ingested above are new to the maneuver detector
    expect(run.report.detectors[0]?.objectsExamined).toBeGreaterThanOrEqual(1);
    // stored: who started it, where it ran, the request as validated
    expect(await db.repo.getApiRun(runId)).toMatchObject({
      status: 'done',
      tokenId,
      executor: 'in-process',
      request: { kind: 'detection', kinds: ['maneuver'] },
      progress: null,
      error: null,
    });
    const json = { ...auth(), 'content-type': 'application/json' };
    expect(codeOf(await post('/api/runs', JSON.stringify({ kind: 'screening' }), json))).toBe('USAGE');
    expect(codeOf(await post('/api/runs', JSON.stringify({ kind: 'detection', kinds: ['tarot'] }), json))).toBe(
      'USAGE',
    );
    expect(codeOf(await post('/api/runs', JSON.stringify({ kind: 'nap' }), json))).toBe('USAGE');
    expect(codeOf(await post('/api/runs', '[]', json))).toBe('USAGE');
    expect(codeOf(await get('/api/runs/0000'))).toBe('NOT_FOUND');
  });

  it('lists runs newest first with a cursor; a new server marks the runs an old one left unfinished interrupted', async () => {
    const json = { ...auth(), 'content-type': 'application/json' };
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const r = await post('/api/runs', JSON.stringify({ kind: 'detection', kinds: ['release'] }), json);
      ids.push((r.json as { runId: string }).runId);
    }
    await api.idle();
    const all = (await get('/api/runs?limit=500')).json as Page<{ runId: string; status: string }>;
    expect(all.items.slice(0, 2).map((r) => r.runId)).toEqual([ids[1], ids[0]]);
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = (await get(`/api/runs?limit=1${cursor === null ? '' : `&cursor=${cursor}`}`)).json as Page<{
        runId: string;
      }>;
      seen.push(...page.items.map((r) => r.runId));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(all.items.map((r) => r.runId));
    expect(codeOf(await get('/api/runs?cursor=abc'))).toBe('USAGE');
    const events = (await get('/api/events?limit=1')).json as Page<unknown>;
    expect(codeOf(await get(`/api/runs?cursor=${events.nextCursor ?? ''}`))).toBe('USAGE');

    // what a process killed mid-run leaves behind: one run running, one queued
    const left = { kind: 'detection', request: { kind: 'detection' }, tokenId: null, executor: null } as const;
    const base = { startedAt: null, finishedAt: null, progress: null, report: null, error: null };
    await db.repo.insertApiRun({ ...left, ...base, id: 'left-running', status: 'running', queuedAt: clock.now() });
    await db.repo.insertApiRun({ ...left, ...base, id: 'left-queued', status: 'queued', queuedAt: clock.now() });
    const next = createApi({ repo: db.repo, clock, webhooks: false, limits: { ratePerSec: Infinity } });
    const nextChecker = new OpenApiChecker(next.openApiDocument());
    for (const [id, previousStatus] of [
      ['left-running', 'running'],
      ['left-queued', 'queued'],
    ] as const) {
      const r = (await call(next, nextChecker, 'GET', `/api/runs/${id}`)).json as {
        status: string;
        finishedUtc: string | null;
        error: { code: string; details: Record<string, unknown> };
      };
      expect(r.status).toBe('interrupted');
      expect(r.finishedUtc).not.toBeNull();
      expect(r.error.code).toBe('RUN_INTERRUPTED');
      expect(r.error.details['previousStatus']).toBe(previousStatus);
    }
    // finished runs are untouched, and the new server runs new work
    expect((await db.repo.getApiRun(ids[0] ?? ''))?.status).toBe('done');
    const again = await call(next, nextChecker, 'POST', '/api/runs', {
      body: JSON.stringify({ kind: 'detection', kinds: ['release'] }),
      headers: json,
    });
    await next.idle();
    expect((await db.repo.getApiRun((again.json as { runId: string }).runId))?.status).toBe('done');
    await next.close();
  });
});

describe('routing errors, rate limits and the static directory', () => {
  it('answers an unknown route with 404 NOT_FOUND and another method with 405 and Allow', async () => {
    const r = await call(api, undefined, 'GET', '/api/nothing-here');
    expect(r.status).toBe(404);
    expect(codeOf(r)).toBe('NOT_FOUND');
    const m = await call(api, undefined, 'DELETE', '/api/events');
    expect(m.status).toBe(405);
    expect(codeOf(m)).toBe('METHOD_NOT_ALLOWED');
    expect(m.headers.get('allow')).toContain('GET');
    // a POST to a read route is 405 with or without a token, never 401
    expect((await call(api, undefined, 'POST', '/api/events/abc')).status).toBe(405);
    expect((await call(api, undefined, 'GET', '/api/element-sets')).status).toBe(405);
  });

  it('limits each client to its rate: 429 RATE_LIMITED with Retry-After, other clients unaffected', async () => {
    const limited = createApi({
      repo: db.repo,
      clock,
      webhooks: false,
      limits: { ratePerSec: 1, burst: 3 },
      clientOf: (h) => h('x-client') ?? 'anon',
    });
    const as = (client: string) => limited.fetch(new Request('http://x/healthz', { headers: { 'x-client': client } }));
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await as('a')).status);
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    const r = await as('a');
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await as('b')).status).toBe(200);
    await limited.close();
  });

  it('serves the static directory at / with index.html for UI routes, never a file outside it', async () => {
    const index = await call(api, undefined, 'GET', '/');
    expect(index.status).toBe(200);
    expect(index.text).toContain('<title>orbwatch</title>');
    expect((await call(api, undefined, 'GET', '/events/some-ui-route')).text).toContain('<title>orbwatch</title>');
    const js = await call(api, undefined, 'GET', '/assets/app.js');
    expect(js.headers.get('content-type')).toContain('javascript');
    expect((await call(api, undefined, 'GET', '/assets/missing.js')).status).toBe(404);
    for (const p of ['/../api.db', '/%2e%2e/api.db', '/..%2fapi.db', '/assets/%2e%2e/%2e%2e/api.db'])
      expect((await call(api, undefined, 'GET', p)).text, p).not.toContain('SQLite');
  });

  it('checked a documented 200 response of every route against its schema', () => {
    const doc = api.openApiDocument() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${p} ${m === 'post' && p === '/api/runs' ? 202 : 200}`),
    );
    const streamed = 'GET /events/stream 200'; // its messages are checked in socket.test.ts
    expect(documented.filter((d) => d !== streamed && !checker.checked.has(d))).toEqual([]);
  });
});

describe('object decay (Space-Track decay messages, fixtures/decay)', () => {
  it('shows a Historical decay as the decay date with its message, a prediction only as the latest prediction', async () => {
    const report = await ingestTexts(
      db.repo,
      [{ file: 'decay.json', data: fixtureText('decay/spacetrack-decay_recorded.json') }],
      { source: 'space-track', sourceKind: 'official' },
      clock,
    );
    expect(report.decay).toEqual({ stored: 4, duplicates: 0, decayDatesFilled: 3 });
    type Detail = {
      object: { decayDateUtc: string | null };
      decay: { status: string; from: string | null; message: unknown; latestPrediction: unknown };
    };
    const htv2 = (await get('/api/objects/37351')).json as Detail;
    expect(htv2.object.decayDateUtc).toBe('2011-03-30T00:00:00.000Z');
    expect(htv2.decay).toMatchObject({
      status: 'decayed',
      from: 'decay-message',
      message: { type: 'Historical', messageSource: 'decay_msg', messageEpochUtc: '2011-03-30T04:13:00.000Z' },
      latestPrediction: null,
    });
    const thorad = (await get('/api/objects/4917')).json as Detail;
    expect(thorad.object.decayDateUtc).toBeNull();
    expect(thorad.decay).toMatchObject({
      status: 'predicted',
      from: null,
      message: null,
      latestPrediction: {
        type: 'Prediction',
        messageEpochUtc: '2018-02-07T16:37:02.000Z',
        decayEpochUtc: '2019-03-23T00:00:00.000Z',
      },
    });
    const jason3 = (await get('/api/objects/41240')).json as Detail;
    expect(jason3.decay).toMatchObject({ status: 'none', message: null, latestPrediction: null });
    // An object known from a decay message only has no sets: an empty page, as its detail says, not a 404.
    const sets = await get('/api/objects/4917/element-sets');
    expect(sets.status).toBe(200);
    expect(sets.json).toEqual({ norad: 4917, items: [], nextCursor: null });
    expect((await get('/api/objects/99999/element-sets')).status).toBe(404);
  });
});
