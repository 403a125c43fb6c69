// Layouts found by the perturbation bench (npm run bench:robustness): each rule on a generated page, then on
// real tagged statements re-printed by Chromium in that layout (skipped without chromium or the fixtures).
import { describe, expect, it } from 'vitest';
import { extractStatements, matchConcept, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { detectUnit } from '../../src/extraction/units.js';
import { makePdf, row, statementTexts, type StatementSpec, type TextSpec } from './helpers/make-pdf.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { reprintPresent, reprinted } from './helpers/reprint.js';

const statementOf = async (spec: StatementSpec, type: StatementType): Promise<ExtractedStatement> => {
  const out = await extractStatements(await makePdf([{ texts: statementTexts(spec) }]));
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};

describe('figures grouped with apostrophes (Swiss style)', () => {
  it("a figure's \"'000\" is not a unit note; a header's is", () => {
    expect(detectUnit(["Revenue 1'000'000 12'000"])).toBeNull();
    expect(detectUnit(["CHF'000", "Revenue 1'000'000"])).toBe('thousands');
  });

  it('keeps units on a statement whose figures contain "\'000"', async () => {
    const s = await statementOf(
      {
        title: 'Consolidated Income Statement',
        subtitles: ['(in CHF)'],
        headers: [['2024', '2023']],
        rows: [row('Revenue', "1'200'000", "1'000'000"), row('Operating expenses', "(200'000)", "(150'000)"), row('Operating profit', "1'000'000", "850'000"), row('Income tax', "(100'000)", "(85'000)"), row('Net income', "900'000", "765'000")],
      },
      'INCOME_STATEMENT',
    );
    expect([s.unit, s.scale]).toEqual(['units', 1]);
    expect(s.lineItems.find((l) => l.label === 'Revenue')?.values).toEqual(['1200000', '1000000']);
  });

  it.skipIf(!reprintPresent)('real statements printed with apostrophes agree with their tagged facts', async () => {
    const { agreement } = await reprinted('esef/xii-financial-statements-2018.zip', 'apostrophe-thousands');
    expect(agreement.agreeing).toBe(agreement.compared);
  });
});

const line = (s: ExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label);

const cashFlowRows = (total: RowLabel[]) => [
  row('Net income', '1,610', '2,821'),
  row('Depreciation', '2,880', '2,524'),
  ...total.slice(0, 1).map((t) => row(t.label, ...t.cells)),
  row('Purchases of property and equipment', '(3,886)', '(5,049)'),
  row('Other investing activities', '124', '127'),
];
type RowLabel = { label: string; cells: string[] };

describe('a wrapped label whose first line ends in a joining word and a gloss', () => {
  it('joins "Net Cash Provided by (Used in)" with "Investing Activities" below it', async () => {
    const s = await statementOf(
      {
        title: 'Consolidated Statements of Cash Flows',
        headers: [['2025', '2024']],
        rows: [
          ...cashFlowRows([{ label: 'Net cash provided by operating activities', cells: ['4,490', '5,345'] }]),
          row('Net Cash Provided by (Used in)'),
          row('Investing Activities', '(3,762)', '(4,922)'),
          row('Net cash used in financing activities', '(554)', '(223)'),
          row('Net increase in cash', '174', '200'),
        ],
      },
      'CASH_FLOW_STATEMENT',
    );
    expect(line(s, 'Net Cash Provided by (Used in) Investing Activities')).toMatchObject({ concept: 'net_cash_from_investing', values: ['-3762', '-4922'] });
  });

  it.skipIf(!reprintPresent)('real statements with wide columns: every wrapped total keeps its figures', async () => {
    const { agreement } = await reprinted('sec/ko-10-q-2025-07-24.html', 'wide-columns');
    const cf = agreement.statements.find((x) => x.type === 'CASH_FLOW_STATEMENT')!;
    expect(cf.differing).toEqual([]);
  });
});

describe('a line ending in a joining word is no statement title', () => {
  it('keeps "Total cash flow effects on cash and" / "cash equivalents" inside the cash-flow statement', async () => {
    const s = await statementOf(
      {
        title: 'Statement of Cash Flows',
        headers: [['2017', '2016']],
        rows: [
          row('Surplus', '252,867', '14,736'),
          row('Other non-cash expenses and income', '(2,017,993)', '1,634,054'),
          row('Cash flow from operating activities', '(1,765,126)', '1,648,790'),
          row('Cash flow from investing activities', '(242,554)', '(184,918)'),
          row('Cash flow from financing activities', '8,791', '(4,961)'),
          row('Total cash flow effects on cash and'),
          row('cash equivalents', '(1,998,889)', '1,458,911'),
          row('Effect of changes in exchange rates on cash', '250,989', '(140,089)'),
          row('Cash and cash equivalents at beginning of period', '5,071,643', '3,752,821'),
          row('Cash and cash equivalents at end of period', '3,323,743', '5,071,643'),
        ],
      },
      'CASH_FLOW_STATEMENT',
    );
    expect(line(s, 'Cash and cash equivalents at end of period')?.values).toEqual(['3323743', '5071643']);
    expect(s.verdict).toBe('verified');
  });

  it.each([
    ['Cash flow from operating activities', 'net_cash_from_operating'],
    ['Cash flows used in investing activities', 'net_cash_from_investing'],
    ['Cash flow from financing activities', 'net_cash_from_financing'],
    ['Effect of changes in exchange rates on cash and cash equivalents', 'effect_of_exchange_rates'],
    ['Net cash flow for the year', 'net_change_in_cash'],
    ['Total cash flow effects on cash and cash equivalents', 'net_change_in_cash'],
  ] as const)('"%s" is %s', (label, concept) => {
    expect(matchConcept('CASH_FLOW_STATEMENT', label)).toBe(concept);
  });

  it.skipIf(!reprintPresent)('real statements with wrapped labels: the cash-flow statement runs to closing cash and is verified', async () => {
    const { read, agreement } = await reprinted('esef/gleif-annual-report-2017.zip', 'wide-columns');
    expect(agreement.statements.find((x) => x.type === 'CASH_FLOW_STATEMENT')!.differing).toEqual([]);
    expect(read.statements.find((x) => x.type === 'CASH_FLOW_STATEMENT')?.verdict).toBe('verified');
  });
});

describe('"of which" lines', () => {
  it('are parts of the line above, not addends: the statement is verified', async () => {
    const s = await statementOf(
      {
        title: 'Consolidated Income Statement',
        headers: [['2024', '2023']],
        rows: [
          row('Revenue', '1,000', '900'),
          { label: 'of which: related parties', cells: ['120', '100'], indent: 2 },
          row('Cost of sales', '(600)', '(500)'),
          { label: 'davon Abschreibungen', cells: ['(50)', '(40)'], indent: 2 },
          row('Gross profit', '400', '400'),
          row('Operating expenses', '(100)', '(150)'),
          row('Operating profit', '300', '250'),
        ],
      },
      'INCOME_STATEMENT',
    );
    expect(s.checks.filter((c) => !c.passed)).toEqual([]);
    expect(s.verdict).toBe('verified');
  });

  it('an "of which" larger than its line is not verified', async () => {
    const s = await statementOf(
      { title: 'Consolidated Income Statement', headers: [['2024', '2023']], rows: [row('Revenue', '1,000', '900'), row('of which: related parties', '1,200', '100'), row('Cost of sales', '(600)', '(500)'), row('Gross profit', '400', '400')] },
      'INCOME_STATEMENT',
    );
    expect(s.verdict).not.toBe('verified');
  });

  it.skipIf(!reprintPresent)('real statements with "of which" lines agree and keep their verdicts', async () => {
    const control = await reprinted('sec-corpus/googl-10-k-2025-02-05.html', 'control');
    const { read, agreement } = await reprinted('sec-corpus/googl-10-k-2025-02-05.html', 'deep-indent-of-which');
    expect(agreement.agreeing).toBe(agreement.compared);
    expect(read.statements.map((s) => s.verdict)).toEqual(control.read.statements.map((s) => s.verdict));
  });
});

describe('a group header wrapped beside one that is not', () => {
  it('"Three months ended June" / "30," heads its two columns, "Six months ended June 30," the other two', async () => {
    const texts: TextSpec[] = [
      { text: 'Consolidated Statement of Income', x: 50, y: 800, size: 12 },
      { text: 'Three months ended June', x: 352, y: 776 },
      { text: '30,', x: 392, y: 766 },
      { text: 'Six months ended June 30,', x: 462, y: 766 },
      ...['2025', '2024', '2025', '2024'].map((text, i) => ({ text, x: [390, 445, 510, 565][i], y: 754, alignRight: true })),
      ...statementTexts({
        top: 740,
        columnsX: [390, 445, 510, 565],
        rows: [row('Revenue', '22,496', '25,500', '41,831', '46,801'), row('Cost of revenue', '18,618', '20,922', '34,800', '38,527'), row('Gross profit', '3,878', '4,578', '7,031', '8,274')],
      }),
    ];
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'INCOME_STATEMENT')!;
    expect(s.columns.map((c) => `${c.periodEnd}/${c.periodMonths}`)).toEqual(['2025-06-30/3', '2024-06-30/3', '2025-06-30/6', '2024-06-30/6']);
  });

  it.skipIf(!reprintPresent)('real statements whose first group header wraps: every column dated', async () => {
    const { read, agreement } = await reprinted('sec-corpus/tsla-10-q-2025-07-24.html', 'deep-indent-of-which');
    expect(agreement.statements.find((x) => x.type === 'INCOME_STATEMENT')!.differing).toEqual([]);
    const columns = read.statements.find((x) => x.type === 'INCOME_STATEMENT')!.columns;
    expect(columns.map((c) => `${c.periodEnd}/${c.periodMonths}`)).toEqual(['2025-06-30/3', '2024-06-30/3', '2025-06-30/6', '2024-06-30/6']);
  });
});

