import DataLoader from 'dataloader';
import type { FieldNode, FragmentDefinitionNode } from 'graphql';
import { prisma } from '../db.js';
import { Prisma, StatementType as StatementTypes, type Extraction, type StatementType } from '../generated/prisma/client.js';
import { columnsPerField, fieldSelections, selectedColumns, type ColumnRules, type FieldInfo } from './selected-columns.js';

export interface LatestExtractionKey {
  documentId: number;
  statementType: StatementType;
}

const COLUMNS: readonly string[] = Object.values(Prisma.ExtractionScalarFieldEnum);

const TYPES: readonly StatementType[] = Object.values(StatementTypes);
const TYPE_INDEX = new Map(TYPES.map((type, i) => [type, i]));
/** One number per (document, statement type): a page makes ~1,500 loads, and building a string key for each was a
 * measurable part of the loader's cost. */
const keyOf = (documentId: number, type: StatementType) => documentId * TYPES.length + TYPE_INDEX.get(type)!;

const RULES: ColumnRules = {
  columns: new Set(COLUMNS),
  // Relations are not folded into the batch query: Pothos loads them from the row's id, as before.
  idOnly: new Set(['document', 'columns', 'lineItems']),
  // The id (Relay id, relation fallbacks) and the batch key.
  always: ['id', 'documentId', 'statementType'],
};

/**
 * The columns the GraphQL selection of an Extraction field reads (every Extraction field reads the column of its
 * own name), or undefined (every column) when it selects a field this does not know.
 */
export function extractionColumns(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] | undefined {
  return selectedColumns(fieldSelections(fieldNodes), fragments, RULES);
}

/**
 * The newest extraction (any provider) of one statement type of one document; one query per batch. Each distinct
 * column set is its own batch, so a catalogue page reading five columns does not load all fourteen of every
 * extraction.
 */
export function createLatestExtractionLoader() {
  const loaders = new Map<string, DataLoader<number, Extraction | null>>();
  const columnsOf = columnsPerField((info) => extractionColumns(info.fieldNodes, info.fragments));
  return {
    /** Loads a row with the columns the field's selection reads (every column when it reads one this cannot tell). */
    loadFor(key: LatestExtractionKey, info: FieldInfo): Promise<Extraction | null> {
      const columns = columnsOf(info);
      const signature = columns ? columns.join(',') : '*';
      let loader = loaders.get(signature);
      if (!loader) {
        loader = batchLoader(columns ?? COLUMNS);
        loaders.set(signature, loader);
      }
      return loader.load(keyOf(key.documentId, key.statementType));
    },
  };
}

function batchLoader(columns: readonly string[]) {
  // Identifiers from the model's own column list, never from a request.
  const list = Prisma.raw(columns.filter((c) => COLUMNS.includes(c)).map((c) => `e."${c}"`).join(', '));
  return new DataLoader<number, Extraction | null>(async (keys) => {
    const documentIds = [...new Set(keys.map((k) => Math.floor(k / TYPES.length)))];
    const types = [...new Set(keys.map((k) => TYPES[k % TYPES.length]!))];
    // Plain SQL rather than findMany: a page asks for ~1,500 rows, and Prisma's row mapping was most of its cost.
    const rows = await prisma.$queryRaw<Extraction[]>`
      SELECT DISTINCT ON (e."documentId", e."statementType") ${list}
      FROM "Extraction" e
      WHERE e."documentId" = ANY(${documentIds}) AND e."statementType" = ANY(${types}::"StatementType"[])
      ORDER BY e."documentId", e."statementType", e."updatedAt" DESC, e.id DESC`;
    const newest = new Map(rows.map((row) => [keyOf(row.documentId, row.statementType), row]));
    return keys.map((k) => newest.get(k) ?? null);
  });
}
