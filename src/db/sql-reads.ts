// The application's hand-written SQL reads, in one place: the two statements where Prisma's own queries cost more
// than the SQL (bench/graphql-overhead.ts: Pothos' folded relatedConnection built JSON of every column of every
// document and doubled PostgreSQL's time; findMany + newest-per-type picked in JS mapped ~1,500 full rows).
// Each reads only the columns asked for, so its rows say which columns they hold: `PartialRow`, never a full model.
// Identifiers come from the models' own column lists, never from a request; values are bound parameters.
import { prisma } from '../db.js';
import { Prisma, type Document, type DocumentKind, type Extraction, type StatementType } from '../generated/prisma/client.js';

/** A row with the `Always` columns and whichever others were asked for: a column not read is absent, not null. */
export type PartialRow<Model, Always extends keyof Model> = Pick<Model, Always> & Partial<Omit<Model, Always>>;

export const DOCUMENT_COLUMNS = Object.values(Prisma.DocumentScalarFieldEnum) as readonly (keyof Document)[];
export const EXTRACTION_COLUMNS = Object.values(Prisma.ExtractionScalarFieldEnum) as readonly (keyof Extraction)[];

const columnList = (alias: string, columns: readonly string[]) => Prisma.raw(columns.map((c) => `${alias}."${c}"`).join(', '));

// ---------------------------------------------------------------------------------------------------------------
// A page of documents for each of many companies, in one statement.

/** The list's order needs the fiscal year; the company id groups the pages. */
export type DocumentRow = PartialRow<Document, 'id' | 'companyId' | 'fiscalYear'>;

export interface DocumentPageRequest {
  fiscalYear: number | null;
  kind: DocumentKind | null;
  /** The most rows to return per company. */
  limit: number;
  /** The id of the row the page starts after (or, backward, ends before); it must exist, else the page is empty. */
  cursor?: number;
  /** The rows just before the cursor (or the last rows) instead of just after it (or the first rows). */
  backward: boolean;
  /** The columns to load besides id, companyId and fiscalYear. */
  columns: readonly (keyof Document)[];
}

export interface DocumentPage {
  /** Documents of the company matching the filters, wherever the cursor is. */
  total: number;
  /** Newest fiscal year first (no fiscal year last), then newest first. */
  rows: DocumentRow[];
}

const EMPTY_PAGE: DocumentPage = { total: 0, rows: [] };

/** The page of each company (an empty page for a company with no matching documents). */
export async function readDocumentPages(companyIds: readonly number[], request: DocumentPageRequest): Promise<Map<number, DocumentPage>> {
  const pages = new Map<number, DocumentPage>(companyIds.map((id) => [id, EMPTY_PAGE]));
  if (!companyIds.length) return pages;
  // A company whose matching documents all lie on the other side of the cursor has a count and one row of nulls.
  const rows = await prisma.$queryRaw<({ pageTotal: number } & (DocumentRow | { companyId: number; id: null }))[]>(
    documentPagesSql([...new Set(companyIds)], request),
  );
  for (const { pageTotal, ...row } of rows) {
    let page = pages.get(row.companyId);
    if (page === EMPTY_PAGE || !page) pages.set(row.companyId, (page = { total: pageTotal, rows: [] }));
    if (row.id !== null) page.rows.push(row as DocumentRow);
  }
  return pages;
}

function documentPagesSql(companyIds: number[], request: DocumentPageRequest): Prisma.Sql {
  const filters = (alias: string) => Prisma.sql`${
    request.fiscalYear != null ? Prisma.sql`AND ${Prisma.raw(alias)}."fiscalYear" = ${request.fiscalYear}` : Prisma.empty
  } ${request.kind ? Prisma.sql`AND ${Prisma.raw(alias)}.kind = ${request.kind}::"DocumentKind"` : Prisma.empty}`;
  // companyId comes from the count; the fiscal year is always loaded, as the rows are sorted by it.
  const extra = DOCUMENT_COLUMNS.filter((c) => !['id', 'fiscalYear', 'companyId'].includes(c) && request.columns.includes(c));
  const list = columnList('d', ['id', 'fiscalYear', ...extra]);
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

// ---------------------------------------------------------------------------------------------------------------
// The newest extraction of each (document, statement type), in one statement.

/** Keyed by document and type; the id names it. */
export type ExtractionRow = PartialRow<Extraction, 'id' | 'documentId' | 'statementType'>;

/** The newest extraction (any provider) of each type of each document, with `columns` besides the keys. */
export function readLatestExtractions(
  documentIds: readonly number[],
  types: readonly StatementType[],
  columns: readonly (keyof Extraction)[],
): Promise<ExtractionRow[]> {
  const list = columnList('e', [...new Set<keyof Extraction>(['id', 'documentId', 'statementType', ...columns])].filter((c) => EXTRACTION_COLUMNS.includes(c)));
  return prisma.$queryRaw<ExtractionRow[]>`
    SELECT DISTINCT ON (e."documentId", e."statementType") ${list}
    FROM "Extraction" e
    WHERE e."documentId" = ANY(${documentIds}) AND e."statementType" = ANY(${types}::"StatementType"[])
    ORDER BY e."documentId", e."statementType", e."updatedAt" DESC, e.id DESC`;
}
