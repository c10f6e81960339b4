/**
 * Fuzz: 12,000 malformed requests in-process — bad JSON, wrong types and ranges in every
 * parameter, bad and foreign cursors, bodies over the size limit, missing, malformed, unknown
 * and revoked tokens, junk path segments and methods, junk Last-Event-IDs — each must get a 4xx
 * with the error body (never a 5xx, never a success), and the server must answer normally after.
 * A seeded generator makes a failure reproducible (the seed and request are in the message).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createApiToken, revokeApiToken } from '@orbwatch/app';
import type { OrbwatchApi } from '../src/index.js';
import { createApi } from '../src/index.js';
import type { FixtureDb } from './fixture-db.js';
import { buildFixtureDb, clock } from './fixture-db.js';

const SEED = 20261206;
const REQUESTS = 12_000;
const MAX_BODY = 32 * 1024;

/** mulberry32: small, seeded, good enough to spread the cases. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Case {
  readonly what: string;
  readonly method: string;
  readonly path: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
}

let db: FixtureDb;
let api: OrbwatchApi;
let good: string;
let revoked: string;
let eventId: string;

beforeAll(async () => {
  db = await buildFixtureDb();
  api = createApi({
    repo: db.repo,
    clock,
    webhooks: false,
    limits: { ratePerSec: Infinity, maxBodyBytes: MAX_BODY },
  });
  good = (await createApiToken(db.repo, 'fuzz', clock)).token;
  const r = await createApiToken(db.repo, 'fuzz-revoked', clock);
  await revokeApiToken(db.repo, r.id, clock);
  revoked = r.token;
  eventId = (await db.repo.listEvents())[0]?.id ?? '';
});
afterAll(async () => {
  await api.close();
  db.cleanup();
});

it(`answers ${String(REQUESTS)} malformed requests with 4xx only and stays healthy`, async () => {
  const rand = rng(SEED);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const junkChars = 'ab%Z9-_~!*()\'";:@&=+$,/?#[] \t\u00e9\u2603\u202e\u0000{}<>\\.';
  const junk = (n = int(1, 30)): string => {
    let s = '';
    for (let i = 0; i < n; i++) s += junkChars[int(0, junkChars.length - 1)] ?? '';
    return s;
  };
  const enc = (s: string): string => encodeURIComponent(s);
  // values that are never a valid limit (1..500), NORAD id, time, kind, cursor …
  const badLimit = () => pick(['0', '-1', '501', '1e9', 'abc', '', '1.5', 'NaN', 'Infinity', '0x10', enc(junk())]);
  const badNorad = () => pick(['0', '-5', '340000', '1e99', 'ISS', '25544.5', enc(junk())]);
  const badTime = () =>
    pick([
      '2026-01-01',
      '2026-01-01T00:00:00',
      '2026-13-01T00:00:00Z',
      '2026-02-30T00:00:00Z',
      'yesterday',
      '1700000000',
      enc(junk()),
    ]);
  const badCursor = () =>
    pick([
      enc(junk()),
      Buffer.from(JSON.stringify(['objects', 'x'])).toString('base64url'),
      Buffer.from(JSON.stringify(['events', 'x', 1])).toString('base64url'),
      Buffer.from(JSON.stringify({ a: 1 })).toString('base64url'),
      Buffer.from('not json').toString('base64url'),
      'A'.repeat(600),
    ]);
  const badJson = () =>
    pick([
      '{',
      '{"text":',
      '[',
      'nul',
      '{"text": 42}',
      '{"text": null}',
      '{"text": ["a"]}',
      '{"text": "x", "format": "pdf"}',
      '{"text": "x", "source": "bad source!"}',
      '{"text": "x", "sourceKind": "secret"}',
      '{"text": "x", "unknown": true}',
      '{"kind": "nap"}',
      `{"text": "${junk()}"`,
      junk(),
    ]);
  const badRunBody = () =>
    pick([
      '{',
      '[]',
      '{}',
      '{"kind": 1}',
      '{"kind": "detection", "kinds": "maneuver"}',
      '{"kind": "detection", "kinds": []}',
      '{"kind": "detection", "kinds": ["tarot"]}',
      '{"kind": "detection", "since": "yesterday"}',
      '{"kind": "detection", "full": "yes"}',
      '{"kind": "screening"}',
      junk(),
    ]);
  const badAuth = () =>
    pick([
      undefined,
      '',
      'Bearer',
      'Bearer ',
      `Bearer ${junk(10).replace(/\s/g, 'x')}`,
      'Basic dXNlcjpwYXNz',
      `Bearer ${revoked}`,
      `Bearer ${'x'.repeat(5000)}`,
      `bearer ow_${'A'.repeat(43)}`,
    ]);
  const json = { 'content-type': 'application/json' };
  const auth = { authorization: `Bearer ${good}` };

  const generators: (() => Case)[] = [
    () => ({ what: 'objects limit', method: 'GET', path: `/api/objects?limit=${badLimit()}` }),
    () => ({ what: 'objects norad', method: 'GET', path: `/api/objects?norad=${badNorad()}` }),
    () => ({ what: 'objects cursor', method: 'GET', path: `/api/objects?cursor=${badCursor()}` }),
    () => ({ what: 'objects q too long', method: 'GET', path: `/api/objects?q=${'x'.repeat(int(201, 3000))}` }),
    () => ({ what: 'object id', method: 'GET', path: `/api/objects/${badNorad()}` }),
    () => ({ what: 'object unknown', method: 'GET', path: `/api/objects/${String(int(300000, 339999))}` }),
    () => ({ what: 'element sets limit', method: 'GET', path: `/api/objects/41240/element-sets?limit=${badLimit()}` }),
    () => ({
      what: 'element sets cursor',
      method: 'GET',
      path: `/api/objects/41240/element-sets?cursor=${badCursor()}`,
    }),
    () => ({
      what: 'propagate times',
      method: 'GET',
      path: `/api/objects/41240/propagate?from=${badTime()}&to=2020-01-01T00:00:00Z`,
    }),
    () => ({
      what: 'propagate step',
      method: 'GET',
      path: `/api/objects/41240/propagate?from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z&stepSec=${pick(['0', '-1', 'x', '1e12', '0.5'])}`,
    }),
    () => ({
      what: 'propagate frame',
      method: 'GET',
      path: `/api/objects/41240/propagate?from=2020-01-01T00:00:00Z&to=2020-01-01T01:00:00Z&frame=${enc(junk())}`,
    }),
    () => ({ what: 'events kind', method: 'GET', path: `/api/events?kind=${enc(junk())}` }),
    () => ({ what: 'events object', method: 'GET', path: `/api/events?object=${badNorad()}` }),
    () => ({ what: 'events from', method: 'GET', path: `/api/events?from=${badTime()}` }),
    () => ({ what: 'events to', method: 'GET', path: `/api/events?to=${badTime()}` }),
    () => ({ what: 'events limit', method: 'GET', path: `/api/events?limit=${badLimit()}` }),
    () => ({ what: 'events cursor', method: 'GET', path: `/api/events?cursor=${badCursor()}` }),
    () => ({ what: 'events label too long', method: 'GET', path: `/api/events?label=${'x'.repeat(int(61, 500))}` }),
    () => ({
      what: 'event id',
      method: 'GET',
      path: `/api/events/${pick([enc(junk()), 'zz', 'g0', `${eventId}0`, 'f'.repeat(int(37, 80))])}${pick(['', '/evidence', '/plots', '/report'])}`,
    }),
    () => ({ what: 'event prefix unknown', method: 'GET', path: `/api/events/ffff${String(int(1000, 9999))}` }),
    () => ({ what: 'findings verdict', method: 'GET', path: `/api/findings?verdict=${enc(junk())}` }),
    () => ({ what: 'findings cursor', method: 'GET', path: `/api/findings?cursor=${badCursor()}` }),
    () => ({
      what: 'findings event',
      method: 'GET',
      path: `/api/findings?event=${pick(['x', 'ffff0000', enc(junk())])}`,
    }),
    () => ({ what: 'conjunctions', method: 'GET', path: `/api/conjunctions?limit=${badLimit()}` }),
    () => ({ what: 'launches', method: 'GET', path: `/api/launches?cospar=${pick(['2026', '26-001', enc(junk())])}` }),
    () => ({ what: 'run id', method: 'GET', path: `/api/runs/${enc(junk())}x` }),
    () => ({
      what: 'stream kind',
      method: 'GET',
      path: `/events/stream?kind=${pick(['tarot', 'maneuver,', ',', 'MANEUVER', enc(junk())])}`,
    }),
    () => ({
      what: 'stream last id',
      method: 'GET',
      path: '/events/stream',
      headers: { 'last-event-id': pick(['-1', 'x', '1.5', 'yesterday', junk().replace(/[\r\n\0]/g, '')]) || 'x' },
    }),
    () => ({ what: 'stream object', method: 'GET', path: `/events/stream?object=${badNorad()}` }),
    () => {
      const a = badAuth();
      return {
        what: 'ingest bad token',
        method: 'POST',
        path: '/api/element-sets',
        headers: a === undefined ? {} : { authorization: a },
        body: '1 25544U',
      };
    },
    () => ({
      what: 'ingest bad json',
      method: 'POST',
      path: '/api/element-sets',
      headers: { ...auth, ...json },
      body: badJson(),
    }),
    () => ({
      what: 'ingest huge body',
      method: 'POST',
      path: '/api/element-sets',
      headers: auth,
      body: 'x'.repeat(int(MAX_BODY + 1, 4 * MAX_BODY)),
    }),
    () => ({
      what: 'ingest bad source',
      method: 'POST',
      path: `/api/element-sets?source=${pick(['', 'a b', 'x'.repeat(101), enc('ü')])}`,
      headers: auth,
      body: '1 25544U',
    }),
    () => ({
      what: 'ingest not element sets',
      method: 'POST',
      path: '/api/element-sets',
      headers: { ...auth, 'content-type': 'text/plain' },
      body: `${junk(int(1, 200))}x`,
    }),
    () => ({
      what: 'run bad body',
      method: 'POST',
      path: '/api/runs',
      headers: { ...auth, ...json },
      body: badRunBody(),
    }),
    () => {
      const a = badAuth();
      return {
        what: 'run bad token',
        method: 'POST',
        path: '/api/runs',
        headers: { ...json, ...(a === undefined ? {} : { authorization: a }) },
        body: '{"kind":"detection"}',
      };
    },
    () => ({
      what: 'wrong method',
      method: pick(['POST', 'PUT', 'DELETE', 'PATCH']),
      path: pick(['/api/events', '/api/objects', `/api/events/${eventId}`, '/healthz', '/api/launches']),
      headers: auth,
      body: '{}',
    }),
    () => ({
      what: 'unknown path',
      method: pick(['GET', 'POST', 'DELETE']),
      path: `/api/${enc(junk())}/${enc(junk())}`,
    }),
  ];

  const failures: string[] = [];
  const counts = new Map<number, number>();
  for (let i = 0; i < REQUESTS; i++) {
    const gen = generators[i % generators.length];
    if (gen === undefined) throw new Error('no generator');
    const c = gen();
    let status: number;
    let code: string | undefined;
    try {
      const r = await api.fetch(
        new Request(`http://orbwatch.test${c.path}`, {
          method: c.method,
          headers: c.headers ?? {},
          ...(c.body === undefined ? {} : { body: c.body }),
        }),
      );
      status = r.status;
      const text = await r.text();
      try {
        code = (JSON.parse(text) as { error?: { code?: string } }).error?.code;
      } catch {
        code = undefined;
      }
    } catch (e) {
      // a request the Request constructor itself refuses (e.g. a header with a NUL) never reaches us
      if (e instanceof TypeError) continue;
      throw e;
    }
    counts.set(status, (counts.get(status) ?? 0) + 1);
    if (status < 400 || status >= 500 || code === undefined)
      failures.push(
        `#${String(i)} seed ${String(SEED)} ${c.what}: ${c.method} ${c.path.slice(0, 120)} → ${String(status)} ${code ?? '(no error body)'}`,
      );
  }
  expect(failures.slice(0, 20)).toEqual([]);
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  expect(total).toBeGreaterThanOrEqual(10_000);
  // every kind of refusal was exercised
  for (const s of [400, 401, 404, 405, 413, 422]) expect(counts.get(s) ?? 0, `status ${String(s)}`).toBeGreaterThan(0);

  // still healthy: reads, a write and the feed answer as before
  expect((await api.fetch(new Request('http://orbwatch.test/healthz'))).status).toBe(200);
  const events = await api.fetch(new Request('http://orbwatch.test/api/events?limit=5'));
  expect(events.status).toBe(200);
  expect(((await events.json()) as { items: unknown[] }).items).toHaveLength(5);
  const run = await api.fetch(
    new Request('http://orbwatch.test/api/runs', {
      method: 'POST',
      headers: { ...auth, ...json },
      body: '{"kind":"detection","kinds":["release"]}',
    }),
  );
  expect(run.status).toBe(202);
  await api.idle();
}, 120_000);
