/**
 * `GET /events/stream`: new events and findings as Server-Sent Events (`event: event`,
 * `event: finding`, or `event: event-superseded` when a later detection run replaced an event by
 * a later estimate or withdrew it; `data:` the JSON document, `id:` the feed sequence number). An
 * event already superseded when the stream reaches its row is not sent as new. A client that
 * reconnects with `Last-Event-ID` (or `?lastEventId=`) gets every row after that id first, so
 * nothing is lost across a dropped connection; without it the stream starts at the present.
 * Filters: `kind`, `label` (comma-separated lists) and `object`. Rows written by other processes
 * on the same database arrive within one feed poll. A comment line is sent every `heartbeatMs`
 * to keep proxies from closing an idle stream.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import type { FeedFilter } from '@orbwatch/app';
import { feedItems } from '@orbwatch/app';
import { ErrorCode, OrbwatchError, noradId } from '@orbwatch/core';
import type { ApiDeps } from '../api-context.js';
import type { FeedWatcher } from '../feed-watcher.js';
import { EVENT_KINDS } from '../event-kinds.js';
import { digits, noradQuery } from '../schemas.js';
import { errorResponses } from './responses.js';

/** Feed rows read per store query. */
const BATCH = 200;

const listParam = z
  .string()
  .max(500)
  .regex(/^[a-z0-9-]+(,[a-z0-9-]+)*$/, { error: 'a comma-separated list of names' });

export interface StreamOptions {
  readonly heartbeatMs: number;
}

export function eventStreamRoute(app: OpenAPIHono, d: ApiDeps, watcher: FeedWatcher, o: StreamOptions): void {
  let open = 0;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/events/stream',
      tags: ['feed'],
      summary: 'New events and findings as Server-Sent Events, resumable with Last-Event-ID',
      request: {
        query: z.object({
          kind: listParam.optional().openapi({ description: `any of ${EVENT_KINDS.join(', ')}` }),
          label: listParam.optional(),
          object: noradQuery.optional(),
          lastEventId: digits(0, Number.MAX_SAFE_INTEGER).optional().openapi({ type: 'integer' }),
        }),
        headers: z.object({
          'last-event-id': digits(0, Number.MAX_SAFE_INTEGER).optional().openapi({ type: 'integer' }),
        }),
      },
      responses: {
        200: {
          description: 'an event stream: `event: event|finding|event-superseded`, `id: <seq>`, `data: <JSON>`',
          content: { 'text/event-stream': { schema: z.string() } },
        },
        ...errorResponses(400, 429, 503),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const h = c.req.valid('header');
      const kinds = q.kind?.split(',');
      const bad = kinds?.find((k) => !(EVENT_KINDS as readonly string[]).includes(k));
      if (bad !== undefined)
        throw new OrbwatchError(ErrorCode.USAGE, `unknown event kind '${bad}'`, {
          parameter: 'kind',
          expected: EVENT_KINDS,
        });
      if (open >= d.limits.maxStreams)
        throw new OrbwatchError(ErrorCode.STORAGE_UNAVAILABLE, 'too many open streams; try again later', {
          maxStreams: d.limits.maxStreams,
        });
      const filter: FeedFilter = {
        ...(kinds === undefined ? {} : { kinds }),
        ...(q.label === undefined ? {} : { labels: q.label.split(',') }),
        ...(q.object === undefined ? {} : { norad: noradId(q.object) }),
      };
      const resume = h['last-event-id'] ?? q.lastEventId;
      let cursor = resume ?? (await watcher.poll());
      open++;
      const abort = new AbortController();
      return streamSSE(c, async (stream) => {
        stream.onAbort(() => {
          abort.abort();
        });
        try {
          await stream.writeSSE({ event: 'ready', data: JSON.stringify({ lastEventId: cursor }), retry: 2000 });
          while (!stream.aborted && !stream.closed) {
            const { items, last } = await feedItems(d.repo, cursor, BATCH, filter);
            for (const it of items)
              await stream.writeSSE({ id: String(it.seq), event: it.type, data: JSON.stringify(it.data) });
            const advanced = last > cursor;
            cursor = last;
            if (advanced) continue; // there may be more rows right behind
            const moved = await watcher.waitBeyond(cursor, o.heartbeatMs, abort.signal);
            if (!moved && !stream.aborted) await stream.write(': keep-alive\n\n');
            if (!moved && watcher.closed) break;
          }
        } finally {
          open--;
        }
      });
    },
  );
}
