// The pure compiler: extractions of several reports in, one compiled statement per type out. No database, so it
// is tested on generated inputs and benchmarked in memory. Rows are matched before any figure is chosen; then
// each (row, fiscal year) takes the newest tagged (XBRL) figure, else the newest report's figure, and keeps every
// report's figure as its history.
import { STATEMENT_TYPES } from '../../extraction/types.js';
import { netIncomeAgreement, statementChecks } from './checks.js';
import { matchRows, type MatchedRow } from './match-rows.js';
import { rowLabel } from './labels.js';
import { alignWithTaggedTwins } from './tagged-twins.js';
import { nameUnlabelledTotals } from './unlabelled-totals.js';
import { convertToString, differ, mostCommonUnit, STORED_DECIMALS, UNIT_EXPONENT } from './units.js';
import type {
  CellRevision,
  CompilationWarning,
  CompileOptions,
  CompiledCellData,
  CompiledRowData,
  CompiledStatementData,
  ReportStatement,
  StatementGaps,
  StatementType,
  Unit,
} from './types.js';

/** A report with the column it reads each fiscal year from. */
interface UsableReport {
  report: ReportStatement;
  yearColumns: Map<number, number>;
}

export function emptyStatement(type: StatementType): CompiledStatementData {
  return { type, currency: null, unit: 'units', fiscalYears: [], rows: [], checks: [], gaps: { missingFiscalYears: [], rowsMissingYears: [] }, warnings: [] };
}

/** Compiles all three statement types and adds the checks that span two of them. */
export function compileStatements(reports: ReportStatement[], options: CompileOptions = {}): CompiledStatementData[] {
  const compiled = STATEMENT_TYPES.map((type) => compileStatement(type, reports, options));
  const income = compiled.find((s) => s.type === 'INCOME_STATEMENT')!;
  const cashFlow = compiled.find((s) => s.type === 'CASH_FLOW_STATEMENT')!;
  const agreement = netIncomeAgreement(income, cashFlow);
  income.checks.push(...agreement);
  cashFlow.checks.push(...agreement);
  return compiled;
}

export function compileStatement(type: StatementType, reports: ReportStatement[], options: CompileOptions = {}): CompiledStatementData {
  const usable = usableReports(alignWithTaggedTwins(reports.filter((r) => r.statementType === type)), options);
  if (usable.length === 0) return emptyStatement(type);
  const unit = storableUnit(usable, mostCommonUnit(usable.map((u) => u.report.unit)));
  const currency = usable.find((u) => u.report.currency)?.report.currency ?? null;
  const fiscalYears = [...new Set(usable.flatMap((u) => [...u.yearColumns.keys()]))].sort((a, b) => b - a);
  const matched = matchRows(usable.map((u) => u.report));
  const printedUnlabelled = matched.map(({ members: [m] }) => !usable[m.report].report.lines[m.line].label.trim());
  const rows = nameUnlabelledTotals(type, matched.map((row) => compileRow(row, usable, unit)), printedUnlabelled, fiscalYears);
  return {
    type,
    currency,
    unit,
    fiscalYears,
    rows,
    checks: statementChecks(type, rows, fiscalYears),
    gaps: findGaps(rows, fiscalYears),
    warnings: currencyWarnings(usable, rows, currency),
  };
}

/**
 * Figures are stored with six decimals (numeric(28, 6)). When restating a finer report in the most common unit
 * would need more (1 234.5 thousand = 0.0012345 billion), the finest unit any report uses is taken instead.
 */
function storableUnit(usable: UsableReport[], preferred: Unit): Unit {
  const finer = usable.filter((u) => UNIT_EXPONENT[u.report.unit] < UNIT_EXPONENT[preferred]);
  const fits = finer.every(({ report }) =>
    report.lines.every((l) => l.perShare || l.values.every((v) => v === null || decimalPlaces(convertToString(v, report.unit, preferred, false)) <= STORED_DECIMALS)),
  );
  if (fits) return preferred;
  return usable.reduce((u, x) => (UNIT_EXPONENT[x.report.unit] < UNIT_EXPONENT[u] ? x.report.unit : u), preferred);
}

