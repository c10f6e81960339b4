/**
 * Webhook delivery to a local receiver: each new event is POSTed with a valid HMAC-SHA256
 * signature; a receiver that fails twice gets the third try after growing waits; one that always
 * fails leaves a dead letter (listed with the webhooks) and delivery moves on; a kind filter
 * holds back other kinds.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGNATURE_HEADER, addWebhook, listWebhooks, verifyWebhookSignature } from '@orbwatch/app';
import type { DetectedEvent } from '@orbwatch/core';
import { instant } from '@orbwatch/core';
import { openSqliteCatalog } from '@orbwatch/store';
import type { OrbwatchApi } from '../src/index.js';
import { createApi } from '../src/index.js';
import type { FixtureDb } from './fixture-db.js';
import { buildFixtureDb, clock } from './fixture-db.js';

interface Received {
  readonly at: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** A receiver answering each POST with the next status of `statuses` (the last one repeats). */
async function receiver(statuses: number[]): Promise<{ url: string; got: Received[]; server: Server }> {
  const got: Received[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      got.push({ at: Date.now(), headers: req.headers, body });
      res.statusCode = statuses[Math.min(got.length - 1, statuses.length - 1)] ?? 200;
      res.end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${String((server.address() as AddressInfo).port)}/hook`, got, server };
}

const until = async (ok: () => boolean, ms = 8000): Promise<void> => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

let db: FixtureDb;
let api: OrbwatchApi;
let shift = 0;
const servers: Server[] = [];

/** Stores a new event of `kind` through another connection (as another process would). */
async function newEvent(kind: 'maneuver' | 'release'): Promise<string> {
  const base = (await db.repo.listEvents({ kind }))[0];
  if (base === undefined) throw new Error(`no ${kind} in the fixture`);
  shift += 1000;
  const e: DetectedEvent = {
    kind: base.kind,
    objects: base.objects,
    start: instant(base.start + shift),
    end: instant(base.end + shift),
    measures: base.measures,
    elementSets: base.elementSets,
    detector: base.detector,
    detectorVersion: base.detectorVersion,
    parameters: base.parameters,
  };
  const other = openSqliteCatalog(db.path);
  const id = other.saveEvents([e], clock.now()).ids[0] ?? '';
  other.close();
  return id;
}

beforeAll(async () => {
  db = await buildFixtureDb();
});
afterAll(async () => {
  await api.close();
  for (const s of servers) s.close();
  db.cleanup();
});

describe('webhooks', () => {
  it('signs, retries with backoff, dead-letters and filters', async () => {
    const good = await receiver([200]);
    const flaky = await receiver([500, 503, 200]);
    const dead = await receiver([500]);
    const releasesOnly = await receiver([200]);
    servers.push(good.server, flaky.server, dead.server, releasesOnly.server);
    const secret = 'test-secret';
    const hooks = {
      good: await addWebhook(db.repo, { url: good.url, secret }, clock),
      flaky: await addWebhook(db.repo, { url: flaky.url, secret }, clock),
      dead: await addWebhook(db.repo, { url: dead.url, secret }, clock),
      releasesOnly: await addWebhook(db.repo, { url: releasesOnly.url, secret, kinds: ['release'] }, clock),
    };
    api = createApi({
      repo: db.repo,
      clock,
      feedPollMs: 50,
      webhooks: { attempts: 3, baseDelayMs: 100, refreshMs: 100, timeoutMs: 2000 },
    });

    const id = await newEvent('maneuver');
    await until(() => good.got.length === 1);
    const g = good.got[0];
    if (g === undefined) throw new Error('nothing received');
    const nowSec = Math.floor(clock.now() / 1000);
    expect(verifyWebhookSignature(secret, g.headers[SIGNATURE_HEADER] as string, g.body, nowSec)).toBe(true);
    expect(verifyWebhookSignature('other-secret', g.headers[SIGNATURE_HEADER] as string, g.body, nowSec)).toBe(false);
    expect(verifyWebhookSignature(secret, g.headers[SIGNATURE_HEADER] as string, `${g.body} `, nowSec)).toBe(false);
    expect(g.headers['x-orbwatch-event']).toBe('event');
    const payload = JSON.parse(g.body) as { id: number; type: string; data: { id: string } };
    expect(payload.type).toBe('event');
    expect(payload.data.id).toBe(id);
    expect(String(payload.id)).toBe(g.headers['x-orbwatch-delivery']);

    // the flaky receiver: two failures, then delivered on the third try after 100 ms, then 200 ms
    await until(() => flaky.got.length === 3);
    const [a, b, c] = flaky.got;
    expect((b?.at ?? 0) - (a?.at ?? 0)).toBeGreaterThanOrEqual(90);
    expect((c?.at ?? 0) - (b?.at ?? 0)).toBeGreaterThanOrEqual(190);
    expect(flaky.got.map((x) => x.headers['x-orbwatch-attempt'])).toEqual(['1', '2', '3']);
    expect(new Set(flaky.got.map((x) => x.body)).size).toBe(1);

    // the dead receiver: three tries, then a dead letter, and the subscription moves on
    await until(() => dead.got.length === 3);
    await until(() => {
      const letters = db.repo.deadLetters(hooks.dead.id) as unknown as unknown[];
      return letters.length === 1;
    });
    const listed = await listWebhooks(db.repo);
    expect(listed.deadLetters).toHaveLength(1);
    expect(listed.deadLetters[0]).toMatchObject({
      webhookId: hooks.dead.id,
      url: dead.url,
      attempts: 3,
      lastError: 'HTTP 500',
      feedSeq: payload.id,
    });
    expect(JSON.parse(listed.deadLetters[0]?.payload ?? '{}')).toEqual(payload);
    await until(() =>
      (db.repo.webhooks() as unknown as { id: string; lastSeq: number }[]).some(
        (h) => h.id === hooks.dead.id && h.lastSeq >= payload.id,
      ),
    );

    // the kind filter: no maneuver reached the releases-only hook; a release does
    expect(releasesOnly.got).toHaveLength(0);
    const rel = await newEvent('release');
    await until(() => releasesOnly.got.length === 1);
    expect((JSON.parse(releasesOnly.got[0]?.body ?? '{}') as { data: { id: string } }).data.id).toBe(rel);
    await until(() => good.got.length === 2);
  }, 30_000);
});
