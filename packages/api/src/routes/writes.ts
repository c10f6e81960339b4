/**
 * Write routes (an API token is required; see the auth middleware in create-api): POST element
 * sets in any supported format (raw text, or JSON `{text, format?, source?, sourceKind?}`), and
 * detection or screening runs started in the background and polled by id.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { IngestSourceOptions } from '@orbwatch/app';
import { ingestTexts, judgeStoredEvents, runDetection } from '@orbwatch/app';
import type { Norm } from '@orbwatch/core';
import { ErrorCode, OrbwatchError, parseIsoInstant } from '@orbwatch/core';
import type { ApiDeps } from '../api-context.js';
import type { RunQueue } from '../run-queue.js';
import { MAX_QUEUED } from '../run-queue.js';
import type { ScreeningRunRequest } from '../schemas.js';
import { IngestJsonBody, IngestReportSchema, RunAcceptedSchema, RunRequestSchema, RunSchema } from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

/**
 * A screening run, when the server was given one: the composition root passes the `screen` use
 * case with its engine (worker threads live outside the API and the app layer).
 */
export type ScreeningRunner = (request: ScreeningRunRequest) => Promise<unknown>;

const security = [{ token: [] }];

export function writeRoutes(
  app: OpenAPIHono,
  d: ApiDeps,
  runs: RunQueue,
  norms: readonly Norm[],
  screening: ScreeningRunner | undefined,
): void {
  const { repo, clock } = d;
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
    (c) => {
      const r = c.req.valid('json');
      if (runs.pending >= MAX_QUEUED)
        throw new OrbwatchError(ErrorCode.RATE_LIMITED, `${String(MAX_QUEUED)} runs are waiting already`, {
          retryAfterSec: 10,
        });
      let rec;
      if (r.kind === 'detection') {
        const since = r.since === undefined ? undefined : parseIsoInstant(r.since);
        const until = r.until === undefined ? undefined : parseIsoInstant(r.until);
        rec = runs.start('detection', r, async () => {
          const report = await runDetection(
            repo,
            {
              kinds: r.kinds ?? ['maneuver', 'release', 'proximity', 'fragmentation'],
              ...(r.full === undefined ? {} : { full: r.full }),
              ...(since === undefined ? {} : { since }),
              ...(until === undefined ? {} : { until }),
            },
            clock,
          );
          const findings = await judgeStoredEvents(repo, { norms, now: clock.now() });
          return { ...report, findings: findings.length };
        });
      } else {
        if (screening === undefined)
          throw new OrbwatchError(ErrorCode.USAGE, 'this server has no screening engine; run kind "detection"', {
            available: ['detection'],
          });
        rec = runs.start('screening', r, () => screening(r));
      }
      c.header('location', `/api/runs/${rec.runId}`);
      return sendJson(c, { runId: rec.runId, status: rec.status }, 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/runs/{id}',
      tags: ['runs'],
      summary: 'A run: queued, running, done (with its report) or failed (with its error)',
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
    (c) => {
      const id = c.req.valid('param').id;
      const rec = runs.get(id);
      if (rec === undefined)
        throw new OrbwatchError(ErrorCode.NOT_FOUND, `no run '${id}' (runs are kept while the server runs)`, { id });
      c.header('cache-control', 'no-store');
      return sendJson(c, rec, 200);
    },
  );
}
