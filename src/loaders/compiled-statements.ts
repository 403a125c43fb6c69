import DataLoader from 'dataloader';
import { prisma } from '../db.js';
import type { Document, Extraction } from '../generated/prisma/client.js';
import { findCompiledStatements, type CompiledStatementKey, type CompiledStatementView } from '../services/compilation/index.js';
import { companiesAwaitingCompilation } from '../services/jobs/index.js';

/**
 * Compiled statements by (company, type), and the documents and extractions their cells cite: each a single query
 * per batch, so a statement of any size costs the same few queries.
 */
export function createCompiledLoaders() {
  return {
    statements: new DataLoader<CompiledStatementKey, CompiledStatementView, string>((keys) => findCompiledStatements(keys), {
      cacheKeyFn: (k) => `${k.companyId}:${k.type}`,
    }),
    pendingCompilation: new DataLoader<number, boolean>(async (companyIds) => {
      const pending = await companiesAwaitingCompilation(companyIds);
      return companyIds.map((id) => pending.has(id));
    }),
    // A cited document or extraction may be gone until the next compilation (deleted, or re-extracted): null.
    documents: new DataLoader<number, Document | null>(async (ids) => {
      const rows = await prisma.document.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    extractions: new DataLoader<number, Extraction | null>(async (ids) => {
      const rows = await prisma.extraction.findMany({ where: { id: { in: [...ids] } } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
