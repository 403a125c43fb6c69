// Interim statements as 10-Qs print them: the quarter and the year to date as two same-titled tables on facing
// pages (one statement), a "Percent to Sales" column beside each period (no period of its own), and cash-flow
// section headings written "Cash flows – operating activities:" (not titles). Generated PDFs, then held-out filings.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { isRatioColumn } from '../../src/extraction/layout/ratio-columns.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { makePdf, row, statementTexts, type TextSpec } from './helpers/make-pdf.js';

const periods = (s: ExtractedStatement) => s.columns.map((c) => `${c.periodEnd}/${c.periodMonths}`);
const find = async (pages: TextSpec[][], type: StatementType) => {
  const s = (await extractStatements(await makePdf(pages.map((texts) => ({ texts }))))).statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};

/** An income statement page of one interim length, two years, with a ratio column beside each when asked. */
function earningsPage(length: string, figures: [string, string][], ratios = false): TextSpec[] {
  const labels = ['Sales to customers', 'Cost of products sold', 'Gross profit', 'Selling and administrative expenses', 'Earnings before provision for taxes on income', 'Provision for taxes on income', 'Net earnings', 'Net earnings per share — basic'];
  const columnsX = ratios ? [330, 400, 470, 540] : [400, 520];
  const texts: TextSpec[] = [
    { text: 'Consolidated Statements of Earnings', x: 50, y: 800, size: 14 },
    { text: '(Dollars in Millions)', x: 50, y: 782 },
    { text: length, x: ratios ? 380 : 410, y: 766 },
    ...(ratios ? ['June 29,', 'Percent', 'June 30,', 'Percent'] : ['June 29,', 'June 30,']).map((text, i) => ({ text, x: columnsX[i], y: 754, alignRight: true })),
    ...(ratios ? ['2025', 'to Sales', '2024', 'to Sales'] : ['2025', '2024']).map((text, i) => ({ text, x: columnsX[i], y: 744, alignRight: true })),
  ];
  const rows = labels.map((label, i) => {
    const [a, b] = figures[i];
    return ratios ? row(label, a, i === 7 ? '' : '50.0', b, i === 7 ? '' : '48.0') : row(label, a, b);
  });
  return [...texts, ...statementTexts({ top: 726, columnsX, rows })];
}
const quarter: [string, string][] = [['23,743', '22,447'], ['7,901', '6,921'], ['15,842', '15,526'], ['6,108', '5,901'], ['6,491', '5,748'], ['954', '1,062'], ['5,537', '4,686'], ['2.30', '1.95']];
const sixMonths: [string, string][] = [['45,636', '43,830'], ['14,985', '13,380'], ['30,651', '30,450'], ['11,001', '10,938'], ['20,122', '9,462'], ['3,586', '1,521'], ['16,536', '7,941'], ['6.87', '3.30']];

describe('interim tables on generated pages', () => {
  it('joins a quarter table and the next page\'s six-month table of the same title into one statement', async () => {
    const s = await find([earningsPage('Fiscal Second Quarter Ended', quarter), earningsPage('Fiscal Six Months Ended', sixMonths)], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-29/3', '2024-06-30/3', '2025-06-29/6', '2024-06-30/6']);
    expect(s.pages).toEqual([1, 2]);
    expect(s.columns.map((c) => c.label)).toEqual(['June 29, 2025 (3 months)', 'June 30, 2024 (3 months)', 'June 29, 2025 (6 months)', 'June 30, 2024 (6 months)']);
    expect(s.lineItems.find((l) => l.label === 'Net earnings')?.values).toEqual(['5537', '4686', '16536', '7941']);
  });

  it('keeps a same-titled table of the same periods apart (a second set, not another length)', async () => {
    const s = await find([earningsPage('Fiscal Second Quarter Ended', quarter), earningsPage('Fiscal Second Quarter Ended', sixMonths)], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-29/3', '2024-06-30/3']);
  });

  it('drops "Percent to Sales" columns: they report no period', async () => {
    const s = await find([earningsPage('Fiscal Second Quarter Ended', quarter, true)], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-29/3', '2024-06-30/3']);
    expect(s.lineItems.find((l) => l.label === 'Gross profit')?.values).toEqual(['15842', '15526']);
    expect(['Percent to Sales', '% of revenue', 'in %', '%'].every(isRatioColumn)).toBe(true);
    expect(['2024', 'Percent 2024', 'Change'].some(isRatioColumn)).toBe(false);
  });

  it('reads "Cash flows – operating activities:" as a section of the statement, not its title', async () => {
    const texts: TextSpec[] = [
      { text: 'Condensed Consolidated Statements of Cash Flows', x: 150, y: 800, size: 12 },
      { text: 'Six months ended June 30', x: 440, y: 782 },
      ...['2025', '2024'].map((text, i) => ({ text, x: 480 + i * 80, y: 770, alignRight: true })),
      ...statementTexts({
        top: 752,
        columnsX: [480, 560],
        rows: [
          row('Cash flows – operating activities:'),
          row('Net loss', '(643)', '(1,794)'),
          row('Depreciation and amortization', '926', '883'),
          row('Net cash used by operating activities', '283', '(911)'),
          row('Cash flows – investing activities:'),
          row('Payments to acquire property, plant and equipment', '(1,101)', '(971)'),
          row('Net cash used by investing activities', '(1,101)', '(971)'),
          row('Cash flows – financing activities:'),
          row('New borrowings', '98', '10,089'),
          row('Net cash (used)/provided by financing activities', '98', '10,089'),
          row('Net (decrease)/increase in cash', '(720)', '8,207'),
          row('Cash at beginning of year', '13,822', '12,713'),
          row('Cash at end of period', '13,102', '20,920'),
        ],
      }),
    ];
    const s = await find([texts], 'CASH_FLOW_STATEMENT');
    expect(s.title).toBe('Condensed Consolidated Statements of Cash Flows');
    expect(periods(s)).toEqual(['2025-06-30/6', '2024-06-30/6']);
    expect(s.lineItems.map((l) => l.label)).toContain('New borrowings');
  });
});

describe.skipIf(!filingsPresent)('interim tables on held-out filings', () => {
  it('10-Q: quarter and six-month statements of earnings on facing pages, with ratio columns, are one statement', async () => {
    const s = await filingStatement('sec-corpus/jnj-10-q-2025-07-24.pdf', [12, 13], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-29/3', '2024-06-30/3', '2025-06-29/6', '2024-06-30/6']);
    expect(s.lineItems.find((l) => l.label === 'Net earnings')?.values).toEqual(['5537', '4686', '16536', '7941']);
  });

  it('10-Q cash-flow statement whose sections read "Cash flows – operating activities:"', async () => {
    const s = await filingStatement('sec-corpus/ba-10-q-2025-07-29.pdf', [8], 'CASH_FLOW_STATEMENT');
    expect(s.title).toBe('Condensed Consolidated Statements of Cash Flows');
    expect(periods(s)).toEqual(['2025-06-30/6', '2024-06-30/6']);
    expect(s.lineItems.find((l) => l.label === 'Net cash used by operating activities')?.values).toEqual(['-1389', '-7285']);
  });
});
