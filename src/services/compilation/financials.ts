// The compact view a chart asks for: a few key figures per fiscal year, taken from the compiled statements and
// stated in one unit.
import { convertToString, mostCommonUnit } from './units.js';
import type { CompiledStatementData, StatementType, Unit } from './types.js';

export const KEY_FIGURES = [
  { field: 'revenue', type: 'INCOME_STATEMENT', concept: 'revenue' },
  { field: 'operatingProfit', type: 'INCOME_STATEMENT', concept: 'operating_profit' },
  { field: 'netIncome', type: 'INCOME_STATEMENT', concept: 'net_income' },
  { field: 'totalAssets', type: 'BALANCE_SHEET', concept: 'total_assets' },
  { field: 'totalEquity', type: 'BALANCE_SHEET', concept: 'total_equity' },
  { field: 'operatingCashFlow', type: 'CASH_FLOW_STATEMENT', concept: 'net_cash_from_operating' },
] as const satisfies readonly { field: string; type: StatementType; concept: string }[];

export type KeyFigure = (typeof KEY_FIGURES)[number]['field'];

export type FinancialYear = { fiscalYear: number } & Record<KeyFigure, string | null>;

export interface Financials {
  currency: string | null;
  unit: Unit;
  /** newest first */
  years: FinancialYear[];
}

export function keyFinancials(statements: CompiledStatementData[], years: number): Financials {
  const present = statements.filter((s) => s.rows.length > 0);
  const unit = mostCommonUnit(present.map((s) => s.unit));
  const currency = statements.find((s) => s.type === 'INCOME_STATEMENT')?.currency ?? present.find((s) => s.currency)?.currency ?? null;
  const allYears = [...new Set(present.flatMap((s) => s.fiscalYears))].sort((a, b) => b - a).slice(0, Math.max(0, years));
  const lookups = KEY_FIGURES.map(({ field, type, concept }) => {
    const statement = present.find((s) => s.type === type);
    const row = statement?.rows.find((r) => r.concept === concept);
    const cells = new Map(row?.cells.map((c) => [c.fiscalYear, c.value]) ?? []);
    return { field, at: (year: number) => {
      const v = cells.get(year);
      return v == null ? null : convertToString(v, statement!.unit, unit, false);
    } };
  });
  return {
    currency,
    unit,
    years: allYears.map((fiscalYear) => {
      const year = { fiscalYear } as FinancialYear;
      for (const l of lookups) year[l.field] = l.at(fiscalYear);
      return year;
    }),
  };
}
