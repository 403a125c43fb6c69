// GET /documents/{id}/download streams a stored PDF. A missing document or file is a 404, never a 500.
import { Readable } from 'node:stream';
import type { Plugin } from 'graphql-yoga';
import { config } from '../config.js';
import { openDocumentFile } from '../services/documents/index.js';
import { parseGlobalId } from '../schema/ids.js';
import type { RouteGuard } from './access.js';

const ROUTE = /^\/documents\/([^/]+)\/download$/;

export function documentDownloadUrl(request: Request, globalId: string): string {
  const base = config.publicUrl ?? new URL(request.url).origin;
  return `${base.replace(/\/$/, '')}/documents/${encodeURIComponent(globalId)}/download`;
}

export function useDocumentDownload(guard: RouteGuard = async () => null): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      const match = ROUTE.exec(url.pathname);
      if (!match || request.method !== 'GET') return;
      const denied = await guard(request);
      if (denied) return endResponse(denied);
      let id: number;
      try {
        id = parseGlobalId('Document', decodeURIComponent(match[1]!));
      } catch {
        return endResponse(new fetchAPI.Response('Document not found\n', { status: 404 }));
      }
      const file = await openDocumentFile(id);
      if (!file) return endResponse(new fetchAPI.Response('Document not found\n', { status: 404 }));
      const name = `${file.document.sha256.slice(0, 12)}.pdf`;
      endResponse(
        new fetchAPI.Response(Readable.toWeb(file.body) as ReadableStream, {
          headers: {
            'content-type': 'application/pdf',
            'content-length': String(file.document.byteSize),
            'content-disposition': `inline; filename="${name}"`,
          },
        }),
      );
    },
  };
}
