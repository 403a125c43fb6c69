// A page of documents for each of many companies in one statement: a catalogue page of 50 companies costs one
// query, not 50, and loads only the columns asked for (Prisma's row mapping was most of the cost of such a page).
import { prisma } from '../../db.js';
import { Prisma, type Document, type DocumentKind } from '../../generated/prisma/client.js';

export const DOCUMENT_COLUMNS: readonly string[] = Object.values(Prisma.DocumentScalarFieldEnum);

export interface DocumentPageRequest {
  fiscalYear?: number | null;
  kind?: DocumentKind | null;
  /** The most rows to return per company. */
  limit: number;
  /** The id of the row the page starts after (or, backward, ends before); it must exist, else the page is empty. */
  cursor?: number;
  /** The rows just before the cursor (or the last rows) instead of just after it (or the first rows). */
  backward?: boolean;
  /** The columns to load (with id and companyId); every column when undefined. */
  columns?: readonly string[];
}

export interface DocumentPage {
  /** Documents of the company matching the filters, wherever the cursor is. */
  total: number;
  /** Newest fiscal year first (no fiscal year last), then newest first; partial rows when `columns` was given. */
  rows: Document[];
}

const EMPTY: DocumentPage = { total: 0, rows: [] };

/** The page of each company (an empty page for a company with no matching documents). */
export async function findDocumentPages(companyIds: readonly number[], request: DocumentPageRequest): Promise<Map<number, DocumentPage>> {
  const pages = new Map<number, DocumentPage>(companyIds.map((id) => [id, EMPTY]));
  if (!companyIds.length) return pages;
  const rows = await prisma.$queryRaw<(Document & { pageTotal: number })[]>(pageQuery([...new Set(companyIds)], request));
  for (const row of rows) {
    let page = pages.get(row.companyId);
    if (page === EMPTY || !page) {
      page = { total: row.pageTotal, rows: [] };
      pages.set(row.companyId, page);
    }
    // A company whose matching documents all lie on the other side of the cursor has a count but no row.
    if (row.id !== null) page.rows.push(row);
  }
  return pages;
}

function pageQuery(companyIds: number[], request: DocumentPageRequest): Prisma.Sql {
  const filters = (alias: string) => Prisma.sql`${
    request.fiscalYear != null ? Prisma.sql`AND ${Prisma.raw(alias)}."fiscalYear" = ${request.fiscalYear}` : Prisma.empty
  } ${request.kind ? Prisma.sql`AND ${Prisma.raw(alias)}.kind = ${request.kind}::"DocumentKind"` : Prisma.empty}`;
  // Identifiers from the model's own column list, never from a request. companyId comes from the count; the
  // fiscal year is always loaded, as the rows are sorted by it.
  const wanted = request.columns ?? DOCUMENT_COLUMNS;
  const columns = ['id', 'fiscalYear', ...DOCUMENT_COLUMNS.filter((c) => !['id', 'fiscalYear', 'companyId'].includes(c) && wanted.includes(c))];
  const list = Prisma.raw(columns.map((c) => `d."${c}"`).join(', '));
  // The list's order is fiscalYear desc nulls last, then id desc: as a row, (has a year, year, id) descending.
  const key = (alias: string) => `${alias}."fiscalYear" IS NOT NULL, COALESCE(${alias}."fiscalYear", 0), ${alias}.id`;
  const cursor =
    request.cursor === undefined
      ? Prisma.empty
      : Prisma.sql`AND (${Prisma.raw(key('d'))}) ${Prisma.raw(request.backward ? '>' : '<')} (SELECT ${Prisma.raw(key('k'))} FROM "Document" k WHERE k.id = ${request.cursor})`;
  // A backward page takes the rows nearest the cursor from the other end; all come back in the list's order.
  const nearestFirst = Prisma.raw(
    request.backward ? 'd."fiscalYear" ASC NULLS FIRST, d.id ASC' : 'd."fiscalYear" DESC NULLS LAST, d.id DESC',
  );
  return Prisma.sql`
    SELECT c."companyId", c."pageTotal", ${list}
    FROM (
      SELECT f."companyId", count(*)::int AS "pageTotal" FROM "Document" f
      WHERE f."companyId" = ANY(${companyIds}) ${filters('f')}
      GROUP BY f."companyId"
    ) c
    LEFT JOIN LATERAL (
      SELECT ${list} FROM "Document" d
      WHERE d."companyId" = c."companyId" ${filters('d')} ${cursor}
      ORDER BY ${nearestFirst}
      LIMIT ${request.limit}
    ) d ON true
    ORDER BY c."companyId", d."fiscalYear" DESC NULLS LAST, d.id DESC`;
}
