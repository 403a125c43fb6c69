// Interim reports' column headers: group headers that wrap or start left of the columns they span, lengths
// named inside a fiscal-year phrase, month ranges written with "to". Generated PDFs first, then held-out filings.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { findPeriodEnd, findPeriodMonths, monthsOfDateRange } from '../../src/extraction/layout/periods.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { makePdf, row, statementTexts, type TextSpec } from './helpers/make-pdf.js';

const statementOf = async (texts: TextSpec[], type: StatementType): Promise<ExtractedStatement> => {
  const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};
const periods = (s: ExtractedStatement) => s.columns.map((c) => `${c.periodEnd}/${c.periodMonths}`);

const incomeRows = [
  row('Revenue', '18,120', '5,931', '38,819', '20,923'),
  row('Cost of revenue', '4,720', '2,754', '11,309', '9,400'),
  row('Gross profit', '13,400', '3,177', '27,510', '11,523'),
  row('Operating income', '10,417', '601', '19,358', '2,968'),
  row('Income before income tax', '10,522', '613', '19,929', '2,893'),
  row('Income tax expense', '1,279', '(67)', '2,005', '(61)'),
  row('Net income', '9,243', '680', '17,924', '2,954'),
];

describe('period vocabulary of interim headers', () => {
  it.each([
    ['Fiscal Six Months Ended', 6],
    ['Nine months of fiscal 2025', 9],
    ['Fiscal year ended', 12],
    ['Jan. to Dec. 2017', 12],
    ['Januar bis Juni 2024', 6],
  ] as const)('%s lasts %d months', (text, months) => {
    expect(findPeriodMonths(text)).toBe(months);
  });

  it('ends a month range written with "to" on its last month', () => {
    expect(findPeriodEnd('Jan. to Dec. 2017')).toMatchObject({ day: 31, month: 12 });
  });
});

describe('wrapped and wide group headers on a generated 10-Q', () => {
  it('gives "Three Months Ended March" / "31" to the two columns it spans, though it starts left of them', async () => {
    // Narrow columns: each group header is wider than its two columns, wraps its day onto the next line, and the
    // first starts left of the first column of figures.
    const texts: TextSpec[] = [
      { text: 'CONSOLIDATED STATEMENTS OF EARNINGS', x: 150, y: 800, size: 12 },
      { text: 'Three Months Ended March', x: 348, y: 770 },
      { text: 'Nine Months Ended March', x: 470, y: 770 },
      { text: '31', x: 398.5, y: 760 },
      { text: '31', x: 518.5, y: 760 },
      { text: 'Amounts in millions', x: 50, y: 748 },
      ...['2025', '2024', '2025', '2024'].map((text, i) => ({ text, x: [390, 445, 510, 565][i], y: 748, alignRight: true })),
      ...statementTexts({ top: 730, columnsX: [390, 445, 510, 565], rows: incomeRows }),
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-03-31/3', '2024-03-31/3', '2025-03-31/9', '2024-03-31/9']);
    expect(s.columns[2].label).toBe('Nine Months Ended March 31 2025');
  });

  it('reads a lone "Fiscal Six Months Ended" over both years as six months', async () => {
    const texts: TextSpec[] = [
      { text: 'Consolidated statements of cash flows', x: 50, y: 800, size: 12 },
      { text: 'Fiscal Six Months Ended', x: 425, y: 770 },
      ...['June 29,', 'June 30,'].map((text, i) => ({ text, x: 480 + i * 80, y: 758, alignRight: true })),
      ...['2025', '2024'].map((text, i) => ({ text, x: 480 + i * 80, y: 748, alignRight: true })),
      ...statementTexts({
        top: 730,
        columnsX: [480, 560],
        rows: [
          row('Net earnings', '16,535', '9,576'),
          row('Net cash flows from operating activities', '10,598', '9,847'),
          row('Net cash used by investing activities', '(3,366)', '(1,521)'),
          row('Net cash used by financing activities', '(5,129)', '(9,160)'),
          row('Increase (decrease) in cash and cash equivalents', '2,103', '(834)'),
        ],
      }),
    ];
    const s = await statementOf(texts, 'CASH_FLOW_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-29/6', '2024-06-30/6']);
  });
});

