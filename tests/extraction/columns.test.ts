// Columns and periods: header layouts on generated PDFs, then the same phenomena on real development reports.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { findDates, findPeriodEnd, findPeriodMonths, findYear, monthsBetweenDates } from '../../src/extraction/layout/periods.js';
import { devSetPresent, devStatement } from './helpers/dev-pages.js';
import { makePdf, row, statementTexts, type RowSpec, type TextSpec } from './helpers/make-pdf.js';

const statementOf = async (texts: TextSpec[], type: StatementType): Promise<ExtractedStatement> => {
  const out = await extractStatements(await makePdf([{ texts }]));
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};
const periods = (s: ExtractedStatement) => s.columns.map((c) => [c.fiscalYear, c.periodEnd, c.periodMonths]);
const line = (s: ExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label)?.values;

const incomeRows = (n: number): RowSpec[] => [
  row('Revenue', ...['18,120', '5,931', '38,819', '20,923'].slice(0, n)),
  row('Cost of revenue', ...['4,720', '2,754', '11,309', '9,400'].slice(0, n)),
  row('Gross profit', ...['13,400', '3,177', '27,510', '11,523'].slice(0, n)),
  row('Operating income', ...['10,417', '601', '19,358', '2,968'].slice(0, n)),
  row('Income before income tax', ...['10,522', '613', '19,929', '2,893'].slice(0, n)),
  row('Income tax expense (benefit)', ...['1,279', '(67)', '2,005', '(61)'].slice(0, n)),
  row('Net income', ...['9,243', '680', '17,924', '2,954'].slice(0, n)),
];

describe('period vocabulary', () => {
  it.each([
    ['As of December 31, 2023', [31, 12, 2023]],
    ['31.12.2023', [31, 12, 2023]],
    ['31 March 2024', [31, 3, 2024]],
    ['31. Dezember 2022', [31, 12, 2022]],
    ['12/31/2023', [31, 12, 2023]],
    ['2024-09-30', [30, 9, 2024]],
    ['30 June', [30, 6, null]],
    ['31 de diciembre de 2023', [31, 12, 2023]],
  ] as const)('%s is a date', (text, [day, month, year]) => {
    expect(findDates(text)).toMatchObject([{ day, month, year }]);
  });

  it('takes the end of a date range as the period end, and its length in months', () => {
    const text = 'FY2024 (January 1, 2024 to December 31, 2024)';
    expect(findPeriodEnd(text)).toMatchObject({ day: 31, month: 12, year: 2024 });
    expect(monthsBetweenDates(text)).toBe(12);
    expect(monthsBetweenDates('1 July 2023 – 31 December 2023')).toBe(6);
  });

  it.each([
    ['FY2023', 2023],
    ['FY 23', 2023],
    ['2023/24', 2024],
    ['2023-2024', 2024],
    ['Realisatie 2014', 2014],
    ['FY2023 (As of December 31, 2023)', 2023],
    ['Geschäftsjahr 2023', 2023],
  ] as const)('%s names the year %d', (text, year) => {
    expect(findYear(text)).toBe(year);
  });

  it.each([
    ['Three months ended', 3],
    ['Nine Months Ended', 9],
    ['Six months ended 30 June', 6],
    ['52 weeks ended', 12],
    ['Year ended 31 March 2024', 12],
    ['Neun Monate', 9],
    ['Zes maanden', 6],
    ['Three months ended Nine months ended', null],
  ] as const)('%s lasts %s months', (text, months) => {
    expect(findPeriodMonths(text)).toBe(months);
  });
});

