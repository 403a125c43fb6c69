import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { makePdf, row, statementTexts, type StatementSpec } from './helpers/make-pdf.js';

const extract = async (...pages: StatementSpec[][]) =>
  extractStatements(await makePdf(pages.map((specs) => ({ texts: specs.flatMap(statementTexts) }))));
const statementOf = (out: { statements: ExtractedStatement[] }, type: StatementType) => {
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};

const balanceRows = (scale = 1) => [
  row('Property, plant and equipment', `${61 * scale}`, `${64 * scale}`),
  row('Inventories', `${59 * scale}`, `${71 * scale}`),
  row('Cash and cash equivalents', `${17 * scale}`, `${13 * scale}`),
  row('Total assets', `${137 * scale}`, `${148 * scale}`),
  row('Total liabilities', `${57 * scale}`, `${67 * scale}`),
  row('Total equity', `${80 * scale}`, `${81 * scale}`),
];

describe('statement location', () => {
  it('prefers the current statements over prior-year comparatives appended later', async () => {
    const current = { title: 'Consolidated Balance Sheets', columnsX: [430, 520], headers: [['2021', '2020']], rows: balanceRows() };
    const prior = { title: 'Consolidated Balance Sheets', columnsX: [430, 520], headers: [['2020', '2019']], rows: balanceRows(2) };
    const out = await extract([prior], [current]);
    expect(statementOf(out, 'BALANCE_SHEET').pages).toEqual([2]);
  });

  it('does not take a segment table for the income statement', async () => {
    const segment = {
      title: 'Segment information',
      columnsX: [430, 520],
      headers: [['2021', '2020']],
      rows: [row('Revenue', '900', '800'), row('Operating profit', '90', '80'), row('Profit before tax', '85', '70'), row('Total assets', '1,000', '900')],
    };
    const statement = {
      title: 'Consolidated income statement',
      columnsX: [430, 520],
      headers: [['2021', '2020']],
      rows: [row('Revenue', '1,900', '1,800'), row('Cost of sales', '(900)', '(800)'), row('Gross profit', '1,000', '1,000'), row('Operating profit', '190', '180'), row('Profit before tax', '185', '170'), row('Income tax expense', '(40)', '(35)'), row('Profit for the year', '145', '135')],
    };
    const out = await extract([statement], [segment]);
    expect(statementOf(out, 'INCOME_STATEMENT').pages).toEqual([1]);
    expect(statementOf(out, 'INCOME_STATEMENT').lineItems[0].values).toEqual(['1900', '1800']);
  });

  it.each([
    'Consolidated statement of financial position (continued)',
    'Consolidated statement of financial position – equity and liabilities',
  ])('joins a balance sheet continued on the next page under "%s"', async (secondTitle) => {
    const assets = {
      title: 'Consolidated statement of financial position',
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Property, plant and equipment', '61', '64'), row('Inventories', '59', '71'), row('Cash and cash equivalents', '17', '13'), row('Total assets', '137', '148')],
    };
    const liabilities = {
      title: secondTitle,
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Share capital', '50', '50'), row('Retained earnings', '30', '31'), row('Total equity', '80', '81'), row('Borrowings', '57', '67'), row('Total liabilities', '57', '67'), row('Total equity and liabilities', '137', '148')],
    };
    const s = statementOf(await extract([assets], [liabilities]), 'BALANCE_SHEET');
    expect(s.pages).toEqual([1, 2]);
    expect(s.lineItems.map((l) => l.label)).not.toContain('');
    expect(s.lineItems.find((l) => l.concept === 'total_liabilities_and_equity')?.page).toBe(2);
    expect(s.checks.find((c) => c.name === 'assets = liabilities and equity')?.passed).toBe(true);
  });

  it('reads dot-grouped integers of a German TEUR table as thousands, not decimals', async () => {
    const out = await extract([
      {
        title: 'Konzernbilanz',
        subtitles: ['in TEUR'],
        columnsX: [430, 520],
        headers: [['31.12.2024', '31.12.2023']],
        rows: [row('Sachanlagen', '1.234', '1.100'), row('Vorräte', '12.345', '11.002'), row('Bilanzsumme', '13.579', '12.102')],
      },
    ]);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.unit).toBe('thousands');
    expect(s.currency).toBe('EUR');
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2024-12-31', '2023-12-31']);
    expect(s.lineItems[0].values).toEqual(['1234', '1100']);
  });

  it('reads quarter and year-to-date columns of an interim report', async () => {
    const out = await extract([
      {
        title: 'Koncernens resultaträkning i sammandrag',
        subtitles: ['MSEK'],
        columnsX: [330, 400, 470, 540],
        headers: [['Okt-dec', 'Okt-dec', 'Jan-dec', 'Jan-dec'], ['2024', '2023', '2024', '2023']],
        rows: [row('Nettoomsättning', '1 200', '1 100', '4 800', '4 400'), row('Rörelseresultat', '120', '110', '480', '440'), row('Resultat före skatt', '100', '90', '400', '380'), row('Periodens resultat', '80', '70', '320', '300')],
      },
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2024-12-31', 3],
      ['2023-12-31', 3],
      ['2024-12-31', 12],
      ['2023-12-31', 12],
    ]);
    expect(s.lineItems.map((l) => l.concept)).toEqual(['revenue', 'operating_profit', 'profit_before_tax', 'net_income']);
  });

  it('carries a cash-flow statement onto the next page when that page continues it without a title', async () => {
    const out = await extract(
      [
        {
          title: 'Consolidated statement of cash flows',
          columnsX: [430, 520],
          headers: [['2024', '2023']],
          rows: [row('Profit for the year', '80', '70'), row('Depreciation and amortisation', '20', '18'), row('Net cash from operating activities', '100', '88'), row('Purchase of property, plant and equipment', '(30)', '(25)'), row('Net cash used in investing activities', '(30)', '(25)')],
        },
      ],
      [
        {
          columnsX: [430, 520],
          rows: [row('Dividends paid', '(20)', '(20)'), row('Net cash used in financing activities', '(20)', '(20)'), row('Net increase in cash and cash equivalents', '50', '43'), row('Cash and cash equivalents at beginning of year', '100', '57'), row('Cash and cash equivalents at end of year', '150', '100')],
        },
        { title: 'Notes to the consolidated financial statements', top: 600, rows: [] },
      ],
    );
    const s = statementOf(out, 'CASH_FLOW_STATEMENT');
    expect(s.pages).toEqual([1, 2]);
    expect(s.lineItems.find((l) => l.concept === 'cash_at_end')?.values).toEqual(['150', '100']);
    expect(s.checks.length).toBeGreaterThan(0);
    expect(s.checks.every((c) => c.passed)).toBe(true);
  });

  it('does not take a narrative table introduced by prose that names the statement', async () => {
    const rows = [row('Revenue', '3,208,323', '2,364,681'), row('Cost of revenue', '1,649,532', '1,447,516'), row('Loss from operations', '(1,082,432)', '(1,808,382)'), row('Loss before income taxes', '(998,134)', '(1,797,391)'), row('Net loss', '(1,009,359)', '(1,752,857)')];
    const narrative = { title: 'The following table summarizes our consolidated statements of operations data', columnsX: [430, 520], headers: [['2021', '2020']], rows };
    const statement = { title: 'Consolidated Statements of Operations', columnsX: [430, 520], headers: [['2021', '2020']], rows };
    const out = await extract([narrative], [statement]);
    expect(statementOf(out, 'INCOME_STATEMENT').pages).toEqual([2]);
  });

  it('reads a title broken over two lines', async () => {
    const balance = { title: 'CONSOLIDATED BALANCE SHEET', columnsX: [430, 520], headers: [['2024', '2023']], rows: balanceRows() };
    const income = {
      title: 'CONSOLIDATED STATEMENT OF',
      subtitles: ['COMPREHENSIVE INCOME'],
      top: 500,
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Revenue', '1,900', '1,800'), row('Operating profit', '190', '180'), row('Profit before tax', '185', '170'), row('Profit for the year', '145', '135')],
    };
    const out = await extract([balance, income]);
    expect(statementOf(out, 'INCOME_STATEMENT').title).toBe('CONSOLIDATED STATEMENT OF COMPREHENSIVE INCOME');
    expect(statementOf(out, 'BALANCE_SHEET').lineItems.map((l) => l.label)).not.toContain('Revenue');
  });

  it('finds a balance sheet whose title is not in the text layer by its vocabulary', async () => {
    const narrative = { title: 'Chief Executive review', subtitles: ['Revenue grew strongly in the year and cash generation remained good.'], rows: [] };
    const untitled = { columnsX: [430, 520], headers: [['2024', '2023']], rows: [row('Goodwill', '71.9', '73.2'), row('Intangible assets', '59.1', '63.5'), row('Property, plant and equipment', '61.7', '64.4'), row('Inventories', '59.5', '71.1'), row('Trade receivables', '32.7', '30.2'), row('Cash and cash equivalents', '17.6', '13.9'), row('Total assets', '302.5', '316.3'), row('Trade and other payables', '40.4', '40.8'), row('Total liabilities', '120.0', '130.0'), row('Share capital', '110.8', '71.2'), row('Retained earnings', '71.7', '115.1'), row('Total equity', '182.5', '186.3')] };
    const out = await extract([narrative], [untitled]);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.pages).toEqual([2]);
    expect(s.title).toBe('');
    expect(s.checks.find((c) => c.name === 'assets = liabilities + equity')?.passed).toBe(true);
  });
});
