/**
 * Findings, conjunctions and launches.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { decodeCursor, encodeCursor, launchDocument, launchLines, listEventsPage, resolveEventId } from '@orbwatch/app';
import { formatIso, noradId } from '@orbwatch/core';
import type { FindingFilter } from '@orbwatch/store';
import type { ApiDeps } from '../api-context.js';
import { EventsPageSchema, FindingsQuery, FindingsSchema, LaunchesSchema, PageQuery } from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

export function listRoutes(app: OpenAPIHono, d: ApiDeps): void {
  const { repo, limits } = d;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/findings',
      tags: ['findings'],
      summary: 'Stored findings (event × norm): by norm, object, event or verdict',
      request: { query: FindingsQuery(limits.defaultPageSize, limits.maxPageSize) },
      responses: {
        200: { description: 'a page of findings', content: { 'application/json': { schema: FindingsSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const eventId = q.event === undefined ? undefined : (await resolveEventId(repo, q.event)).id;
      const filter: FindingFilter = {
        ...(q.norm === undefined ? {} : { normId: q.norm }),
        ...(q.object === undefined ? {} : { norad: noradId(q.object) }),
        ...(eventId === undefined ? {} : { eventId }),
        ...(q.verdict === undefined ? {} : { verdict: q.verdict }),
      };
      const all = await repo.listFindings(filter);
      let from = 0;
      if (q.cursor !== undefined) {
        const [afterId] = decodeCursor('findings', q.cursor, ['string'] as const);
        from = all.findIndex((f) => f.id === afterId) + 1;
        if (from === 0) from = all.length; // that finding is gone (judged again): nothing after it is known
      }
      const page = all.slice(from, from + q.limit);
      const last = page[page.length - 1];
      return sendJson(
        c,
        {
          items: page.map((f) => ({ ...f, createdUtc: formatIso(f.createdAt) })),
          nextCursor: from + q.limit < all.length && last !== undefined ? encodeCursor('findings', [last.id]) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/conjunctions',
      tags: ['events'],
      summary: 'Events of kind conjunction (close approaches from screening), in start order',
      request: { query: PageQuery(limits.defaultPageSize, limits.maxPageSize) },
      responses: {
        200: { description: 'a page of conjunctions', content: { 'application/json': { schema: EventsPageSchema } } },
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await listEventsPage(repo, {
        kind: 'conjunction',
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return sendJson(c, page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/launches',
      tags: ['launches'],
      summary: 'Multi-payload launches: members and the release detector outcome',
      request: {
        query: z.object({
          cospar: z
            .string()
            .regex(/^\d{4}-\d{3}$/, { error: 'a COSPAR launch YYYY-NNN' })
            .optional(),
        }),
      },
      responses: {
        200: { description: 'the launches', content: { 'application/json': { schema: LaunchesSchema } } },
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const lines = await launchLines(repo, q.cospar === undefined ? {} : { cospar: q.cospar });
      return sendJson(c, { items: lines.map(launchDocument) }, 200);
    },
  );
}
