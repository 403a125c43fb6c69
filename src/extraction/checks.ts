// Stage 7, checks: the one arithmetic engine. Identities between named lines (assets = liabilities + equity,
// cash-flow sections = net change, opening + change = closing) pass or fail; subtotals the layout shows are
// recorded when they hold (subtotals.ts). The checks never change a figure: they tell the pick stage which reading to prefer
// and give every statement its verdict (verdict.ts). Compilation runs the same rules per fiscal year.
import { Decimal } from 'decimal.js';
import { attributionChecks } from './attribution-check.js';
import { breakdownChecks } from './breakdown-lines.js';
import { perShareChecks } from './per-share-check.js';
import { makeCheck as check, subtotalChecks } from './subtotals.js';
import type { Check, ExtractedStatement, StatementType } from './types.js';

type Term = {
  concepts: string[];
  sign: 1 | -1;
  optional?: boolean;
  /** an optional part printed between the required parts, not after them (searched from the first) */
  between?: boolean;
  /** a line the vocabulary did not name, found by withUnnamedPart */
  line?: number;
};

export interface Rule {
  /** alternative spellings of one check share a family; the one that holds is reported */
  family?: string;
  /** reported only when it holds: other lines may legitimately sit between its parts and total */
  soft?: boolean;
  name: string;
  total: string[];
  parts: Term[];
}

// Alternatives in `concepts` are tried in order; a rule runs only when the total and every required part exist.
const MEZZANINE: Term = { concepts: ['temporary_equity'], sign: 1, optional: true, between: true };

export const IDENTITY_RULES: Record<StatementType, Rule[]> = {
  BALANCE_SHEET: [
    { family: 'assets = liabilities + equity', name: 'assets = liabilities and equity', total: ['total_assets'], parts: [{ concepts: ['total_liabilities_and_equity'], sign: 1 }] },
    // Mezzanine (temporary) equity — redeemable or convertible preferred stock, redeemable non-controlling
    // interests — is printed between liabilities and equity, in neither total.
    { family: 'assets = liabilities + equity', name: 'assets = liabilities + equity', total: ['total_assets'], parts: [{ concepts: ['total_liabilities'], sign: 1 }, { concepts: ['total_equity'], sign: 1 }, MEZZANINE] },
    { name: 'liabilities + equity = total liabilities and equity', total: ['total_liabilities_and_equity'], parts: [{ concepts: ['total_liabilities'], sign: 1 }, { concepts: ['total_equity'], sign: 1 }, MEZZANINE] },
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
    { family: 'opening + change = closing', name: 'opening + change = closing (+ FX shown separately)', total: ['cash_at_end'], parts: [{ concepts: ['cash_at_beginning'], sign: 1 }, { concepts: ['net_change_in_cash'], sign: 1 }, { concepts: ['effect_of_exchange_rates'], sign: 1, optional: true }] },
  ],
  INCOME_STATEMENT: [],
};

export const familyOf = (rule: Rule) => rule.family ?? rule.name;

function lineValue(statement: CheckedFigures, line: number, column: number) {
  const v = statement.lineItems[line].values[column];
  return { value: v === null || v === undefined ? null : new Decimal(v), line };
}

/**
 * An optional part whose wording the vocabulary does not know (an exchange-rate line phrased its own way): a
 * line printed between the required parts and the total that makes the identity hold in every column is that
 * part. Without it the identity would fail on a statement that adds up.
 */
function withUnnamedPart(statement: CheckedFigures, rule: Rule): Rule {
  const at = (concepts: string[]) => concepts.map((c) => statement.lineItems.findIndex((l) => l.concept === c)).find((i) => i >= 0);
  const missing = rule.parts.findIndex((p) => p.optional && at(p.concepts) === undefined);
  const total = at(rule.total);
  const required = rule.parts.filter((p) => !p.optional).map((p) => at(p.concepts));
  if (missing < 0 || total === undefined || required.some((i) => i === undefined)) return rule;
  const columns = statement.columns.map((_, c) => c).filter((c) => statement.lineItems[total].values[c] != null);
  const gap = (c: number) => rule.parts.reduce((acc, p, k) => (k === missing || p.optional ? acc : acc.minus(lineValue(statement, at(p.concepts)!, c).value?.times(p.sign) ?? 0)), new Decimal(statement.lineItems[total].values[c]!));
  const from = rule.parts[missing].between ? Math.min(...(required as number[])) : Math.max(...(required as number[]));
  for (let i = from + 1; i < total; i++) {
    if (required.includes(i)) continue;
    const values = statement.lineItems[i].values;
    const sign = rule.parts[missing].sign;
    const fits = (c: number) => (values[c] == null ? gap(c).isZero() : new Decimal(values[c]!).times(sign).equals(gap(c)));
    if (columns.some((c) => !gap(c).isZero()) && columns.every(fits)) {
      return { ...rule, parts: rule.parts.map((p, k) => (k === missing ? { ...p, line: i } : p)) };
    }
  }
  return rule;
}

