// Statements from tagged facts on generated documents: which table is which statement, rows and labels as
// printed, the printed sign, columns from contexts, balances placed as opening or closing, lineage per value.
import { describe, expect, it } from 'vitest';
import { extractStatements, extractXbrlStatements, type ExtractedStatement } from '../../../src/extraction/index.js';
import { bytesOf, ixbrlDocument } from './make-ixbrl.js';

/** A fact in millions of euros; attributes in `extra` replace the defaults. */
const f = (name: string, context: string, text: string, extra = '') => {
  const given = new Map([...extra.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
  const all = new Map([['name', name], ['contextRef', context], ['unitRef', 'EUR'], ['decimals', '-6'], ['scale', '6'], ['format', 'ixt:num-dot-decimal'], ...given]);
  return `<ix:nonFraction ${[...all].map(([k, v]) => `${k}="${v}"`).join(' ')}>${text}</ix:nonFraction>`;
};
const row = (label: string, ...cells: string[]) => `<tr><td>${label}</td>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;

const incomeStatement = `
<p>Example SE</p><p>Consolidated income statement</p><p>(in millions of euros)</p>
<table>
  ${row('', '2024', '2023')}
  ${row('Revenue', f('ifrs-full:Revenue', 'FY2024', '1,200'), f('ifrs-full:Revenue', 'FY2023', '1,000'))}
  ${row('Cost of sales', `(${f('ifrs-full:CostOfSales', 'FY2024', '700')})`, `(${f('ifrs-full:CostOfSales', 'FY2023', '600')})`)}
  ${row('<span style="padding-left:10pt">Gross profit</span>', f('ifrs-full:GrossProfit', 'FY2024', '500'), f('ifrs-full:GrossProfit', 'FY2023', '400'))}
  ${row('Retail segment revenue', f('ifrs-full:Revenue', 'FY2024-segment', '300'), '')}
  ${row('Finance costs', `-${f('ifrs-full:FinanceCosts', 'FY2024', '20')}`, `-${f('ifrs-full:FinanceCosts', 'FY2023', '10')}`)}
  ${row('Loss on disposals', f('ex:LossOnDisposals', 'FY2024', '5', 'sign="-"'), f('ex:LossOnDisposals', 'FY2023', '0', 'format="ixt:fixed-zero"'))}
  ${row('Profit for the year', f('ifrs-full:ProfitLoss', 'FY2024', '475'), f('ifrs-full:ProfitLoss', 'FY2023', '390'))}
  ${row('Basic earnings per share (euros)', `<ix:nonFraction name="ifrs-full:BasicEarningsLossPerShare" contextRef="FY2024" unitRef="EURps" decimals="2" format="ixt:num-dot-decimal">4.75</ix:nonFraction>`, `<ix:nonFraction name="ifrs-full:BasicEarningsLossPerShare" contextRef="FY2023" unitRef="EURps" decimals="2" format="ixt:num-dot-decimal">3.90</ix:nonFraction>`)}
</table>`;

// The balance sheet is cut across two tables by a page break; a share-capital line carries a fact in its label.
const balanceSheet = `
<p>Consolidated balance sheet</p>
<table>
  ${row('Cash and cash equivalents', f('ifrs-full:CashAndCashEquivalents', 'I2024', '90'), f('ifrs-full:CashAndCashEquivalents', 'I2023', '80'))}
  ${row('Inventories', f('ifrs-full:Inventories', 'I2024', '210'), f('ifrs-full:Inventories', 'I2023', '120'))}
  ${row('Total assets', f('ifrs-full:Assets', 'I2024', '300'), f('ifrs-full:Assets', 'I2023', '200'))}
</table>
<div style="page-break-before:always"></div>
<table>
  ${row(`Share capital (${f('ifrs-full:NumberOfSharesIssued', 'I2024', '100', 'unitRef="shares" scale="0" decimals="0"')} shares)`, f('ifrs-full:IssuedCapital', 'I2024', '100'), f('ifrs-full:IssuedCapital', 'I2023', '100'))}
  ${row('Total equity', f('ifrs-full:Equity', 'I2024', '250'), f('ifrs-full:Equity', 'I2023', '150'))}
  ${row('Borrowings', f('ifrs-full:NoncurrentPortionOfNoncurrentBorrowings', 'I2024', '50'), f('ifrs-full:NoncurrentPortionOfNoncurrentBorrowings', 'I2023', '50'))}
  ${row('Total equity and liabilities', f('ifrs-full:EquityAndLiabilities', 'I2024', '300'), f('ifrs-full:EquityAndLiabilities', 'I2023', '200'))}
</table>`;

// The same instant (31 Dec 2023) closes 2023 and opens 2024: the row's reading decides.
const cashFlow = `
<p>Consolidated statement of cash flows</p>
<table>
  ${row('Profit for the year', f('ifrs-full:ProfitLoss', 'FY2024', '475'), f('ifrs-full:ProfitLoss', 'FY2023', '390'))}
  ${row('Net cash from operating activities', f('ifrs-full:CashFlowsFromUsedInOperatingActivities', 'FY2024', '60'), f('ifrs-full:CashFlowsFromUsedInOperatingActivities', 'FY2023', '30'))}
  ${row('Net cash used in investing activities', `(${f('ifrs-full:CashFlowsFromUsedInInvestingActivities', 'FY2024', '30', 'sign="-"')})`, `(${f('ifrs-full:CashFlowsFromUsedInInvestingActivities', 'FY2023', '10', 'sign="-"')})`)}
  ${row('Net cash used in financing activities', `(${f('ifrs-full:CashFlowsFromUsedInFinancingActivities', 'FY2024', '20', 'sign="-"')})`, `(${f('ifrs-full:CashFlowsFromUsedInFinancingActivities', 'FY2023', '10', 'sign="-"')})`)}
  ${row('Net increase in cash', f('ifrs-full:IncreaseDecreaseInCashAndCashEquivalents', 'FY2024', '10'), f('ifrs-full:IncreaseDecreaseInCashAndCashEquivalents', 'FY2023', '10'))}
  ${row('Cash at 1 January', f('ifrs-full:CashAndCashEquivalents', 'I2023', '80'), f('ifrs-full:CashAndCashEquivalents', 'I2022', '70'))}
  ${row('Cash at 31 December', f('ifrs-full:CashAndCashEquivalents', 'I2024', '90'), f('ifrs-full:CashAndCashEquivalents', 'I2023', '80'))}
</table>`;

const I2022 = `<xbrli:context id="I2022"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:instant>2022-12-31</xbrli:instant></xbrli:period></xbrli:context>
  <xbrli:unit id="shares"><xbrli:measure>xbrli:shares</xbrli:measure></xbrli:unit>`;

async function statements(body: string): Promise<ExtractedStatement[]> {
  const output = await extractXbrlStatements(bytesOf(ixbrlDocument({ body, resources: I2022 })), { fileName: 'example.xhtml' });
  expect(output.provider).toBe('xbrl');
  return output.statements;
}
const valuesOf = (s: ExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label)?.values;

describe('statements from the HTML tables the facts are printed in', () => {
  it('takes each statement from its table, whatever order they come in', async () => {
    const found = await statements(cashFlow + balanceSheet + incomeStatement);
    expect(found.map((s) => [s.type, s.title])).toEqual([
      ['INCOME_STATEMENT', 'Consolidated income statement'],
      ['BALANCE_SHEET', 'Consolidated balance sheet'],
      ['CASH_FLOW_STATEMENT', 'Consolidated statement of cash flows'],
    ]);
  });

  it('reads rows and labels as printed, values exact in units with the printed sign, dimensions and label facts left out', async () => {
    const [is] = await statements(incomeStatement);
    expect(is.unit).toBe('units');
    expect(is.currency).toBe('EUR');
    expect(is.columns).toEqual([
      { label: '12 months ended 2024-12-31', fiscalYear: 2024, periodEnd: '2024-12-31', periodMonths: 12, kind: 'reported' },
      { label: '12 months ended 2023-12-31', fiscalYear: 2023, periodEnd: '2023-12-31', periodMonths: 12, kind: 'reported' },
    ]);
    expect(is.lineItems.map((l) => [l.label, l.concept, l.values])).toEqual([
      ['Revenue', 'revenue', ['1200000000', '1000000000']],
      ['Cost of sales', 'cost_of_sales', ['-700000000', '-600000000']],
      ['Gross profit', 'gross_profit', ['500000000', '400000000']],
      ['Finance costs', 'finance_costs', ['-20000000', '-10000000']],
      // tagged negative (sign="-") but printed without parentheses: printed sign; a printed dash is a zero fact
      ['Loss on disposals', null, ['5000000', '0']],
      ['Profit for the year', 'net_income', ['475000000', '390000000']],
      ['Basic earnings per share (euros)', 'eps_basic', ['4.75', '3.9']],
    ]);
    expect(is.lineItems.find((l) => l.concept === 'eps_basic')!.perShare).toBe(true);
    expect(is.lineItems.find((l) => l.concept === 'gross_profit')!.level).toBe(1);
    expect(is.checks).toContainEqual(expect.objectContaining({ name: 'gross profit = revenue - cost of sales', passed: true }));
    expect(is.lineItems[0].facts).toEqual([
      { id: null, concept: 'ifrs-full:Revenue', contextRef: 'FY2024', position: expect.any(Number) },
      { id: null, concept: 'ifrs-full:Revenue', contextRef: 'FY2023', position: expect.any(Number) },
    ]);
  });

  it('follows a statement cut by a page break into the next table, and counts the printed pages', async () => {
    const [bs] = await statements(balanceSheet);
    expect(bs.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2024-12-31', null],
      ['2023-12-31', null],
    ]);
    expect(bs.lineItems.map((l) => l.label)).toEqual(['Cash and cash equivalents', 'Inventories', 'Total assets', 'Share capital (100 shares)', 'Total equity', 'Borrowings', 'Total equity and liabilities']);
    expect(valuesOf(bs, 'Share capital (100 shares)')).toEqual(['100000000', '100000000']);
    expect(bs.pages).toEqual([1, 2]);
    expect(bs.checks.filter((c) => c.name === 'assets = liabilities and equity').map((c) => c.passed)).toEqual([true, true]);
  });

  it('places a balance as opening or closing by its row: the same date is both', async () => {
    const [cf] = await statements(cashFlow);
    expect(cf.lineItems.find((l) => l.concept === 'cash_at_beginning')!.values).toEqual(['80000000', '70000000']);
    expect(cf.lineItems.find((l) => l.concept === 'cash_at_end')!.values).toEqual(['90000000', '80000000']);
    expect(valuesOf(cf, 'Net cash used in investing activities')).toEqual(['-30000000', '-10000000']);
    expect(cf.checks.filter((c) => !c.passed)).toEqual([]);
  });

  it('joins the quarter and the year to date printed as two tables of one statement', async () => {
    const quarter = `<xbrli:context id="Q4"><xbrli:entity><xbrli:identifier scheme="http://standards.iso.org/iso/17442">529900T8BM49AURSDO55</xbrli:identifier></xbrli:entity><xbrli:period><xbrli:startDate>2024-10-01</xbrli:startDate><xbrli:endDate>2024-12-31</xbrli:endDate></xbrli:period></xbrli:context>`;
    const table = (context: string, revenue: string, profit: string) => `<p>Consolidated income statement</p><table>
      ${row('Revenue', f('ifrs-full:Revenue', context, revenue))}${row('Operating profit', f('ifrs-full:ProfitLossFromOperatingActivities', context, '1'))}
      ${row('Profit for the period', f('ifrs-full:ProfitLoss', context, profit))}</table>`;
    const doc = ixbrlDocument({ body: table('Q4', '300', '90') + table('FY2024', '1,200', '475'), resources: quarter });
    const [is] = (await extractXbrlStatements(bytesOf(doc))).statements;
    expect(is.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2024-12-31', 3],
      ['2024-12-31', 12],
    ]);
    expect(is.lineItems.map((l) => [l.label, l.values])).toEqual([
      ['Revenue', ['300000000', '1200000000']],
      ['Operating profit', ['1000000', '1000000']],
      ['Profit for the period', ['90000000', '475000000']],
    ]);
  });

  it('reads a layout of one table per line, and a PDF-converted layout of positioned boxes', async () => {
    const perLine = `<p>Balance sheet</p>` +
      `<table>${row('Total assets', f('ifrs-full:Assets', 'I2024', '300'), f('ifrs-full:Assets', 'I2023', '200'))}</table><p>EQUITY</p>` +
      `<table>${row('Total equity', f('ifrs-full:Equity', 'I2024', '300'), f('ifrs-full:Equity', 'I2023', '200'))}</table>`;
    const [bs] = await statements(perLine);
    expect(bs.lineItems.map((l) => [l.concept, l.values])).toEqual([
      ['total_assets', ['300000000', '200000000']],
      ['total_equity', ['300000000', '200000000']],
    ]);
    const box = (top: number, left: number, content: string) => `<div style="position:absolute;top:${top}pt;left:${left}pt">${content}</div>`;
    const positioned = `<div class="page">${box(40, 50, 'BALANCE SHEET')}` +
      `${box(100, 50, 'Total assets')}${box(100.5, 300, f('ifrs-full:Assets', 'I2024', '300'))}${box(100, 400, f('ifrs-full:Assets', 'I2023', '200'))}` +
      `${box(120, 50, 'Total equity')}${box(120, 300, f('ifrs-full:Equity', 'I2024', '300'))}${box(120, 400, `(${f('ifrs-full:Equity', 'I2023', '200')})`)}</div>`;
    const [fromBoxes] = await statements(positioned);
    expect(fromBoxes.title).toBe('BALANCE SHEET');
    expect(fromBoxes.lineItems.map((l) => [l.label, l.values])).toEqual([
      ['Total assets', ['300000000', '200000000']],
      ['Total equity', ['300000000', '-200000000']],
    ]);
  });

  it('reads lines a PDF-to-HTML converter placed by stylesheet classes, label and figures in one element', async () => {
    const line = (y: string, label: string, ...figures: string[]) => `<div class="t x0 ${y}">${label}<span class="_ _1"> </span>${figures.join('<span class="_ _2"> </span>')}</div>`;
    const page = `<style>.x0{left:40px}.y0{bottom:700px}.y1{bottom:600px}.y2{bottom:580.2px}</style>
      <div class="pf"><div class="pc">${line('y0', 'Statement of financial position')}
      ${line('y2', 'Total equity', f('ifrs-full:Equity', 'I2024', '250'), `(${f('ifrs-full:Equity', 'I2023', '150')})`)}
      ${line('y1', 'Total assets', f('ifrs-full:Assets', 'I2024', '300'), f('ifrs-full:Assets', 'I2023', '200'))}</div></div>`;
    const [bs] = await statements(page);
    expect(bs.title).toBe('Statement of financial position');
    expect(bs.lineItems.map((l) => [l.label, l.values])).toEqual([
      ['Total assets', ['300000000', '200000000']],
      ['Total equity', ['250000000', '-150000000']],
    ]);
  });

  it('extractStatements sends inline XBRL to the xbrl provider by content, and refuses a PDF provider for it', async () => {
    const bytes = bytesOf(ixbrlDocument({ body: incomeStatement }));
    expect((await extractStatements(bytes)).provider).toBe('xbrl');
    await expect(extractStatements(bytes, { extractor: { name: 'layout', extract: async () => [] } })).rejects.toMatchObject({ reason: 'NOT_PDF' });
  });
});
