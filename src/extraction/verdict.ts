// A statement's verdict from its checks. "verified" is a promise that the figures are right, so it is given
// only when the arithmetic pins down every figure: the statement's key identity holds in every column, every
// figure takes part in a check that holds, each column stands for a distinct period and every label is whole.
import type { Check, ExtractedStatement, StatementType, Verdict } from './types.js';

/** Per type, the identities of which at least one must hold in every column (any of the listed families). */
const KEY_IDENTITIES: Record<StatementType, string[]> = {
  BALANCE_SHEET: ['assets = liabilities and equity', 'assets = liabilities + equity'],
  CASH_FLOW_STATEMENT: [
    'operating + investing + financing (+ FX) = net change',
    'operating + investing + financing = net change (FX shown after)',
    'opening + change = closing (FX inside the change)',
    'opening + change = closing (+ FX shown separately)',
  ],
  // An income statement has no identity of its own: its subtotal chain has to cover it.
  INCOME_STATEMENT: [],
};

const WRAPPED_TAIL = /^(and|or|of(?! which)|for|from|to|in|on|at|with|by|than|the|und|oder|sowie|en|van|et|ou|och|y)\b/;

export interface VerdictReason {
  verdict: Verdict;
  why: string;
}

export function judgeStatement(statement: Pick<ExtractedStatement, 'type' | 'columns' | 'lineItems' | 'checks'>): VerdictReason {
  const failed = statement.checks.filter((c) => !c.passed);
  if (failed.length > 0) return { verdict: 'inconsistent', why: `${failed.length} check(s) failed, first: ${failed[0].name} in column ${failed[0].column + 1}` };
  if (statement.checks.length === 0) return { verdict: 'unverified', why: 'no check could run' };
  const periods = statement.columns.map((c) => `${c.periodEnd ?? c.fiscalYear}|${c.periodMonths}|${(c as { kind?: string }).kind ?? 'reported'}`);
  if (statement.columns.some((c) => c.fiscalYear === null) || new Set(periods).size < periods.length) {
    return { verdict: 'unverified', why: 'a column has no period of its own' };
  }
  // A label that starts with a lower-case joining word ("and small enterprises", "from discontinued operations")
  // is the tail of a wrapped label read apart from its head: its figures may add up, but the line is not the
  // one it claims to be. ("davon ...", "of which ..." are whole labels.)
  const fragment = statement.lineItems.find((l) => WRAPPED_TAIL.test(l.label));
  if (fragment) return { verdict: 'unverified', why: `label "${fragment.label}" reads as the tail of a wrapped label` };
  for (const [column] of statement.columns.entries()) {
    const passed = statement.checks.filter((c) => c.column === column && c.passed);
    const keys = KEY_IDENTITIES[statement.type];
    if (keys.length > 0 && !passed.some((c) => keys.includes(c.name))) {
      return { verdict: 'unverified', why: `column ${column + 1}: the key identity (${keys[0]}) could not run` };
    }
    const uncovered = uncoveredLines(statement, passed, column);
    if (uncovered.length > 0) {
      const first = statement.lineItems[uncovered[0]].label || '(unlabelled)';
      return { verdict: 'unverified', why: `column ${column + 1}: ${uncovered.length} figure(s) in no check, first "${first}"` };
    }
  }
  return { verdict: 'verified', why: 'every figure takes part in a check that holds, in every column' };
}

/** Lines with a figure in this column that no passing check added up; per-share figures are left out. */
export function uncoveredLines(statement: Pick<ExtractedStatement, 'lineItems'>, passed: Check[], column: number): number[] {
  const covered = new Set(passed.flatMap((c) => c.lines ?? []));
  return statement.lineItems.flatMap((l, i) => (l.perShare || l.values[column] == null || covered.has(i) ? [] : [i]));
}
