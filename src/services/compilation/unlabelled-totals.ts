// A total printed without a label (a figure under a ruled line, the label lost by the reader) that the extraction
// could not name gets its concept where the compiled figures prove it, in every fiscal year:
// 1. it is a subtotal: it equals the sum of the rows printed right above it (subtotals.ts' readings);
// 2. given a concept the statement lacks, an identity between named lines holds with it and fails nowhere
//    (revenue - cost of sales = gross profit names the sum of the revenue lines "revenue"). Two unnamed totals
//    that complete one identity together (current and non-current assets add up to total assets either way round)
//    are told apart by the concepts of the rows each adds up (cash and inventories are current assets);
// 3. on an income statement, the total of every line above the costs (cost of sales, operating expenses) that a
//    named profit further down is built on is revenue ("Commission revenue" + "Service revenue" = the unlabelled
//    total, then costs, then profit before tax = that total - costs + other items).
// Anything less leaves the row unnamed: a wrong concept is worse than none.
import { identityChecks } from '../../extraction/checks.js';
import { TAXONOMY } from '../../extraction/concepts/taxonomy.js';
import { subtotalChecks } from '../../extraction/subtotals.js';
import type { ExtractedLine } from '../../extraction/types.js';
import { rowLabel } from './labels.js';
import type { CompiledRowData, StatementType } from './types.js';

/** Lines that are always part of one subtotal, whatever the report: they tell two unnamed totals apart. */
const PARTS_OF: Record<string, string[]> = {
  total_current_assets: ['cash_and_equivalents', 'short_term_investments', 'trade_receivables', 'inventories'],
  total_non_current_assets: ['property_plant_equipment', 'right_of_use_assets', 'goodwill', 'intangible_assets', 'deferred_tax_assets'],
  total_current_liabilities: ['trade_payables'],
  total_non_current_liabilities: ['deferred_tax_liabilities'],
  net_cash_from_operating: ['depreciation_amortisation', 'share_based_compensation', 'cash_generated_from_operations', 'income_taxes_paid'],
  net_cash_from_investing: ['capex', 'acquisitions'],
  net_cash_from_financing: ['dividends_paid', 'proceeds_from_borrowings', 'repayment_of_borrowings', 'proceeds_from_share_issue', 'lease_payments'],
};

type Figures = { concept: string | null; values: (string | null)[] };

function figuresOf(rows: CompiledRowData[], fiscalYears: number[]): Figures[] {
  return rows.map((row) => ({
    concept: row.concept,
    values: fiscalYears.map((year) => row.cells.find((c) => c.fiscalYear === year)?.value ?? null),
  }));
}

/** The rows each unnamed total adds up, for the totals that are the sum of rows above them in every year. */
function unnamedSubtotals(rows: CompiledRowData[], figures: Figures[], printedUnlabelled: boolean[], fiscalYears: number[]) {
  const lineItems = rows.map((row, i) => ({ label: row.label, isTotal: row.isTotal, perShare: row.perShare, values: figures[i].values }));
  const checks = subtotalChecks({ columns: fiscalYears, lineItems: lineItems as unknown as ExtractedLine[] });
  const subtotals = new Map<number, number[]>();
  const holdsEveryYear = (i: number, own = checks.filter((c) => c.lines?.[0] === i)) => {
    const years = figures[i].values.flatMap((v, column) => (v === null ? [] : [column]));
    return years.length > 0 && years.every((column) => own.some((c) => c.column === column && c.passed));
  };
  rows.forEach((row, i) => {
    if (!printedUnlabelled[i] || row.concept || row.perShare) return;
    if (holdsEveryYear(i)) subtotals.set(i, checks.find((c) => c.lines?.[0] === i)!.lines!.slice(1));
  });
  /** The named totals whose every year's reading adds up row `part` (profit before tax carrying revenue). */
  const builtOn = (part: number) =>
    rows.flatMap((row, i) => (row.concept && holdsEveryYear(i, checks.filter((c) => c.lines?.[0] === i && c.lines.includes(part))) ? [row.concept] : []));
  return { subtotals, builtOn };
}

const COSTS = new Set(['cost_of_sales', 'total_operating_expenses', 'selling_general_admin', 'selling_marketing', 'general_admin', 'research_development']);
const PROFITS = new Set(['gross_profit', 'operating_profit', 'profit_before_tax', 'net_income']);

