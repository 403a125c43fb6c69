// Stores what an extractor read from a document. Re-running a provider on a document replaces its previous
// result in one transaction, so a document never holds two extractions of one statement type per provider.
import { prisma, type Prisma, type Tx } from '../db.js';
import type { ColumnKind as ExtractedColumnKind, ExtractedLine, ExtractedStatement } from '../extraction/types.js';
import type { ColumnKind, ExtractionProvider, StatementVerdict } from '../generated/prisma/enums.js';

const COLUMN_KINDS: Record<ExtractedColumnKind, ColumnKind> = {
  reported: 'REPORTED',
  adjusted: 'ADJUSTED',
  adjustments: 'ADJUSTMENTS',
  budget: 'BUDGET',
  translation: 'TRANSLATION',
};

function verdictOf(s: ExtractedStatement): StatementVerdict | null {
  return s.verdict ? (s.verdict.toUpperCase() as StatementVerdict) : null;
}

export interface StoredExtraction {
  id: number;
  statementType: ExtractedStatement['type'];
}

export async function replaceExtractions(
  documentId: number,
  provider: ExtractionProvider,
  statements: ExtractedStatement[],
  options: { model?: string | null; tx?: Tx; durationMs?: number; usage?: Prisma.InputJsonObject } = {},
): Promise<StoredExtraction[]> {
  const run = async (tx: Tx) => {
    await tx.extraction.deleteMany({ where: { documentId, provider } });
    const stored: StoredExtraction[] = [];
    for (const statement of statements) {
      stored.push(await insertStatement(tx, documentId, provider, statement, options.model ?? null, options));
    }
    return stored;
  };
  return options.tx ? run(options.tx) : prisma.$transaction(run, { timeout: 30_000 });
}

async function insertStatement(
  tx: Tx,
  documentId: number,
  provider: ExtractionProvider,
  s: ExtractedStatement,
  model: string | null,
  metrics: { durationMs?: number; usage?: Prisma.InputJsonObject },
): Promise<StoredExtraction> {
  const extraction = await tx.extraction.create({
    data: {
      documentId,
      provider,
      model,
      statementType: s.type,
      title: s.title,
      pages: s.pages,
      currency: s.currency,
      unit: s.unit,
      checks: s.checks as object[],
      verdict: verdictOf(s),
      durationMs: metrics.durationMs ?? null,
      ...(metrics.usage ? { usage: metrics.usage } : {}),
    },
    select: { id: true },
  });
  const columns = await tx.extractionColumn.createManyAndReturn({
    data: s.columns.map((c, position) => ({
      extractionId: extraction.id,
      position,
      label: c.label,
      fiscalYear: c.fiscalYear,
      periodEnd: c.periodEnd ? new Date(`${c.periodEnd}T00:00:00Z`) : null,
      periodMonths: c.periodMonths,
      kind: COLUMN_KINDS[c.kind ?? 'reported'],
      currency: c.currency ?? null,
    })),
    select: { id: true, position: true },
  });
  const lines = await tx.extractedLine.createManyAndReturn({
    data: s.lineItems.map((l, position) => ({
      extractionId: extraction.id,
      position,
      label: l.label,
      concept: l.concept,
      level: l.level,
      isTotal: l.isTotal,
      perShare: l.perShare,
      page: l.page,
    })),
    select: { id: true, position: true },
  });
  const columnIds = new Map(columns.map((c) => [c.position, c.id]));
  const lineIds = new Map(lines.map((l) => [l.position, l.id]));
  await tx.extractedValue.createMany({
    data: s.lineItems.flatMap((l, position) =>
      l.values.slice(0, s.columns.length).map((value, column) => {
        const fact = l.facts?.[column];
        return {
          lineId: lineIds.get(position)!,
          columnId: columnIds.get(column)!,
          value,
          ...(fact ? { factId: fact.id, factPosition: fact.position, factConcept: fact.concept, factContext: fact.contextRef } : {}),
        };
      }),
    ),
  });
  return { id: extraction.id, statementType: s.type };
}

/** What to select of a stored line to read it back with `lineFromStored`. */
export const storedLineSelect = {
  label: true,
  concept: true,
  level: true,
  isTotal: true,
  perShare: true,
  page: true,
  values: { select: { columnId: true, value: true, factId: true, factPosition: true, factConcept: true, factContext: true } },
} satisfies Prisma.ExtractedLineSelect;

type StoredLine = Prisma.ExtractedLineGetPayload<{ select: typeof storedLineSelect }>;

/** A stored line as the engine has it: a value (and, for XBRL, a fact) per column, in the order of `columnIds`. */
export function lineFromStored(line: StoredLine, columnIds: number[]): ExtractedLine {
  const index = new Map(columnIds.map((id, i) => [id, i]));
  const values: (string | null)[] = columnIds.map(() => null);
  const facts: ExtractedLine['facts'] = columnIds.map(() => null);
  for (const v of line.values) {
    const i = index.get(v.columnId);
    if (i === undefined) continue;
    values[i] = v.value === null ? null : v.value.toFixed();
    if (v.factConcept && v.factContext && v.factPosition !== null) {
      facts[i] = { id: v.factId, concept: v.factConcept, contextRef: v.factContext, position: v.factPosition };
    }
  }
  const { label, concept, level, isTotal, perShare, page } = line;
  return { label, concept, level, isTotal, perShare, page, values, facts };
}
