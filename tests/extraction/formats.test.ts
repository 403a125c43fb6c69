// Number formats and units on whole statements: generated PDFs, then the real reports that print them.
import { describe, expect, it } from 'vitest';
import { extractStatements, type ExtractedStatement, type StatementType } from '../../src/extraction/index.js';
import { devSetPresent, devStatement } from './helpers/dev-pages.js';
import { makePdf, row, statementTexts, type StatementSpec } from './helpers/make-pdf.js';

const statementOf = async (spec: StatementSpec, type: StatementType): Promise<ExtractedStatement> => {
  const out = await extractStatements(await makePdf([{ texts: statementTexts(spec) }]));
  const s = out.statements.find((x) => x.type === type);
  expect(s, `${type} located`).toBeDefined();
  return s!;
};
const valuesOf = (s: ExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label)?.values;

describe('number formats and units on generated statements', () => {
  it('reads Indian digit grouping in lakhs', async () => {
    const s = await statementOf(
      {
        title: 'Statement of Profit and Loss for the year ended 31 March 2024',
        subtitles: ['(Rs. in lakhs, unless otherwise stated)'],
        columnsX: [430, 520],
        headers: [['Year ended', 'Year ended'], ['31 March 2024', '31 March 2023']],
        rows: [
          row('Revenue from operations', '2,88,862.03', '2,64,852.18'),
          row('Total income', '2,90,971.85', '2,66,286.66'),
          row('Total expenses', '2,78,871.95', '2,46,034.95'),
          row('Profit before tax', '12,099.90', '20,251.71'),
          row('Tax expense', '3,193.80', '3,637.96'),
          row('Profit for the year', '8,906.10', '16,613.75'),
        ],
      },
      'INCOME_STATEMENT',
    );
    expect([s.unit, s.currency, s.scale]).toEqual(['lakhs', 'INR', 1e5]);
    expect(valuesOf(s, 'Revenue from operations')).toEqual(['288862.03', '264852.18']);
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2024-03-31', '2023-03-31']);
  });

  it('reads trailing minus signs and crores', async () => {
    const s = await statementOf(
      {
        title: 'Balance Sheet as at 31 March 2024',
        subtitles: ['(Rs. in Crores)'],
        columnsX: [430, 520],
        headers: [['31.03.2024', '31.03.2023']],
        rows: [
          row('Total assets', '1,234.50', '1,100.00'),
          row('Retained earnings', '120.40-', '99.10'),
          row('Total equity', '500.00', '480.00'),
          row('Total liabilities', '734.50', '620.00'),
        ],
      },
      'BALANCE_SHEET',
    );
    expect([s.unit, s.currency]).toEqual(['crores', 'INR']);
    expect(valuesOf(s, 'Retained earnings')).toEqual(['-120.40', '99.10']);
    expect(s.columns.map((c) => c.periodEnd)).toEqual(['2024-03-31', '2023-03-31']);
  });

  it('reads "M€", comma decimals and a minus set apart by a space, in a Spanish statement', async () => {
    const s = await statementOf(
      {
        title: 'Cuenta de pérdidas y ganancias consolidada',
        subtitles: ['M€'],
        columnsX: [430, 520],
        headers: [['2023', '2022']],
        rows: [
          row('Importe neto de la cifra de negocios', '1.234,5', '1.100,0'),
          row('Aprovisionamientos', '- 876,4', '- 800,1'),
          row('Resultado de explotación', '358,1', '299,9'),
          row('Resultado antes de impuestos', '310,0', '250,0'),
          row('Impuesto sobre beneficios', '- 80,0', '- 70,0'),
          row('Resultado del ejercicio', '230,0', '180,0'),
        ],
      },
      'INCOME_STATEMENT',
    );
    expect([s.unit, s.currency]).toEqual(['millions', 'EUR']);
    expect(valuesOf(s, 'Aprovisionamientos')).toEqual(['-876.4', '-800.1']);
    expect(valuesOf(s, 'Importe neto de la cifra de negocios')).toEqual(['1234.5', '1100.0']);
  });
});

describe.skipIf(!devSetPresent)('number formats and units on real reports', () => {
  it('VRL Logistics: ₹ in lakhs', async () => {
    const s = await devStatement('vrllogistics_fy2024.pdf', [159], 'INCOME_STATEMENT');
    expect([s.unit, s.currency]).toEqual(['lakhs', 'INR']);
    expect(s.lineItems.find((l) => l.label === 'Revenue from operations')?.values).toEqual(['288862.03', '264852.18']);
  });

  it('Mercedes-Benz: German figures (153.218 and 13,46) under "in Millionen €"', async () => {
    const s = await devStatement('mercedesbenz_2023_de.pdf', [195], 'INCOME_STATEMENT');
    expect([s.unit, s.currency]).toEqual(['millions', 'EUR']);
    expect(s.lineItems.find((l) => l.label === 'Umsatzerlöse')?.values).toEqual(['153218', '150017']);
    expect(s.lineItems.find((l) => l.label === 'Unverwässert')?.values).toEqual(['13.46', '13.55']);
  });

  it('Universiteit Twente: "- 10,7" and "(M€)"', async () => {
    const s = await devStatement('univtwente_2014_nl.pdf', [141], 'CASH_FLOW_STATEMENT');
    expect([s.unit, s.currency]).toEqual(['millions', 'EUR']);
    expect(s.lineItems.find((l) => l.label === 'Betaalde interest')?.values).toEqual(['-11.1', '-4.9']);
  });
});
