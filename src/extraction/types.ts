// The extraction engine's vocabulary. Values are exact decimal strings ("-1009359", "110.9") or null for a
// printed nil; callers convert to numbers only at the edge (the CLI prints them as JSON numbers).
import type { Explanation } from './explain.js';

export type StatementType = 'INCOME_STATEMENT' | 'BALANCE_SHEET' | 'CASH_FLOW_STATEMENT';
export const STATEMENT_TYPES: readonly StatementType[] = ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'];

export type Unit = 'units' | 'thousands' | 'lakhs' | 'millions' | 'crores' | 'billions';

/**
 * What a column's figures are: the entity's reported figures for its period, or figures printed beside them
 * that are not (non-statutory adjusted figures and the adjustments, a budget, a convenience translation).
 */
export type ColumnKind = 'reported' | 'adjusted' | 'adjustments' | 'budget' | 'translation';
export const COLUMN_KINDS: readonly ColumnKind[] = ['reported', 'adjusted', 'adjustments', 'budget', 'translation'];

/** A decimal number as printed, normalised: optional minus, digits, optional fraction ("-1234.50"). */
export type DecimalString = string;

/** One run of text on a page, in PDF user space (origin bottom-left), as pdf.js reports it. */
export interface TextItem {
  str: string;
  x: number;
  /** baseline */
  y: number;
  width: number;
  height: number;
  fontSize: number;
  fontName: string;
}

export interface PdfPage {
  /** 1-based physical page number */
  number: number;
  width: number;
  height: number;
  items: TextItem[];
}

export interface PdfDocument {
  pageCount: number;
  sha256: string;
  pages: PdfPage[];
}

export interface ExtractedColumn {
  label: string;
  fiscalYear: number | null;
  periodEnd: string | null;
  /** 12 for a year, 6 for a half, 3 for a quarter; null for a balance-sheet date (an instant) */
  periodMonths: number | null;
  /** absent means reported (the contract's default) */
  kind?: ColumnKind;
  /** set only where the column's currency differs from the statement's (a convenience translation) */
  currency?: string | null;
  /** why the column was given its period and kind, for `--explain`; not part of the contract JSON */
  reasons?: string[];
}

export interface ExtractedLine {
  label: string;
  concept: string | null;
  values: (DecimalString | null)[];
  page: number;
  level: number;
  isTotal: boolean;
  /** per-share figures are printed in currency units and never scaled */
  perShare: boolean;
  /** each value's lineage when it is a tagged XBRL fact (aligned with `values`; null where no fact) */
  facts?: (FactReference | null)[];
}

/** The tagged fact a value came from: its id (or, without one, its element position), concept and context. */
export interface FactReference {
  id: string | null;
  /** prefixed as in the document, e.g. "us-gaap:Revenues" */
  concept: string;
  contextRef: string;
  /** 0-based index of the fact's element among all elements of its (X)HTML document, in document order */
  position: number;
}

export interface Check {
  name: string;
  /** index into the statement's columns */
  column: number;
  expected: DecimalString;
  actual: DecimalString;
  difference: DecimalString;
  passed: boolean;
  /** indexes of the line items the check added up (the total first); not part of the CLI contract */
  lines?: number[];
}

/**
 * What a statement's own arithmetic says about it: verified (enough checks ran and all passed), unverified
 * (too few checks could run), inconsistent (a check failed).
 */
export type Verdict = 'verified' | 'unverified' | 'inconsistent';

export interface ExtractedStatement {
  type: StatementType;
  title: string;
  pages: number[];
  currency: string | null;
  unit: Unit;
  /** multiply a non-per-share value by this to get currency units */
  scale: number;
  columns: ExtractedColumn[];
  lineItems: ExtractedLine[];
  checks: Check[];
  /** set by every extractor; optional only for statements stored before verdicts existed */
  verdict?: Verdict;
}

export interface ExtractionOutput {
  schemaVersion: 1;
  source: { file: string | null; pages: number; sha256: string };
  provider: string;
  statements: ExtractedStatement[];
}

export interface ExtractionProgress {
  step: string;
  current: number;
  total: number;
}

export interface ExtractOptions {
  onProgress?: (p: ExtractionProgress) => void;
  signal?: AbortSignal;
  /** file name reported in `source.file` */
  fileName?: string;
  /** receives how each statement was located and picked (`fde extract --explain`) */
  onExplain?: (explanation: Explanation) => void;
}

/** A way of turning a read PDF into statements: the layout extractor now, an LLM-backed one later. */
export interface StatementExtractor {
  readonly name: string;
  extract(doc: PdfDocument, options?: ExtractOptions): Promise<ExtractedStatement[]>;
}
