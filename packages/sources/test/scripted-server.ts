/**
 * Test support: an HTTP server on 127.0.0.1 (port 0) whose answers the test scripts (a queue of
 * responses, then a default handler), logging every request with its arrival time, method,
 * URL, headers and body. Never the internet.
 * @module
 */
import type { IncomingHttpHeaders } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string | string[]>>;
  readonly body?: string | Uint8Array;
}

export interface LoggedRequest {
  readonly at: number;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  readonly status: number;
}

export interface ScriptedServer {
  readonly baseUrl: string;
  readonly log: LoggedRequest[];
  /** Answers for the next requests, in order. */
  readonly queue: ScriptedAnswer[];
  /** The answer when the queue is empty. */
  fallback: (req: { url: string; method: string; headers: IncomingHttpHeaders; body: string }) => ScriptedAnswer;
  close: () => Promise<void>;
}

export async function startScriptedServer(): Promise<ScriptedServer> {
  const log: LoggedRequest[] = [];
  const queue: ScriptedAnswer[] = [];
  const state: ScriptedServer = {
    baseUrl: '',
    log,
    queue,
    fallback: () => ({ status: 404 }),
    close: () => Promise.resolve(),
  };
  const server = createServer((req, res) => {
    const at = Date.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const url = req.url ?? '/';
      const method = req.method ?? 'GET';
      const answer = queue.shift() ?? state.fallback({ url, method, headers: req.headers, body });
      log.push({ at, method, url, headers: req.headers, body, status: answer.status });
      res.writeHead(answer.status, answer.headers);
      res.end(answer.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    baseUrl: `http://127.0.0.1:${String(port)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}

/** The largest number of logged requests inside any window of `perMs` (half-open, by arrival). */
export function maxInWindow(times: readonly number[], perMs: number): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < t.length; hi++) {
    while ((t[hi] ?? 0) - (t[lo] ?? 0) >= perMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
