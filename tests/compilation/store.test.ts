// compileCompany against PostgreSQL: what it reads, what it stores, and that it is safe to run twice at once.
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import type { ExtractedStatement } from '../../src/extraction/types.js';
import { compileStatements } from '../../src/services/compilation/compile.js';
import { compileCompany, findCompiledStatements, loadReportStatements } from '../../src/services/compilation/index.js';
import type { CompiledStatementData, ReportStatement } from '../../src/services/compilation/types.js';
import { replaceExtractions } from '../../src/services/extractions.js';
import { generateExtractions } from './generate.js';

let file = 0;
async function document(companyId: number, fiscalYear: number, kind: 'ANNUAL_REPORT' | 'INTERIM_REPORT' = 'ANNUAL_REPORT') {
  file += 1;
  return prisma.document.create({ data: { companyId, fiscalYear, kind, storageKey: `store/${file}`, sha256: `store-${file}-${Math.random()}`, byteSize: 1 } });
}

function extracted(r: ReportStatement): ExtractedStatement {
  return {
    type: r.statementType,
    title: r.statementType,
    pages: [10],
    currency: r.currency,
    unit: r.unit,
    scale: 1e6,
    columns: r.columns.map((c) => ({ label: String(c.fiscalYear), fiscalYear: c.fiscalYear, periodEnd: null, periodMonths: c.periodMonths })),
    lineItems: r.lines.map((l) => ({ ...l })),
    checks: [],
  };
}

/** A compiled statement without the database ids it cites. */
function shape(s: CompiledStatementData) {
  return {
    ...s,
    warnings: s.warnings.map((w) => ({ ...w, documentId: 0 })),
    rows: s.rows.map((r) => ({
      ...r,
      cells: r.cells.map((c) => ({
        ...c,
        source: { page: c.source.page },
        history: c.history.map((h) => ({ value: h.value, page: h.page, reportFiscalYear: h.reportFiscalYear })),
      })),
    })),
  };
}

async function seedGenerated(seed: number) {
  const company = await prisma.company.create({ data: { name: `Generated ${seed}` } });
  const { reports } = generateExtractions({ seed, years: 4, linesPerStatement: 25 });
  const years = [...new Set(reports.map((r) => r.reportFiscalYear!))];
  for (const year of years) {
    const doc = await document(company.id, year);
    await replaceExtractions(doc.id, 'LAYOUT', reports.filter((r) => r.reportFiscalYear === year).map(extracted));
  }
  return { companyId: company.id, reports };
}

describe('compileCompany', () => {
  it('reads back exactly what the pure compiler makes of the same extractions, and stores it faithfully', async () => {
    const { companyId, reports } = await seedGenerated(11);
    const loaded = await loadReportStatements(companyId);
    expect(loaded).toHaveLength(reports.length);
    const expected = compileStatements(reports).map(shape);
    expect(compileStatements(loaded).map(shape)).toEqual(expected);
    await compileCompany(companyId);
    const stored = await findCompiledStatements(expected.map((s) => ({ companyId, type: s.type })));
    expect(stored.map(({ companyId: _c, updatedAt: _u, ...s }) => shape(s))).toEqual(expected);
  });

  it('is safe to run concurrently for one company, leaving one statement per type', async () => {
    const { companyId } = await seedGenerated(12);
    const results = await Promise.all([compileCompany(companyId), compileCompany(companyId), compileCompany(companyId)]);
    expect(results.map((r) => r.statements.map((s) => s.rows))).toEqual([results[0].statements.map((s) => s.rows), results[0].statements.map((s) => s.rows), results[0].statements.map((s) => s.rows)]);
    expect(await prisma.compiledStatement.count({ where: { companyId } })).toBe(3);
  });

  it("uses each report's newest extraction and leaves interim reports out unless asked", async () => {
    const company = await prisma.company.create({ data: { name: 'Two Providers SE' } });
    const annual = await document(company.id, 2024);
    const interim = await document(company.id, 2025, 'INTERIM_REPORT');
    const income = (revenue: string, months = 12, year = 2024): ExtractedStatement => ({
      type: 'INCOME_STATEMENT', title: 'IS', pages: [3], currency: 'EUR', unit: 'millions', scale: 1e6, checks: [],
      columns: [{ label: String(year), fiscalYear: year, periodEnd: null, periodMonths: months }],
      lineItems: [{ label: 'Revenue', concept: 'revenue', values: [revenue], page: 3, level: 0, isTotal: false, perShare: false }],
    });
    await replaceExtractions(annual.id, 'LAYOUT', [income('100')]);
    await replaceExtractions(annual.id, 'LLM', [income('101')]);
    await replaceExtractions(interim.id, 'LAYOUT', [income('60', 6, 2025)]);
    await compileCompany(company.id);
    const [s] = await findCompiledStatements([{ companyId: company.id, type: 'INCOME_STATEMENT' }]);
    expect(s.fiscalYears).toEqual([2024]);
    expect(s.rows[0].cells[0].value).toBe('101');
    expect(s.rows[0].cells[0].history).toHaveLength(1);
    await compileCompany(company.id, { includeInterim: true });
    const [withInterim] = await findCompiledStatements([{ companyId: company.id, type: 'INCOME_STATEMENT' }]);
    expect(withInterim.fiscalYears).toEqual([2025, 2024]);
  });
});
