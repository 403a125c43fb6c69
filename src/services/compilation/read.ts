// Compiled statements as the API and the CSV export read them. A statement never compiled (no extractions yet)
// reads as an empty one with no rows: a valid answer, not an error.
import { assertCompanyExists } from '../companies.js';
import { prisma } from '../../db.js';
import { emptyStatement } from './compile.js';
import { fromStored, storedStatementSelect } from './store.js';
import type { CompiledStatementData, StatementType } from './types.js';

export interface CompiledStatementView extends CompiledStatementData {
  companyId: number;
  /** when it was last compiled; null when it never was */
  updatedAt: Date | null;
}

export interface CompiledStatementKey {
  companyId: number;
  type: StatementType;
}

/** One query batch for any number of (company, type) pairs, answered in the order of the keys. */
export async function findCompiledStatements(keys: readonly CompiledStatementKey[]): Promise<CompiledStatementView[]> {
  const stored = await prisma.compiledStatement.findMany({
    where: {
      companyId: { in: [...new Set(keys.map((k) => k.companyId))] },
      statementType: { in: [...new Set(keys.map((k) => k.type))] },
    },
    select: storedStatementSelect,
  });
  const byKey = new Map(stored.map((s) => [`${s.companyId}:${s.statementType}`, s]));
  return keys.map((k) => {
    const s = byKey.get(`${k.companyId}:${k.type}`);
    return s
      ? { ...fromStored(s), companyId: k.companyId, updatedAt: s.compiledAt }
      : { ...emptyStatement(k.type), companyId: k.companyId, updatedAt: null };
  });
}

export async function getCompiledStatement(companyId: number, type: StatementType): Promise<CompiledStatementView> {
  await assertCompanyExists(companyId);
  const [view] = await findCompiledStatements([{ companyId, type }]);
  return view;
}
