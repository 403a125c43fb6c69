import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Extraction, StatementType } from '../generated/prisma/client.js';

export interface LatestExtractionKey {
  documentId: number;
  statementType: StatementType;
}

/** The newest extraction (any provider) of one statement type of one document; one query per batch. */
export function createLatestExtractionLoader() {
  return new DataLoader<LatestExtractionKey, Extraction | null, string>(
    async (keys) => {
      const rows = await prisma.extraction.findMany({
        where: {
          documentId: { in: [...new Set(keys.map((k) => k.documentId))] },
          statementType: { in: [...new Set(keys.map((k) => k.statementType))] },
        },
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
      });
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
