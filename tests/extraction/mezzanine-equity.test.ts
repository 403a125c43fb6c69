// Mezzanine (temporary) equity: redeemable or convertible preferred stock printed between liabilities and
// equity, in neither total. The balance sheet adds up with it; without it, it must still fail. Generated, then real.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement } from '../../src/extraction/index.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { makePdf, row, statementTexts } from './helpers/make-pdf.js';

const balanceSheet = async (preferred: [string, string]): Promise<ExtractedStatement> => {
  const texts = statementTexts({
    title: 'Condensed Consolidated Balance Sheets',
    subtitles: ['(in thousands)'],
    headers: [['2023', '2022']],
    columnsX: [440, 540],
    rows: [
      row('Cash', '16,177', '9,746'),
      row('Total current assets', '16,177', '9,746'),
      row('Property and equipment, net', '1,442', '1,032'),
      row('Total assets', '17,619', '10,778'),
      row('Accounts payable', '14,177', '82,574'),
      row('Total current liabilities', '14,177', '82,574'),
      row('Total liabilities', '139,359', '143,242'),
      row('Convertible preferred stock issuable in series', ...preferred),
      row('Additional paid-in capital', '301,408', '187,348'),
      row('Accumulated deficit', '(423,148)', '(457,761)'),
      row("Total stockholders' deficit", '(121,740)', '(270,413)'),
      row("Total liabilities, convertible preferred stock and stockholders' deficit", '17,619', '10,778'),
    ],
  });
  return (await extractStatements(await makePdf([{ texts }]))).statements.find((s) => s.type === 'BALANCE_SHEET')!;
};

describe('mezzanine equity between liabilities and equity', () => {
  it('lets the balance sheet add up through the preferred stock line, and names the closing total', async () => {
    const s = await balanceSheet(['', '137,949']);
    expect(s.lineItems.at(-1)?.concept).toBe('total_liabilities_and_equity');
    expect(s.checks.filter((c) => !c.passed)).toEqual([]);
    expect(s.verdict).not.toBe('inconsistent');
  });

  it('still fails when the line between does not close the gap', async () => {
    const s = await balanceSheet(['', '137,940']);
    expect(s.verdict).toBe('inconsistent');
  });
});

describe.skipIf(!filingsPresent)('mezzanine equity on a held-out filing', () => {
  it('10-Q balance sheet with convertible preferred stock in the predecessor column is not inconsistent', async () => {
    const s = await filingStatement('sec/aeon-20230930/aeon-20230930x10q.pdf', [5], 'BALANCE_SHEET');
    expect(s.checks.filter((c) => !c.passed)).toEqual([]);
  });
});
