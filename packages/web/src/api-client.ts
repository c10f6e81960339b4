/**
 * The UI's calls to orbwatch's HTTP API. Every request goes to the page's own origin (the server
 * that served the UI), so nothing leaves the machine running `orbwatch serve`. A failed request
 * becomes an `ApiError` with the server's error code when it sent one.
 * @module
 */
import type { ElementSetDto, EventDetailDto, EventDto, FindingDto, ObjectDto, Page, PlotDto } from './api-types.js';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

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

  event: async (id: string): Promise<EventDetailDto> => {
    const body = (await getJson(`/api/events/${encodeURIComponent(id)}`)) as Record<string, unknown>;
    // The detail is `{event, findings, elementSets}`; an event object on its own is read as one.
    if (typeof body['event'] === 'object' && body['event'] !== null) return body as unknown as EventDetailDto;
    return { event: body as unknown as EventDto };
  },

  plots: async (id: string): Promise<readonly PlotDto[]> => {
    const body = (await getJson(`/api/events/${encodeURIComponent(id)}/plots`)) as Record<string, unknown>;
    return (Array.isArray(body) ? body : ((body['plots'] ?? body['items'] ?? []) as unknown[])) as PlotDto[];
  },

  findings: async (eventId: string): Promise<readonly FindingDto[]> =>
    asPage<FindingDto>(await getJson('/api/findings', { event: eventId }), 'findings').items,

  object: async (norad: number): Promise<ObjectDto> => {
    const body = (await getJson(`/api/objects/${norad}`)) as Record<string, unknown>;
    return (typeof body['object'] === 'object' && body['object'] !== null ? body['object'] : body) as ObjectDto;
  },

  /** Every element set of an object, oldest first, following the cursor up to `max` sets. */
  elementSets: async (norad: number, max = 5000): Promise<ElementSetDto[]> => {
    const all: ElementSetDto[] = [];
    let cursor: string | undefined;
    do {
      const page = asPage<ElementSetDto>(
        await getJson(`/api/objects/${norad}/element-sets`, { limit: 1000, cursor }),
        'elementSets',
      );
      all.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined && all.length < max);
    return all.sort((a, b) => Date.parse(a.epochUtc) - Date.parse(b.epochUtc));
  },
};
