/**
 * The HTTP app factory: `createApi({repo, clock, staticDir?, limits})` builds the orbwatch API
 * (hono with zod schemas; the OpenAPI 3.1 document at `/openapi.json`) without listening, so
 * tests call it in-process (`api.fetch(request)`) and `listen` serves it on a socket.
 *
 * Every response to a bad request is a 4xx with `{"error":{"code","message","details"}}`:
 * validation failures are `USAGE` (400) with the zod issues in `details.issues`, unknown routes
 * `NOT_FOUND` (404), a known path with another method `METHOD_NOT_ALLOWED` (405, `Allow`),
 * bodies over the limit `PAYLOAD_TOO_LARGE` (413), clients over their rate `RATE_LIMITED` (429,
 * `Retry-After`). Lists carry a weak `ETag` and answer `If-None-Match` with 304.
 * @module
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { etag } from 'hono/etag';
import { ResponseCache } from './response-cache.js';
import type { Clock } from '@orbwatch/app';
import { verifyApiToken } from '@orbwatch/app';
import type { Norm } from '@orbwatch/core';
import { DEFAULT_NORM_FILE, ErrorCode, OrbwatchError, parseNorms } from '@orbwatch/core';
import type { CatalogRepository } from '@orbwatch/store';
import type { ApiDeps } from './api-context.js';
import { TOKEN_ID } from './api-context.js';
import { errorResponse } from './errors.js';
import { FeedWatcher } from './feed-watcher.js';
import type { ApiLimits } from './limits.js';
import { DEFAULT_LIMITS, RateLimiter } from './limits.js';
import { RunQueue } from './run-queue.js';
import type { RunExecutor, ScreeningRunner } from './run-work.js';
import { inProcessExecutor } from './run-work.js';
import type { WebhookOptions } from './webhook-dispatcher.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { eventExtraRoutes } from './routes/event-extras.js';
import { eventStreamRoute } from './routes/event-stream.js';
import { listRoutes } from './routes/lists.js';
import { writeRoutes } from './routes/writes.js';
import { eventRoutes } from './routes/events.js';
import { healthRoute } from './routes/health.js';
import { objectRoutes } from './routes/objects.js';
import { staticResponse } from './static-files.js';

export interface CreateApiOptions {
  readonly repo: CatalogRepository;
  readonly clock: Clock;
  /** A directory served at `/` (the web UI's build), when given. */
  readonly staticDir?: string;
  readonly limits?: Partial<ApiLimits>;
  /** How often the alert feed is read for rows from other processes (default 500 ms). */
  readonly feedPollMs?: number;
  /** Comment lines on an idle event stream (default 15 s). */
  readonly heartbeatMs?: number;
  /** Norms events are judged against (default: the set orbwatch ships). */
  readonly norms?: readonly Norm[];
  /**
   * Runs a screening request (POST /api/runs with kind "screening") with the in-process executor;
   * absent: refused with USAGE.
   */
  readonly screening?: ScreeningRunner;
  /**
   * Where runs execute (default: in-process, on this thread and repository, with `screening`).
   * `orbwatch serve` on a database file passes a worker-thread executor.
   */
  readonly runExecutor?: RunExecutor;
  /** Webhook delivery (default: on, real fetch); `false` turns it off. */
  readonly webhooks?: WebhookOptions | false;
  /** The client a request is counted against (default: the peer address set by `listen`). */
  readonly clientOf?: (header: (name: string) => string | undefined) => string;
}

export interface OrbwatchApi {
  /** The fetch handler (Web `Request` → `Response`). */
  readonly fetch: (request: Request) => Response | Promise<Response>;
  readonly app: OpenAPIHono;
  /** The OpenAPI 3.1 document (as served at `/openapi.json`). */
  openApiDocument(): Record<string, unknown>;
  /** Resolves when every queued run has finished. */
  idle(): Promise<void>;
  /**
   * Stops the run executor (a running run and the waiting ones are stored as interrupted),
   * webhook delivery and the feed timer, ends open streams. The repository stays open (the caller's).
   */
  close(): Promise<void>;
}

