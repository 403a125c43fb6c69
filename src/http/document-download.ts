// GET /documents/{id}/download streams a stored document's original bytes with its format's content type. A missing
// document or file is a 404, never a 500. Uploaded (X)HTML must never run as a page of this origin: it (and a zip)
// is sent as an attachment with a sandboxing Content-Security-Policy; a PDF stays inline without one, as browsers'
// PDF viewers refuse to open in a sandbox. Nothing is content-sniffed.
import { Readable } from 'node:stream';
import type { Plugin } from 'graphql-yoga';
import { config } from '../config.js';
import type { DocumentFormat } from '../generated/prisma/enums.js';
import { openDocumentFile } from '../services/documents/index.js';
import { parseGlobalId } from '../schema/ids.js';
import type { RouteGuard } from './access.js';

const SERVED_AS: Record<DocumentFormat, { contentType: string; extension: string; inline: boolean }> = {
  PDF: { contentType: 'application/pdf', extension: 'pdf', inline: true },
  IXBRL: { contentType: 'application/xhtml+xml', extension: 'xhtml', inline: false },
  XBRL_PACKAGE: { contentType: 'application/zip', extension: 'zip', inline: false },
};

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
      const served = SERVED_AS[file.document.format];
      const name = `${file.document.sha256.slice(0, 12)}.${served.extension}`;
      endResponse(
        new fetchAPI.Response(Readable.toWeb(file.body) as ReadableStream, {
          headers: {
            'content-type': served.contentType,
            'content-length': String(file.document.byteSize),
            'content-disposition': `${served.inline ? 'inline' : 'attachment'}; filename="${name}"`,
            ...(served.inline ? {} : { 'content-security-policy': 'sandbox' }),
            'x-content-type-options': 'nosniff',
          },
        }),
      );
    },
  };
}
