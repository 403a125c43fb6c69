// What a statement line means, as held-out filings print it: share capital's par value is not a per-share figure,
// net income attributable to non-controlling interests is not net income, a heading further down never names the
// lines above it, and the wordings "cost of products sold" / "net earnings per common share". Synthetic first,
// then the real pages.
import { describe, expect, it } from 'vitest';
import { extractStatements, matchConcept, type ExtractedStatement } from '../../src/extraction/index.js';
import { assignConcepts } from '../../src/extraction/concepts/assign-concepts.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { makePdf, row, statementTexts } from './helpers/make-pdf.js';

const line = (s: ExtractedStatement, label: RegExp) => s.lineItems.find((l) => label.test(l.label));

describe('line meanings', () => {
  it.each([
    ['Net income (loss) attributable to noncontrolling interests', null],
    ['Net income attributable to non-controlling interests', null],
    ['Net income (loss) including noncontrolling interests', 'net_income'],
    ['Net income attributable to Acme Corp.', 'net_income'],
    ['Cost of products sold', 'cost_of_sales'],
    ['NET EARNINGS PER COMMON SHARE Basic', 'eps_basic'],
    ['NET EARNINGS PER COMMON SHARE Diluted', 'eps_diluted'],
    ['Avg. shares outstanding Basic', 'weighted_average_shares'],
  ] as const)('"%s" on an income statement is %s', (label, concept) => {
    expect(matchConcept('INCOME_STATEMENT', label)).toBe(concept);
  });

  it('a heading after a blank row heads only the lines below it', () => {
    const rows = [
      { label: 'Net sales', hasFigures: true },
      { label: 'Cost of products sold', hasFigures: true },
      { label: '', hasFigures: false },
      { label: 'Net earnings per common share', hasFigures: false },
      { label: 'Basic', hasFigures: true },
      { label: 'Diluted', hasFigures: true },
      { label: '', hasFigures: false },
    ];
    expect(assignConcepts('INCOME_STATEMENT', rows)).toEqual(['revenue', 'cost_of_sales', null, null, 'eps_basic', 'eps_diluted', null]);
  });

  it('reads share capital with its par value per share in the statement unit, not as a per-share figure', async () => {
    const texts = statementTexts({
      title: 'Consolidated Balance Sheets',
      subtitles: ['(Dollars in Millions)'],
      headers: [['2025', '2024']],
      columnsX: [480, 560],
      rows: [
        row('Total assets', '193,403', '180,104'),
        row('Total liabilities', '117,684', '108,614'),
        row('Common stock — par value $1.00 per share (authorized 4,320,000,000 shares)', '3,120', '3,120'),
        row('Retained earnings', '72,599', '71,490'),
        row("Total shareholders' equity", '75,719', '71,490'),
        row("Total liabilities and shareholders' equity", '193,403', '180,104'),
      ],
    });
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'BALANCE_SHEET')!;
    expect(line(s, /^Common stock/)).toMatchObject({ perShare: false, values: ['3120', '3120'] });
    expect(s.scale).toBe(1e6);
  });
});

describe('carried disclosures', () => {
  it('keeps a carried disclosure\'s sub-headings and their lines under the closing cash line', async () => {
    const texts = statementTexts({
      title: 'Condensed Consolidated Statement of Cash Flows',
      headers: [['2025', '2024']],
      columnsX: [440, 540],
      rows: [
        row('Net income', '15,387', '18,137'),
        row('Net cash provided by operating activities', '24,549', '28,967'),
        row('Net cash used in investing activities', '(12,081)', '(10,150)'),
        row('Net cash used in financing activities', '(20,544)', '(23,579)'),
        row('Increase/(decrease) in cash and cash equivalents', '(8,076)', '(4,762)'),
        row('Cash and cash equivalents at beginning of period', '23,187', '31,568'),
        row('Cash and cash equivalents at end of period', '15,111', '26,806'),
        row('Supplemental cash flow disclosures'),
        row('Income taxes paid', '5,582', '6,968'),
        row('Cash interest paid'),
        row('Included in cash flows from operating activities', '169', '321'),
        row('Total cash interest paid', '876', '911'),
        row('Segment information by quarter, as described in Note 9, follows.'),
        row('Upstream', '1', '2'),
      ],
    });
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'CASH_FLOW_STATEMENT')!;
    const labels = s.lineItems.map((l) => l.label);
    expect(labels).toContain('Included in cash flows from operating activities');
    expect(labels).toContain('Total cash interest paid');
    expect(labels).not.toContain('Upstream');
  });
});

describe.skipIf(!filingsPresent)('line meanings on held-out filings', () => {
  it('10-Q: the share counts under "Avg. shares outstanding" stay with the statement', async () => {
    const s = await filingStatement('sec-corpus/jnj-10-q-2025-07-24.pdf', [12], 'INCOME_STATEMENT');
    expect(s.lineItems.find((l) => l.concept === 'weighted_average_shares')?.values).toEqual(['2406.3', '2406.8']);
  });

  it('10-K: "Supplemental cash flow disclosures" under the statement is part of it, not a new title', async () => {
    const s = await filingStatement('sec-corpus/unh-10-k-2025-02-27.pdf', [66], 'CASH_FLOW_STATEMENT');
    expect(line(s, /^Cash paid for interest/)?.values).toEqual(['3594', '3035', '1945']);
  });

  it('10-Q: supplemental cash-flow disclosures with their own sub-headings are kept', async () => {
    const s = await filingStatement('sec-corpus/xom-10-q-2025-08-04.pdf', [9], 'CASH_FLOW_STATEMENT');
    expect(line(s, /^Total cash interest paid/)?.values).toEqual(['876', '911']);
  });

  it('10-Q statement of earnings: cost of products sold, EPS under its heading after a blank row', async () => {
    const s = await filingStatement('sec-corpus/pg-10-q-2025-04-24.pdf', [4], 'INCOME_STATEMENT');
    expect(line(s, /^Cost of products sold/)?.concept).toBe('cost_of_sales');
    expect(s.lineItems.filter((l) => l.perShare).map((l) => [l.concept, l.values[0]])).toEqual([
      ['eps_basic', '1.58'],
      ['eps_diluted', '1.54'],
    ]);
  });

  it('10-Q income statement with non-controlling interests: net income including them, their share unnamed', async () => {
    const s = await filingStatement('sec-corpus/xom-10-q-2025-08-04.pdf', [5], 'INCOME_STATEMENT');
    expect(line(s, /including noncontrolling/)?.concept).toBe('net_income');
    expect(line(s, /attributable to noncontrolling/)?.concept).toBeNull();
    expect(s.checks.filter((c) => c.name.startsWith('net income')).every((c) => c.passed)).toBe(true);
  });

  it('10-Q balance sheet: common stock with its par value is read in millions', async () => {
    const s = await filingStatement('sec-corpus/jnj-10-q-2025-07-24.pdf', [10, 11], 'BALANCE_SHEET');
    expect(line(s, /^Common stock/)).toMatchObject({ perShare: false, values: ['3120', '3120'] });
  });
});
