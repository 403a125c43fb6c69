import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { makePdf, row, statementTexts, type PageSpec, type StatementSpec } from './helpers/make-pdf.js';

async function extract(pages: PageSpec[]) {
  return extractStatements(await makePdf(pages));
}
const page = (...specs: StatementSpec[]): PageSpec => ({ texts: specs.flatMap(statementTexts) });
const statementOf = (out: { statements: ExtractedStatement[] }, type: StatementType) => {
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};
const line = (s: ExtractedStatement, label: string) => {
  const l = s.lineItems.find((x) => x.label === label);
  expect(l, `line "${label}"`).toBeDefined();
  return l!;
};

const incomeRows = [
  row('Revenue', '3,208,323', '2,364,681', '3,615,960'),
  row('Cost of revenue', '1,649,532', '1,447,516', '2,176,469'),
  row('Gross profit', '1,558,791', '917,165', '1,439,491'),
  row('Research and development', '911,946', '909,126', '1,505,640'),
  row('Loss from operations', '(1,082,432)', '(1,808,382)', '(2,702,480)'),
  row('Interest expense', '(51,635)', '(32,678)', '\u2014'),
  row('Loss before income taxes', '(998,134)', '(1,797,391)', '(2,599,885)'),
  row('Provision for income taxes', '11,225', '(44,534)', '2,356'),
  row('Net loss', '(1,009,359)', '(1,752,857)', '(2,602,241)'),
  row('Net loss per share, basic and diluted', '(3.02)', '(5.61)', '(11.44)'),
  row('Weighted-average shares used to compute net loss per share', '334,724', '312,175', '227,498'),
];

