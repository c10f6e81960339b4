/**
 * Per-event documents built on request: the evidence bundle, the Vega-Lite plots (the web UI
 * renders them interactively) and the report page (HTML with the plots as inline SVG). The last
 * few built are kept, keyed by event id and the feed head, so a page asked for again is not
 * rebuilt until something new is stored.
 * @module
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import { createRoute, z } from '@hono/zod-openapi';
import type { EvidenceBundle, Norm } from '@orbwatch/core';
import { eventEvidence, eventPlotSpecs, eventReportHtml, resolveEventId } from '@orbwatch/app';
import type { ApiDeps } from '../api-context.js';
import { EvidenceBundleSchema, PlotsSchema, eventIdParam } from '../schemas.js';
import { errorResponses } from './responses.js';
import { sendJson } from './send.js';

/** Bundles and pages kept. */
const CACHE_SIZE = 32;

class Lru<V> {
  readonly #m = new Map<string, V>();
  get(k: string): V | undefined {
    const v = this.#m.get(k);
    if (v !== undefined) {
      this.#m.delete(k);
      this.#m.set(k, v);
    }
    return v;
  }
  set(k: string, v: V): void {
    this.#m.delete(k);
    this.#m.set(k, v);
    if (this.#m.size > CACHE_SIZE) {
      const oldest = this.#m.keys().next().value;
      if (oldest !== undefined) this.#m.delete(oldest);
    }
  }
}

export function eventExtraRoutes(app: OpenAPIHono, d: ApiDeps, norms: readonly Norm[]): void {
  const bundles = new Lru<Promise<EvidenceBundle>>();
  const pages = new Lru<Promise<string>>();
  const bundleOf = async (idOrPrefix: string): Promise<{ key: string; bundle: Promise<EvidenceBundle> }> => {
    const e = await resolveEventId(d.repo, idOrPrefix);
    const key = `${e.id}@${String(await d.repo.feedHead())}`;
    let b = bundles.get(key);
    if (b === undefined) {
      b = eventEvidence(d.repo, e, norms, d.clock.now());
      b.catch(() => undefined);
      bundles.set(key, b);
    }
    return { key, bundle: b };
  };
  const params = z.object({ id: eventIdParam });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}/evidence',
      tags: ['events'],
      summary: "The event's evidence bundle: raw element sets with sources and hashes, method, findings",
      request: { params },
      responses: {
        200: { description: 'the bundle', content: { 'application/json': { schema: EvidenceBundleSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => sendJson(c, await (await bundleOf(c.req.valid('param').id)).bundle, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}/plots',
      tags: ['events'],
      summary: "The event's plots as Vega-Lite specifications (data inline)",
      request: { params },
      responses: {
        200: { description: 'the plots', content: { 'application/json': { schema: PlotsSchema } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const bundle = await (await bundleOf(c.req.valid('param').id)).bundle;
      return sendJson(c, { eventId: bundle.event.id, plots: eventPlotSpecs(bundle) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/events/{id}/report',
      tags: ['events'],
      summary: "The event's report page (self-contained HTML)",
      request: { params },
      responses: {
        200: { description: 'the page', content: { 'text/html': { schema: z.string() } } },
        ...errorResponses(400, 404, 429),
      },
    }),
    async (c) => {
      const { key, bundle } = await bundleOf(c.req.valid('param').id);
      let page = pages.get(key);
      if (page === undefined) {
        page = bundle.then(eventReportHtml);
        page.catch(() => undefined);
        pages.set(key, page);
      }
      return c.html(await page, 200);
    },
  );
}
