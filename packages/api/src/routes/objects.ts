/**
 * Object routes: search, one object with its latest set, event count and decay (fact or latest prediction), its element-set history.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { NoradId } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, noradId, parseIsoInstant } from '@orbwatch/core';
import { elementSetPage, objectDetail, propagateStored, searchObjects } from '@orbwatch/app';
import type { ApiDeps } from '../api-context.js';
import {
  ElementSetsPageSchema,
  ObjectDetailSchema,
  ObjectsPageSchema,
  ObjectsQuery,
  PageQuery,
  PropagateQuery,
  PropagationSchema,
  noradParam,
} from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

/** States one propagation request may ask for. */
export const MAX_PROPAGATION_STEPS = 20_000;

export function objectRoutes(app: OpenAPIHono, d: ApiDeps): void {
  const { repo, limits } = d;
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/objects',
      tags: ['objects'],
      summary: 'Search objects by name, NORAD id, owner, type or COSPAR id',
      request: { query: ObjectsQuery(limits.defaultPageSize, limits.maxPageSize) },
      responses: {
        200: { description: 'a page of objects', content: { 'application/json': { schema: ObjectsPageSchema } } },
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await searchObjects(repo, {
        ...(q.q === undefined ? {} : { q: q.q }),
        ...(q.norad === undefined ? {} : { norad: noradId(q.norad) }),
        ...(q.owner === undefined ? {} : { owner: q.owner }),
        ...(q.type === undefined ? {} : { objectType: q.type }),
        ...(q.cospar === undefined ? {} : { cospar: q.cospar }),
        all: q.all === 'true',
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return c.json({ items: page.items.map((o) => ({ ...o, cospar: o.cosparId })), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/objects/{norad}',
      tags: ['objects'],
      summary:
        'One object: catalogue facts, names over time, latest element set, number of events, decay (fact or latest prediction)',
      request: { params: z.object({ norad: noradParam }) },
      responses: {
        200: { description: 'the object', content: { 'application/json': { schema: ObjectDetailSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const norad = noradId(c.req.valid('param').norad);
      return c.json(await objectDetail(repo, norad), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/objects/{norad}/element-sets',
      tags: ['objects'],
      summary: "An object's element-set history from every source, oldest first",
      request: {
        params: z.object({ norad: noradParam }),
        query: PageQuery(limits.defaultPageSize, limits.maxPageSize),
      },
      responses: {
        200: {
          description: 'a page of element sets',
          content: { 'application/json': { schema: ElementSetsPageSchema } },
        },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const norad: NoradId = noradId(c.req.valid('param').norad);
      const q = c.req.valid('query');
      const page = await elementSetPage(repo, norad, {
        limit: q.limit,
        ...(q.cursor === undefined ? {} : { cursor: q.cursor }),
      });
      return c.json({ norad, ...page }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/objects/{norad}/propagate',
      tags: ['objects'],
      summary: 'SGP4 states from the stored element sets (as `orbwatch propagate --json`)',
      request: { params: z.object({ norad: noradParam }), query: PropagateQuery },
      responses: {
        200: { description: 'the states', content: { 'application/json': { schema: PropagationSchema } } },
        ...errorResponses(400, 404, 422, 429),
      },
    }),
    async (c) => {
      const norad = noradId(c.req.valid('param').norad);
      const q = c.req.valid('query');
      const from = parseIsoInstant(q.from);
      const to = parseIsoInstant(q.to);
      if (from === undefined || to === undefined) throw new Error('validated times did not parse');
      if (to < from) throw new OrbwatchError(ErrorCode.USAGE, "'to' is before 'from'", { from: q.from, to: q.to });
      const r = await propagateStored(repo, norad, {
        from,
        to,
        step: q.stepSec,
        frame: q.frame,
        policy: q.policy,
        allowStale: q.allowStale === 'true',
        maxSamples: MAX_PROPAGATION_STEPS,
      });
      if (r.failed === r.count)
        throw new OrbwatchError(ErrorCode.PROPAGATION_FAILED, r.text, { norad, summary: r.document.summary });
      return sendJson(c, r.document, 200);
    },
  );
}
