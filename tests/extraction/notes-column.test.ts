// A Notes column holds note references; a figure column next to its header holds figures, even when every
// figure is small ("1,000", "-", "0" in a micro-entity's balance sheet). Generated page, then a held-out filing.
import { describe, expect, it } from 'vitest';
import { extractStatements } from '../../src/extraction/index.js';
import { filingsPresent, filingStatement } from './helpers/filing-pages.js';
import { makePdf, row, statementTexts, type TextSpec } from './helpers/make-pdf.js';

describe('a figure column beside the Notes header', () => {
  it('keeps a column of "1,000", "-" and "0" under a year printed next to "Notes"', async () => {
    const texts: TextSpec[] = [
      { text: 'Micro-entity Balance Sheet as at 30 September 2016', x: 150, y: 800, size: 12 },
      { text: 'Notes', x: 418, y: 780 },
      ...['2016', '2015'].map((text, i) => ({ text, x: [471, 515][i], y: 780, alignRight: true })),
      ...statementTexts({
        top: 762,
        columnsX: [471, 515],
        rows: [
          row('Called up share capital not paid', '1,000', '1,000'),
          row('Current assets', '-', '-'),
          row('Creditors: amounts falling due within one year', '0', '0'),
          row('Net current assets (liabilities)', '0', '0'),
          row('Total assets less current liabilities', '1,000', '1,000'),
          row('Total net assets (liabilities)', '1,000', '1,000'),
          row('Capital and reserves', '1,000', '1,000'),
        ],
      }),
    ];
    const s = (await extractStatements(await makePdf([{ texts }]))).statements.find((x) => x.type === 'BALANCE_SHEET')!;
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2016-09-30', '2015-09-30']);
    expect(s.lineItems.find((l) => l.label === 'Capital and reserves')?.values).toEqual(['1000', '1000']);
  });
});

describe.skipIf(!filingsPresent)('a figure column beside the Notes header, held-out filing', () => {
  it('UK micro-entity accounts: both years are read', async () => {
    const s = await filingStatement('uk/GB-COH-07713141-2016-09-30.pdf', [2], 'BALANCE_SHEET');
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2016-09-30', '2015-09-30']);
  });
});
