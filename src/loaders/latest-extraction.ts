import DataLoader from 'dataloader';
import type { FieldNode, FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { prisma } from '../db.js';
import { Prisma, type Extraction, type StatementType } from '../generated/prisma/client.js';

export interface LatestExtractionKey {
  documentId: number;
  statementType: StatementType;
}

const SCALARS = new Set<string>(Object.values(Prisma.ExtractionScalarFieldEnum));
/** Relations are not folded into the batch query: Pothos loads them from the row's id, as before. */
const RELATIONS = new Set(['document', 'columns', 'lineItems']);
/** Always loaded: the id (Relay id, relation fallbacks) and the batch key. */
const KEY_COLUMNS = ['id', 'documentId', 'statementType'];

/**
 * The columns the GraphQL selection of an Extraction field reads (every Extraction field reads the column of its
 * own name), or undefined (every column) when it selects a field this does not know.
 */
export function extractionColumns(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): string[] | undefined {
  const columns = new Set(KEY_COLUMNS);
  const visit = (set: SelectionSetNode | undefined): boolean => {
    for (const s of set?.selections ?? []) {
      if (s.kind === 'Field') {
        const name = s.name.value;
        if (SCALARS.has(name)) columns.add(name);
        else if (!RELATIONS.has(name) && name !== '__typename') return false;
      } else if (s.kind === 'InlineFragment') {
        if (!visit(s.selectionSet)) return false;
      } else if (!visit(fragments[s.name.value]?.selectionSet)) return false;
    }
    return true;
  };
  for (const node of fieldNodes) if (!visit(node.selectionSet)) return undefined;
  return [...columns].sort();
}

/**
 * The newest extraction (any provider) of one statement type of one document; one query per batch. Each distinct
 * column set is its own batch, so a catalogue page reading five columns does not load and map all fourteen of every
 * extraction (Prisma's row mapping is most of the cost of a large page).
 */
export function createLatestExtractionLoader() {
  const loaders = new Map<string, DataLoader<LatestExtractionKey, Extraction | null, string>>();
  const byField = new WeakMap<FieldNode, DataLoader<LatestExtractionKey, Extraction | null, string>>();
  const loaderFor = (columns: readonly string[] | undefined) => {
    const signature = columns ? columns.join(',') : '*';
    let loader = loaders.get(signature);
    if (!loader) {
      loader = batchLoader(columns);
      loaders.set(signature, loader);
    }
    return loader;
  };
  return {
    /** Loads a row with only `columns` (all of them when undefined). */
    load(key: LatestExtractionKey, columns?: readonly string[]): Promise<Extraction | null> {
      return loaderFor(columns).load(key);
    },
    /**
     * Loads a row with the columns the field's selection reads, worked out once per field of the document: every
     * document of a page resolves the same field node.
     */
    loadFor(key: LatestExtractionKey, info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Promise<Extraction | null> {
      if (info.fieldNodes.length !== 1) return loaderFor(extractionColumns(info.fieldNodes, info.fragments)).load(key);
      const node = info.fieldNodes[0]!;
      let loader = byField.get(node);
      if (!loader) {
        loader = loaderFor(extractionColumns(info.fieldNodes, info.fragments));
        byField.set(node, loader);
      }
      return loader.load(key);
    },
  };
}

function batchLoader(columns: readonly string[] | undefined) {
  const select = columns ? (Object.fromEntries(columns.map((c) => [c, true])) as Prisma.ExtractionSelect) : undefined;
  return new DataLoader<LatestExtractionKey, Extraction | null, string>(
    async (keys) => {
      const rows = (await prisma.extraction.findMany({
        where: {
          documentId: { in: [...new Set(keys.map((k) => k.documentId))] },
          statementType: { in: [...new Set(keys.map((k) => k.statementType))] },
        },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        ...(select ? { select } : {}),
      })) as Extraction[];
      const newest = new Map<string, Extraction>();
      for (const row of rows) {
        const key = `${row.documentId}:${row.statementType}`;
        if (!newest.has(key)) newest.set(key, row);
      }
      return keys.map((k) => newest.get(`${k.documentId}:${k.statementType}`) ?? null);
    },
    { cacheKeyFn: (k) => `${k.documentId}:${k.statementType}` },
  );
}
