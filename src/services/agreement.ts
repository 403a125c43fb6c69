// The PDF measured against the tagged facts: when a company has a PDF and an inline-XBRL document of the same
// report (same fiscal year and kind), a PDF extraction is compared, value by value, with the XBRL extraction of the
// same statement type (the extraction engine's pure compareWithTaggedFacts). Computed when asked, so it always
// reflects the newest extraction of either document.
import { prisma } from '../db.js';
import { compareWithTaggedFacts, type AgreementDifference } from '../extraction/index.js';
import type { ExtractedStatement, Unit } from '../extraction/types.js';
import { isUnit, UNIT_EXPONENT } from './compilation/units.js';
import { lineFromStored, storedLineSelect } from './extractions.js';

export interface ExtractionAgreement {
  /** the XBRL extraction the PDF's statement was measured against */
  xbrlExtractionId: number;
  /** tagged values compared, and how many the PDF reproduces (same period, same value after its unit) */
  compared: number;
  agreeing: number;
  /** agreeing / compared (1 when nothing was compared) */
  share: number;
  differing: AgreementDifference[];
}

const statementSelect = {
  id: true,
  statementType: true,
  title: true,
  pages: true,
  currency: true,
  unit: true,
  columns: { orderBy: { position: 'asc' }, select: { id: true, label: true, fiscalYear: true, periodEnd: true, periodMonths: true } },
  lineItems: { orderBy: { position: 'asc' }, select: storedLineSelect },
} as const;

type StoredStatement = NonNullable<Awaited<ReturnType<typeof findStatement>>>;

function findStatement(id: number) {
  return prisma.extraction.findUnique({ where: { id }, select: statementSelect });
}

/** A stored extraction back in the extraction engine's shape (values in the statement's unit, facts aligned). */
function toExtractedStatement(x: StoredStatement): ExtractedStatement {
  const unit: Unit = isUnit(x.unit) ? x.unit : 'units';
  const columnIds = x.columns.map((c) => c.id);
  return {
    type: x.statementType,
    title: x.title ?? '',
    pages: x.pages,
    currency: x.currency,
    unit,
    scale: 10 ** UNIT_EXPONENT[unit],
    columns: x.columns.map((c) => ({
      label: c.label,
      fiscalYear: c.fiscalYear,
      periodEnd: c.periodEnd?.toISOString().slice(0, 10) ?? null,
      periodMonths: c.periodMonths,
    })),
    lineItems: x.lineItems.map((l) => lineFromStored(l, columnIds)),
    checks: [],
  };
}

const periodEnds = (columns: { periodEnd: Date | null }[]) => new Set(columns.flatMap((c) => (c.periodEnd ? [c.periodEnd.getTime()] : [])));

/**
 * For an extraction read from a PDF: its agreement with the tagged facts of the company's inline-XBRL document of
 * the same fiscal year and kind. Where there are several (a year's quarterly reports), the one whose periods the
 * PDF's columns share most, then the newest. Null for XBRL extractions, and when there is no such document.
 */
export async function agreementOf(extractionId: number): Promise<ExtractionAgreement | null> {
  const pdf = await prisma.extraction.findUnique({
    where: { id: extractionId },
    select: {
      provider: true,
      statementType: true,
      columns: { select: { periodEnd: true } },
      document: { select: { companyId: true, fiscalYear: true, kind: true, format: true } },
    },
  });
  if (!pdf || pdf.provider === 'XBRL' || pdf.document.format !== 'PDF' || pdf.document.fiscalYear === null) return null;
  const candidates = await prisma.extraction.findMany({
    where: {
      provider: 'XBRL',
      statementType: pdf.statementType,
      document: { companyId: pdf.document.companyId, fiscalYear: pdf.document.fiscalYear, kind: pdf.document.kind, format: { not: 'PDF' } },
    },
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    select: { id: true, columns: { select: { periodEnd: true } } },
  });
  const printed = periodEnds(pdf.columns);
  const shared = (c: (typeof candidates)[number]) => [...periodEnds(c.columns)].filter((t) => printed.has(t)).length;
  // Newest first already: a stable sort by shared periods keeps the newest among equals.
  const tagged = [...candidates].sort((a, b) => shared(b) - shared(a))[0];
  if (!tagged) return null;
  const [truth, read] = await Promise.all([findStatement(tagged.id), findStatement(extractionId)]);
  if (!truth || !read) return null;
  const result = compareWithTaggedFacts([toExtractedStatement(truth)], [toExtractedStatement(read)]);
  const statement = result.statements[0]!;
  return {
    xbrlExtractionId: tagged.id,
    compared: statement.compared,
    agreeing: statement.agreeing,
    share: statement.compared === 0 ? 1 : statement.agreeing / statement.compared,
    differing: statement.differing,
  };
}
