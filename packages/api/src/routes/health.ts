/**
 * `GET /healthz`: the server answers and its database reads.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute } from '@hono/zod-openapi';
import { SCHEMA_VERSION } from '@orbwatch/store';
import type { ApiDeps } from '../api-context.js';
import type { FeedWatcher } from '../feed-watcher.js';
import { HealthSchema } from '../schemas.js';
import { errorResponses } from './responses.js';

export function healthRoute(app: OpenAPIHono, d: ApiDeps, watcher: FeedWatcher): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/healthz',
      tags: ['server'],
      summary: 'The server is up and its database answers',
      responses: {
        200: { description: 'healthy', content: { 'application/json': { schema: HealthSchema } } },
        ...errorResponses(503),
      },
    }),
    async (c) =>
      c.json(
        {
          ok: true,
          schemaVersion: SCHEMA_VERSION,
          elementSets: await d.repo.countElementSets(),
          feedHead: await watcher.poll(),
        },
        200,
      ),
  );
}
