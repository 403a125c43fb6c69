// GET /companies/{id}/statements/{type}.csv: a compiled statement as CSV, served by the Yoga server before any
// GraphQL handling. {id} is the company's global ID; an unknown company is 404, an unknown type 400.
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Plugin } from 'graphql-yoga';
import { config } from '../config.js';
import { NotFoundError } from '../errors.js';
import { STATEMENT_TYPES, type StatementType } from '../extraction/types.js';
import { logger } from '../logger.js';
import { parseGlobalId } from '../schema/ids.js';
import { getCompiledStatement, statementCsv } from '../services/compilation/index.js';
import type { RouteGuard } from './access.js';

/** Where a compiled statement's CSV is served: PUBLIC_URL when set, else the origin the request came to. */
export function statementCsvUrl(request: Request, companyId: number, type: StatementType): string {
  const base = (config.publicUrl ?? new URL(request.url).origin).replace(/\/$/, '');
  return `${base}/companies/${encodeURIComponent(encodeGlobalID('Company', companyId))}/statements/${type}.csv`;
}

const PATH = /^\/companies\/(.+)\/statements\/([^/]+)\.csv$/;

function statementType(segment: string): StatementType | null {
  const type = segment.toUpperCase().replace(/-/g, '_');
  return (STATEMENT_TYPES as readonly string[]).includes(type) ? (type as StatementType) : null;
}

async function respond(request: Request, url: URL, match: RegExpExecArray): Promise<Response> {
  const text = (status: number, body: string, headers: Record<string, string> = {}) =>
    new Response(`${body}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers } });
  if (request.method !== 'GET' && request.method !== 'HEAD') return text(405, 'Method not allowed', { allow: 'GET, HEAD' });
  const type = statementType(match[2]);
  if (!type) return text(400, `Unknown statement type "${match[2]}"; use one of ${STATEMENT_TYPES.join(', ')}`);
  let globalId: string;
  try {
    globalId = decodeURIComponent(match[1]);
  } catch {
    return text(404, 'Company not found');
  }
  try {
    const companyId = parseGlobalId('Company', globalId);
    const csv = statementCsv(await getCompiledStatement(companyId, type));
    return new Response(request.method === 'HEAD' ? null : csv, {
      status: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="company-${companyId}-${type.toLowerCase()}.csv"`,
        'cache-control': 'no-store',
      },
    });
  } catch (err) {
    if (err instanceof NotFoundError) return text(404, `Company ${globalId} not found`);
    logger.error({ err, path: url.pathname }, 'statement CSV export failed');
    return text(500, 'Unexpected error');
  }
}

export function useStatementCsv(guard: RouteGuard = async () => null): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      const match = PATH.exec(url.pathname);
      if (!match) return;
      const denied = await guard(request);
      endResponse(denied ?? (await respond(request, url, match)));
    },
  };
}
