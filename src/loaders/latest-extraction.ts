import DataLoader from 'dataloader';
import type { FieldNode, FragmentDefinitionNode } from 'graphql';
import { EXTRACTION_COLUMNS, readLatestExtractions, type ExtractionRow } from '../db/sql-reads.js';
import { StatementType as StatementTypes, type Extraction, type StatementType } from '../generated/prisma/client.js';
import { columnsPerField, fieldSelections, selectedColumns, type ColumnRules, type FieldInfo } from './selected-columns.js';

export interface LatestExtractionKey {
  documentId: number;
  statementType: StatementType;
}

const TYPES: readonly StatementType[] = Object.values(StatementTypes);
const TYPE_INDEX = new Map(TYPES.map((type, i) => [type, i]));
/** One number per (document, statement type): a page makes ~1,500 loads, and building a string key for each was a
 * measurable part of the loader's cost. */
const keyOf = (documentId: number, type: StatementType) => documentId * TYPES.length + TYPE_INDEX.get(type)!;

const RULES: ColumnRules = {
  columns: new Set(EXTRACTION_COLUMNS),
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
  const loaders = new Map<string, DataLoader<number, ExtractionRow | null>>();
  const columnsOf = columnsPerField((info) => extractionColumns(info.fieldNodes, info.fragments));
  return {
    /** Loads a row with the columns the field's selection reads (every column when it reads one this cannot tell). */
    loadFor(key: LatestExtractionKey, info: FieldInfo): Promise<ExtractionRow | null> {
      const columns = columnsOf(info);
      const signature = columns ? columns.join(',') : '*';
      let loader = loaders.get(signature);
      if (!loader) {
        loader = batchLoader((columns ?? EXTRACTION_COLUMNS) as (keyof Extraction)[]);
        loaders.set(signature, loader);
      }
      return loader.load(keyOf(key.documentId, key.statementType));
    },
  };
}

function batchLoader(columns: readonly (keyof Extraction)[]) {
  return new DataLoader<number, ExtractionRow | null>(async (keys) => {
    const documentIds = [...new Set(keys.map((k) => Math.floor(k / TYPES.length)))];
    const types = [...new Set(keys.map((k) => TYPES[k % TYPES.length]!))];
    const rows = await readLatestExtractions(documentIds, types, columns);
    const newest = new Map(rows.map((row) => [keyOf(row.documentId, row.statementType), row]));
    return keys.map((k) => newest.get(k) ?? null);
  });
}