describe('layout extraction on generated statements', () => {
  it('reads an income statement: year headers, period length, negatives, nil dash, unit, per-share', async () => {
    const out = await extract([
      page({
        title: 'Consolidated Statements of Operations',
        subtitles: ['(in thousands, except for per share data)'],
        headers: [['', 'Year Ended December 31,', ''], ['2021', '2020', '2019']],
        rows: incomeRows,
      }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.unit).toBe('thousands');
    expect(s.columns.map((c) => [c.fiscalYear, c.periodEnd, c.periodMonths])).toEqual([
      [2021, '2021-12-31', 12],
      [2020, '2020-12-31', 12],
      [2019, '2019-12-31', 12],
    ]);
    expect(line(s, 'Revenue')).toMatchObject({ concept: 'revenue', values: ['3208323', '2364681', '3615960'], page: 1 });
    expect(line(s, 'Interest expense').values).toEqual(['-51635', '-32678', null]);
    expect(line(s, 'Net loss per share, basic and diluted')).toMatchObject({ concept: 'eps_basic', perShare: true, values: ['-3.02', '-5.61', '-11.44'] });
    expect(line(s, 'Net loss').concept).toBe('net_income');
    expect(line(s, 'Weighted-average shares used to compute net loss per share')).toMatchObject({ concept: 'weighted_average_shares', perShare: false });
    expect(s.checks.find((c) => c.name.startsWith('gross profit'))?.passed).toBe(true);
  });

  it('keeps oldest-first column order as printed', async () => {
    const out = await extract([
      page({ title: 'Consolidated Statements of Operations', headers: [['2019', '2020', '2021']], rows: incomeRows }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.columns.map((c) => c.fiscalYear)).toEqual([2019, 2020, 2021]);
    expect(line(s, 'Revenue').values[0]).toBe('3208323');
  });

  it('reads balance-sheet dates, drops the notes column, joins wrapped labels and detects £m', async () => {
    const out = await extract([
      page({
        title: 'Condensed Consolidated Balance Sheet',
        columnsX: [430, 520],
        notesX: 340,
        headers: [['30 June', '31 December'], ['2025', '2024']],
        subtitles: ['£m'],
        rows: [
          row('Current assets', '', ''),
          { label: 'Cash and bank balances', cells: ['17.6', '13.9'] },
          { label: 'Inventories', cells: ['59.5', '71.1'], note: '8' },
          { label: 'Trade receivables', cells: ['32.7', '30.2'], note: '9' },
          row('Total current assets', '109.8', '115.2'),
          { label: 'Property, plant and', cells: [] },
          { label: 'equipment', cells: ['61.7', '64.4'], note: '10' },
          row('Total assets', '171.5', '179.6'),
          row('Total liabilities', '91.2', '97.9'),
          row('Share capital', '50.0', '50.0'),
          row('Retained earnings', '30.3', '31.7'),
          row('Total equity', '80.3', '81.7'),
        ],
      }),
    ]);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2025-06-30', null],
      ['2024-12-31', null],
    ]);
    expect(s.currency).toBe('GBP');
    expect(s.unit).toBe('millions');
    expect(line(s, 'Inventories').values).toEqual(['59.5', '71.1']);
    expect(line(s, 'Property, plant and equipment')).toMatchObject({ concept: 'property_plant_equipment', values: ['61.7', '64.4'] });
    expect(s.checks.find((c) => c.name === 'assets = liabilities + equity')?.passed).toBe(true);
    // 17.6 + 59.5 + 32.7 = 109.8 printed as the current-assets total
    expect(s.checks.filter((c) => c.name === 'subtotal: Total current assets').map((c) => c.actual)).toEqual(['109.8', '115.2']);
  });

  it('merges figures that wrap onto the next line and label tails under their figures', async () => {
    const texts = statementTexts({
      title: 'Condensed Consolidated Statement of Cash Flows',
      subtitles: ['For the six months ended 30 June 2025'],
      columnsX: [430, 520],
      headers: [['2025', '2024']],
      rows: [
        row('Loss before taxation', '(1,687,078)', '(1,810,660)'),
        row('Net cash used in operating activities', '(457,147)', '(3,342)'),
        row('Net cash used in investing activities', '(416,824)', '(514,453)'),
        row('Net cash generated from financing activities', '1,062,500', '896,881'),
        row('Net increase in cash and cash equivalents', '188,529', '379,086'),
        row('Cash and cash equivalents at beginning of', '37,847', ''),
        row('period', '', '280,584'),
        row('Cash and cash equivalents at end of period', '226,376', '659,670'),
      ],
    });
    const s = statementOf(await extract([{ texts }]), 'CASH_FLOW_STATEMENT');
    expect(s.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2025-06-30', 6],
      ['2024-06-30', 6],
    ]);
    expect(line(s, 'Cash and cash equivalents at beginning of period')).toMatchObject({ concept: 'cash_at_beginning', values: ['37847', '280584'] });
    expect(s.checks.filter((c) => c.name.startsWith('opening + change')).every((c) => c.passed)).toBe(true);
    expect(s.checks.find((c) => c.name.startsWith('operating + investing'))?.passed).toBe(true);
  });

  it('reads number styles: spaces and thin spaces, comma decimals, en-dash minus, € and "!" glyphs', async () => {
    const out = await extract([
      page({
        title: 'Konzern-Gewinn- und Verlustrechnung',
        subtitles: ['in Mio. €'],
        columnsX: [430, 520],
        headers: [['2024', '2023']],
        rows: [
          row('Umsatzerlöse', '1.234,5', '1.100,0'),
          row('Umsatzkosten', '\u2013876,4', '\u2013800,1'),
          row('Bruttoergebnis', '358,1', '299,9'),
          row('Betriebsergebnis', '€ 120,0', '!99,5'),
          row('Ergebnis vor Steuern', '110,0', '\u2013'),
          row('Jahresüberschuss', '80,0', '70,0'),
        ],
      }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.unit).toBe('millions');
    expect(s.currency).toBe('EUR');
    expect(line(s, 'Umsatzerlöse')).toMatchObject({ concept: 'revenue', values: ['1234.5', '1100.0'] });
    expect(line(s, 'Umsatzkosten').values).toEqual(['-876.4', '-800.1']);
    expect(line(s, 'Betriebsergebnis').values).toEqual(['120.0', '99.5']);
    expect(line(s, 'Ergebnis vor Steuern').values).toEqual(['110.0', null]);
  });

  it('reads space-grouped figures and Swedish titles', async () => {
    const out = await extract([
      page({
        title: 'Koncernens balansräkning',
        subtitles: ['Belopp i MSEK'],
        columnsX: [430, 520],
        headers: [['31 december 2024', '31 december 2023']],
        rows: [
          row('Goodwill', '12 345', '11 002'),
          row('Varulager', '2 500', '2 100'),
          row('Likvida medel', '1 000', '900'),
          row('Summa tillgångar', '15 845', '14 002'),
          row('Summa eget kapital', '9 000', '8 000'),
          row('Summa skulder', '6 845', '6 002'),
          row('Summa eget kapital och skulder', '15 845', '14 002'),
        ],
      }),
    ]);
    const s = statementOf(out, 'BALANCE_SHEET');
    expect(s.currency).toBe('SEK');
    expect(s.unit).toBe('millions');
    expect(s.columns[0].periodEnd).toBe('2024-12-31');
    expect(line(s, 'Goodwill').values).toEqual(['12345', '11002']);
    expect(line(s, 'Summa eget kapital och skulder').concept).toBe('total_liabilities_and_equity');
    expect(s.checks.find((c) => c.name === 'assets = liabilities and equity')?.passed).toBe(true);
  });

  it.each([
    ['French', 'Tableau des flux de trésorerie consolidés', 'CASH_FLOW_STATEMENT', 'Flux de trésorerie liés aux activités opérationnelles'],
    ['Dutch', 'Geconsolideerde winst-en-verliesrekening', 'INCOME_STATEMENT', 'Netto-omzet'],
    ['French', 'Compte de résultat consolidé', 'INCOME_STATEMENT', "Chiffre d'affaires"],
    ['Dutch', 'Geconsolideerde balans', 'BALANCE_SHEET', 'Totaal activa'],
  ] as const)('locates a %s title: %s', async (_lang, title, type, label) => {
    const out = await extract([
      page({ title, columnsX: [430, 520], headers: [['2024', '2023']], rows: [row(label, '1 000', '900'), row('Autre', '200', '100'), row('Overig', '300', '250'), row('Total', '1 500', '1 250')] }),
    ]);
    expect(statementOf(out, type).lineItems[0].label).toBe(label);
  });

  it('joins a statement whose title and headers sit at the foot of one page and figures on the next', async () => {
    const out = await extract([
      { texts: [{ text: 'Chairman statement continues here with some narrative text.', x: 50, y: 700 }, ...statementTexts({ title: 'Condensed Consolidated Statement of Comprehensive Income', top: 120, columnsX: [430, 520], headers: [['6 months to', '6 months to'], ['30 September', '30 September'], ['2024', '2023']], rows: [] })] },
      page({ columnsX: [430, 520], rows: [row('Revenue', '165,780', '882,478'), row('Cost of sales', '-', '(384,916)'), row('Gross profit', '165,780', '497,562'), row('Operating loss', '(1,360,322)', '(1,617,147)'), row('Loss before income tax', '(1,433,273)', '(1,681,841)')] }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.pages).toEqual([1, 2]);
    expect(s.columns.map((c) => [c.periodEnd, c.periodMonths])).toEqual([
      ['2024-09-30', 6],
      ['2023-09-30', 6],
    ]);
    expect(line(s, 'Revenue')).toMatchObject({ page: 2, values: ['165780', '882478'] });
    expect(line(s, 'Cost of sales').values).toEqual([null, '-384916']);
  });

  it('does not pick the table of contents or a five-year summary', async () => {
    const toc = {
      texts: [
        { text: 'Contents', x: 50, y: 780, size: 12 },
        { text: 'Consolidated Statements of Operations', x: 50, y: 750 },
        { text: '79', x: 500, y: 750, alignRight: true },
        { text: 'Consolidated Balance Sheets', x: 50, y: 736 },
        { text: '78', x: 500, y: 736, alignRight: true },
      ],
    };
    const fiveYear = page({
      title: 'Five-year summary income statement',
      columnsX: [300, 360, 420, 480, 540],
      headers: [['2021', '2020', '2019', '2018', '2017']],
      rows: [row('Revenue', '3,208', '2,364', '3,615', '2,156', '1,059'), row('Net loss', '(1,009)', '(1,752)', '(2,602)', '(911)', '(688)'), row('Gross profit', '1,558', '917', '1,439', '900', '500'), row('Operating loss', '(1,082)', '(1,808)', '(2,702)', '(977)', '(708)')],
    });
    const statement = page({ title: 'Consolidated Statements of Operations', headers: [['2021', '2020', '2019']], rows: incomeRows });
    const out = await extract([toc, fiveYear, statement]);
    expect(statementOf(out, 'INCOME_STATEMENT').pages).toEqual([3]);
  });

  it('attaches figures printed at the middle of a multi-line label to that label', async () => {
    const texts = [
      ...statementTexts({ title: 'Consolidated Balance Sheets', columnsX: [430, 520], headers: [['2021', '2020']], rows: [row('Total liabilities', '3,379,886', '3,002,801')] }),
      { text: 'Common stock, $0.00001 par value; 18,000,000,000 Class A shares authorized;', x: 50, y: 714 },
      { text: '336,335,594 and 314,934,487 shares issued and outstanding', x: 50, y: 705 },
      { text: '3', x: 430, y: 709.5, alignRight: true },
      { text: '3', x: 520, y: 709.5, alignRight: true },
      ...statementTexts({ top: 690, columnsX: [430, 520], rows: [row('Additional paid-in capital', '9,706,293', '8,977,061'), row('Total stockholders equity', '1,393,998', '1,676,163')] }),
    ];
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'BALANCE_SHEET')!;
    const stock = s.lineItems.find((l) => l.label.startsWith('Common stock'));
    expect(stock).toMatchObject({ values: ['3', '3'], concept: 'share_capital' });
    expect(stock!.label).toContain('shares issued and outstanding');
    expect(s.lineItems.some((l) => l.label === '')).toBe(false);
  });

  it('ignores a trailing percentage column', async () => {
    const out = await extract([
      page({ title: 'Consolidated income statement', columnsX: [400, 480, 560], headers: [['2024', '2023', 'Change']], rows: [row('Revenue', '1,200', '1,000', '20%'), row('Operating profit', '120', '100', '20%'), row('Profit before tax', '110', '90', '22%'), row('Profit for the year', '80', '70', '14%')] }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(s.columns).toHaveLength(2);
    expect(line(s, 'Revenue').values).toEqual(['1200', '1000']);
  });

  it('reads a landscape statement page stored with /Rotate 90', async () => {
    const texts = statementTexts({ title: 'Consolidated income statement', top: 560, columnsX: [500, 600, 700, 800], headers: [['2024', '2023', '2022', '2021']], rows: [row('Revenue', '1,200', '1,000', '900', '800'), row('Operating profit', '120', '100', '90', '80'), row('Profit before tax', '110', '90', '85', '70'), row('Profit for the year', '80', '70', '60', '50')] });
    const s = statementOf(await extract([{ texts, landscape: true }]), 'INCOME_STATEMENT');
    expect(s.columns.map((c) => c.fiscalYear)).toEqual([2024, 2023, 2022, 2021]);
    expect(line(s, 'Revenue').values).toEqual(['1200', '1000', '900', '800']);
  });

  it('names sub-lines by their heading: basic and diluted earnings per share', async () => {
    const out = await extract([
      page({
        title: 'Consolidated income statement',
        columnsX: [430, 520],
        headers: [['2024', '2023']],
        rows: [row('Revenue', '1,200', '1,000'), row('Operating profit', '120', '100'), row('Profit before tax', '110', '90'), row('Profit for the year', '80', '70'), row('Earnings per share (pence)', '', ''), row('Basic', '24.5', '21.0'), row('Diluted', '24.4', '20.9')],
      }),
    ]);
    const s = statementOf(out, 'INCOME_STATEMENT');
    expect(line(s, 'Basic')).toMatchObject({ concept: 'eps_basic', perShare: true, values: ['24.5', '21.0'] });
    expect(line(s, 'Diluted').concept).toBe('eps_diluted');
  });

  it('reads a UK plc layout: Notes column, per-column "£m" under the years, year-end in the subtitle', async () => {
    const texts = statementTexts({
      title: 'Consolidated income statement',
      subtitles: ['for the year ended 31 March 2024'],
      columnsX: [430, 520],
      notesX: 340,
      headers: [['2024', '2023'], ['£m', '£m']],
      rows: [
        { label: 'Revenue', cells: ['1,234.5', '1,100.2'], note: '3' },
        { label: 'Cost of sales', cells: ['(800.1)', '(700.0)'] },
        { label: 'Gross profit', cells: ['434.4', '400.2'] },
        { label: 'Operating profit', cells: ['120.0', '99.5'], note: '4' },
        { label: 'Finance costs', cells: ['(10.0)', '(9.5)'], note: '6' },
        { label: 'Profit before tax', cells: ['110.0', '90.0'] },
        { label: 'Taxation', cells: ['(30.0)', '(20.0)'], note: '7' },
        { label: 'Profit for the year', cells: ['80.0', '70.0'] },
      ],
    });
    texts.push({ text: 'Notes', x: 340, y: 780 - 18 - 14, alignRight: true });
    const s = statementOf(await extract([{ texts }]), 'INCOME_STATEMENT');
    expect([s.currency, s.unit]).toEqual(['GBP', 'millions']);
    expect(s.columns.map((c) => [c.fiscalYear, c.periodEnd, c.periodMonths])).toEqual([
      [2024, '2024-03-31', 12],
      [2023, '2023-03-31', 12],
    ]);
    expect(line(s, 'Revenue').values).toEqual(['1234.5', '1100.2']);
    expect(line(s, 'Taxation')).toMatchObject({ concept: 'income_tax', values: ['-30.0', '-20.0'] });
    expect(s.checks.find((c) => c.name.startsWith('gross profit'))?.passed).toBe(true);
    expect(s.checks.find((c) => c.name.startsWith('net income'))?.passed).toBe(true);
  });

  it('joins figures printed on the line after a label that ends in a broken peso sign', async () => {
    const texts = [
      ...statementTexts({ title: 'STATEMENTS OF FINANCIAL POSITION', columnsX: [430, 520], headers: [['2024', '2023']], rows: [] }),
      { text: 'Cash (Note 4)', x: 50, y: 734 },
      { text: 'P', x: 380, y: 734 },
      { text: '=2,618,394', x: 430, y: 722, alignRight: true },
      { text: '=3,504,619', x: 520, y: 722, alignRight: true },
      { text: 'P', x: 470, y: 712 },
      ...statementTexts({ top: 698, columnsX: [430, 520], rows: [row('Receivables', '265,194,231', '214,637,576'), row('Total Current Assets', '267,812,625', '218,142,195'), row('TOTAL ASSETS', '267,812,625', '218,142,195'), row('Total Liabilities', '200,000,000', '200,000,000'), row('Total Equity', '67,812,625', '18,142,195')] }),
    ];
    const s = statementOf(await extract([{ texts }]), 'BALANCE_SHEET');
    expect(line(s, 'Cash')).toMatchObject({ concept: 'cash_and_equivalents', values: ['2618394', '3504619'] });
    expect(s.currency).toBe('PHP');
  });
});
