// The pure compiler on generated extraction sets (property-style, seeded) and on small hand-made cases.
import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { compileStatement, compileStatements, newestFirst } from '../../src/services/compilation/compile.js';
import { labelKey } from '../../src/services/compilation/labels.js';
import type { ReportLine, ReportStatement, StatementType } from '../../src/services/compilation/types.js';
import { generateExtractions, random } from './generate.js';

const SEEDS = Array.from({ length: 25 }, (_, i) => 1000 + i * 37);

function shuffled<T>(items: T[], seed: number): T[] {
  const rnd = random(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

describe('compiler properties on generated extraction sets', () => {
  it.each(SEEDS)('the newest report printing a year wins, with the full history (seed %i)', (seed) => {
    const { reports, truth } = generateExtractions({ seed, years: 6, linesPerStatement: 40 });
    for (const type of ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] as StatementType[]) {
      const compiled = compileStatement(type, reports);
      const own = reports.filter((r) => r.statementType === type).sort(newestFirst);
      for (const line of truth.get(type)!) {
        // Where each report printed this line, by identity.
        const printings = own.flatMap((r) => {
          const at = r.lines.findIndex((l) => (line.concept ? l.concept === line.concept : labelKey(l.label) === labelKey(line.label)));
          return at < 0 ? [] : [{ report: r, line: r.lines[at] }];
        });
        if (printings.length === 0) continue;
        const row = compiled.rows.find((r) => (line.concept ? r.concept === line.concept : labelKey(r.label) === labelKey(line.label)));
        expect(row, `row for line ${line.id}`).toBeDefined();
        for (const cell of row!.cells) {
          const printers = printings.filter((p) => p.report.columns.some((c) => c.fiscalYear === cell.fiscalYear));
          const newest = printers[0];
          const column = newest.report.columns.findIndex((c) => c.fiscalYear === cell.fiscalYear);
          const printed = newest.line.values[column];
          expect(cell.value).toBe(printed === null ? null : new Decimal(printed).toFixed());
          expect(cell.source).toEqual({
            documentId: newest.report.documentId,
            extractionId: newest.report.extractionId,
            page: newest.line.page,
            provider: 'LAYOUT',
            verdict: null,
          });
          expect(cell.history.map((h) => h.extractionId)).toEqual(printers.map((p) => p.report.extractionId).reverse());
          const first = cell.history[0].value;
          expect(cell.restated).toBe(first !== cell.value);
        }
      }
    }
  });

  it.each(SEEDS)('never makes more rows than distinct concepts plus distinct unmatched labels (seed %i)', (seed) => {
    const { reports } = generateExtractions({ seed, years: 8, linesPerStatement: 60 });
    for (const type of ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'] as StatementType[]) {
      const lines = reports.filter((r) => r.statementType === type).flatMap((r) => r.lines);
      const concepts = new Set(lines.filter((l) => l.concept).map((l) => l.concept));
      const labels = new Set(lines.filter((l) => !l.concept).map((l) => labelKey(l.label)));
      const compiled = compileStatement(type, reports);
      expect(compiled.rows.length).toBeLessThanOrEqual(concepts.size + labels.size);
      // Two lines of one report never share a row: each cell has at most one figure per report.
      for (const row of compiled.rows) {
        for (const cell of row.cells) expect(new Set(cell.history.map((h) => h.extractionId)).size).toBe(cell.history.length);
      }
    }
  });

  it.each(SEEDS.slice(0, 10))('gives the same result when compiled twice or fed in another order (seed %i)', (seed) => {
    const { reports } = generateExtractions({ seed, years: 5, linesPerStatement: 30 });
    const once = compileStatements(reports);
    expect(compileStatements(reports)).toEqual(once);
    expect(compileStatements(shuffled(reports, seed))).toEqual(once);
    expect(JSON.parse(JSON.stringify(once))).toEqual(once);
  });
});

describe('units on generated extraction sets', () => {
  it.each(SEEDS.slice(0, 10))('a report printed in thousands instead of millions changes no figure and restates nothing (seed %i)', (seed) => {
    const { reports } = generateExtractions({ seed, years: 5, linesPerStatement: 30 });
    // Two of five reports of each type, so millions stays the most common unit.
    const inThousands = reports.map((r) =>
      r.documentId % 2 !== 0
        ? r
        : {
            ...r,
            unit: 'thousands' as const,
            lines: r.lines.map((l) => (l.perShare ? l : { ...l, values: l.values.map((v) => (v === null ? null : new Decimal(v).times(1000).toFixed())) })),
          },
    );
    expect(compileStatements(inThousands)).toEqual(compileStatements(reports));
  });
});

let nextId = 1;
function report(fiscalYear: number, lines: Partial<ReportLine>[], extra: Partial<ReportStatement> = {}): ReportStatement {
  const id = nextId++;
  return {
    extractionId: id,
    documentId: id,
    reportFiscalYear: fiscalYear,
    interim: false,
    provider: 'LAYOUT',
    verdict: null,
    statementType: 'INCOME_STATEMENT',
    currency: 'EUR',
    unit: 'millions',
    columns: [{ fiscalYear, periodMonths: 12 }, { fiscalYear: fiscalYear - 1, periodMonths: 12 }],
    lines: lines.map((l) => ({ label: 'x', concept: null, level: 0, isTotal: false, perShare: false, page: 5, values: [], ...l })),
    ...extra,
  };
}

describe('compiler cases', () => {
  it('never leaves a row unlabelled: its concept names it, else what it is', () => {
    const printed = report(2024, [
      { label: '', concept: 'revenue', values: ['120', '101'] },
      { label: 'Cost of sales', concept: 'cost_of_sales', values: ['-60', '-50'] },
      // No sum of the rows above it (60 / 51 would be, and be named gross profit: tests/compilation/unlabelled-totals.test.ts).
      { label: '  ', concept: null, isTotal: true, values: ['7', '5'] },
      { label: 'Net income', concept: 'net_income', isTotal: true, values: ['12', '10'] },
    ]);
    const rows = compileStatement('INCOME_STATEMENT', [printed]).rows;
    expect(rows.map((r) => [r.label, r.concept])).toEqual([
      ['Revenue', 'revenue'],
      ['Cost of sales', 'cost_of_sales'],
      ['Total (unlabelled)', null],
      ['Net income', 'net_income'],
    ]);
  });

  it('matches renamed lines by concept and by spelling, and places older-only rows after their neighbour', () => {
    const older = report(2023, [
      { label: 'Turnover', concept: 'revenue', values: ['100', '90'] },
      { label: 'Royalty income', values: ['3', '2'] },
      { label: 'Amortisation of intangibles', values: ['-5', '-4'] },
      { label: 'Net income', concept: 'net_income', values: ['10', '8'] },
    ]);
    const newer = report(2024, [
      { label: 'Revenue', concept: 'revenue', values: ['120', '101'] },
      { label: 'Amortization of intangibles', values: ['-6', '-5'] },
      { label: 'Net income', concept: 'net_income', values: ['12', '10'] },
    ]);
    const s = compileStatement('INCOME_STATEMENT', [older, newer]);
    expect(s.fiscalYears).toEqual([2024, 2023, 2022]);
    expect(s.rows.map((r) => r.label)).toEqual(['Revenue', 'Royalty income', 'Amortization of intangibles', 'Net income']);
    const revenue2023 = s.rows[0].cells.find((c) => c.fiscalYear === 2023)!;
    expect(revenue2023).toMatchObject({ value: '101', restated: true, source: { documentId: newer.documentId } });
    expect(revenue2023.history.map((h) => h.value)).toEqual(['100', '101']);
    expect(s.rows[2].cells.find((c) => c.fiscalYear === 2023)).toMatchObject({ value: '-5', restated: false });
    expect(s.gaps.rowsMissingYears).toEqual([{ concept: null, label: 'Royalty income', fiscalYears: [2024] }]);
  });

  it('never merges two lines of one report, nor opposites, nor lines with different concepts', () => {
    const older = report(2023, [
      { label: 'Other', values: ['1', '1'] },
      { label: 'Total current assets', values: ['5', '5'] },
      { label: 'Other', values: ['2', '2'] },
    ]);
    const newer = report(2024, [
      { label: 'Other', values: ['1', '1'] },
      { label: 'Total non-current assets', values: ['7', '7'] },
      { label: 'Other', values: ['2', '2'] },
      { label: 'Profit', concept: 'net_income', values: ['3', '3'] },
    ]);
    const s = compileStatement('INCOME_STATEMENT', [newer, older]);
    expect(s.rows.map((r) => r.label)).toEqual(['Other', 'Total current assets', 'Total non-current assets', 'Other', 'Profit']);
    expect(s.rows[0].cells.find((c) => c.fiscalYear === 2022)!.value).toBe('1');
    expect(s.rows[3].cells.find((c) => c.fiscalYear === 2022)!.value).toBe('2');
  });

  it('converts to the most common unit exactly, never scales per-share lines, and ignores rounding as a restatement', () => {
    const a = report(2022, [{ label: 'Revenue', concept: 'revenue', values: ['1234', '1100'] }, { label: 'EPS', concept: 'eps_basic', perShare: true, values: ['1.25', '1.1'] }], { unit: 'thousands' });
    const b = report(2023, [{ label: 'Revenue', concept: 'revenue', values: ['1.5', '1.2'] }, { label: 'EPS', concept: 'eps_basic', perShare: true, values: ['1.5', '1.25'] }]);
    const c = report(2024, [{ label: 'Revenue', concept: 'revenue', values: ['1.7', '1.6'] }, { label: 'EPS', concept: 'eps_basic', perShare: true, values: ['1.75', '1.5'] }]);
    const s = compileStatement('INCOME_STATEMENT', [a, b, c]);
    expect(s.unit).toBe('millions');
    const revenue = Object.fromEntries(s.rows[0].cells.map((cell) => [cell.fiscalYear, cell]));
    expect(revenue[2021].value).toBe('1.1');
    expect(revenue[2022]).toMatchObject({ value: '1.2', restated: false });
    expect(revenue[2022].history.map((h) => h.value)).toEqual(['1.234', '1.2']);
    expect(revenue[2023]).toMatchObject({ value: '1.6', restated: true });
    expect(s.rows[1].cells.map((cell) => cell.value)).toEqual(['1.75', '1.5', '1.25', '1.1']);
  });

  it('keeps a finer unit when the most common one would need more decimals than are stored', () => {
    const fine = report(2022, [{ label: 'Revenue', concept: 'revenue', values: ['1234.5', '1100'] }], { unit: 'thousands' });
    const b = report(2023, [{ label: 'Revenue', concept: 'revenue', values: ['1.5', '1.2'] }], { unit: 'billions' });
    const c = report(2024, [{ label: 'Revenue', concept: 'revenue', values: ['1.7', '1.6'] }], { unit: 'billions' });
    const s = compileStatement('INCOME_STATEMENT', [fine, b, c]);
    expect(s.unit).toBe('thousands');
    expect(s.rows[0].cells.map((cell) => cell.value)).toEqual(['1700000', '1600000', '1200000', '1100']);
  });

  it('reads the reported figures, not the adjusted measure printed beside them for the same period', () => {
    // A half-year statement in three columns per period, as XP Power prints it: adjusted, adjustments, total.
    const columns = [2025, 2024].flatMap((fiscalYear) =>
      ['Adjusted', 'Adjustments (see Note 5)', `Six months ended 30 June ${fiscalYear}`].map((label) => ({ label, fiscalYear, periodMonths: 6 })),
    );
    const interim = report(2025, [{ label: '(Loss)/profit for the period', concept: 'net_income', values: ['0.2', '-2.0', '-1.8', '5.9', '-3.7', '2.2'] }], {
      interim: true,
      columns,
    });
    const s = compileStatement('INCOME_STATEMENT', [interim], { includeInterim: true });
    expect(s.rows[0]!.cells.map((cell) => [cell.fiscalYear, cell.value])).toEqual([[2025, '-1.8'], [2024, '2.2']]);
    // With no reported column, an adjusted one is still better than nothing.
    const adjustedOnly = report(2025, [{ label: 'Underlying profit', concept: 'net_income', values: ['7', '6'] }], {
      columns: [{ label: 'Underlying 2025', fiscalYear: 2025, periodMonths: 12 }, { label: 'Underlying 2024', fiscalYear: 2024, periodMonths: 12 }],
    });
    expect(compileStatement('INCOME_STATEMENT', [adjustedOnly]).rows[0]!.cells.map((cell) => cell.value)).toEqual(['7', '6']);
  });

  it('reports a currency change instead of mixing silently, and leaves interim reports out unless asked', () => {
    const sek = report(2020, [{ label: 'Revenue', concept: 'revenue', values: ['50', '40'] }], { currency: 'SEK' });
    const eur = report(2023, [{ label: 'Revenue', concept: 'revenue', values: ['5', '4'] }]);
    const interim = report(2025, [{ label: 'Revenue', concept: 'revenue', values: ['3', '2'] }], {
      interim: true,
      columns: [{ fiscalYear: 2025, periodMonths: 6 }, { fiscalYear: 2024, periodMonths: 6 }],
    });
    const s = compileStatement('INCOME_STATEMENT', [sek, eur, interim]);
    expect(s.currency).toBe('EUR');
    expect(s.fiscalYears).toEqual([2023, 2022, 2020, 2019]);
    expect(s.gaps.missingFiscalYears).toEqual([2021]);
    expect(s.warnings).toMatchObject([{ code: 'CURRENCY_CHANGE', currency: 'SEK', fiscalYears: [2020, 2019] }]);
    const withInterim = compileStatement('INCOME_STATEMENT', [sek, eur, interim], { includeInterim: true });
    expect(withInterim.fiscalYears).toEqual([2025, 2024, 2023, 2022, 2020, 2019]);
  });

  it('checks the balance sheet, the cash-flow sections and net income across statements, with differences', () => {
    const bs = report(2024, [
      { label: 'Total assets', concept: 'total_assets', values: ['100', '90'] },
      { label: 'Total liabilities', concept: 'total_liabilities', values: ['60', '50'] },
      { label: 'Total equity', concept: 'total_equity', values: ['40', '39'] },
    ], { statementType: 'BALANCE_SHEET', columns: [{ fiscalYear: 2024, periodMonths: null }, { fiscalYear: 2023, periodMonths: null }] });
    const is = report(2024, [{ label: 'Net income', concept: 'net_income', values: ['10', '9'] }]);
    const cf = report(2024, [
      { label: 'Profit for the year', concept: 'net_income', values: ['10000', '8000'] },
      { label: 'Net cash from operating activities', concept: 'net_cash_from_operating', values: ['20', '10'] },
      { label: 'Net cash used in investing activities', concept: 'net_cash_from_investing', values: ['-5', '-5'] },
      { label: 'Net cash used in financing activities', concept: 'net_cash_from_financing', values: ['-10', '-4'] },
      { label: 'Effect of exchange rates', concept: 'effect_of_exchange_rates', values: ['0', '1'] },
      { label: 'Net increase in cash', concept: 'net_change_in_cash', values: ['5', '2'] },
    ], { statementType: 'CASH_FLOW_STATEMENT', unit: 'thousands' });
    const [income, balance, cashFlow] = compileStatements([bs, is, cf]);
    expect(balance.checks).toEqual([
      { name: 'assets = liabilities + equity', fiscalYear: 2024, expected: '100', actual: '100', difference: '0', passed: true },
      { name: 'assets = liabilities + equity', fiscalYear: 2023, expected: '90', actual: '89', difference: '-1', passed: false },
    ]);
    const sums = cashFlow.checks.filter((c) => c.name.startsWith('operating'));
    expect(sums.map((c) => [c.fiscalYear, c.passed])).toEqual([[2024, true], [2023, true]]);
    const agreement = income.checks.filter((c) => c.name.startsWith('net income'));
    expect(agreement.map((c) => [c.fiscalYear, c.difference])).toEqual([[2024, '0'], [2023, '-1']]);
  });
});
