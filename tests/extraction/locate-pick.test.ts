// Location, pick and verdict on generated reports: each phenomenon of real filings built as a small PDF.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type Explanation, type StatementType } from '../../src/extraction/index.js';
import { dropRunningLines, type Line } from '../../src/extraction/layout/lines.js';
import { matchTitle } from '../../src/extraction/locate.js';
import { makePdf, row, statementTexts, type PageSpec, type RowSpec, type StatementSpec, type TextSpec } from './helpers/make-pdf.js';

const page = (...specs: StatementSpec[]): PageSpec => ({ texts: specs.flatMap(statementTexts) });
async function extract(pages: PageSpec[]) {
  let explanation: Explanation = [];
  const out = await extractStatements(await makePdf(pages), { onExplain: (e) => (explanation = e) });
  return { ...out, explanation };
}
const statementOf = (out: { statements: ExtractedStatement[] }, type: StatementType) => {
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};

const balanceRows = (scale = 1, total = 137): RowSpec[] => [
    row('Property, plant and equipment', `${61 * scale}`, `${64 * scale}`),
    row('Inventories', `${59 * scale}`, `${71 * scale}`),
    row('Cash and cash equivalents', `${17 * scale}`, `${13 * scale}`),
    row('Total assets', `${total * scale}`, `${148 * scale}`),
    row('Share capital', `${50 * scale}`, `${50 * scale}`),
    row('Retained earnings', `${30 * scale}`, `${31 * scale}`),
    row('Total equity', `${80 * scale}`, `${81 * scale}`),
    row('Borrowings', `${57 * scale}`, `${67 * scale}`),
    row('Total liabilities', `${57 * scale}`, `${67 * scale}`),
    row('Total equity and liabilities', `${137 * scale}`, `${148 * scale}`),
];
const balance = (title: string, scale = 1, total = 137): StatementSpec => ({ title, columnsX: [430, 520], headers: [['2024', '2023']], rows: balanceRows(scale, total) });

const cashFlowRows = [
  row('Profit for the year', '80', '70'),
  row('Depreciation and amortisation', '20', '18'),
  row('Net cash from operating activities', '100', '88'),
  row('Purchase of property, plant and equipment', '(30)', '(25)'),
  row('Net cash used in investing activities', '(30)', '(25)'),
  row('Dividends paid', '(20)', '(20)'),
  row('Net cash used in financing activities', '(20)', '(20)'),
  row('Net increase in cash and cash equivalents', '50', '43'),
  row('Cash and cash equivalents at beginning of year', '100', '57'),
  row('Cash and cash equivalents at end of year', '150', '100'),
];

const prose = (y: number): TextSpec[] =>
  Array.from({ length: 12 }, (_, i) => ({
    text: 'Revenue grew strongly in the year and our cash generation remained good across all of the markets we serve today.',
    x: 50,
    y: y - 14 * i,
  }));

