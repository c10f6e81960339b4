/**
 * Event routes: the filtered, paged list and one event in full (by id or unique id prefix).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import { noradId, parseIsoInstant } from '@orbwatch/core';
import { eventDetail, listEventsPage, resolveEventId } from '@orbwatch/app';
import type { ApiDeps } from '../api-context.js';
import { EventDetailSchema, EventsPageSchema, EventsQuery, eventIdParam } from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

export function eventRoutes(app: OpenAPIHono, d: ApiDeps): void {
  const { repo, limits } = d;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events',
      tags: ['events'],
      summary: 'Events by kind, assessment label, object and time, in start order (live ones unless includeSuperseded)',
      request: { query: EventsQuery(limits.defaultPageSize, limits.maxPageSize) },
      responses: {
        200: { description: 'a page of events', content: { 'application/json': { schema: EventsPageSchema } } },
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const from = q.from === undefined ? undefined : parseIsoInstant(q.from);
      const to = q.to === undefined ? undefined : parseIsoInstant(q.to);
      const page = await listEventsPage(repo, {
        ...(q.kind === undefined ? {} : { kind: q.kind }),
        ...(q.label === undefined ? {} : { label: q.label }),
        ...(q.object === undefined ? {} : { norad: noradId(q.object) }),
        ...(from === undefined ? {} : { from }),
        ...(to === undefined ? {} : { to }),
        ...(q.includeSuperseded === 'true' ? { includeSuperseded: true } : {}),
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return sendJson(c, page, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}',
      tags: ['events'],
      summary: 'One event in full: assessment, named objects, element sets with ages and sources, findings',
      request: { params: z.object({ id: eventIdParam }) },
      responses: {
        200: { description: 'the event', content: { 'application/json': { schema: EventDetailSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const e = await resolveEventId(repo, c.req.valid('param').id);
      return sendJson(c, await eventDetail(repo, e), 200);
    },
  );
}
