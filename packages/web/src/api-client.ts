/**
 * The UI's calls to orbwatch's HTTP API. Every request goes to the page's own origin (the server
 * that served the UI), so nothing leaves the machine running `orbwatch serve`. A failed request
 * becomes an `ApiError` with the server's error code when it sent one.
 * @module
 */
import type {
  ElementSetDto,
  EventDetailDto,
  EventDto,
  FindingDto,
  ObjectDecayDto,
  ObjectDto,
  Page,
  PlotDto,
} from './api-types.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

/** The API's largest page (`maxPageSize`). */
const PAGE_MAX = 500;

type Query = Readonly<Record<string, string | number | undefined>>;

/** `path?query` with empty values left out. */
export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s === '' ? path : `${path}?${s}`;
}

async function getJson(path: string, query?: Query): Promise<unknown> {
  const response = await fetch(withQuery(path, query), { headers: { accept: 'application/json' } });
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(
      response.status,
      error?.code ?? `HTTP_${response.status}`,
      error?.message ?? response.statusText,
    );
  }
  return body;
}

function asPage<T>(body: unknown, key: string): Page<T> {
  const b = body as Record<string, unknown>;
  const items = (b['items'] ?? b[key] ?? []) as readonly T[];
  return { items, nextCursor: (b['nextCursor'] as string | null | undefined) ?? null };
}

let routes: Promise<ReadonlySet<string>> | undefined;

/**
 * The routes this server has, from its OpenAPI document (read once): the UI asks only for what
 * is there, so an older server costs no failed request (and no console error).
 */
export function serverRoutes(): Promise<ReadonlySet<string>> {
  routes ??= getJson('/openapi.json')
    .then((doc) => new Set(Object.keys((doc as { paths?: Record<string, unknown> }).paths ?? {})))
    .catch(() => new Set<string>());
  return routes;
}

export interface EventFilter {
  readonly kind?: string;
  readonly label?: string;
  readonly object?: string;
  readonly from?: string;
  readonly to?: string;
}

export const api = {
  events: async (filter: EventFilter, limit = 200, cursor?: string): Promise<Page<EventDto>> =>
    asPage(await getJson('/api/events', { ...filter, limit, cursor }), 'events'),

  /** The event document with its findings and its element sets (source, source kind, age). */
  event: async (id: string): Promise<EventDetailDto> => {
    const body = (await getJson(`/api/events/${encodeURIComponent(id)}`)) as Record<string, unknown>;
    const sets = (body['elementSets'] ?? []) as readonly Record<string, unknown>[];
    return {
      event: body as unknown as EventDto,
      findings: (body['findings'] ?? []) as FindingDto[],
      // The event's sets name their object as `noradId` (the store's ElementSetRef).
      elementSets: sets.map(
        (s) => ({ ...s, norad: (s['norad'] ?? s['noradId']) as number }) as unknown as ElementSetDto,
      ),
      ...(typeof body['reference'] === 'string' ? { reference: body['reference'] } : {}),
      ...(typeof body['referenceUtc'] === 'string' ? { referenceUtc: body['referenceUtc'] } : {}),
    };
  },

  /** The event's plots (Vega-Lite specs); null when this server has no plots route. */
  plots: async (id: string): Promise<readonly PlotDto[] | null> => {
    if (!(await serverRoutes()).has('/api/events/{id}/plots')) return null;
    const body = (await getJson(`/api/events/${encodeURIComponent(id)}/plots`)) as Record<string, unknown>;
    return (Array.isArray(body) ? body : ((body['plots'] ?? body['items'] ?? []) as unknown[])) as PlotDto[];
  },

  object: async (norad: number): Promise<ObjectDto & { readonly decay?: ObjectDecayDto }> => {
    const body = (await getJson(`/api/objects/${norad}`)) as Record<string, unknown>;
    const object = (typeof body['object'] === 'object' && body['object'] !== null ? body['object'] : body) as ObjectDto;
    const decay = body['decay'];
    return typeof decay === 'object' && decay !== null ? { ...object, decay: decay as ObjectDecayDto } : object;
  },

  /** Every element set of an object, oldest first, following the cursor up to `max` sets. */
  elementSets: async (norad: number, max = 5000): Promise<ElementSetDto[]> => {
    const all: ElementSetDto[] = [];
    let cursor: string | undefined;
    do {
      const page = asPage<ElementSetDto>(
        await getJson(`/api/objects/${norad}/element-sets`, { limit: PAGE_MAX, cursor }),
        'elementSets',
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && all.length < max);
    return all.sort((a, b) => Date.parse(a.epochUtc) - Date.parse(b.epochUtc));
  },
};
