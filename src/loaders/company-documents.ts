import DataLoader from 'dataloader';
import type { Document, DocumentKind } from '../generated/prisma/client.js';
import { DOCUMENT_COLUMNS, readDocumentPages, type DocumentPage, type DocumentPageRequest } from '../db/sql-reads.js';
import { columnsPerField, connectionNodeSelections, selectedColumns, type ColumnRules, type FieldInfo } from './selected-columns.js';

/** `Company.documents`' filters, and the rows Pothos' connection helper asks for (its `getQuery`). */
export interface CompanyDocumentsPage {
  fiscalYear?: number | null;
  kind?: DocumentKind | null;
  /** Rows to read: one more than the page, to see past it; negative for the rows before the cursor (or the last). */
  take: number;
  /** The document the page starts after (or, backward, ends before). */
  cursor?: { id: number };
}

const RULES: ColumnRules = {
  columns: new Set(DOCUMENT_COLUMNS),
  // Relations Pothos loads from the row's id, and fields computed from the id.
  idOnly: new Set(['company', 'extractions', 'latestExtraction', 'downloadUrl']),
  always: ['id', 'companyId'],
};

/**
 * A page of each company's documents (with one row more than asked for, to see past the page, and the company's
 * count): the companies of one list that ask for the same page (same arguments, same selection) share one query.
 */
export function createCompanyDocumentsLoader() {
  const loaders = new Map<string, DataLoader<number, DocumentPage>>();
  const columnsOf = columnsPerField((info) =>
    selectedColumns(connectionNodeSelections(info.fieldNodes, info.fragments), info.fragments, RULES),
  );
  return {
    async loadFor(companyId: number, page: CompanyDocumentsPage, info: FieldInfo) {
      const request: DocumentPageRequest = {
        fiscalYear: page.fiscalYear ?? null,
        kind: page.kind ?? null,
        limit: Math.abs(page.take),
        backward: page.take < 0,
        ...(page.cursor ? { cursor: page.cursor.id } : {}),
        columns: (columnsOf(info) ?? DOCUMENT_COLUMNS) as (keyof Document)[],
      };
      const signature = JSON.stringify(request);
      let loader = loaders.get(signature);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await readDocumentPages(ids, request);
          return ids.map((id) => pages.get(id)!);
        });
        loaders.set(signature, loader);
      }
      return loader.load(companyId);
    },
  };
}
