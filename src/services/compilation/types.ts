// The compiler's vocabulary: what it reads (one statement of one report, as extracted) and what it writes (one
// compiled statement with a traceable cell per row and fiscal year). Plain data, no database or GraphQL types.
import type { StatementType, Unit } from '../../extraction/types.js';

export type { StatementType, Unit };

/** Which extractor read a statement: LAYOUT and LLM read a PDF, XBRL reads the tagged facts (exact as filed). */
export type SourceProvider = 'LAYOUT' | 'LLM' | 'XBRL';
/** The statement's own arithmetic: see Extraction.verdict. */
export type SourceVerdict = 'VERIFIED' | 'UNVERIFIED' | 'INCONSISTENT';
/** REPORTED is the entity's figures for the period; the others are printed beside them. */
export type ColumnKind = 'REPORTED' | 'ADJUSTED' | 'ADJUSTMENTS' | 'BUDGET' | 'TRANSLATION';

/** An extraction of one statement type from one report, the compiler's unit of input. */
export interface ReportStatement {
  extractionId: number;
  documentId: number;
  /** the report's own fiscal year; with documentId it orders reports (newest wins) */
  reportFiscalYear: number | null;
  interim: boolean;
  provider: SourceProvider;
  verdict: SourceVerdict | null;
  statementType: StatementType;
  currency: string | null;
  unit: Unit;
  columns: ReportColumn[];
  lines: ReportLine[];
}

export interface ReportColumn {
  /** the column's printed heading ("2024", "Adjusted", "Six months ended 30 June 2025"), when known */
  label?: string;
  /** absent: reported, unless the label says otherwise */
  kind?: ColumnKind;
  fiscalYear: number | null;
  /** 12 for a year, 6 for a half; null for a balance-sheet date */
  periodMonths: number | null;
}

export interface ReportLine {
  label: string;
  concept: string | null;
  level: number;
  isTotal: boolean;
  perShare: boolean;
  page: number;
  /** exact decimal strings in the report's unit (per-share unscaled), one per column; null is a printed nil */
  values: (string | null)[];
}

export interface CompileOptions {
  /** let interim reports supply fiscal years that no annual report prints */
  includeInterim?: boolean;
}

export interface CellSource {
  documentId: number;
  extractionId: number;
  page: number;
  /** null on cells compiled before providers were recorded */
  provider: SourceProvider | null;
  verdict: SourceVerdict | null;
}

/** One report's figure for a cell, in the compiled statement's unit. */
export interface CellRevision extends CellSource {
  reportFiscalYear: number | null;
  value: string | null;
}

export interface CompiledCellData {
  fiscalYear: number;
  /** the newest tagged (XBRL) figure, else the newest report's figure, in the compiled unit; null is a printed nil */
  value: string | null;
  /** the chosen figure differs from the one an earlier report first gave */
  restated: boolean;
  source: CellSource;
  /** every report's figure, oldest report first */
  history: CellRevision[];
}

export interface CompiledRowData {
  concept: string | null;
  label: string;
  level: number;
  isTotal: boolean;
  perShare: boolean;
  /** newest fiscal year first */
  cells: CompiledCellData[];
}

export interface StatementCheck {
  name: string;
  fiscalYear: number;
  expected: string;
  actual: string;
  /** actual - expected */
  difference: string;
  passed: boolean;
}

export interface RowGap {
  concept: string | null;
  label: string;
  fiscalYears: number[];
}

export interface StatementGaps {
  /** years between the first and the last compiled year that no report prints */
  missingFiscalYears: number[];
  /** rows without a figure for some compiled years */
  rowsMissingYears: RowGap[];
}

export interface CompilationWarning {
  code: 'CURRENCY_CHANGE';
  message: string;
  currency: string;
  fiscalYears: number[];
  documentId: number;
}

export interface CompiledStatementData {
  type: StatementType;
  currency: string | null;
  unit: Unit;
  /** newest first */
  fiscalYears: number[];
  rows: CompiledRowData[];
  checks: StatementCheck[];
  gaps: StatementGaps;
  warnings: CompilationWarning[];
}
