import { getConnectionPageSize, PothosValidationError, validateConnectionArguments } from '@pothos/core';
import { parsePrismaCursor } from '@pothos/plugin-prisma';
import DataLoader from 'dataloader';
import type { DocumentKind } from '../generated/prisma/client.js';
import { DOCUMENT_COLUMNS, findDocumentPages, type DocumentPage, type DocumentPageRequest } from '../services/documents/index.js';
import { columnsPerField, connectionNodeSelections, selectedColumns, type ColumnRules, type FieldInfo } from './selected-columns.js';

/** `Company.documents`' arguments: Relay paging and the list's filters. */
export interface CompanyDocumentsArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  fiscalYear?: number | null;
  kind?: DocumentKind | null;
}

/** Pothos' prisma connections' defaults, which this connection had when it was a relatedConnection. */
const DEFAULT_SIZE = 20;
const MAX_SIZE = 100;

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
    async loadFor(companyId: number, args: CompanyDocumentsArgs, info: FieldInfo) {
      const request = { ...pageRequest(args), columns: columnsOf(info) };
      const signature = JSON.stringify(request);
      let loader = loaders.get(signature);
      if (!loader) {
        loader = new DataLoader(async (ids) => {
          const pages = await findDocumentPages(ids, request);
          return ids.map((id) => pages.get(id)!);
        });
        loaders.set(signature, loader);
      }
      return loader.load(companyId);
    },
  };
}

/** The rows to ask for, as Pothos' prisma connections work it out (one more than the page, to see past it). */
export function pageRequest(args: CompanyDocumentsArgs): DocumentPageRequest {
  validateConnectionArguments(args);
  if (args.before != null && args.after != null) {
    throw new PothosValidationError('Arguments "before" and "after" are not supported at the same time');
  }
  if (args.before != null && args.first != null) {
    throw new PothosValidationError('Arguments "before" and "first" are not supported at the same time');
  }
  if (args.after != null && args.last != null) {
    throw new PothosValidationError('Arguments "after" and "last" are not supported at the same time');
  }
  const { limit } = getConnectionPageSize({ args, defaultSize: DEFAULT_SIZE, maxSize: MAX_SIZE });
  const cursor = args.before ?? args.after;
  return {
    fiscalYear: args.fiscalYear ?? null,
    kind: args.kind ?? null,
    limit,
    backward: args.before != null || args.last != null,
    ...(cursor != null ? { cursor: documentIdOf(cursor) } : {}),
  };
}

function documentIdOf(cursor: string): number {
  const id = parsePrismaCursor(cursor);
  if (typeof id !== 'number' || !Number.isSafeInteger(id)) throw new PothosValidationError(`Invalid cursor: ${cursor}`);
  return id;
}
