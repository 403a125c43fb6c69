// compareWithTaggedFacts: tagged values (in units, printed sign) against a PDF extraction in its printed unit.
import { describe, expect, it } from 'vitest';
import { compareWithTaggedFacts, type ExtractedStatement } from '../../../src/extraction/index.js';

function statement(partial: Partial<ExtractedStatement> & Pick<ExtractedStatement, 'lineItems'>): ExtractedStatement {
  return {
    type: 'INCOME_STATEMENT',
    title: 'Income statement',
    pages: [1],
    currency: 'USD',
    unit: 'units',
    scale: 1,
    columns: [
      { label: '2024', fiscalYear: 2024, periodEnd: '2024-12-31', periodMonths: 12 },
      { label: '2023', fiscalYear: 2023, periodEnd: '2023-12-31', periodMonths: 12 },
    ],
    checks: [],
    ...partial,
  };
}
const line = (label: string, concept: string | null, values: (string | null)[], perShare = false) => ({ label, concept, values, page: 1, level: 0, isTotal: false, perShare });

const tagged = [
  statement({
    lineItems: [
      line('Revenue', 'revenue', ['130497000000', '60922000000']),
      line('Interest expense', 'interest_expense', ['-247000000', '-257000000']),
      line('Other, net', null, ['1034000000', '0']),
      line('Diluted', 'eps_diluted', ['2.94', '1.19'], true),
    ],
  }),
];

describe('compareWithTaggedFacts', () => {
  it('counts a PDF figure that equals the fact after its unit, per statement and in total', () => {
    const pdf = [
      statement({
        unit: 'millions',
        scale: 1e6,
        lineItems: [
          line('Revenue', 'revenue', ['130497', '60922']),
          line('Interest expense', 'interest_expense', ['-247', '257']), // a sign misread
          line('Other, net', null, ['1034', null]), // a dash for the tagged zero
          line('Diluted', 'eps_diluted', ['2.94', '1.19'], true), // per share: never scaled
        ],
      }),
    ];
    const agreement = compareWithTaggedFacts(tagged, pdf);
    expect(agreement).toMatchObject({ compared: 8, agreeing: 7, share: 7 / 8 });
    expect(agreement.statements[0].differing).toEqual([
      expect.objectContaining({ label: 'Interest expense', periodEnd: '2023-12-31', xbrlValue: '-257000000', pdfValue: '257000000', reason: 'VALUE' }),
    ]);
  });

  it('says why a value is missing: no statement, no period, a column of another length, no line', () => {
    expect(compareWithTaggedFacts(tagged, []).statements[0].differing.every((d) => d.reason === 'NO_STATEMENT')).toBe(true);
    const quarter = statement({ columns: [{ label: 'Q4', fiscalYear: 2024, periodEnd: '2024-12-31', periodMonths: 3 }], lineItems: [line('Revenue', 'revenue', ['130497000000'])] });
    const reasons = compareWithTaggedFacts(tagged, [quarter]).statements[0].differing.map((d) => `${d.label}@${d.periodEnd}:${d.reason}`);
    expect(reasons).toContain('Revenue@2024-12-31:PERIOD_LENGTH');
    expect(reasons).toContain('Revenue@2023-12-31:NO_PERIOD');
    const noLines = statement({ lineItems: [line('Sales', 'revenue', ['1', '2'])] });
    expect(compareWithTaggedFacts(tagged, [noLines]).statements[0].differing.find((d) => d.label === 'Diluted')!.reason).toBe('NO_LINE');
  });

  it('matches a PDF column without a date by its fiscal year, and a line without a concept by its label', () => {
    const undated = statement({
      columns: [{ label: '2024', fiscalYear: 2024, periodEnd: null, periodMonths: null }],
      lineItems: [line('Revenue', null, ['130497000000']), line('Other, net', null, ['1034000000'])],
    });
    const agreement = compareWithTaggedFacts([statement({ lineItems: tagged[0].lineItems.slice(0, 3) })], [undated]);
    expect(agreement.agreeing).toBe(2);
  });

  it('counts values wrong inside a statement the extractor calls verified: another value or a misdated column, not a missing line', () => {
    const misdated = statement({
      verdict: 'verified',
      columns: [
        { label: '2024', fiscalYear: 2024, periodEnd: '2024-12-31', periodMonths: 12 },
        { label: '2023', fiscalYear: 2023, periodEnd: '2023-12-31', periodMonths: 6 }, // six months read as a year would be wrong
      ],
      lineItems: [line('Revenue', 'revenue', ['130497000000', '60922000000']), line('Interest expense', 'interest_expense', ['-1', '-257000000'])],
    });
    const agreement = compareWithTaggedFacts(tagged, [misdated]);
    // Revenue 2024 agrees; interest 2024 differs (1); every 2023 value is PERIOD_LENGTH (4); Other and Diluted 2024 are missing lines.
    expect(agreement.statements[0].wrongInVerified).toBe(5);
    expect(agreement.wrongInVerified).toBe(5);
    expect(compareWithTaggedFacts(tagged, [{ ...misdated, verdict: 'unverified' }]).wrongInVerified).toBe(0);
  });

  it('finds a fact on the PDF line of its label when two tagged lines share one canonical concept', () => {
    // NetIncomeLoss and ProfitLoss are both net income: the PDF gives the concept to one line only.
    const twoNetIncomes = [statement({ lineItems: [line('Net income including noncontrolling interests', 'net_income', ['7354', '9571']), line('Net income attributable to the parent', 'net_income', ['7082', '9240'])] })];
    const pdf = [statement({ lineItems: [line('Net income including noncontrolling interests', 'net_income', ['7354', '9571']), line('Net income attributable to the parent', null, ['7082', '9240'])] })];
    expect(compareWithTaggedFacts(twoNetIncomes, pdf)).toMatchObject({ compared: 4, agreeing: 4 });
  });

  it('takes a share count printed in units under a statement in thousands as reproducing the tagged count', () => {
    const shares = [statement({ lineItems: [line('Weighted average shares outstanding', 'weighted_average_shares', ['138848177', '37159600'])] })];
    const inThousands = (values: string[]) => [statement({ unit: 'thousands', scale: 1000, lineItems: [line('Weighted average shares outstanding', 'weighted_average_shares', values)] })];
    expect(compareWithTaggedFacts(shares, inThousands(['138848177', '37159600'])).agreeing).toBe(2); // as printed
    expect(compareWithTaggedFacts(shares, inThousands(['138848.177', '37159.6'])).agreeing).toBe(2); // in the unit
    expect(compareWithTaggedFacts(shares, inThousands(['138848', '37160'])).agreeing).toBe(0);
  });
});
