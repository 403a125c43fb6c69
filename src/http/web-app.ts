// Serves the statement viewer (web/dist, built by src/http/web-build.ts) at / beside the API: hashed assets cached
// for good, every other page navigation answered with index.html (the app routes in the browser). The API's own
// paths (/graphql, /health, /ready, /metrics, downloads, CSV) are never shadowed.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { WEB_DIST } from './web-build.js';

const API_PATHS = /^\/(graphql|health|ready|metrics)(\/|$)|^\/documents\/[^/]+\/download$|\.csv$/;
const STATIC_PATHS = /^\/(assets|pdfjs)\/|^\/favicon\.svg$/;

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.pfb': 'application/octet-stream',
  '.bcmap': 'application/octet-stream',
};

/**
 * Only what the app loads from its own origin: scripts and styles from our files (no inline script, no eval),
 * pdf.js' worker from our files, data: fonts and blob: images pdf.js makes, API calls to this server.
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'content-security-policy': APP_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
};

async function file(relative: string, cacheControl: string): Promise<Response | null> {
  const target = path.resolve(WEB_DIST, `.${relative}`);
  if (!target.startsWith(WEB_DIST + path.sep)) return null; // no climbing out of dist
  try {
    const body = await readFile(target);
    const type = TYPES[path.extname(target)] ?? 'application/octet-stream';
    return new Response(body, { headers: { 'content-type': type, 'cache-control': cacheControl, ...SECURITY_HEADERS } });
  } catch {
    return null;
  }
}

export function useWebApp(): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const pathname = decodeURIComponent(url.pathname);
      if (API_PATHS.test(pathname)) return;
      if (STATIC_PATHS.test(pathname)) {
        // Vite names assets by content hash: a file never changes under its name.
        const immutable = pathname.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'public, max-age=3600';
        return endResponse((await file(pathname, immutable)) ?? new Response('Not found\n', { status: 404 }));
      }
      if (!(request.headers.get('accept') ?? '').includes('text/html')) return;
      const index = await file('/index.html', 'no-cache');
      endResponse(
        index ??
          new Response('The web app is not built yet: run `npm run build:web` (npm start builds it by itself).\n', {
            status: 503,
            headers: { 'content-type': 'text/plain; charset=utf-8' },
          }),
      );
    },
  };
}