describe('statement location on generated reports', () => {
  it('takes the full statement over a condensed one with the same vocabulary earlier in the management report', async () => {
    const condensed = {
      title: 'Condensed consolidated statement of cash flows',
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Net cash from operating activities', '100', '88'), row('Net cash used in investing activities', '(30)', '(25)'), row('Net cash used in financing activities', '(20)', '(20)'), row('Net increase in cash and cash equivalents', '50', '43')],
    };
    const full = { title: 'Consolidated statement of cash flows', columnsX: [430, 520], headers: [['2024', '2023']], rows: cashFlowRows };
    const out = await extract([{ texts: [...statementTexts(condensed), ...prose(600)] }, page(full)]);
    const s = statementOf(out, 'CASH_FLOW_STATEMENT');
    expect(s.pages).toEqual([2]);
    expect(s.verdict).toBe('verified');
  });

  it('picks by the numbers between two equally placed candidates: the one whose totals add up', async () => {
    // Same title, same lines, same location score: only the arithmetic tells the statement from the trap.
    const trap = balance('Consolidated balance sheet', 1, 140);
    const out = await extract([page(trap), page(balance('Consolidated balance sheet'))]);
    expect(statementOf(out, 'BALANCE_SHEET').pages).toEqual([2]);
    const why = out.explanation.find((e) => e.type === 'BALANCE_SHEET')!;
    expect(why.candidates.map((c) => c.pages)).toEqual(expect.arrayContaining([[1], [2]]));
    expect(why.candidates.find((c) => c.pages[0] === 1)!.checkTerms.some((t) => t.term === 'checkFails')).toBe(true);
  });

  it('joins a statement whose second page repeats the column headers but not the title', async () => {
    const first = { title: 'Consolidated statement of financial position', columnsX: [430, 520], headers: [['2024', '2023']], rows: balanceRows(1000).slice(0, 4) };
    const second = { columnsX: [430, 520], headers: [['2024', '2023']], rows: [row('Liabilities and equity', '', ''), ...balanceRows(1000).slice(4)] };
    const s = statementOf(await extract([page(first), page(second)]), 'BALANCE_SHEET');
    expect(s.pages).toEqual([1, 2]);
    expect(s.checks.find((c) => c.name === 'assets = liabilities and equity')?.passed).toBe(true);
  });

  it('reads two statements printed on one page as two statements', async () => {
    const income = {
      title: 'Consolidated income statement',
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Revenue', '1,900', '1,800'), row('Cost of sales', '(900)', '(800)'), row('Gross profit', '1,000', '1,000'), row('Operating expenses', '(810)', '(820)'), row('Operating profit', '190', '180'), row('Income tax expense', '(40)', '(35)'), row('Profit for the year', '150', '145')],
    };
    const oci = {
      title: 'Consolidated statement of comprehensive income',
      top: 600,
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [row('Profit for the year', '150', '145'), row('Exchange differences on translation', '(12)', '8'), row('Total comprehensive income for the year', '138', '153')],
    };
    const s = statementOf(await extract([page(income, oci), page(balance('Consolidated balance sheet'))]), 'INCOME_STATEMENT');
    expect(s.title).toBe('Consolidated income statement');
    expect(s.lineItems.map((l) => l.label)).not.toContain('Exchange differences on translation');
    expect(s.lineItems.at(-1)?.values).toEqual(['150', '145']);
  });

  it('takes the current statement when the prior year\'s follows it', async () => {
    const current = balance('Consolidated balance sheet');
    const prior = { ...balance('Consolidated balance sheet', 2), headers: [['2023', '2022']] };
    const out = await extract([page(current), page(prior)]);
    expect(statementOf(out, 'BALANCE_SHEET').pages).toEqual([1]);
    const terms = out.explanation.find((e) => e.type === 'BALANCE_SHEET')!.candidates.find((c) => c.pages[0] === 2)?.terms;
    expect(terms?.map((t) => t.term)).toContain('priorYear');
  });

  it.each([
    ['consolidated first', ['Consolidated balance sheet', 'Parent company balance sheet'], [1]],
    ['parent company first', ['Parent company balance sheet', 'Consolidated balance sheet'], [2]],
  ])('prefers the consolidated statements over the parent company\'s (%s)', async (_, titles, pages) => {
    const out = await extract([page(balance(titles[0])), page(balance(titles[1], 3))]);
    expect(statementOf(out, 'BALANCE_SHEET').pages).toEqual(pages);
  });

  it('never lets a title in prose swallow the narrative pages after it', async () => {
    const narrativeTitle: TextSpec = { text: 'Consolidated statement of financial position highlights', x: 50, y: 780, size: 12 };
    const narrative = (withTitle: boolean): PageSpec => ({ texts: [...(withTitle ? [narrativeTitle] : []), ...prose(760)] });
    const out = await extract([narrative(true), narrative(false), narrative(false), narrative(false), page(balance('Balance sheet'))]);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.pages).toEqual([5]);
    const candidates = out.explanation.flatMap((e) => e.candidates);
    expect(Math.max(...candidates.map((c) => c.pages.length))).toBeLessThanOrEqual(3);
  });

  it('drops running headers and footers that carry the page number', async () => {
    const header = (n: number): TextSpec[] => [
      { text: `Annual Report 2024 | Example Group | ${n}`, x: 50, y: 820 },
      { text: `Page ${n}`, x: 500, y: 20 },
    ];
    const pages: PageSpec[] = [1, 2, 3, 4].map((n) => ({ texts: [...header(n), ...(n === 3 ? statementTexts({ ...balance('Balance sheet'), top: 760 }) : prose(760))] }));
    const out = await extract(pages);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.pages).toEqual([3]);
    expect(s.lineItems.map((l) => l.label).join(' ')).not.toMatch(/Annual Report/);
  });
});

