// A worker process's own HTTP endpoint (`npm run worker` has no GraphQL server): GET /metrics in Prometheus' text
// format, GET /health for liveness. Nothing else is served.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';

export interface MetricsServer {
  /** where it listens: "http://host:port" (the port is the one chosen when 0 was asked for) */
  url: string;
  close(): Promise<void>;
}

export async function serveMetrics(registry: Registry, options: { port: number; host: string }): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://worker').pathname;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        () => response.writeHead(500).end('metrics unavailable\n'),
      );
    } else if (path === '/health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      response.writeHead(404).end('not found: this worker serves /metrics and /health\n');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // EADDRINUSE: two workers on one host need a WORKER_METRICS_PORT each (or 0)
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host === '0.0.0.0' || options.host === '::' ? 'localhost' : options.host;
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
