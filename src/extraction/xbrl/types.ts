// The inline-XBRL reader's vocabulary: what a report package or an iXBRL document holds once read. Values are
// exact decimal strings, as everywhere in the extraction engine.
import type { DecimalString } from '../types.js';

export type DocumentFormat = 'PDF' | 'IXBRL' | 'XBRL_PACKAGE';

/** A concept's expanded name: bound by namespace URI, never by the prefix a filer happened to choose. */
export interface QName {
  namespace: string;
  local: string;
  /** the prefix in the document, for display ("ifrs-full:Revenue") */
  prefix: string;
}

export interface Dimension {
  dimension: string;
  /** the member QName (explicit) or the typed member's text */
  member: string;
  typed: boolean;
}

export interface XbrlContext {
  id: string;
  entity: { scheme: string; identifier: string };
  /** instant: only `end`; duration: `start` (the day the period begins) and `end`; forever: neither */
  period: { kind: 'instant' | 'duration' | 'forever'; start: string | null; end: string | null };
  /** segment and scenario members; the face of a statement uses contexts without any */
  dimensions: Dimension[];
}

export interface XbrlUnit {
  id: string;
  /** e.g. ["iso4217:USD"]; with a divide: numerator measures */
  numerator: string[];
  denominator: string[];
}

export interface XbrlFact {
  /** the element's `id`, or null when the filer gave none */
  id: string | null;
  concept: QName;
  /** a numeric fact (ix:nonFraction) or a text one (ix:nonNumeric) */
  numeric: boolean;
  /** numeric: exact decimal after scale and sign, null for xsi:nil; text: the text, continuations joined */
  value: string | null;
  contextRef: string;
  unitRef: string | null;
  /** a number, "INF", or null (text facts) */
  decimals: string | null;
  /** 0-based index of the (X)HTML document in the report (always 0 for a single document) */
  document: number;
  /** 0-based index of the element among all elements of its document, in document order */
  position: number;
  /** inside ix:hidden: tagged but not displayed */
  hidden: boolean;
  /** ids of other tags of the same fact (consistent duplicates merged into this one) */
  duplicates: string[];
}

export type XbrlProblemKind =
  | 'INCONSISTENT_DUPLICATE'
  | 'MISSING_CONTEXT'
  | 'MISSING_UNIT'
  | 'INVALID_VALUE'
  | 'UNKNOWN_FORMAT'
  | 'MISSING_CONTINUATION';

export interface XbrlProblem {
  kind: XbrlProblemKind;
  message: string;
  factId: string | null;
  concept: string | null;
}

export interface XbrlMeta {
  entityName: string | null;
  lei: string | null;
  cik: string | null;
  /** as filed (dei:DocumentType: "10-K", "10-Q", "20-F" …), or "annual" for ESEF and UK accounts */
  documentType: string | null;
  /** ISO date the reporting period ends */
  periodEnd: string | null;
  /** the fiscal year the report is for, in the filer's convention (dei:DocumentFiscalYearFocus when tagged) */
  fiscalYear: number | null;
  /** the month and day fiscal years end, "--MM-DD" (dei:CurrentFiscalYearEndDate), when tagged */
  fiscalYearEnd: string | null;
  /** the currency of most monetary facts (ISO 4217) */
  currency: string | null;
}

export interface PresentationArc {
  parent: string;
  child: string;
  order: number;
  preferredLabel: string | null;
}

/** What the package's linkbases say, with concepts keyed by their schema fragment ("ifrs-full_Revenue"). */
export interface LinkbaseInfo {
  /** role URI → definition text ("[210000] Statement of financial position") */
  roles: Map<string, string>;
  /** role URI → parent-child arcs in that role */
  presentation: Map<string, PresentationArc[]>;
  /** concept fragment → label role → label text */
  labels: Map<string, Map<string, string>>;
  /** extension concept fragment → the standard concepts it is anchored to (ESEF wider-narrower arcs) */
  anchors: Map<string, string[]>;
  /** concepts the package's own schemas declare: fragment id → namespace and name */
  concepts: Map<string, { namespace: string; local: string }>;
}

/** One table row of the (X)HTML as the statements builder sees it. */
export interface TableRow {
  /** the first cell's text, whitespace collapsed */
  label: string;
  /** the indentation of the first cell in points (style padding-left, margin-left, text-indent), 0 when none */
  indent: number;
  /** the row is drawn with a rule above its figures (a total) */
  ruled: boolean;
  page: number;
  /** a balance line the presentation linkbase marks as the period's opening or closing one */
  balance?: 'opening' | 'closing';
  /** `cell`: the grid column the fact is printed in (colspans counted) */
  facts: { fact: number; cell: number; negativeShown: boolean }[];
}

export interface HtmlTable {
  document: number;
  /** text printed between the previous table and this one (at most the last few blocks): its heading */
  caption: string[];
  rows: TableRow[];
}

export interface XbrlReport {
  format: 'IXBRL' | 'XBRL_PACKAGE';
  /** the (X)HTML documents read, in package order */
  documents: string[];
  /** pages: CSS page breaks counted per document, or one page per document without them */
  pages: number;
  contexts: Map<string, XbrlContext>;
  units: Map<string, XbrlUnit>;
  facts: XbrlFact[];
  tables: HtmlTable[];
  linkbase: LinkbaseInfo | null;
  meta: XbrlMeta;
  problems: XbrlProblem[];
}

export type { DecimalString };