describe('statement titles', () => {
  const line = (text: string): Line => ({ page: 1, y: 700, fontSize: 10, phrases: [{ text, x0: 50, x1: 300, fontSize: 10 }], text });
  it.each([
    ['a. Consolidated statement of financial position', 'BALANCE_SHEET'],
    ['(1) Consolidated statement of income', 'INCOME_STATEMENT'],
    ['Konzern-Gewinn- und -Verlustrechnung', 'INCOME_STATEMENT'],
    ['Entwicklung des Konzern-Eigenkapitals', 'OTHER'],
  ])('reads "%s" as a title', (text, kind) => {
    expect(matchTitle(line(text))?.kind).toBe(kind);
  });
  it.each([
    '-Actieve benadering ter verbetering financiële positie',
    'Die in der Bilanz ausgewiesenen Sachanlagen mit ei-',
    'Verbindlichkeiten, die in der Konzernbilanz nicht zu erfassen sind',
  ])('does not read the prose line "%s" as a title', (text) => {
    expect(matchTitle(line(text))).toBeNull();
  });
});

describe('running lines', () => {
  const at = (page: number, text: string, y: number): Line => ({ page, y, fontSize: 9, phrases: [{ text, x0: 50, x1: 400, fontSize: 9 }], text });
  it('keeps a first line that repeats a year but not the page number', () => {
    const pages = [1, 2, 3, 4, 5].map((n) => [at(n, `Report 2024 | ${n + 10}`, 800), at(n, '2024 2023', 780), at(n, `Body ${n}`, 700)]);
    const kept = dropRunningLines(pages);
    expect(kept.every((lines) => !lines.some((l) => l.text.startsWith('Report')))).toBe(true);
    expect(kept.every((lines) => lines.some((l) => l.text === '2024 2023'))).toBe(true);
  });
});

describe('verdicts', () => {
  it('calls a balance sheet whose figures all add up verified', async () => {
    const s = statementOf(await extract([page(balance('Balance sheet'))]), 'BALANCE_SHEET');
    expect(s.verdict).toBe('verified');
    expect(s.checks.every((c) => c.passed)).toBe(true);
  });

  it('calls a balance sheet with a broken total inconsistent and names the failing check', async () => {
    const s = statementOf(await extract([page(balance('Balance sheet', 1, 139))]), 'BALANCE_SHEET');
    expect(s.verdict).toBe('inconsistent');
    expect(s.checks.find((c) => !c.passed)).toMatchObject({ column: 0, expected: '139', actual: '137' });
  });

  it('calls a statement too sparse to check unverified', async () => {
    const sparse = { title: 'Balance sheet', columnsX: [430, 520], headers: [['2024', '2023']], rows: [row('Property, plant and equipment', '61', '64'), row('Inventories', '59', '71'), row('Cash and cash equivalents', '17', '13')] };
    const s = statementOf(await extract([page(sparse)]), 'BALANCE_SHEET');
    expect(s.verdict).toBe('unverified');
  });

  it('does not call a statement verified when a figure takes part in no check', async () => {
    const rows = [...balanceRows(), row('Guarantees given to third parties', '9', '8')];
    const s = statementOf(await extract([page({ ...balance('Balance sheet'), rows })]), 'BALANCE_SHEET');
    expect(s.checks.every((c) => c.passed)).toBe(true);
    expect(s.verdict).toBe('unverified');
  });
});
