/**
 * A cache of GET responses, keyed by the request URL and valid while the database is unchanged
 * (`dataVersion()`, which moves on every commit by any process) and within the same minute (pages
 * show element-set ages). Reads of an unchanged store, the common case for a monitor's readers,
 * then skip the queries and the JSON encoding. Least recently used entries go first.
 * @module
 */

interface CachedResponse {
  readonly version: string;
  readonly status: number;
  readonly headers: [string, string][];
  readonly body: ArrayBuffer;
}

export class ResponseCache {
  readonly #entries = new Map<string, CachedResponse>();
  readonly #maxEntries: number;
  readonly #maxBodyBytes: number;

  constructor(maxEntries: number, maxBodyBytes = 2_000_000) {
    this.#maxEntries = maxEntries;
    this.#maxBodyBytes = maxBodyBytes;
  }

  /**
   * The stored response for `key` made at `version`, as a new Response (304 without a body when
   * `ifNoneMatch` names its ETag); undefined when there is none or the database changed since.
   */
  get(key: string, version: string, ifNoneMatch?: string): Response | undefined {
    const hit = this.#entries.get(key);
    if (hit === undefined) return undefined;
    this.#entries.delete(key);
    if (hit.version !== version) return undefined;
    this.#entries.set(key, hit);
    const tag = hit.headers.find(([name]) => name === 'etag')?.[1];
    if (tag !== undefined && ifNoneMatch !== undefined && matchesEtag(ifNoneMatch, tag))
      return new Response(null, { status: 304, headers: [['etag', tag]] });
    return new Response(new Uint8Array(hit.body), { status: hit.status, headers: hit.headers });
  }

  /** Keeps a copy of `response` (status 200 only, bodies up to the size limit). */
  async put(key: string, version: string, response: Response): Promise<void> {
    if (response.status !== 200 || this.#maxEntries <= 0) return;
    const body = await response.clone().arrayBuffer();
    if (body.byteLength > this.#maxBodyBytes) return;
    this.#entries.delete(key);
    this.#entries.set(key, { version, status: response.status, headers: headerPairs(response.headers), body });
    while (this.#entries.size > this.#maxEntries) {
      const oldest = this.#entries.keys().next().value;
      if (oldest === undefined) break;
      this.#entries.delete(oldest);
    }
  }
}

/** Whether an If-None-Match header names `tag` (weak comparison, RFC 9110 §13.1.2). */
function matchesEtag(header: string, tag: string): boolean {
  const bare = (t: string): string => t.trim().replace(/^W\//, '');
  return header.trim() === '*' || header.split(',').some((t) => bare(t) === bare(tag));
}

/** A response's headers as name/value pairs. */
function headerPairs(headers: Headers): [string, string][] {
  const pairs: [string, string][] = [];
  headers.forEach((value, name) => pairs.push([name, value]));
  return pairs;
}