export const API_VERSION = '1.0.0';

declare module 'hono' {
  interface ContextVariableMap {
    /** The id of the API token the auth middleware accepted for a write request. */
    [TOKEN_ID]: string;
  }
}

/** The peer address header `listen` sets on each request (the socket's, never the client's word). */
export const PEER_HEADER = 'x-orbwatch-peer';

/** Route templates per method, for telling 405 from 404. */
function pathMatcher(template: string): RegExp {
  const re = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+');
  return new RegExp(`^${re}/?$`);
}

export function createApi(o: CreateApiOptions): OrbwatchApi {
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...o.limits };
  const deps: ApiDeps = { repo: o.repo, clock: o.clock, limits };
  const watcher = new FeedWatcher(o.repo, o.feedPollMs ?? 500);
  const limiter = new RateLimiter(limits.ratePerSec, limits.burst);
  let table: { method: string; re: RegExp }[] | undefined;
  /** The routes (not the middleware) by method and path pattern, built on first use. */
  const routeTable = (): { method: string; re: RegExp }[] =>
    (table ??= app.routes
      .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
      .map((r) => ({ method: r.method, re: pathMatcher(r.path.replace(/:([A-Za-z]+)/g, '{$1}')) })));
  const norms = o.norms ?? parseNorms(JSON.stringify(DEFAULT_NORM_FILE), 'default-norms').items;
  const runs = new RunQueue(
    o.repo,
    o.clock,
    o.runExecutor ??
      inProcessExecutor({
        repo: o.repo,
        clock: o.clock,
        norms,
        ...(o.screening === undefined ? {} : { screening: o.screening }),
      }),
  );
  const dispatcher =
    o.webhooks === false ? undefined : new WebhookDispatcher(o.repo, o.clock, watcher, o.webhooks ?? {});
  dispatcher?.start();
  const clientOf = o.clientOf ?? ((header: (name: string) => string | undefined) => header(PEER_HEADER) ?? 'local');
  const weakEtag = etag({ weak: true });

  const app = new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) {
        const issues = result.error.issues.slice(0, 20).map((i) => ({
          path: i.path.map(String).join('.'),
          code: i.code,
          message: i.message,
        }));
        throw new OrbwatchError(
          ErrorCode.USAGE,
          `invalid ${result.target}: ${issues.map((i) => `${i.path || '(root)'}: ${i.message}`).join('; ')}`,
          { target: result.target, issues },
        );
      }
    },
  });

  app.onError((e, c) => {
    const { status, body } = errorResponse(e);
    const { retryAfterSec, allow } = body.error.details;
    if (status === 429) c.header('retry-after', typeof retryAfterSec === 'number' ? String(retryAfterSec) : '1');
    if (status === 405 && typeof allow === 'string') c.header('allow', allow);
    return c.json(body, status);
  });

  app.use('*', async (c, next) => {
    const wait = limiter.take(
      clientOf((name) => c.req.header(name)),
      o.clock.now(),
    );
    if (wait > 0)
      throw new OrbwatchError(ErrorCode.RATE_LIMITED, `too many requests; retry after ${String(wait)} s`, {
        retryAfterSec: wait,
      });
    await next();
  });
  const etagForGet: MiddlewareHandler = async (c, next) => {
    if (c.req.method === 'GET') return weakEtag(c, next);
    await next();
  };
  // Outside the ETag middleware: a cached response keeps the ETag computed when it was made, and
  // a hit answers If-None-Match itself (no hashing per request). Runs are polled while they move:
  // never cached.
  const cache = new ResponseCache(limits.responseCacheEntries);
  app.use('/api/*', async (c, next) => {
    if (c.req.method !== 'GET' || c.req.path.startsWith('/api/runs')) return next();
    const version = `${await o.repo.dataVersion()}@${String(Math.floor(o.clock.now() / 60_000))}`;
    const hit = cache.get(c.req.url, version, c.req.header('if-none-match'));
    if (hit !== undefined) return hit;
    await next();
    await cache.put(c.req.url, version, c.res);
    return undefined;
  });
  app.use('/api/*', etagForGet);
  // Writes: the token first (nothing is read from a client without one), then the size limit.
  app.on(['POST', 'PUT', 'PATCH', 'DELETE'], '/api/*', async (c, next) => {
    // a method the path does not take is 405 (from notFound), whoever asks
    if (!routeTable().some((r) => r.method === c.req.method && r.re.test(c.req.path))) return next();
    const auth = c.req.header('authorization');
    const m = auth === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(auth);
    const t = await verifyApiToken(o.repo, m?.[1] ?? (auth === undefined ? undefined : ''), o.clock);
    c.set(TOKEN_ID, t.id); // the run records who started it
    await next();
  });
  app.on(
    ['POST', 'PUT', 'PATCH'],
    '/api/*',
    bodyLimit({
      maxSize: limits.maxBodyBytes,
      onError: () => {
        throw new OrbwatchError(
          ErrorCode.PAYLOAD_TOO_LARGE,
          `the request body is over the limit of ${String(limits.maxBodyBytes)} bytes`,
          { maxBytes: limits.maxBodyBytes },
        );
      },
    }),
  );

  healthRoute(app, deps, watcher);
  objectRoutes(app, deps);
  eventRoutes(app, deps);
  eventExtraRoutes(app, deps, norms);
  listRoutes(app, deps);
  writeRoutes(app, deps, runs);
  eventStreamRoute(app, deps, watcher, { heartbeatMs: o.heartbeatMs ?? 15_000 });

  const documentConfig = {
    openapi: '3.1.0',
    info: {
      title: 'orbwatch API',
      version: API_VERSION,
      description:
        'Objects, element-set history, events with their assessments, findings and evidence, and an alert feed, from the orbwatch database. Reads are open; writes need a token (`orbwatch token create`).',
    },
  };
  const openApiDocument = (): Record<string, unknown> => {
    const doc = app.getOpenAPI31Document(documentConfig) as unknown as Record<string, unknown>;
    return {
      ...doc,
      components: {
        ...(doc['components'] as Record<string, unknown> | undefined),
        securitySchemes: { token: { type: 'http', scheme: 'bearer', description: 'from `orbwatch token create`' } },
      },
    };
  };
  let cachedDoc: Record<string, unknown> | undefined;
  app.get('/openapi.json', (c) => c.json((cachedDoc ??= openApiDocument())));

  app.notFound(async (c) => {
    const path = c.req.path;
    const allowed = [
      ...new Set(
        routeTable()
          .filter((r) => r.re.test(path))
          .map((r) => r.method),
      ),
    ];
    if (allowed.length > 0 && !allowed.includes(c.req.method)) {
      if (allowed.includes('GET')) allowed.push('HEAD');
      throw new OrbwatchError(
        ErrorCode.METHOD_NOT_ALLOWED,
        `${c.req.method} is not allowed on ${path}; allowed: ${allowed.join(', ')}`,
        { allow: allowed.join(', ') },
      );
    }
    if (o.staticDir !== undefined && (c.req.method === 'GET' || c.req.method === 'HEAD') && !path.startsWith('/api/')) {
      const r = await staticResponse(o.staticDir, path);
      if (r !== null) return r;
    }
    throw new OrbwatchError(ErrorCode.NOT_FOUND, `no route ${c.req.method} ${path.slice(0, 200)}`, {
      method: c.req.method,
      path: path.slice(0, 200),
    });
  });

  return {
    fetch: (request: Request) => app.fetch(request),
    app,
    openApiDocument: () => (cachedDoc ??= openApiDocument()),
    idle: () => runs.idle(),
    close: async () => {
      await runs.close();
      await dispatcher?.stop();
      watcher.close();
    },
  };
}
