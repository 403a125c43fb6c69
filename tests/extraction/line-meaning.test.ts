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

describe.skipIf(!filingsPresent)('line meanings on held-out filings', () => {
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
