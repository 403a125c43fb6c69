// Persists compiled statements, replacing a company's previous ones, and reads them back as plain data.
import type { Tx } from '../../db.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { isUnit } from './units.js';
import type {
  CellRevision,
  CompilationWarning,
  CompiledRowData,
  CompiledStatementData,
  StatementCheck,
  StatementGaps,
  StatementType,
} from './types.js';

/** Call inside a transaction: the old statements go and the new ones arrive together. */
export async function replaceCompiledStatements(tx: Tx, companyId: number, statements: CompiledStatementData[]): Promise<Date> {
  await tx.compiledStatement.deleteMany({ where: { companyId } });
  const compiledAt = new Date();
  for (const s of statements) {
    const stored = await tx.compiledStatement.create({
      data: {
        companyId,
        statementType: s.type,
        currency: s.currency,
        unit: s.unit,
        fiscalYears: s.fiscalYears,
        checks: s.checks as unknown as Prisma.InputJsonValue,
        gaps: s.gaps as unknown as Prisma.InputJsonValue,
        warnings: s.warnings as unknown as Prisma.InputJsonValue,
        compiledAt,
      },
      select: { id: true },
    });
    if (s.rows.length === 0) continue;
    const rows = await tx.compiledRow.createManyAndReturn({
      data: s.rows.map((r, position) => ({
        compiledStatementId: stored.id,
        position,
        concept: r.concept,
        label: r.label,
        level: r.level,
        isTotal: r.isTotal,
        perShare: r.perShare,
      })),
      select: { id: true, position: true },
    });
    const rowIds = new Map(rows.map((r) => [r.position, r.id]));
    await tx.compiledCell.createMany({
      data: s.rows.flatMap((r, position) =>
        r.cells.map((c) => ({
          rowId: rowIds.get(position)!,
          fiscalYear: c.fiscalYear,
          value: c.value,
          restated: c.restated,
          sourceExtractionId: c.source.extractionId,
          sourceDocumentId: c.source.documentId,
          page: c.source.page,
          sourceProvider: c.source.provider,
          sourceVerdict: c.source.verdict,
          history: c.history as unknown as Prisma.InputJsonValue,
        })),
      ),
    });
  }
  return compiledAt;
}

/** The stored shape `storedStatementSelect` reads. */
export const storedStatementSelect = {
  companyId: true,
  statementType: true,
  currency: true,
  unit: true,
  fiscalYears: true,
  checks: true,
  gaps: true,
  warnings: true,
  compiledAt: true,
  rows: {
    orderBy: { position: 'asc' },
    select: {
      concept: true,
      label: true,
      level: true,
      isTotal: true,
      perShare: true,
      cells: {
        orderBy: { fiscalYear: 'desc' },
        select: {
          fiscalYear: true,
          value: true,
          restated: true,
          sourceDocumentId: true,
          sourceExtractionId: true,
          page: true,
          sourceProvider: true,
          sourceVerdict: true,
          history: true,
        },
      },
    },
  },
} satisfies Prisma.CompiledStatementSelect;

export type StoredStatement = Prisma.CompiledStatementGetPayload<{ select: typeof storedStatementSelect }>;

export function fromStored(s: StoredStatement): CompiledStatementData {
  return {
    type: s.statementType as StatementType,
    currency: s.currency,
    unit: isUnit(s.unit) ? s.unit : 'units',
    fiscalYears: s.fiscalYears,
    rows: s.rows.map(
      (r): CompiledRowData => ({
        concept: r.concept,
        label: r.label,
        level: r.level,
        isTotal: r.isTotal,
        perShare: r.perShare,
        cells: r.cells.map((c) => ({
          fiscalYear: c.fiscalYear,
          value: c.value === null ? null : c.value.toFixed(),
          restated: c.restated,
          source: {
            documentId: c.sourceDocumentId,
            extractionId: c.sourceExtractionId,
            page: c.page,
            provider: c.sourceProvider,
            verdict: c.sourceVerdict,
          },
          // Revisions stored before providers were recorded lack them: read as unknown, not as a PDF reading.
          history: (c.history as unknown as CellRevision[]).map((h) => ({ ...h, provider: h.provider ?? null, verdict: h.verdict ?? null })),
        })),
      }),
    ),
    checks: s.checks as unknown as StatementCheck[],
    gaps: { missingFiscalYears: [], rowsMissingYears: [], ...(s.gaps as object) } as StatementGaps,
    warnings: s.warnings as unknown as CompilationWarning[],
  };
}
