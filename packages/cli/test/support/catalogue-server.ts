/**
 * Test support: a catalogue server on 127.0.0.1 (port 0) that serves recorded real files under
 * the paths CelesTrak uses (`/NORAD/elements/gp.php?GROUP=…&FORMAT=…`) or any other path,
 * answers conditional GETs (ETag, Last-Modified → 304), can be told to answer the next requests
 * with given statuses (429 with Retry-After, 503), and logs every request with its arrival time.
 * Never the internet.
 * @module
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedFile {
  readonly body: Uint8Array;
  readonly contentType?: string;
  /** Last-Modified; an ETag is always derived from the content. */
  readonly lastModified?: string;
  /** More response headers (e.g. a Set-Cookie of a login). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface LoggedRequest {
  /** Arrival, ms since 1970 (Date.now). */
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly ifNoneMatch: string | undefined;
  readonly cookie: string | undefined;
}

export interface CatalogueServer {
  readonly baseUrl: string;
  readonly log: LoggedRequest[];
  /** Serves `body` at `pathAndQuery` (exact match), replacing what was there. */
  serve: (pathAndQuery: string, file: ServedFile) => void;
  /** The next requests (any path) are answered with these statuses first. */
  failNext: (...answers: { status: number; retryAfter?: string }[]) => void;
  /** Called for a request before it is answered (e.g. to hold it). */
  onRequest?: (req: IncomingMessage) => void;
  close: () => Promise<void>;
}

export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
}

export async function startCatalogueServer(): Promise<CatalogueServer> {
  const files = new Map<string, ServedFile & { etag: string }>();
  const failures: { status: number; retryAfter?: string }[] = [];
  const log: LoggedRequest[] = [];
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const at = Date.now();
    const url = req.url ?? '/';
    const record = (status: number): void => {
      const inm = req.headers['if-none-match'];
      log.push({
        at,
        method: req.method ?? 'GET',
        url,
        status,
        ifNoneMatch: typeof inm === 'string' ? inm : undefined,
        cookie: req.headers.cookie,
      });
    };
    req.resume();
    req.on('end', () => {
      const fail = failures.shift();
      if (fail !== undefined) {
        record(fail.status);
        res.writeHead(fail.status, fail.retryAfter === undefined ? {} : { 'retry-after': fail.retryAfter });
        res.end(`status ${String(fail.status)}`);
        return;
      }
      const file = files.get(url);
      if (file === undefined) {
        record(404);
        res.writeHead(404);
        res.end('not found');
        return;
      }
      const headers: Record<string, string> = { ...file.headers, etag: file.etag };
      if (file.lastModified !== undefined) headers['last-modified'] = file.lastModified;
      if (req.headers['if-none-match'] === file.etag) {
        record(304);
        res.writeHead(304, headers);
        res.end();
        return;
      }
      record(200);
      res.writeHead(200, { ...headers, 'content-type': file.contentType ?? 'text/plain' });
      res.end(file.body);
    });
  };
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${String(port)}`,
    log,
    serve: (path, file) => {
      files.set(path, { ...file, etag: etagOf(file.body) });
    },
    failNext: (...answers) => {
      failures.push(...answers);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  };
}

/** One 3LE record of a file: its three lines and its epoch's UTC day (`YYYY-MM-DD`). */
export interface Tle3 {
  readonly lines: readonly [string, string, string];
  readonly day: string;
}

/** The records of a 3LE text, in file order. */
export function split3le(text: string): Tle3[] {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  const out: Tle3[] = [];
  for (let i = 0; i + 2 < lines.length; i += 3) {
    const l0 = lines[i] ?? '';
    const l1 = lines[i + 1] ?? '';
    const l2 = lines[i + 2] ?? '';
    const yy = Number(l1.slice(18, 20));
    const doy = Number(l1.slice(20, 32));
    const year = yy < 57 ? 2000 + yy : 1900 + yy;
    const ms = Date.UTC(year, 0, 1) + (doy - 1) * 86_400_000;
    out.push({ lines: [l0, l1, l2], day: new Date(ms).toISOString().slice(0, 10) });
  }
  return out;
}

/** Records grouped by the UTC day of their epoch, days in order; each day's text in file order. */
export function filesByDay(records: readonly Tle3[]): { day: string; text: string }[] {
  const byDay = new Map<string, string[]>();
  for (const r of records) {
    const list = byDay.get(r.day) ?? [];
    list.push(...r.lines);
    byDay.set(r.day, list);
  }
  return [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([day, lines]) => ({ day, text: `${lines.join('\n')}\n` }));
}
