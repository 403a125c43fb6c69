// Unlabelled totals in a compiled statement get their concept where the arithmetic proves it in every fiscal
// year (src/services/compilation/unlabelled-totals.ts), on generated statements and on a real report whose
// revenue total is printed without a label; where it proves nothing the row stays "Total (unlabelled)".
import { describe, expect, it } from 'vitest';
import { compileStatement } from '../../src/services/compilation/compile.js';
import type { ReportLine, ReportStatement, StatementType } from '../../src/services/compilation/types.js';
import { devSetPresent, devStatement } from '../extraction/helpers/dev-pages.js';

let nextId = 1;
function report(type: StatementType, lines: Partial<ReportLine>[], years = [2024, 2023]): ReportStatement {
  const id = nextId++;
  return {
    extractionId: id,
    documentId: id,
    reportFiscalYear: years[0],
    interim: false,
    provider: 'LAYOUT',
    verdict: null,
    statementType: type,
    currency: 'EUR',
    unit: 'thousands',
    columns: years.map((fiscalYear) => ({ fiscalYear, periodMonths: type === 'BALANCE_SHEET' ? null : 12 })),
    lines: lines.map((l) => ({ label: 'x', concept: null, level: 0, isTotal: false, perShare: false, page: 5, values: [], ...l })),
  };
}

const rowsOf = (type: StatementType, lines: Partial<ReportLine>[]) => compileStatement(type, [report(type, lines)]).rows.map((r) => [r.label, r.concept]);

