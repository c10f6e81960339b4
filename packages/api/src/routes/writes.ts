/**
 * Write routes (an API token is required; see the auth middleware in create-api): POST element
 * sets in any supported format (raw text, or JSON `{text, format?, source?, sourceKind?}`), and
 * detection or screening runs started in the background (run-queue.ts) and polled by id or listed
 * (the run reads are open like every read).
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { IngestSourceOptions } from '@orbwatch/app';
import { decodeCursor, encodeCursor, ingestTexts } from '@orbwatch/app';
import { ErrorCode, OrbwatchError } from '@orbwatch/core';
import type { ApiDeps } from '../api-context.js';
import { TOKEN_ID } from '../api-context.js';
import type { RunQueue } from '../run-queue.js';
import { MAX_QUEUED, runView } from '../run-queue.js';
import {
  IngestJsonBody,
  IngestReportSchema,
  PageQuery,
  RunAcceptedSchema,
  RunRequestSchema,
  RunSchema,
  RunsPageSchema,
} from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

const security = [{ token: [] }];

export function writeRoutes(app: OpenAPIHono, d: ApiDeps, runs: RunQueue): void {
  const { repo, clock, limits } = d;
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/element-sets',
      tags: ['ingest'],
      summary: 'Ingest element sets (TLE/3LE, OMM JSON/XML/KVN/CSV, SATCAT): one ingest run',
      security,
      request: {
        query: z.object({
          source: z
            .string()
            .min(1)
            .max(100)
            .regex(/^[\w.:@-]+$/, { error: 'letters, digits and . : @ _ -' })
            .optional(),
          sourceKind: z.enum(['official', 'amateur', 'derived']).optional(),
        }),
        body: {
          content: {
            'application/json': { schema: IngestJsonBody },
            'text/plain': { schema: z.string().openapi({ description: 'the element sets as text' }) },
          },
          // (not `required`: with it the JSON schema is applied to text bodies too; an empty body is refused below)
        },
      },
      responses: {
        200: {
          description: 'the ingest report (as `orbwatch ingest --json`)',
          content: { 'application/json': { schema: IngestReportSchema } },
        },
        ...errorResponses(400, 401, 413, 422, 429, 503),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const json = (c.req.header('content-type') ?? '').toLowerCase().includes('json');
      const body: z.infer<typeof IngestJsonBody> = json
        ? (c.req.valid('json') as z.infer<typeof IngestJsonBody>)
        : { text: await c.req.text() };
      if (body.text.length === 0)
        throw new OrbwatchError(ErrorCode.USAGE, 'the request body is empty; send element sets as text', {});
      const source = body.source ?? q.source ?? 'api';
      const kind = body.sourceKind ?? q.sourceKind;
      const format = body.format;
      const options: IngestSourceOptions = {
        source,
        ...(kind === undefined ? {} : { sourceKind: kind }),
        ...(format === undefined ? {} : { format }),
      };
      const report = await ingestTexts(
        repo,
        [{ file: 'request-body', data: new TextEncoder().encode(body.text) }],
        options,
        clock,
      );
      if (report.accepted === 0 && report.duplicates === 0 && report.satcatRecords === 0 && report.decayMessages === 0)
        throw new OrbwatchError(ErrorCode.INPUT_REJECTED, 'no record in the body could be stored', { report });
      return sendJson(c, report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/runs',
      tags: ['runs'],
      summary: 'Start a detection or screening run; poll GET /api/runs/{id}',
      security,
      request: { body: { content: { 'application/json': { schema: RunRequestSchema } }, required: true } },
      responses: {
        202: { description: 'queued', content: { 'application/json': { schema: RunAcceptedSchema } } },
        ...errorResponses(400, 401, 413, 429),
      },
    }),
    async (c) => {
      const r = c.req.valid('json');
      if (!runs.kinds.includes(r.kind))
        throw new OrbwatchError(ErrorCode.USAGE, `this server has no ${r.kind} engine; run kind "detection"`, {
          available: runs.kinds,
        });
      if (runs.pending >= MAX_QUEUED)
        throw new OrbwatchError(ErrorCode.RATE_LIMITED, `${String(MAX_QUEUED)} runs are waiting already`, {
          retryAfterSec: 10,
        });
      const tokenId: string | undefined = c.get(TOKEN_ID); // set by the auth middleware before every write
      const rec = await runs.start(r, tokenId ?? null);
      c.header('location', `/api/runs/${rec.id}`);
      return sendJson(c, { runId: rec.id, status: rec.status }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs',
      tags: ['runs'],
      summary: 'Runs started through the API, newest first (kept across restarts)',
      request: { query: PageQuery(limits.defaultPageSize, limits.maxPageSize) },
      responses: {
        200: { description: 'a page of runs', content: { 'application/json': { schema: RunsPageSchema } } },
        ...errorResponses(400, 429),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const beforeSeq = q.cursor === undefined ? undefined : decodeCursor('runs', q.cursor, ['number'] as const)[0];
      const page = await runs.list({ ...(beforeSeq === undefined ? {} : { beforeSeq }), limit: q.limit + 1 });
      const items = page.slice(0, q.limit);
      const last = items[items.length - 1];
      c.header('cache-control', 'no-store');
      return sendJson(
        c,
        {
          items: items.map(runView),
          nextCursor: page.length > q.limit && last !== undefined ? encodeCursor('runs', [last.seq]) : null,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}',
      tags: ['runs'],
      summary: 'A run: queued, running, done (with its report), failed or interrupted (with its error)',
      request: {
        params: z.object({
          id: z
            .string()
            .max(64)
            .openapi({ param: { name: 'id', in: 'path' } }),
        }),
      },
      responses: {
        200: { description: 'the run', content: { 'application/json': { schema: RunSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const id = c.req.valid('param').id;
      const rec = await runs.get(id);
      if (rec === null) throw new OrbwatchError(ErrorCode.NOT_FOUND, `no run '${id}'`, { id });
      c.header('cache-control', 'no-store');
      return sendJson(c, runView(rec), 200);
    },
  );
}
