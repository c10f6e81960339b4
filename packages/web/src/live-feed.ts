/**
 * The live alert feed: an EventSource on the API's `/events/stream` (same origin), opened with
 * the timeline's filters so the server sends only matching events. `event` messages carry an
 * event as the events route lists it; `finding` messages a finding; `event-superseded` messages
 * say that a later detection run replaced (or withdrew) an event already announced. The browser reconnects by
 * itself and sends the last `id:` it saw, so no message is lost across a short outage.
 * @module
 */
import { withQuery, type EventFilter } from './api-client.js';
import type { EventDto, FindingDto } from './api-types.js';

/** What an `event-superseded` message says (api.md): the event, and its later estimate or null when withdrawn. */
export interface SupersessionDto {
  readonly id: string;
  readonly supersededBy: string | null;
  readonly supersededUtc: string;
  readonly supersessionReason: string;
}

export interface LiveFeedHandlers {
  readonly onEvent: (event: EventDto) => void;
  readonly onSuperseded?: (s: SupersessionDto) => void;
  readonly onFinding?: (finding: FindingDto) => void;
  readonly onState?: (state: 'open' | 'connecting' | 'closed') => void;
}

/** Reads a message body that is the record itself or `{event}` / `{finding}` around it. */
function unwrap(data: string, key: string): Record<string, unknown> | undefined {
  try {
    const body = JSON.parse(data) as Record<string, unknown>;
    const inner = body[key];
    return typeof inner === 'object' && inner !== null ? (inner as Record<string, unknown>) : body;
  } catch {
    return undefined;
  }
}

/** Opens the feed; returns the function that closes it. */
export function openLiveFeed(filter: EventFilter, handlers: LiveFeedHandlers): () => void {
  const source = new EventSource(
    withQuery('/events/stream', { kind: filter.kind, label: filter.label, object: filter.object }),
  );
  source.addEventListener('event', (m) => {
    const e = unwrap((m as MessageEvent<string>).data, 'event');
    if (e !== undefined && typeof e['id'] === 'string') handlers.onEvent(e as unknown as EventDto);
  });
  source.addEventListener('event-superseded', (m) => {
    const s = unwrap((m as MessageEvent<string>).data, 'event');
    if (s !== undefined && typeof s['id'] === 'string') handlers.onSuperseded?.(s as unknown as SupersessionDto);
  });
  source.addEventListener('finding', (m) => {
    const f = unwrap((m as MessageEvent<string>).data, 'finding');
    if (f !== undefined) handlers.onFinding?.(f as unknown as FindingDto);
  });
  source.addEventListener('open', () => handlers.onState?.('open'));
  source.addEventListener('error', () =>
    handlers.onState?.(source.readyState === EventSource.CLOSED ? 'closed' : 'connecting'),
  );
  return () => {
    source.close();
  };
}