function decimalPlaces(value: string): number {
  const dot = value.indexOf('.');
  return dot < 0 ? 0 : value.length - dot - 1;
}

function reportYear(r: ReportStatement): number {
  return r.reportFiscalYear ?? Math.max(-Infinity, ...r.columns.map((c) => c.fiscalYear ?? -Infinity));
}

/** Newest report first; a report whose fiscal year is unknown dates from the newest year it prints. */
export function newestFirst(a: ReportStatement, b: ReportStatement): number {
  return reportYear(b) - reportYear(a) || b.documentId - a.documentId || b.extractionId - a.extractionId;
}

/**
 * Headings of columns that are not the reported figures: alternative performance measures ("Adjusted",
 * "Underlying", "Before exceptional items") and the reconciling columns beside them ("Adjustments", "Exceptional
 * items", "Specific items"). A statement printed in three columns per period (adjusted, adjustments, total) reports
 * its statutory figures in the total.
 */
const NOT_REPORTED =
  /\b(adjusted|adjustments?|adjusting|underlying|exceptional|specific\s+items|separately\s+disclosed|non[-\s]?(gaap|ifrs)|pro[-\s]?forma|alternative\s+performance)\b/i;

/**
 * The column a report gives a fiscal year: the longest period (a full year, or a balance-sheet date), the reported
 * figures rather than an adjusted measure beside them, then the first such column.
 */
function yearColumns(report: ReportStatement, interimAllowed: boolean): Map<number, number> {
  const best = new Map<number, number>();
  const months = (i: number) => report.columns[i].periodMonths ?? 12;
  const reported = (i: number) => (NOT_REPORTED.test(report.columns[i].label ?? '') ? 0 : 1);
  report.columns.forEach((c, i) => {
    if (c.fiscalYear === null) return;
    // A column the extractor knows is a budget, an adjusted measure or a translation is never the period's figures.
    if (c.kind && c.kind !== 'REPORTED') return;
    if (!interimAllowed && c.periodMonths !== null && c.periodMonths < 12) return;
    const current = best.get(c.fiscalYear);
    const better = current === undefined || (months(i) - months(current) || reported(i) - reported(current)) > 0;
    if (better) best.set(c.fiscalYear, i);
  });
  return best;
}

function usableReports(reports: ReportStatement[], options: CompileOptions): UsableReport[] {
  const annual = reports.filter((r) => !r.interim).map((report) => ({ report, yearColumns: yearColumns(report, false) }));
  const covered = new Set(annual.flatMap((u) => [...u.yearColumns.keys()]));
  // Interim figures fill only the years no annual report prints, and only when asked for.
  const interim = options.includeInterim
    ? reports.filter((r) => r.interim).map((report) => {
        const columns = yearColumns(report, true);
        for (const year of covered) columns.delete(year);
        return { report, yearColumns: columns };
      })
    : [];
  return [...annual, ...interim].filter((u) => u.yearColumns.size > 0).sort((a, b) => newestFirst(a.report, b.report));
}

interface Printing {
  revision: CellRevision;
  unit: Unit;
  reportYear: number;
}

const tagged = (p: Printing) => p.revision.provider === 'XBRL';

/**
 * A tagged (XBRL) figure is exact as filed: for one period and concept it wins over a figure read from a PDF layout,
 * whichever report is newer; among figures of one kind the newest report wins. `printings` are newest report first.
 */
function chooseFigure(printings: Printing[]): Printing {
  return printings.find(tagged) ?? printings[0];
}

/** The figure first reported: the oldest report's (its tagged one if it has both readings). */
function firstReported(printings: Printing[]): Printing {
  const oldestYear = printings[printings.length - 1].reportYear;
  const oldest = printings.filter((p) => p.reportYear === oldestYear);
  return oldest.find(tagged) ?? oldest[oldest.length - 1];
}