describe('column headers on generated statements', () => {
  it('gives group headers ("Three Months Ended" / "Nine Months Ended") to the two columns each spans', async () => {
    // Dates centred left of right-aligned figures, as EDGAR prints them: the headers do not overlap the figures.
    const texts: TextSpec[] = [
      { text: 'Condensed Consolidated Statements of Income', x: 150, y: 800, size: 12 },
      { text: '(In millions, except per share data)', x: 200, y: 786 },
      { text: 'Three Months Ended', x: 322, y: 766 },
      { text: 'Nine Months Ended', x: 482, y: 766 },
      ...['October 29,', 'October 30,', 'October 29,', 'October 30,'].map((text, i) => ({ text, x: 300 + i * 80, y: 754 })),
      ...['2023', '2022', '2023', '2022'].map((text, i) => ({ text, x: 314 + i * 80, y: 742 })),
      ...statementTexts({ top: 724, columnsX: [357, 437, 517, 597], rows: incomeRows(4) }),
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2023, '2023-10-29', 3],
      [2022, '2022-10-30', 3],
      [2023, '2023-10-29', 9],
      [2022, '2022-10-30', 9],
    ]);
    expect(s.columns.every((c) => c.kind === 'reported')).toBe(true);
    expect(s.columns[2].label).toBe('Nine Months Ended October 29, 2023');
    expect(s.columns[2].reasons?.join('; ')).toMatch(/9 months from the group header/);
  });

  it('reads "Twelve Months Ended" beside a quarter, and a 52-week year ending in January as that year', async () => {
    const texts: TextSpec[] = [
      { text: 'CONDENSED CONSOLIDATED STATEMENTS OF EARNINGS', x: 150, y: 800, size: 12 },
      { text: 'Three Months Ended', x: 308, y: 766 },
      { text: 'Twelve Months Ended', x: 447, y: 766 },
      ...['January 28,', 'January 29,', 'January 28,', 'January 29,'].map((text, i) => ({ text, x: 292 + i * 71, y: 754 })),
      ...['2023', '2022', '2023', '2022'].map((text, i) => ({ text, x: 307 + i * 71, y: 742 })),
      ...statementTexts({ top: 724, columnsX: [339, 410, 481, 552], rows: incomeRows(4) }),
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2023, '2023-01-28', 3],
      [2022, '2022-01-29', 3],
      [2023, '2023-01-28', 12],
      [2022, '2022-01-29', 12],
    ]);
  });

  it('takes a date range\'s end as periodEnd, keeps oldest-first order and marks a convenience translation', async () => {
    const texts: TextSpec[] = [
      { text: 'Consolidated statement of income', x: 50, y: 800, size: 12 },
      ...['FY2023', 'FY2024', 'FY2024'].map((text, i) => ({ text, x: 320 + i * 115, y: 780, alignRight: true })),
      ...['(January 1, 2023', '(January 1, 2024', '(January 1, 2024'].map((text, i) => ({ text, x: 335 + i * 115, y: 770, alignRight: true })),
      ...['to December 31, 2023)', 'to December 31, 2024)', 'to December 31, 2024)'].map((text, i) => ({ text, x: 340 + i * 115, y: 760, alignRight: true })),
      ...['(Millions of yen)', '(Millions of yen)', '(Thousands of U.S. dollars)'].map((text, i) => ({ text, x: 335 + i * 115, y: 750, alignRight: true })),
      { text: 'Notes', x: 200, y: 765, alignRight: true },
      ...statementTexts({
        top: 735,
        columnsX: [330, 445, 560],
        notesX: 200,
        rows: [
          { label: 'Revenue', cells: ['2,239,017', '2,577,643', '16,295,634'], note: '4,26' },
          { label: 'Cost of sales', cells: ['2,011,471', '2,355,951', '14,894,118'], note: '8,10' },
          { label: 'Gross profit', cells: ['227,545', '221,691', '1,401,515'] },
          { label: 'Operating profit', cells: ['60,098', '49,078', '310,271'], note: '5,16,34' },
          { label: 'Income before tax', cells: ['61,208', '51,885', '328,015'] },
          { label: 'Income tax expense', cells: ['26,096', '18,885', '119,389'], note: '15' },
          { label: 'Profit for the year', cells: ['35,111', '33,000', '208,625'] },
        ],
      }),
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2023, '2023-12-31', 12],
      [2024, '2024-12-31', 12],
      [2024, '2024-12-31', 12],
    ]);
    expect(s.columns.map((c) => [c.kind, c.currency ?? null])).toEqual([
      ['reported', null],
      ['reported', null],
      ['translation', 'USD'],
    ]);
    expect([s.currency, s.unit]).toEqual(['JPY', 'millions']);
    expect(line(s, 'Revenue')).toEqual(['2239017', '2577643', '16295634']);
    expect(line(s, 'Operating profit')).toEqual(['60098', '49078', '310271']);
  });

  it('drops a change column, and gives years listed over all columns to the columns in order', async () => {
    const texts = statementTexts({
      title: 'Consolidated Statements of Operations',
      subtitles: ['For the years ended December 31, 2023 and 2022', '(in millions)'],
      columnsX: [380, 460, 540],
      headers: [['', '', 'Change']],
      rows: incomeRows(2).map((r) => ({ ...r, cells: [...r.cells, '1'] })),
    });
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2023, '2023-12-31', 12],
      [2022, '2022-12-31', 12],
    ]);
    expect(line(s, 'Revenue')).toEqual(['18120', '5931']);
  });

  it.each([
    ['9M 2024', 9, 2024],
    ['1H 2025', 6, 2025],
    ['3Q24', 3, 2024],
    ['12M 2023', 12, 2023],
  ] as const)('reads the abbreviated period "%s" as %d months of %d', (text, months, year) => {
    expect([findPeriodMonths(text), findYear(text)]).toEqual([months, year]);
  });

  it('marks a budget column between two actual years', async () => {
    const texts = statementTexts({
      title: 'Geconsolideerde Staat van baten en lasten over 2014',
      subtitles: ['(M€)'],
      columnsX: [350, 430, 510],
      headers: [['Realisatie 2014', 'Begroting 2014', 'Realisatie 2013']],
      rows: [
        row('Rijksbijdragen', '190,8', '187,2', '188,6'),
        row('Totaal baten', '314,5', '306,7', '322,4'),
        row('Totaal lasten', '304,7', '305,9', '320,1'),
        row('Resultaat', '9,8', '0,8', '2,3'),
        row('Resultaat deelnemingen', '0,2', '', '0,1'),
      ],
    });
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(s.columns.map((c) => [c.fiscalYear, c.kind])).toEqual([
      [2014, 'reported'],
      [2014, 'budget'],
      [2013, 'reported'],
    ]);
    expect(line(s, 'Resultaat deelnemingen')).toEqual(['0.2', null, '0.1']);
  });

  it('takes the day and month of a shared "As of" header for every year, and drops "Notes" with comma-separated references', async () => {
    const texts = statementTexts({
      title: 'Interim condensed consolidated statement of financial position',
      subtitles: ['As of 31.12.'],
      columnsX: [450, 530],
      notesX: 380,
      headers: [['2023', '2022']],
      rows: [
        { label: 'Property and equipment', cells: ['195', '247'], note: '7, 8' },
        { label: 'Goodwill', cells: ['1,128', '1,137'], note: '15, 19' },
        { label: 'Total assets', cells: ['10,553', '8,346'] },
        { label: 'Total liabilities', cells: ['5,920', '5,823'], note: '9' },
        { label: 'Total equity', cells: ['4,633', '2,523'] },
      ],
    });
    texts.push({ text: 'Note', x: 380, y: 780 - 18 - 14, alignRight: true });
    const s = await statementOf(texts, 'BALANCE_SHEET');
    expect(periods(s)).toEqual([
      [2023, '2023-12-31', null],
      [2022, '2022-12-31', null],
    ]);
    expect(line(s, 'Property and equipment')).toEqual(['195', '247']);
    expect(line(s, 'Goodwill')).toEqual(['1128', '1137']);
  });
});