describe('a Notes header run into the date beside it', () => {
  it('"Toelichting29 juni 2025" ends on 29 June, and the column label drops "Toelichting"', async () => {
    const texts: TextSpec[] = [
      { text: 'Geconsolideerde balans', x: 50, y: 800, size: 12 },
      { text: 'Toelichting29 juni 2025', x: 330, y: 776 },
      { text: '29 december 2024', x: 480, y: 776, alignRight: false },
      ...statementTexts({
        top: 760,
        columnsX: [430, 540],
        rows: [row('Liquide middelen', '1.000', '900'), row('Voorraden', '500', '400'), row('Totaal activa', '1.500', '1.300'), row('Totaal eigen vermogen', '1.000', '800'), row('Schulden', '500', '500'), row('Totaal passiva', '1.500', '1.300')],
      }),
    ];
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'BALANCE_SHEET')!;
    expect(s.columns.map((c) => [c.label, c.periodEnd])).toEqual([['29 juni 2025', '2025-06-29'], ['29 december 2024', '2024-12-29']]);
  });

  it.skipIf(!reprintPresent)('real statements in Dutch with a Notes column: every column on its own day', async () => {
    const { read } = await reprinted('sec-corpus/jnj-10-q-2025-07-24.html', 'dutch');
    expect(read.statements.find((x) => x.type === 'BALANCE_SHEET')!.columns.map((c) => c.periodEnd)).toEqual(['2025-06-29', '2024-12-29']);
  });
});

