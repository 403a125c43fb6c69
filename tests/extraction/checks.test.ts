// The check engine on synthetic statements: subtotal readings, per-share checks, rounding, and the verdict rules.
import { describe, expect, it } from 'vitest';
import { judgeStatement, runChecks, type ExtractedLine, type ExtractedStatement } from '../../src/extraction/index.js';

const line = (label: string, values: (string | null)[], extra: Partial<ExtractedLine> = {}): ExtractedLine => ({
  label,
  concept: null,
  values,
  page: 1,
  level: 0,
  isTotal: /^total\b/i.test(label),
  perShare: false,
  ...extra,
});
const statement = (type: ExtractedStatement['type'], lineItems: ExtractedLine[], years = [2024, 2023]): ExtractedStatement => ({
  type,
  title: 'Statement',
  pages: [1],
  currency: 'EUR',
  unit: 'millions',
  scale: 1e6,
  columns: years.map((y) => ({ label: String(y), fiscalYear: y, periodEnd: `${y}-12-31`, periodMonths: type === 'BALANCE_SHEET' ? null : 12 })),
  lineItems,
  checks: [],
});
const checked = (s: ExtractedStatement) => ({ ...s, checks: runChecks(s) });

describe('subtotal checks', () => {
  it('chains an income statement whose costs are printed as positive figures: revenue - costs, then on from the total', () => {
    const s = checked(statement('INCOME_STATEMENT', [
      line('Revenue', ['1000', '900']),
      line('Cost of revenue', ['400', '380']),
      line('Research and development', ['300', '250']),
      line('Total costs and expenses', ['700', '630']),
      line('Operating income', ['300', '270']),
      line('Interest expense', ['-20', '-15']),
      line('Income before income taxes', ['280', '255'], { isTotal: true }),
    ]));
    const names = s.checks.filter((c) => c.column === 0).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['subtotal: Total costs and expenses', 'subtotal: Operating income', 'subtotal: Income before income taxes']));
    expect(judgeStatement(s).verdict).toBe('verified');
  });

  it('finds an unlabelled-looking subtotal only when it adds up in every column', () => {
    const lines = (second: string) => [
      line('Share capital', ['3070', '3070']),
      line('Retained earnings', ['76670', '67695']),
      line('Equity attributable to owners', ['79740', second]),
      line('Non-controlling interests', ['1043', '1125']),
      line('Total equity', ['80783', '69890']),
    ];
    const adds = checked(statement('BALANCE_SHEET', lines('70765')));
    expect(adds.checks.some((c) => c.name === 'subtotal: Equity attributable to owners')).toBe(true);
    const onlyFirstColumn = checked(statement('BALANCE_SHEET', lines('70000')));
    expect(onlyFirstColumn.checks.some((c) => c.name === 'subtotal: Equity attributable to owners')).toBe(false);
  });

  it('excuses one unit of rounding on large totals, never on small ones', () => {
    const large = checked(statement('BALANCE_SHEET', [line('Current assets', ['896327', '934863']), line('Non-current assets', ['1212923', '1362283']), line('Total assets', ['2109251', '2297146'])]));
    expect(large.checks.filter((c) => c.name === 'subtotal: Total assets').map((c) => c.passed)).toEqual([true, true]);
    const small = checked(statement('BALANCE_SHEET', [line('Current assets', ['80', '70']), line('Non-current assets', ['58', '78']), line('Total assets', ['139', '148'])]));
    expect(small.checks.some((c) => c.name === 'subtotal: Total assets')).toBe(false);
  });
});

describe('identities', () => {
  it('takes an exchange-rate line worded outside the vocabulary as the missing part when it closes the gap in every column', () => {
    const s = checked(statement('CASH_FLOW_STATEMENT', [
      line('Net cash from operating activities', ['14470', '16894'], { concept: 'net_cash_from_operating' }),
      line('Net cash used in investing activities', ['-7315', '-3453'], { concept: 'net_cash_from_investing' }),
      line('Net cash used in financing activities', ['-8391', '-19032'], { concept: 'net_cash_from_financing' }),
      line('Influence of currency movements on liquid funds', ['-471', '88']),
      line('Change in cash', ['-1707', '-5503'], { concept: 'net_change_in_cash' }),
    ]));
    expect(s.checks.filter((c) => c.name.startsWith('operating')).map((c) => c.passed)).toEqual([true, true]);
  });

  it('does not call an income statement inconsistent for lines between tax and the net result', () => {
    const s = checked(statement('INCOME_STATEMENT', [
      line('Earnings before income taxes', ['1788', '3178'], { concept: 'profit_before_tax' }),
      line('Income tax expense', ['370', '574'], { concept: 'income_tax' }),
      line('Equity in income of affiliates', ['1', '0']),
      line('Net earnings', ['1419', '2604'], { concept: 'net_income' }),
    ]));
    expect(s.checks.some((c) => !c.passed)).toBe(false);
  });
});

describe('per-share check', () => {
  it('proves the share count by EPS = net income / shares, with the scale between them', () => {
    const s = checked(statement('INCOME_STATEMENT', [
      line('Net loss', ['-1009359', '-1752857'], { concept: 'net_income' }),
      line('Net loss per share, basic and diluted', ['-3.02', '-5.61'], { perShare: true }),
      line('Weighted-average shares used to compute net loss per share', ['334724', '312175']),
    ]));
    const perShare = s.checks.filter((c) => c.name.startsWith('per share'));
    expect(perShare.map((c) => [c.column, c.expected, c.actual])).toEqual([[0, '-3.02', '-3.02'], [1, '-5.61', '-5.61']]);
    expect(perShare[0].lines).toEqual([1, 0, 2]);
  });

  it('reports nothing when the share count does not give the EPS', () => {
    const s = checked(statement('INCOME_STATEMENT', [
      line('Net loss', ['-1009359', '-1752857']),
      line('Net loss per share', ['-3.02', '-5.61'], { perShare: true }),
      line('Weighted-average shares', ['334724', '412175']),
    ]));
    expect(s.checks.some((c) => c.name.startsWith('per share'))).toBe(false);
  });
});

describe('verdict rules', () => {
  const balanced = () => [
    line('Cash', ['17', '13']),
    line('Total assets', ['17', '13'], { concept: 'total_assets' }),
    line('Borrowings', ['10', '8']),
    line('Total liabilities', ['10', '8'], { concept: 'total_liabilities' }),
    line('Share capital', ['7', '5']),
    line('Total equity', ['7', '5'], { concept: 'total_equity' }),
  ];
  it('verified when every figure is in a check that holds', () => {
    expect(judgeStatement(checked(statement('BALANCE_SHEET', balanced()))).verdict).toBe('verified');
  });
  it('unverified when two columns claim the same period', () => {
    const s = checked(statement('BALANCE_SHEET', balanced(), [2024, 2024]));
    expect(judgeStatement(s)).toMatchObject({ verdict: 'unverified', why: 'a column has no period of its own' });
  });
  it('unverified when a label is the tail of a wrapped label', () => {
    const lines = balanced();
    lines[2] = line('and small enterprises', ['10', '8']);
    expect(judgeStatement(checked(statement('BALANCE_SHEET', lines))).verdict).toBe('unverified');
  });
  it('inconsistent when an identity fails', () => {
    const lines = balanced();
    lines[5] = line('Total equity', ['8', '5'], { concept: 'total_equity' });
    expect(judgeStatement(checked(statement('BALANCE_SHEET', lines))).verdict).toBe('inconsistent');
  });
});