describe.skipIf(!devSetPresent)('column headers on real reports', () => {
  it('Spotify 6-K: quarter and nine-month columns under two group headers; Note column dropped', async () => {
    const s = await devStatement('spotify_2024q3_6k.pdf', [4], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2024, '2024-09-30', 3],
      [2023, '2023-09-30', 3],
      [2024, '2024-09-30', 9],
      [2023, '2023-09-30', 9],
    ]);
    const cf = await devStatement('spotify_2024q3_6k.pdf', [9], 'CASH_FLOW_STATEMENT');
    expect(periods(cf)).toEqual([
      [2024, '2024-09-30', 9],
      [2023, '2023-09-30', 9],
    ]);
    expect(cf.lineItems.find((l) => l.label === 'Impairment charges on real estate assets')?.values).toEqual(['18', '90']);
  });

  it('NVIDIA 10-Q and Best Buy release: offset group headers, fiscal years ending in January', async () => {
    const nvidia = await devStatement('nvidia_fy24q3_10q.pdf', [3], 'INCOME_STATEMENT');
    expect(nvidia.columns.map((c) => c.periodMonths)).toEqual([3, 3, 9, 9]);
    expect(nvidia.columns.map((c) => c.periodEnd)).toEqual(['2023-10-29', '2022-10-30', '2023-10-29', '2022-10-30']);
    const bestBuy = await devStatement('bestbuy_fy23q4_earnings.pdf', [6], 'INCOME_STATEMENT');
    expect(periods(bestBuy)).toEqual([
      [2023, '2023-01-28', 3],
      [2022, '2022-01-29', 3],
      [2023, '2023-01-28', 12],
      [2022, '2022-01-29', 12],
    ]);
  });

  it('Nippon Express: oldest first, period ends from date ranges, US-dollar translation column', async () => {
    const s = await devStatement('nipponexpress_2024.pdf', [5], 'INCOME_STATEMENT');
    expect(periods(s)).toEqual([
      [2023, '2023-12-31', 12],
      [2024, '2024-12-31', 12],
      [2024, '2024-12-31', 12],
    ]);
    expect(s.columns.map((c) => c.kind)).toEqual(['reported', 'reported', 'translation']);
    expect(s.columns[2].currency).toBe('USD');
    expect(s.currency).toBe('JPY');
  });

  it('Universiteit Twente: the Begroting column is a budget', async () => {
    const s = await devStatement('univtwente_2014_nl.pdf', [140], 'INCOME_STATEMENT');
    expect(s.columns.map((c) => [c.fiscalYear, c.kind])).toEqual([
      [2014, 'reported'],
      [2014, 'budget'],
      [2013, 'reported'],
    ]);
  });
});