describe('stub periods beside a change of owner (predecessor / successor columns)', () => {
  it.each([
    ['July 1 to July 21', 1],
    ['Successor July 22 to September 30', 2],
    ['January 1 to July 21', 7],
    ['1 July 2023 – 31 December 2023', 6],
    ['September 30, 2024 December 31, 2023', null],
  ] as const)('"%s" in a column ending in 2023 lasts %s months', (text, months) => {
    expect(monthsOfDateRange(text, 2023)).toBe(months);
  });

  it('reads each column\'s own date range, and a year centred between two columns as heading both', async () => {
    const right = (texts: string[], y: number) => texts.map((text, i) => ({ text, x: [398, 468, 536][i], y, alignRight: true }));
    const texts: TextSpec[] = [
      { text: 'Condensed Consolidated Statements of Cash Flows', x: 150, y: 800, size: 12 },
      { text: 'Nine Months Ended', x: 411, y: 780 },
      { text: 'September 30,', x: 418, y: 770 },
      { text: '2023', x: 396, y: 760 },
      { text: '2022', x: 500, y: 760 },
      ...right(['Predecessor', 'Successor', 'Predecessor'], 750),
      ...right(['January 1 to', 'July 22 to', 'January 1 to'], 740),
      ...right(['July 21', 'September 30', 'September 30'], 730),
      ...statementTexts({
        top: 712,
        columnsX: [398, 468, 536],
        rows: [
          row('Net (loss) income', '(38,017)', '43,875', '(17,993)'),
          row('Net cash used in operating activities', '(21,745)', '(15,061)', '(27,130)'),
          row('Net cash used in investing activities', '—', '—', '(297)'),
          row('Net cash provided by financing activities', '14,000', '—', '44,500'),
          row('Net (decrease) increase in cash', '(7,745)', '(15,061)', '17,073'),
          row('Cash at beginning of period', '9,746', '31,238', '5,128'),
          row('Cash at end of period', '2,001', '16,177', '22,201'),
        ],
      }),
    ];
    const s = await statementOf(texts, 'CASH_FLOW_STATEMENT');
    expect(periods(s)).toEqual(['2023-07-21/7', '2023-09-30/2', '2022-09-30/9']);
  });
});

describe.skipIf(!filingsPresent)('interim headers on held-out filings', () => {
  it('10-Q after a business combination: predecessor and successor stub periods', async () => {
    const file = 'sec/aeon-20230930/aeon-20230930x10q.pdf';
    const is = await filingStatement(file, [6], 'INCOME_STATEMENT');
    expect(periods(is)).toEqual(['2023-07-21/1', '2023-09-30/2', '2022-09-30/3', '2023-07-21/7', '2023-09-30/2', '2022-09-30/9']);
    const cf = await filingStatement(file, [9], 'CASH_FLOW_STATEMENT');
    expect(periods(cf)).toEqual(['2023-07-21/7', '2023-09-30/2', '2022-09-30/9']);
  });

  it('10-Q with six-month columns first, group headers wrapped and wider than their columns', async () => {
    const s = await filingStatement('sec-corpus/ba-10-q-2025-07-29.pdf', [5], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-06-30/6', '2024-06-30/6', '2025-06-30/3', '2024-06-30/3']);
  });

  it('10-Q whose group headers wrap their day onto the next line', async () => {
    const s = await filingStatement('sec-corpus/pg-10-q-2025-04-24.pdf', [4], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual(['2025-03-31/3', '2024-03-31/3', '2025-03-31/9', '2024-03-31/9']);
  });

  it('a "Fiscal Six Months Ended" cash-flow statement, and "Jan. to Dec." columns of an annual report', async () => {
    const cf = await filingStatement('sec-corpus/jnj-10-q-2025-07-24.pdf', [17, 18], 'CASH_FLOW_STATEMENT');
    expect(periods(cf)).toEqual(['2025-06-29/6', '2024-06-30/6']);
    const is = await filingStatement('esef/gleif-annual-report-2017.pdf', [20], 'INCOME_STATEMENT');
    expect(periods(is)).toEqual(['2017-12-31/12', '2016-12-31/12']);
  });
});