describe('Japanese-GAAP statements in English', () => {
  it.each([
    ['Total liabilities and net assets', 'total_liabilities_and_equity'],
    ['Total net assets', 'net_assets'],
  ] as const)('"%s" is %s', (label, concept) => {
    expect(matchConcept('BALANCE_SHEET', label)).toBe(concept);
  });

  it('a balance sheet closing on "Total liabilities and net assets" is verified', async () => {
    const s = await statementOf(
      {
        title: 'Consolidated Balance Sheets',
        subtitles: ['(Millions of yen)'],
        columnsX: [420, 540],
        headers: [['As of March 31, 2024', 'As of March 31, 2025']],
        rows: [
          row('Cash and deposits', '300', '350'),
          row('Total current assets', '300', '350'),
          row('Buildings and structures', '700', '650'),
          row('Total non-current assets', '700', '650'),
          row('Total assets', '1,000', '1,000'),
          row('Total liabilities', '600', '550'),
          row('Share capital', '100', '100'),
          row('Retained earnings', '300', '350'),
          row('Total net assets', '400', '450'),
          row('Total liabilities and net assets', '1,000', '1,000'),
        ],
      },
      'BALANCE_SHEET',
    );
    expect(s.verdict).toBe('verified');
  });

  it.skipIf(!reprintPresent)('real statements printed Japanese-style (oldest first, "From … to …", "Total income taxes") are verified', async () => {
    const { read, agreement } = await reprinted('sec-corpus/googl-10-k-2025-02-05.html', 'japanese-english');
    expect(agreement.agreeing).toBe(agreement.compared);
    expect(read.statements.map((s) => s.verdict)).toEqual(['verified', 'verified', 'verified']);
  });
});

describe('the result attributed to owners and to non-controlling interests', () => {
  const attributed = (rows: ReturnType<typeof row>[]) =>
    statementOf({ title: 'Consolidated Statement of Income', headers: [['2024', '2023']], rows: [row('Revenue', '1,000', '900'), row('Operating expenses', '(700)', '(650)'), row('Profit before tax', '300', '250'), row('Income tax', '(100)', '(50)'), ...rows] }, 'INCOME_STATEMENT');

  it('US style: net income less the NCI share is the owners\' result; the statement is verified', async () => {
    const s = await attributed([row('Net income', '200', '200'), row('Net income attributable to noncontrolling interests', '18', '16'), row('Net income attributable to common stockholders', '182', '184')]);
    expect(s.verdict).toBe('verified');
  });

  it('IFRS style: owners + NCI = profit', async () => {
    const s = await attributed([row('Profit for the year', '200', '200'), row('Attributable to owners of the parent', '190', '210'), row('Attributable to non-controlling interests', '10', '(10)')]);
    expect(s.verdict).toBe('verified');
  });

  it('parts that do not add up leave the statement unverified', async () => {
    const s = await attributed([row('Net income', '200', '200'), row('Net income attributable to noncontrolling interests', '18', '16'), row('Net income attributable to common stockholders', '180', '184')]);
    expect(s.verdict).toBe('unverified');
  });

  it.skipIf(!filingsPresent)('a held-out 10-Q: the income statement with its NCI split is verified', async () => {
    const s = await filingStatement('sec-corpus/tsla-10-q-2025-07-24.pdf', [6], 'INCOME_STATEMENT');
    expect(s.checks.some((c) => c.name.startsWith('attribution:'))).toBe(true);
    expect(s.verdict).toBe('verified');
  });
});
