// Arithmetic checks on an extracted statement. They do not change any figure; they are the confidence signal
// a reader (or the API) uses to decide how far to trust the extraction.
import { Decimal } from 'decimal.js';
import type { Check, ExtractedStatement } from './types.js';

type Term = { concepts: string[]; sign: 1 | -1; optional?: boolean };

interface Rule {
  /** alternative spellings of one check share a family; the one that holds is reported */
  family?: string;
  name: string;
  total: string[];
  parts: Term[];
}

// Alternatives in `concepts` are tried in order; a rule runs only when the total and every required part exist.
const RULES: Record<ExtractedStatement['type'], Rule[]> = {
  BALANCE_SHEET: [
    { name: 'assets = liabilities and equity', total: ['total_assets'], parts: [{ concepts: ['total_liabilities_and_equity'], sign: 1 }] },
    { name: 'assets = liabilities + equity', total: ['total_assets'], parts: [{ concepts: ['total_liabilities'], sign: 1 }, { concepts: ['total_equity'], sign: 1 }] },
    { name: 'assets = current + non-current', total: ['total_assets'], parts: [{ concepts: ['total_current_assets'], sign: 1 }, { concepts: ['total_non_current_assets'], sign: 1 }] },
    { name: 'liabilities = current + non-current', total: ['total_liabilities'], parts: [{ concepts: ['total_current_liabilities'], sign: 1 }, { concepts: ['total_non_current_liabilities'], sign: 1 }] },
    { name: 'net assets = assets - liabilities', total: ['net_assets'], parts: [{ concepts: ['total_assets'], sign: 1 }, { concepts: ['total_liabilities'], sign: -1 }] },
  ],
  CASH_FLOW_STATEMENT: [
    {
      family: 'sections = net change',
      name: 'operating + investing + financing (+ FX) = net change',
      total: ['net_change_in_cash'],
      parts: [
        { concepts: ['net_cash_from_operating'], sign: 1 },
        { concepts: ['net_cash_from_investing'], sign: 1 },
        { concepts: ['net_cash_from_financing'], sign: 1 },
        { concepts: ['effect_of_exchange_rates'], sign: 1, optional: true },
      ],
    },
    {
      family: 'sections = net change',
      name: 'operating + investing + financing = net change (FX shown after)',
      total: ['net_change_in_cash'],
      parts: [
        { concepts: ['net_cash_from_operating'], sign: 1 },
        { concepts: ['net_cash_from_investing'], sign: 1 },
        { concepts: ['net_cash_from_financing'], sign: 1 },
      ],
    },
    { family: 'opening + change = closing', name: 'opening + change = closing (FX inside the change)', total: ['cash_at_end'], parts: [{ concepts: ['cash_at_beginning'], sign: 1 }, { concepts: ['net_change_in_cash'], sign: 1 }] },
    { family: 'opening + change = closing', name: 'opening + change = closing (+ FX shown separately)', total: ['cash_at_end'], parts: [{ concepts: ['cash_at_beginning'], sign: 1 }, { concepts: ['net_change_in_cash'], sign: 1 }, { concepts: ['effect_of_exchange_rates'], sign: 1 }] },
  ],
  INCOME_STATEMENT: [],
};

function valueOf(statement: ExtractedStatement, concept: string, column: number): Decimal | null | undefined {
  const line = statement.lineItems.find((l) => l.concept === concept);
  if (!line) return undefined;
  const v = line.values[column];
  return v === null || v === undefined ? null : new Decimal(v);
}

