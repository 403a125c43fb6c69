// How far a PDF extraction reproduces the tagged facts of the same report: per statement, every XBRL value
// (a dimensionless primary-statement fact, printed sign) is looked up in the PDF extraction's statement of the
// same type, same period, and compared after scaling the PDF figure by its printed unit. Pure: no I/O.
import { Decimal } from 'decimal.js';
import type { ExtractedColumn, ExtractedLine, ExtractedStatement, ExtractionOutput, FactReference, StatementType } from '../types.js';
import { normaliseLabel } from '../concepts/taxonomy.js';

export interface AgreementDifference {
  label: string;
  concept: string | null;
  fact: FactReference | null;
  periodEnd: string | null;
  periodMonths: number | null;
  xbrlValue: string;
  /** the PDF's figure in currency units (scaled), or null when the PDF extraction has no such line or period */
  pdfValue: string | null;
  /**
   * why it differs: the PDF extraction lacks the statement, has no column ending that day, has one ending that
   * day but of another length (PERIOD_LENGTH: "three months" read as a year), lacks the line, or reads another value
   */
  reason: 'NO_STATEMENT' | 'NO_PERIOD' | 'PERIOD_LENGTH' | 'NO_LINE' | 'VALUE';
}

export interface StatementAgreement {
  type: StatementType;
  /** tagged values compared (every non-null value of the XBRL statement) */
  compared: number;
  agreeing: number;
  differing: AgreementDifference[];
  /**
   * tagged values the PDF statement gives wrongly (another value, or its column read as another period) although
   * its verdict is `verified`: a verified statement must be right, so this should be 0
   */
  wrongInVerified: number;
}

export interface Agreement {
  statements: StatementAgreement[];
  compared: number;
  agreeing: number;
  /** summed over the statements: values wrong inside statements the PDF extraction calls verified */
  wrongInVerified: number;
  /** agreeing / compared, 0..1 (1 when nothing was compared) */
  share: number;
}

/** Compares an XBRL extraction (the truth) with a PDF extraction of the same report. */
export function compareWithTaggedFacts(xbrl: ExtractionOutput | ExtractedStatement[], pdf: ExtractionOutput | ExtractedStatement[]): Agreement {
  const tagged = Array.isArray(xbrl) ? xbrl : xbrl.statements;
  const read = Array.isArray(pdf) ? pdf : pdf.statements;
  const statements = tagged.map((s) => compareStatement(s, read.find((p) => p.type === s.type)));
  const compared = statements.reduce((n, s) => n + s.compared, 0);
  const agreeing = statements.reduce((n, s) => n + s.agreeing, 0);
  const wrongInVerified = statements.reduce((n, s) => n + s.wrongInVerified, 0);
  return { statements, compared, agreeing, wrongInVerified, share: compared === 0 ? 1 : agreeing / compared };
}

function compareStatement(truth: ExtractedStatement, pdf: ExtractedStatement | undefined): StatementAgreement {
  const result: StatementAgreement = { type: truth.type, compared: 0, agreeing: 0, differing: [], wrongInVerified: 0 };
  truth.lineItems.forEach((line) => {
    line.values.forEach((value, c) => {
      if (value === null) return;
      result.compared++;
      const column = truth.columns[c];
      const diff = (reason: AgreementDifference['reason'], pdfValue: string | null = null) =>
        result.differing.push({ label: line.label, concept: line.concept, fact: line.facts?.[c] ?? null, periodEnd: column.periodEnd, periodMonths: column.periodMonths, xbrlValue: value, pdfValue, reason });
      if (!pdf) return diff('NO_STATEMENT');
      const pc = pdf.columns.findIndex((p) => samePeriod(column, p));
      if (pc < 0) return diff(pdf.columns.some((p) => p.periodEnd !== null && p.periodEnd === column.periodEnd) ? 'PERIOD_LENGTH' : 'NO_PERIOD');
      const candidates = linesFor(line, pdf);
      const scaled = candidates.map((l) => scaledValue(l, pc, pdf));
      if (scaled.some((v) => equal(v, value))) return void result.agreeing++;
      // Share counts are printed in units under "(in thousands, except share and per share data)", and the
      // extraction keeps figures as printed: a count equal to the fact as printed reproduces it.
      if (isShareCount(line, c) && candidates.some((l) => equal(printedValue(l, pc), value))) return void result.agreeing++;
      // Without a line of the same concept or label, the figure counts as reproduced if printed anywhere in the column.
      if (candidates.length === 0) {
        if (pdf.lineItems.some((l) => equal(scaledValue(l, pc, pdf), value))) return void result.agreeing++;
        return diff('NO_LINE');
      }
      diff('VALUE', scaled.find((v) => v !== undefined) ?? null);
    });
  });
  // A missing line or period is incomplete, not wrong; another value, or a misdated column, is wrong.
  if (pdf?.verdict === 'verified') result.wrongInVerified = result.differing.filter((d) => d.reason === 'VALUE' || d.reason === 'PERIOD_LENGTH').length;
  return result;
}

/** Same period: the same end date (and length, for flows); a PDF column without a date matches by fiscal year. */
function samePeriod(a: ExtractedColumn, b: ExtractedColumn): boolean {
  // A PDF column that does not state its length is taken at its date; stated lengths must agree.
  if (b.periodMonths !== null && a.periodMonths !== b.periodMonths) return false;
  if (b.periodEnd) return b.periodEnd === a.periodEnd;
  return b.fiscalYear !== null && b.fiscalYear === a.fiscalYear;
}

/**
 * The PDF lines that print this fact: the line of the same canonical concept and the line of the same label.
 * Both, because several taxonomy elements map to one canonical concept (NetIncomeLoss and ProfitLoss are both
 * net income), so the tagged statement can hold two lines of a concept the PDF statement gives to one.
 */
function linesFor(line: ExtractedLine, pdf: ExtractedStatement): ExtractedLine[] {
  const label = normaliseLabel(line.label);
  return pdf.lineItems.filter((l) => (line.concept !== null && l.concept === line.concept) || (label !== '' && normaliseLabel(l.label) === label));
}

/** A weighted-average or outstanding share count (by canonical concept, or by the tagged element's name). */
function isShareCount(line: ExtractedLine, column: number): boolean {
  return line.concept === 'weighted_average_shares' || /WeightedAverage\w*Shares|SharesOutstanding/i.test(line.facts?.[column]?.concept ?? '');
}

function printedValue(line: ExtractedLine, column: number): string | null | undefined {
  const v = line.values[column];
  return v === null ? '0' : v;
}

/** The PDF figure in currency units; a dash (null) is zero, as a tagged zero prints as a dash. */
function scaledValue(line: ExtractedLine, column: number, pdf: ExtractedStatement): string | null | undefined {
  const v = line.values[column];
  if (v === undefined) return undefined;
  if (v === null) return '0';
  return line.perShare ? new Decimal(v).toFixed() : new Decimal(v).times(pdf.scale).toFixed();
}

function equal(a: string | null | undefined, b: string): boolean {
  return a !== null && a !== undefined && new Decimal(a).equals(b);
}
