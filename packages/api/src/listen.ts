/**
 * Serves an {@link OrbwatchApi} on a socket (node:http through @hono/node-server). The peer
 * address of each connection is what the rate limit counts against; a header of that name sent
 * by the client is replaced.
 * @module
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { OrbwatchApi } from './create-api.js';
import { PEER_HEADER } from './create-api.js';

export interface Listening {
  readonly server: Server;
  readonly port: number;
  readonly host: string;
  readonly url: string;
  close(): Promise<void>;
}

export function listen(api: OrbwatchApi, o: { readonly port: number; readonly host: string }): Promise<Listening> {
  const server = createAdaptorServer({
    fetch: api.fetch,
    overrideGlobalObjects: false,
  }) as Server;
  server.prependListener('request', (req) => {
    req.headers[PEER_HEADER] = req.socket.remoteAddress ?? 'unknown';
  });
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      const port = (server.address() as AddressInfo).port;
      const host = o.host.includes(':') ? `[${o.host}]` : o.host;
      resolve({
        server,
        port,
        host: o.host,
        url: `http://${host}:${String(port)}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              done();
            });
            server.closeAllConnections();
          }).then(() => api.close()),
      });
    });
  });
}