export function runChecks(statement: ExtractedStatement): Check[] {
  const checks: Check[] = [];
  const familyOf = new Map<Check, string>();
  const rules = [...RULES[statement.type], ...incomeStatementRules(statement)];
  for (const [column] of statement.columns.entries()) {
    const passedNames = new Set<string>();
    for (const rule of rules) {
      const total = rule.total.map((c) => valueOf(statement, c, column)).find((v) => v !== undefined);
      if (total === undefined || total === null) continue;
      let sum = new Decimal(0);
      let complete = true;
      for (const part of rule.parts) {
        const v = part.concepts.map((c) => valueOf(statement, c, column)).find((x) => x !== undefined);
        if (v === undefined) {
          if (!part.optional) complete = false;
          continue;
        }
        sum = sum.plus((v ?? new Decimal(0)).times(part.sign));
      }
      if (!complete) continue;
      // Two spellings of one check (FX inside or outside the net change): report the one that holds.
      const family = rule.family ?? rule.name;
      const passed = sum.equals(total);
      if (passedNames.has(family)) continue;
      const sibling = checks.find((c) => c.column === column && (familyOf.get(c) ?? c.name) === family);
      if (sibling && !sibling.passed && passed) checks.splice(checks.indexOf(sibling), 1);
      else if (sibling) continue;
      if (passed) passedNames.add(family);
      const check: Check = {
        name: rule.name,
        column,
        expected: total.toString(),
        actual: sum.toString(),
        difference: sum.minus(total).toString(),
        passed,
      };
      familyOf.set(check, family);
      checks.push(check);
    }
  }
  return [...checks, ...subtotalChecks(statement)];
}

/**
 * Subtotals where the layout shows them: a "Total ..." or unlabelled total equal to the lines printed since the
 * previous total (optionally plus earlier subtotals, as "Total assets" adds current and non-current). A total
 * whose parts cannot be told apart (net income after a tax line) gets no check rather than a false failure.
 */
export function subtotalChecks(statement: ExtractedStatement): Check[] {
  const checks: Check[] = [];
  const lines = statement.lineItems;
  lines.forEach((total, index) => {
    if (!total.isTotal || total.perShare || !(total.label === '' || /^(total|summa|summe|totaal)\b/i.test(total.label))) return;
    let start = index - 1;
    while (start >= 0 && !lines[start].isTotal) start--;
    const parts = lines.slice(start + 1, index);
    const earlierTotals = lines.slice(0, Math.max(0, start + 1)).filter((l) => l.isTotal && !l.perShare).reverse();
    if (parts.length < 2 && earlierTotals.length === 0) return;
    statement.columns.forEach((_, column) => {
      const expected = total.values[column];
      if (expected === null || expected === undefined) return;
      let sum = parts.reduce((acc, l) => acc.plus(l.values[column] ?? 0), new Decimal(0));
      let holds = parts.length >= 2 && sum.equals(expected);
      for (const earlier of earlierTotals.slice(0, 2)) {
        if (holds) break;
        sum = sum.plus(earlier.values[column] ?? 0);
        holds = sum.equals(expected);
      }
      if (!holds) return;
      checks.push({
        name: `subtotal: ${total.label || '(unlabelled total)'}`,
        column,
        expected: new Decimal(expected).toString(),
        actual: sum.toString(),
        difference: '0',
        passed: true,
      });
    });
  });
  return checks;
}

/** Income statements print expenses either negative or positive; a subtotal holds in one of the two readings. */
function incomeStatementRules(statement: ExtractedStatement): Rule[] {
  if (statement.type !== 'INCOME_STATEMENT') return [];
  const has = (c: string) => statement.lineItems.some((l) => l.concept === c);
  const rules: Rule[] = [];
  if (has('gross_profit') && has('revenue') && has('cost_of_sales')) {
    const cost = statement.lineItems.find((l) => l.concept === 'cost_of_sales')!;
    const printedNegative = cost.values.some((v) => v !== null && v.startsWith('-'));
    rules.push({ name: 'gross profit = revenue - cost of sales', total: ['gross_profit'], parts: [{ concepts: ['revenue'], sign: 1 }, { concepts: ['cost_of_sales'], sign: printedNegative ? 1 : -1 }] });
  }
  if (has('net_income') && has('profit_before_tax') && has('income_tax')) {
    const tax = statement.lineItems.find((l) => l.concept === 'income_tax')!;
    const pbt = statement.lineItems.find((l) => l.concept === 'profit_before_tax')!;
    const net = statement.lineItems.find((l) => l.concept === 'net_income')!;
    // Tax printed with the sign of the result it reduces means it is added; otherwise subtracted.
    const added = tax.values.some((v, i) => v !== null && pbt.values[i] !== null && net.values[i] !== null &&
      new Decimal(pbt.values[i]!).plus(v).equals(net.values[i]!));
    rules.push({ name: 'net income = profit before tax - tax', total: ['net_income'], parts: [{ concepts: ['profit_before_tax'], sign: 1 }, { concepts: ['income_tax'], sign: added ? 1 : -1 }] });
  }
  return rules;
}