function valueOf(statement: CheckedFigures, concept: string, column: number): { value: Decimal | null; line: number } | undefined {
  const line = statement.lineItems.findIndex((l) => l.concept === concept);
  if (line < 0) return undefined;
  const v = statement.lineItems[line].values[column];
  return { value: v === null || v === undefined ? null : new Decimal(v), line };
}

/** The identity checks (pass or fail) and the subtotals that hold, for every column. */
export function runChecks(statement: ExtractedStatement): Check[] {
  const attribution = statement.type === 'INCOME_STATEMENT' ? attributionChecks(statement) : [];
  return [...identityChecks(statement), ...subtotalChecks(statement), ...perShareChecks(statement), ...breakdownChecks(statement), ...attribution];
}

/** What the identity checks read of a statement: its type, how many columns, and each line's concept and figures. */
export interface CheckedFigures {
  type: StatementType;
  columns: unknown[];
  lineItems: { concept: string | null; values: (string | null)[] }[];
}

/**
 * The identities between named lines, per column; of two spellings of one identity the one that holds is
 * reported. Compilation runs these on its compiled figures, one column per fiscal year.
 */
export function identityChecks(statement: CheckedFigures): Check[] {
  const checks: Check[] = [];
  const rules = [...IDENTITY_RULES[statement.type], ...incomeStatementRules(statement)].map((r) => withUnnamedPart(statement, r));
  for (const [column] of statement.columns.entries()) {
    const byFamily = new Map<string, Check>();
    for (const rule of rules) {
      const total = rule.total.map((c) => valueOf(statement, c, column)).find((v) => v !== undefined);
      if (!total || total.value === null) continue;
      let sum = new Decimal(0);
      const lines = [total.line];
      let complete = true;
      for (const part of rule.parts) {
        const v = part.line !== undefined ? lineValue(statement, part.line, column) : part.concepts.map((c) => valueOf(statement, c, column)).find((x) => x !== undefined);
        if (v === undefined) {
          if (!part.optional) complete = false;
          continue;
        }
        lines.push(v.line);
        sum = sum.plus((v.value ?? new Decimal(0)).times(part.sign));
      }
      if (!complete) continue;
      // Two spellings of one check (FX inside or outside the net change): report the one that holds.
      const family = familyOf(rule);
      const known = byFamily.get(family);
      if (known?.passed) continue;
      const result = check(rule.name, column, total.value, sum, lines, lines.map((i) => statement.lineItems[i].values[column]));
      if ((known || rule.soft) && !result.passed) continue;
      byFamily.set(family, result);
    }
    checks.push(...byFamily.values());
  }
  return checks;
}

/** Income statements print expenses either negative or positive; a subtotal holds in one of the two readings. */
function incomeStatementRules(statement: CheckedFigures): Rule[] {
  if (statement.type !== 'INCOME_STATEMENT') return [];
  const line = (c: string) => statement.lineItems.find((l) => l.concept === c);
  const rules: Rule[] = [];
  const cost = line('cost_of_sales');
  if (line('gross_profit') && line('revenue') && cost) {
    const printedNegative = cost.values.some((v) => v !== null && v.startsWith('-'));
    rules.push({ soft: true, name: 'gross profit = revenue - cost of sales', total: ['gross_profit'], parts: [{ concepts: ['revenue'], sign: 1 }, { concepts: ['cost_of_sales'], sign: printedNegative ? 1 : -1 }] });
  }
  const [tax, pbt, net] = [line('income_tax'), line('profit_before_tax'), line('net_income')];
  if (net && pbt && tax) {
    // Tax printed with the sign of the result it reduces means it is added; otherwise subtracted.
    const added = tax.values.some((v, i) => v !== null && pbt.values[i] !== null && net.values[i] !== null &&
      new Decimal(pbt.values[i]!).plus(v).equals(net.values[i]!));
    // Equity-method income or discontinued operations may sit between tax and the net result.
    rules.push({ soft: true, name: 'net income = profit before tax - tax', total: ['net_income'], parts: [{ concepts: ['profit_before_tax'], sign: 1 }, { concepts: ['income_tax'], sign: added ? 1 : -1 }] });
  }
  return rules;
}