function compileRow(row: MatchedRow, usable: UsableReport[], unit: Unit): CompiledRowData {
  const newest = usable[row.members[0].report].report.lines[row.members[0].line];
  // Members are newest report first, so each year's list is too.
  const byYear = new Map<number, Printing[]>();
  for (const { report: r, line: l } of row.members) {
    const { report, yearColumns: columns } = usable[r];
    const line = report.lines[l];
    for (const [year, column] of columns) {
      const printed = line.values[column];
      if (printed === undefined) continue;
      const value = printed === null ? null : convertToString(printed, report.unit, unit, line.perShare);
      const revision: CellRevision = {
        documentId: report.documentId,
        extractionId: report.extractionId,
        page: line.page,
        provider: report.provider,
        verdict: report.verdict,
        reportFiscalYear: report.reportFiscalYear,
        value,
      };
      const list = byYear.get(year) ?? [];
      list.push({ revision, unit: report.unit, reportYear: reportYear(report) });
      byYear.set(year, list);
    }
  }
  const cells: CompiledCellData[] = [...byYear.entries()]
    .sort(([a], [b]) => b - a)
    .map(([fiscalYear, list]) => {
      const winner = chooseFigure(list);
      const first = firstReported(list);
      const { documentId, extractionId, page, provider, verdict } = winner.revision;
      return {
        fiscalYear,
        value: winner.revision.value,
        // Two readings of one report (its PDF and its iXBRL) are not a restatement; a later report's change is.
        restated:
          first.reportYear !== winner.reportYear &&
          differ({ value: first.revision.value, unit: first.unit }, { value: winner.revision.value, unit: winner.unit }, unit, newest.perShare),
        source: { documentId, extractionId, page, provider, verdict },
        history: list.map((x) => x.revision).reverse(),
      };
    });
  return {
    concept: row.concept,
    label: rowLabel(newest.label, row.concept, newest.isTotal),
    level: newest.level,
    isTotal: newest.isTotal,
    perShare: newest.perShare,
    cells,
  };
}

function findGaps(rows: CompiledRowData[], fiscalYears: number[]): StatementGaps {
  const missingFiscalYears: number[] = [];
  if (fiscalYears.length) {
    const present = new Set(fiscalYears);
    for (let y = fiscalYears[0]; y >= fiscalYears[fiscalYears.length - 1]; y--) if (!present.has(y)) missingFiscalYears.push(y);
  }
  const rowsMissingYears = rows
    .map((row) => {
      const has = new Set(row.cells.map((c) => c.fiscalYear));
      return { concept: row.concept, label: row.label, fiscalYears: fiscalYears.filter((y) => !has.has(y)) };
    })
    .filter((gap) => gap.fiscalYears.length > 0);
  return { missingFiscalYears, rowsMissingYears };
}

/** Figures taken from a report in another currency than the statement's are reported, never silently mixed. */
function currencyWarnings(usable: UsableReport[], rows: CompiledRowData[], currency: string | null): CompilationWarning[] {
  if (!currency) return [];
  const warnings: CompilationWarning[] = [];
  for (const { report } of usable) {
    if (!report.currency || report.currency === currency) continue;
    const years = new Set<number>();
    for (const row of rows) for (const cell of row.cells) if (cell.source.extractionId === report.extractionId) years.add(cell.fiscalYear);
    const fiscalYears = [...years].sort((a, b) => b - a);
    warnings.push({
      code: 'CURRENCY_CHANGE',
      currency: report.currency,
      fiscalYears,
      documentId: report.documentId,
      message: `Report ${report.reportFiscalYear ?? '?'} is in ${report.currency}, the statement in ${currency}` +
        (fiscalYears.length ? `; figures for ${fiscalYears.join(', ')} come from it unconverted` : '; none of its figures are used'),
    });
  }
  return warnings;
}