describe('table structure around the columns', () => {
  it('merges a period\'s inner detail column and outer subtotal column under one year header', async () => {
    const texts: TextSpec[] = [
      { text: 'Geconsolideerd Kasstroomoverzicht 2014', x: 50, y: 800, size: 12 },
      { text: '2014', x: 393, y: 780, alignRight: true },
      { text: '2013', x: 478, y: 780, alignRight: true },
      { text: 'Kasstroom uit operationele activiteiten', x: 50, y: 766 },
    ];
    const lines: [string, string, string, string, string][] = [
      ['Resultaat', '', '9,8', '', '2,3'],
      ['- afschrijvingen', '27,6', '', '24,8', ''],
      ['- mutaties voorzieningen', '- 5,7', '', '5,4', ''],
      ['', '', '21,9', '', '30,2'],
      ['Totaal kasstroom uit operationele activiteiten', '', '31,7', '', '32,5'],
      ['Investeringen in materiële vaste activa', '- 10,9', '', '- 13,6', ''],
      ['Totaal kasstroom uit investeringsactiviteiten', '', '- 10,9', '', '- 13,6'],
      ['Mutatie liquide middelen', '', '20,8', '', '18,9'],
    ];
    lines.forEach(([label, ...cells], i) => {
      const y = 752 - i * 14;
      if (label) texts.push({ text: label, x: 50, y });
      cells.forEach((c, k) => c && texts.push({ text: c, x: [377, 419, 462, 504][k], y, alignRight: true }));
    });
    const s = await statementOf(texts, 'CASH_FLOW_STATEMENT');
    expect(s.columns.map((c) => c.fiscalYear)).toEqual([2014, 2013]);
    expect(line(s, 'afschrijvingen')).toEqual(['27.6', '24.8']);
    expect(line(s, 'Resultaat')).toEqual(['9.8', '2.3']);
    expect(s.lineItems.find((l) => l.label === '')?.values).toEqual(['21.9', '30.2']);
    expect(line(s, 'mutaties voorzieningen')).toEqual(['-5.7', '5.4']);
  });

  it('keeps what a statement carries below its closing line, and cuts the table that follows', async () => {
    const texts = [
      ...statementTexts({
        title: 'Consolidated Statements of Operations',
        headers: [['2023', '2022']],
        columnsX: [450, 530],
        rows: [
          ...incomeRows(2),
          row('Diluted earnings per share', '2.23', '2.62'),
          row('Weighted-average common shares outstanding:', '', ''),
          { label: 'Basic', cells: ['220.9', '236.6'], indent: 1 },
          { label: 'Diluted', cells: ['221.8', '239.0'], indent: 1 },
          row('Stock-based compensation by line item', '', ''),
          row('Cost of revenue', '12', '10'),
        ],
      }),
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(s.lineItems.filter((l) => l.label === 'Basic').map((l) => l.values)).toEqual([['220.9', '236.6']]);
    expect(s.lineItems.filter((l) => l.label === 'Cost of revenue')).toHaveLength(1);

    const cf = await statementOf(
      statementTexts({
        title: 'Condensed Consolidated Statements of Cash Flows',
        headers: [['2023', '2022']],
        columnsX: [450, 530],
        rows: [
          row('Net income', '9,243', '680'),
          row('Net cash provided by operating activities', '12,000', '3,000'),
          row('Net cash used in investing activities', '(9,000)', '(1,000)'),
          row('Net cash used in financing activities', '(870)', '(1,190)'),
          row('Change in cash and cash equivalents', '2,130', '810'),
          row('Cash and cash equivalents at beginning of period', '3,389', '1,990'),
          row('Cash and cash equivalents at end of period', '5,519', '2,800'),
          row('Supplemental disclosure of cash flow information:', '', ''),
          row('Cash paid for income taxes, net', '4,676', '1,372'),
        ],
      }),
      'CASH_FLOW_STATEMENT',
    );
    expect(line(cf, 'Cash paid for income taxes, net')).toEqual(['4676', '1372']);
  });

  it('reads a bulleted line as an item of its own, and an indented list under "attributable to" as items', async () => {
    const texts = statementTexts({
      title: 'Consolidated statement of income',
      headers: [['2024', '2023']],
      columnsX: [450, 530],
      rows: [
        ...incomeRows(2),
        row('Profit for the year attributable to', '', ''),
        { label: 'Owners of parent', cells: ['9,200', '690'], indent: 1 },
        { label: 'Non-controlling interests', cells: ['43', '(10)'], indent: 1 },
        row('Other movements', '', ''),
        row('- change in equity', '0,0', '0,8'),
      ],
    });
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(line(s, 'Owners of parent')).toEqual(['9200', '690']);
    expect(line(s, 'Non-controlling interests')).toEqual(['43', '-10']);
    expect(line(s, 'change in equity')).toEqual(['0.0', '0.8']);
  });
});

describe('figures the text layer moved', () => {
  it('gives a figure crowded into its neighbour\'s run the free column on its left', async () => {
    const texts = statementTexts({
      title: 'Cash Flow Statement for the year ended 31 March 2024',
      columnsX: [430, 520],
      headers: [['2024', '2023']],
      rows: [
        row('Purchase of property, plant and equipment', '(28,475.50)', '(41,240.01)'),
        row('Proceeds from sale of property, plant and equipment', '', '871.96 385.52'),
        row('Net cash used in investing activities', '(27,603.54)', '(40,854.49)'),
        row('Net cash generated from operating activities', '40,000.00', '42,000.00'),
      ],
    });
    const s = await statementOf(texts, 'CASH_FLOW_STATEMENT');
    expect(line(s, 'Proceeds from sale of property, plant and equipment')).toEqual(['871.96', '385.52']);
  });

  it('joins a figure set at the top of a wrapped cell to the rest of its row', async () => {
    const texts: TextSpec[] = [
      ...statementTexts({ title: 'Consolidated statement of income', columnsX: [330, 430, 540], headers: [['FY2023', 'FY2024', 'FY2024']], rows: incomeRows(3) }),
      { text: '(Millions of yen)', x: 330, y: 762 - 14, alignRight: true },
      { text: '187,451', x: 540, y: 780 - 18 - 14 * 8 - 9, alignRight: true },
      { text: 'Other expenses', x: 50, y: 780 - 18 - 14 * 8 - 18 },
      { text: '39,262', x: 330, y: 780 - 18 - 14 * 8 - 18, alignRight: true },
      { text: '29,651', x: 430, y: 780 - 18 - 14 * 8 - 18, alignRight: true },
    ];
    const s = await statementOf(texts, 'INCOME_STATEMENT');
    expect(line(s, 'Other expenses')).toEqual(['39262', '29651', '187451']);
  });
});

describe.skipIf(!devSetPresent)('table structure on real reports', () => {
  it('VRL Logistics and Nippon Express: crowded and top-aligned figures', async () => {
    const vrl = await devStatement('vrllogistics_fy2024.pdf', [160], 'CASH_FLOW_STATEMENT');
    expect(vrl.lineItems.find((l) => l.label === 'Proceeds from sale of property, plant and equipment')?.values).toEqual(['871.96', '385.52']);
    const nippon = await devStatement('nipponexpress_2024.pdf', [5], 'INCOME_STATEMENT');
    expect(nippon.lineItems.find((l) => l.label === 'Other expenses')?.values).toEqual(['39262', '29651', '187451']);
  });

  it('Universiteit Twente: detail and subtotal sub-columns under each year are one column', async () => {
    const s = await devStatement('univtwente_2014_nl.pdf', [141], 'CASH_FLOW_STATEMENT');
    expect(s.columns.map((c) => c.fiscalYear)).toEqual([2014, 2013]);
    expect(s.lineItems.find((l) => l.label === 'afschrijvingen')?.values).toEqual(['27.6', '24.8']);
    expect(s.lineItems.find((l) => l.label === 'Totaal kasstroom uit operationele activiteiten')?.values).toEqual(['25.2', '24.4']);
    expect(s.lineItems.find((l) => l.label === 'mutatie vermogen')?.values).toEqual(['0.0', '0.8']);
  });

  it('NVIDIA and Best Buy: supplemental cash-flow lines and weighted-average share counts are kept', async () => {
    const cf = await devStatement('nvidia_fy24q3_10q.pdf', [8], 'CASH_FLOW_STATEMENT');
    expect(cf.lineItems.find((l) => l.label.startsWith('Cash paid for income taxes'))?.values).toEqual(['4676', '1372']);
    const is = await devStatement('bestbuy_fy23q4_earnings.pdf', [6], 'INCOME_STATEMENT');
    expect(is.lineItems.filter((l) => l.label === 'Basic').map((l) => l.values)).toEqual([['220.9', '236.6', '224.8', '246.8']]);
  });
});