describe('unlabelled totals named by the arithmetic (generated statements)', () => {
  it('the sum of the revenue lines above cost of sales is revenue when gross profit = it - cost of sales', () => {
    expect(rowsOf('INCOME_STATEMENT', [
      { label: 'Product revenue', values: ['700', '650'] },
      { label: 'Subscription revenue', values: ['300', '250'] },
      { label: '', isTotal: true, values: ['1000', '900'] },
      { label: 'Cost of revenue', concept: 'cost_of_sales', values: ['-400', '-380'] },
      { label: 'Gross profit', concept: 'gross_profit', isTotal: true, values: ['600', '520'] },
    ])).toEqual([
      ['Product revenue', null],
      ['Subscription revenue', null],
      ['Revenue', 'revenue'],
      ['Cost of revenue', 'cost_of_sales'],
      ['Gross profit', 'gross_profit'],
    ]);
  });

  it('a top-line total that profit before tax is built on is revenue even without a gross profit line', () => {
    const rows = rowsOf('INCOME_STATEMENT', [
      { label: 'Commission revenue', values: ['224', '203'] },
      { label: 'Service revenue', values: ['103', '81'] },
      { label: '', isTotal: true, values: ['327', '284'] },
      { label: 'Cost of services and operating expenses', concept: 'cost_of_sales', values: ['-315', '-315'] },
      { label: 'Other income', concept: 'other_income', values: ['7', '6'] },
      { label: 'Income (loss) before income tax', concept: 'profit_before_tax', isTotal: true, values: ['19', '-25'] },
    ]);
    expect(rows[2]).toEqual(['Revenue', 'revenue']);
  });

  it('current and non-current assets, both unlabelled, told apart by what each adds up', () => {
    expect(rowsOf('BALANCE_SHEET', [
      { label: 'Property, plant and equipment', concept: 'property_plant_equipment', values: ['500', '480'] },
      { label: 'Goodwill', concept: 'goodwill', values: ['200', '200'] },
      { label: '', isTotal: true, values: ['700', '680'] },
      { label: 'Inventories', concept: 'inventories', values: ['120', '100'] },
      { label: 'Cash', concept: 'cash_and_equivalents', values: ['80', '70'] },
      { label: '', isTotal: true, values: ['200', '170'] },
      { label: 'Total assets', concept: 'total_assets', isTotal: true, values: ['900', '850'] },
    ]).map(([, concept]) => concept)).toEqual([
      'property_plant_equipment', 'goodwill', 'total_non_current_assets', 'inventories', 'cash_and_equivalents', 'total_current_assets', 'total_assets',
    ]);
  });

  it('one missing part of an identity: the unlabelled subtotal that closes it in every year', () => {
    const rows = rowsOf('BALANCE_SHEET', [
      { label: 'Trade payables', concept: 'trade_payables', values: ['60', '50'] },
      { label: 'Accruals', values: ['40', '30'] },
      { label: '', isTotal: true, values: ['100', '80'] },
      { label: 'Total non-current liabilities', concept: 'total_non_current_liabilities', isTotal: true, values: ['300', '320'] },
      { label: 'Total liabilities', concept: 'total_liabilities', isTotal: true, values: ['400', '400'] },
    ]);
    expect(rows[2]).toEqual(['Total current liabilities', 'total_current_liabilities']);
  });

  it('stays unnamed when the arithmetic fails in one year, or the row is no sum of the rows above it', () => {
    const failsOneYear = rowsOf('INCOME_STATEMENT', [
      { label: 'Product revenue', values: ['700', '650'] },
      { label: 'Subscription revenue', values: ['300', '250'] },
      { label: '', isTotal: true, values: ['1000', '900'] },
      { label: 'Cost of revenue', concept: 'cost_of_sales', values: ['-400', '-380'] },
      { label: 'Gross profit', concept: 'gross_profit', isTotal: true, values: ['600', '521'] },
    ]);
    expect(failsOneYear[2]).toEqual(['Total (unlabelled)', null]);
    const noSum = rowsOf('BALANCE_SHEET', [
      { label: 'Trade payables', concept: 'trade_payables', values: ['60', '50'] },
      { label: 'Accruals', values: ['40', '30'] },
      { label: '', isTotal: true, values: ['100', '81'] },
      { label: 'Total non-current liabilities', concept: 'total_non_current_liabilities', isTotal: true, values: ['300', '319'] },
      { label: 'Total liabilities', concept: 'total_liabilities', isTotal: true, values: ['400', '400'] },
    ]);
    expect(noSum[2]).toEqual(['Total (unlabelled)', null]);
  });

  it('two unlabelled totals that complete an identity either way round, with no parts to tell them apart, stay unnamed', () => {
    const rows = rowsOf('BALANCE_SHEET', [
      { label: 'Land', values: ['500', '480'] },
      { label: 'Licences', values: ['200', '200'] },
      { label: '', isTotal: true, values: ['700', '680'] },
      { label: 'Stock', values: ['120', '100'] },
      { label: 'Bank', values: ['80', '70'] },
      { label: '', isTotal: true, values: ['200', '170'] },
      { label: 'Total assets', concept: 'total_assets', isTotal: true, values: ['900', '850'] },
    ]);
    expect([rows[2], rows[5]]).toEqual([['Total (unlabelled)', null], ['Total (unlabelled)', null]]);
  });
});

describe.skipIf(!devSetPresent)('unlabelled totals on a real report', () => {
  it('Ace/Saatchi: the commission and service revenue total, printed without a label, is the compiled revenue row', async () => {
    const s = await devStatement('ace_saatchi_2024.pdf', [8], 'INCOME_STATEMENT');
    expect(s.lineItems[2]).toMatchObject({ label: '', concept: null, values: ['326861778', '284299043'] });
    const extracted: ReportStatement = {
      ...report('INCOME_STATEMENT', s.lineItems.map((l) => ({ ...l, values: l.values.map((v) => v ?? null) }))),
      unit: 'units',
      columns: s.columns.map((c) => ({ fiscalYear: c.fiscalYear, periodMonths: c.periodMonths })),
    };
    const rows = compileStatement('INCOME_STATEMENT', [extracted]).rows;
    expect(rows[2]).toMatchObject({ label: 'Revenue', concept: 'revenue' });
    expect(rows[2].cells.map((c) => [c.fiscalYear, c.value])).toEqual([[2024, '326861778'], [2023, '284299043']]);
    // The other unlabelled totals: tax already named by the extraction; other comprehensive income has no concept.
    expect(rows.filter((r) => r.label === 'Total (unlabelled)').map((r) => r.cells[0].value)).toEqual(['3165906']);
  });
});
