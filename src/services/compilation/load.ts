// Reads a company's extractions into the compiler's input: for each report, the newest extraction (any provider)
// of each statement type. Interim reports are read only when asked for.
import { prisma, type Tx } from '../../db.js';
import type { DocumentKind } from '../../generated/prisma/enums.js';
import { lineFromStored, storedLineSelect } from '../extractions.js';
import { isUnit } from './units.js';
import type { CompileOptions, ReportStatement } from './types.js';

export async function loadReportStatements(companyId: number, options: CompileOptions = {}, db: Tx | typeof prisma = prisma): Promise<ReportStatement[]> {
  const kinds: DocumentKind[] = options.includeInterim ? ['ANNUAL_REPORT', 'INTERIM_REPORT'] : ['ANNUAL_REPORT'];
  const documents = await db.document.findMany({
    where: { companyId, kind: { in: kinds } },
    select: {
      id: true,
      fiscalYear: true,
      kind: true,
      extractions: {
        orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
        select: {
          id: true,
          statementType: true,
          provider: true,
          verdict: true,
          currency: true,
          unit: true,
          columns: { orderBy: { position: 'asc' }, select: { id: true, label: true, kind: true, fiscalYear: true, periodMonths: true } },
          lineItems: { orderBy: { position: 'asc' }, select: storedLineSelect },
        },
      },
    },
  });
  const reports: ReportStatement[] = [];
  for (const doc of documents) {
    const seen = new Set<string>();
    for (const x of doc.extractions) {
      if (seen.has(x.statementType)) continue; // an older provider's extraction of a type already read
      seen.add(x.statementType);
      const columnIds = x.columns.map((c) => c.id);
      reports.push({
        extractionId: x.id,
        documentId: doc.id,
        reportFiscalYear: doc.fiscalYear,
        interim: doc.kind === 'INTERIM_REPORT',
        provider: x.provider,
        verdict: x.verdict,
        statementType: x.statementType,
        currency: x.currency,
        unit: isUnit(x.unit) ? x.unit : 'units',
        columns: x.columns.map((c) => ({ label: c.label, kind: c.kind, fiscalYear: c.fiscalYear, periodMonths: c.periodMonths })),
        lines: x.lineItems.map((l) => lineFromStored(l, columnIds)),
      });
    }
  }
  return reports;
}
