// Per fiscal year arithmetic on compiled figures: the extraction engine's identities (the balance sheet balances,
// cash-flow sections sum to the net change, ...) and net income agreeing between the income and cash-flow
// statements. Each reports its difference.
import { identityChecks } from '../../extraction/checks.js';
import { convert, Decimal } from './units.js';
import type { CompiledRowData, CompiledStatementData, StatementCheck, StatementType } from './types.js';

type Figures = Map<string, Map<number, Decimal | null>>;

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

/**
 * The extraction engine's identity checks (one rule set for both), run on the compiled figures with one column
 * per fiscal year.
 */
export function statementChecks(type: StatementType, rows: CompiledRowData[], fiscalYears: number[]): StatementCheck[] {
  const lineItems = rows.map((row) => ({
    concept: row.concept,
    values: fiscalYears.map((year) => row.cells.find((c) => c.fiscalYear === year)?.value ?? null),
  }));
  return identityChecks({ type, columns: fiscalYears, lineItems }).map((c) => ({
    name: c.name,
    fiscalYear: fiscalYears[c.column],
    expected: c.expected,
    actual: c.actual,
    difference: c.difference,
    passed: c.passed,
  }));
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