/** Rule 3: the income statement's top-line total, when revenue is not named yet. */
function topLine(figures: Figures[], subtotals: Map<number, number[]>, builtOn: (row: number) => string[]): number | undefined {
  if (figures.some((f) => f.concept === 'revenue')) return undefined;
  const hasFigures = (i: number) => figures[i].values.some((v) => v !== null);
  for (const [row, parts] of subtotals) {
    const above = figures.slice(0, row).flatMap((_, i) => (hasFigures(i) ? [i] : []));
    const next = figures.findIndex((f, i) => i > row && hasFigures(i));
    const everyLineAbove = parts.length === above.length && above.every((i) => parts.includes(i));
    if (everyLineAbove && next > 0 && COSTS.has(figures[next].concept ?? '') && builtOn(row).some((c) => PROFITS.has(c))) return row;
  }
  return undefined;
}

/**
 * Whether naming these rows so makes an identity involving each of them hold in every year it has a figure, and
 * none fail (some identities are reported only where they hold, so a year without one is a year not proven).
 */
function proven(type: StatementType, figures: Figures[], naming: Map<number, string>): boolean {
  const named = figures.map((f, i) => (naming.has(i) ? { ...f, concept: naming.get(i)! } : f));
  const checks = identityChecks({ type, columns: figures[0]?.values ?? [], lineItems: named });
  return [...naming.keys()].every((row) => {
    const involved = checks.filter((c) => c.lines?.includes(row));
    const years = figures[row].values.flatMap((v, column) => (v === null ? [] : [column]));
    return involved.every((c) => c.passed) && years.every((column) => involved.some((c) => c.column === column));
  });
}

/** Whether a row's parts name the concept it would get (at least one part, none belonging elsewhere). */
function partsAgree(concept: string, parts: number[], figures: Figures[]): boolean {
  const known = parts.map((p) => figures[p].concept).filter((c): c is string => c !== null && Object.values(PARTS_OF).flat().includes(c));
  return known.length > 0 && known.every((c) => PARTS_OF[concept]?.includes(c));
}

/**
 * The rows with the concepts the arithmetic gives unnamed totals (labels follow from them, see rowLabel).
 * `printedUnlabelled[i]`: the newest report printed row i without a label.
 */
export function nameUnlabelledTotals(type: StatementType, rows: CompiledRowData[], printedUnlabelled: boolean[], fiscalYears: number[]): CompiledRowData[] {
  if (!rows.some((row, i) => printedUnlabelled[i] && !row.concept)) return rows;
  const figures = figuresOf(rows, fiscalYears);
  const { subtotals, builtOn } = unnamedSubtotals(rows, figures, printedUnlabelled, fiscalYears);
  if (subtotals.size === 0) return rows;
  const absent = (totalsOnly = false) =>
    TAXONOMY.filter((d) => d.statement === type && !d.perShare && (!totalsOnly || d.isTotal) && !figures.some((f) => f.concept === d.key)).map((d) => d.key);
  const naming = new Map<number, string>();
  const revenue = type === 'INCOME_STATEMENT' ? topLine(figures, subtotals, builtOn) : undefined;
  if (revenue !== undefined) {
    naming.set(revenue, 'revenue');
    figures[revenue] = { ...figures[revenue], concept: 'revenue' };
  }
  // One at a time while some total is named by exactly one concept (naming one can complete another's identity).
  for (let progress = true; progress; ) {
    progress = false;
    for (const row of subtotals.keys()) {
      if (naming.has(row)) continue;
      const fits = absent().filter((k) => proven(type, figures, new Map([[row, k]])));
      if (fits.length !== 1) continue;
      naming.set(row, fits[0]);
      figures[row] = { ...figures[row], concept: fits[0] };
      progress = true;
    }
  }
  // Two totals completing one identity together: the arrangement whose rows' parts agree, when only one does.
  const open = [...subtotals.keys()].filter((r) => !naming.has(r));
  const pairs: [number, number, string, string][] = [];
  for (const a of open) {
    for (const b of open) {
      if (b <= a) continue;
      for (const ka of absent(true)) {
        for (const kb of absent(true)) {
          if (ka === kb || !proven(type, figures, new Map([[a, ka], [b, kb]]))) continue;
          if (partsAgree(ka, subtotals.get(a)!, figures) && partsAgree(kb, subtotals.get(b)!, figures)) pairs.push([a, b, ka, kb]);
        }
      }
    }
  }
  if (pairs.length === 1) {
    const [a, b, ka, kb] = pairs[0];
    naming.set(a, ka).set(b, kb);
  }
  return rows.map((row, i) => (naming.has(i) ? { ...row, concept: naming.get(i)!, label: rowLabel('', naming.get(i)!, row.isTotal) } : row));
}
