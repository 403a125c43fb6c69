// Per fiscal year arithmetic on compiled figures: the balance sheet balances, cash-flow sections sum to the net
// change, and net income agrees between the income and cash-flow statements. Each reports its difference.
import { convert, Decimal } from './units.js';
import type { CompiledRowData, CompiledStatementData, StatementCheck, StatementType } from './types.js';

type Figures = Map<string, Map<number, Decimal | null>>;

interface Rule {
  name: string;
  total: string;
  parts: { concept: string; optional?: boolean }[];
}

// Alternatives for one check share the text before " (": the first that applies and holds is reported, else the
// first that applies.
const RULES: Record<StatementType, Rule[]> = {
  BALANCE_SHEET: [
    { name: 'assets = liabilities + equity', total: 'total_assets', parts: [{ concept: 'total_liabilities' }, { concept: 'total_equity' }] },
    { name: 'assets = liabilities + equity (as one total)', total: 'total_assets', parts: [{ concept: 'total_liabilities_and_equity' }] },
  ],
  CASH_FLOW_STATEMENT: [
    {
      name: 'operating + investing + financing = net change',
      total: 'net_change_in_cash',
      parts: [{ concept: 'net_cash_from_operating' }, { concept: 'net_cash_from_investing' }, { concept: 'net_cash_from_financing' }],
    },
    {
      name: 'operating + investing + financing = net change (+ FX)',
      total: 'net_change_in_cash',
      parts: [
        { concept: 'net_cash_from_operating' },
        { concept: 'net_cash_from_investing' },
        { concept: 'net_cash_from_financing' },
        { concept: 'effect_of_exchange_rates' },
      ],
    },
  ],
  INCOME_STATEMENT: [],
};

export function figuresByConcept(rows: CompiledRowData[]): Figures {
  const figures: Figures = new Map();
  for (const row of rows) {
    if (!row.concept || figures.has(row.concept)) continue;
    figures.set(row.concept, new Map(row.cells.map((c) => [c.fiscalYear, c.value === null ? null : new Decimal(c.value)])));
  }
  return figures;
}

function check(name: string, fiscalYear: number, expected: Decimal, actual: Decimal): StatementCheck {
  return {
    name,
    fiscalYear,
    expected: expected.toFixed(),
    actual: actual.toFixed(),
    difference: actual.minus(expected).toFixed(),
    passed: actual.equals(expected),
  };
}

export function statementChecks(type: StatementType, rows: CompiledRowData[], fiscalYears: number[]): StatementCheck[] {
  const figures = figuresByConcept(rows);
  const checks: StatementCheck[] = [];
  for (const year of fiscalYears) {
    const found = new Map<string, StatementCheck>();
    for (const rule of RULES[type]) {
      const family = rule.name.split(' (')[0];
      if (found.get(family)?.passed) continue;
      const total = figures.get(rule.total)?.get(year);
      if (total === undefined || total === null) continue;
      let sum = new Decimal(0);
      let complete = true;
      for (const part of rule.parts) {
        const v = figures.get(part.concept)?.get(year);
        if (v === undefined) complete &&= part.optional === true;
        else if (v !== null) sum = sum.plus(v);
      }
      if (!complete) continue;
      const result = check(family, year, total, sum);
      if (!found.has(family) || result.passed) found.set(family, result);
    }
    checks.push(...found.values());
  }
  return checks;
}

/** Net income as the income statement prints it against the cash-flow statement's starting line, per year. */
export function netIncomeAgreement(income: CompiledStatementData, cashFlow: CompiledStatementData): StatementCheck[] {
  const printed = figuresByConcept(income.rows).get('net_income');
  const started = figuresByConcept(cashFlow.rows).get('net_income');
  if (!printed || !started) return [];
  const checks: StatementCheck[] = [];
  for (const year of income.fiscalYears) {
    const a = printed.get(year);
    const b = started.get(year);
    if (a == null || b == null) continue;
    // Compared in the income statement's unit.
    const cf = convert(b.toFixed(), cashFlow.unit, income.unit, false);
    checks.push(check('net income agrees with the cash-flow statement', year, a, cf));
  }
  return checks;
}
