// Compiled statements: ten years of a company's numbers, restated figures first, every cell traceable.
// `compileCompany` is what the COMPILE_COMPANY job and the compileStatements mutation call.
import { prisma } from '../../db.js';
import { NotFoundError } from '../../errors.js';
import { noProgress, type ReportProgress } from '../jobs/progress.js';
import { compileStatements } from './compile.js';
import { loadReportStatements } from './load.js';
import { replaceCompiledStatements } from './store.js';
import type { CompileOptions, StatementType } from './types.js';

export { compileStatement, compileStatements, emptyStatement } from './compile.js';
export { statementCsv } from './csv.js';
export { keyFinancials, KEY_FIGURES, type Financials, type FinancialYear } from './financials.js';
export { loadReportStatements } from './load.js';
export { findCompiledStatements, getCompiledStatement, type CompiledStatementKey, type CompiledStatementView } from './read.js';
export type * from './types.js';

export interface CompilationSummary {
  companyId: number;
  compiledAt: Date;
  statements: { type: StatementType; fiscalYears: number[]; rows: number; cells: number; restatedCells: number; failedChecks: number }[];
}

/**
 * Compiles the company's three statements from the latest extraction of each annual report and replaces its
 * previous compiled statements in one transaction. Idempotent: the same extractions give the same statements.
 */
export async function compileCompany(companyId: number, options: CompileOptions = {}, progress: ReportProgress = noProgress): Promise<CompilationSummary> {
  return prisma.$transaction(
    async (tx) => {
      // One compilation per company at a time; a second waits and then compiles the newest extractions.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('compile-company'), ${companyId}::int)`;
      const company = await tx.company.findUnique({ where: { id: companyId }, select: { id: true } });
      if (!company) throw new NotFoundError('Company', String(companyId));
      const statements = compileStatements(await loadReportStatements(companyId, options, tx), options);
      await progress('compile', 1, 1); // a job cancelled by now stores nothing: this rejects and the transaction rolls back
      const compiledAt = await replaceCompiledStatements(tx, companyId, statements);
      return {
        companyId,
        compiledAt,
        statements: statements.map((s) => {
          const cells = s.rows.flatMap((r) => r.cells);
          return {
            type: s.type,
            fiscalYears: s.fiscalYears,
            rows: s.rows.length,
            cells: cells.length,
            restatedCells: cells.filter((c) => c.restated).length,
            failedChecks: s.checks.filter((c) => !c.passed).length,
          };
        }),
      };
    },
    { timeout: 60_000 },
  );
}
