// A PDF and an inline-XBRL document of one report print the same figures. Before rows are matched, a line read
// from the PDF whose figures in the periods both readings share equal a tagged line's takes that line's concept
// (or, where the tagged line has none, its label), so the two readings of one line meet in one row even where the
// PDF reading has no concept (an unlabelled total) or a different guess. Lines are paired in printed order, so repeated figures (total assets = total liabilities
// and equity) pair first with first.
import { Decimal } from 'decimal.js';
import { UNIT_EXPONENT } from './units.js';
import type { ReportLine, ReportStatement } from './types.js';

/** The tagged extraction of the same report and statement type, if the report has one. */
function taggedTwin(report: ReportStatement, reports: ReportStatement[]): ReportStatement | undefined {
  return reports
    .filter(
      (t) =>
        t.provider === 'XBRL' &&
        t.statementType === report.statementType &&
        t.interim === report.interim &&
        t.reportFiscalYear !== null &&
        t.reportFiscalYear === report.reportFiscalYear,
    )
    .sort((a, b) => b.documentId - a.documentId || b.extractionId - a.extractionId)[0];
}

/** Column pairs (report column, twin column) for the same fiscal year and period length, reported figures only. */
function sharedColumns(report: ReportStatement, twin: ReportStatement): [number, number][] {
  const pairs: [number, number][] = [];
  report.columns.forEach((c, i) => {
    if (c.fiscalYear === null || (c.kind && c.kind !== 'REPORTED')) return;
    const j = twin.columns.findIndex((t) => t.fiscalYear === c.fiscalYear && t.periodMonths === c.periodMonths && (!t.kind || t.kind === 'REPORTED'));
    if (j >= 0) pairs.push([i, j]);
  });
  return pairs;
}

/** A line's figures in currency units for the given columns (nil as such); null when no figure is non-zero. */
function signature(line: ReportLine, report: ReportStatement, columns: number[]): string | null {
  const exponent = line.perShare ? 0 : UNIT_EXPONENT[report.unit];
  const scaled = columns.map((c) => {
    const v = line.values[c];
    return v === null || v === undefined ? null : new Decimal(v).times(new Decimal(10).pow(exponent));
  });
  if (scaled.every((d) => d === null || d.isZero())) return null;
  return `${line.perShare}|${scaled.map((d) => d?.toFixed() ?? 'nil').join('|')}`;
}

export function alignWithTaggedTwins(reports: ReportStatement[]): ReportStatement[] {
  return reports.map((report) => {
    if (report.provider === 'XBRL') return report;
    const twin = taggedTwin(report, reports);
    if (!twin) return report;
    const pairs = sharedColumns(report, twin);
    if (pairs.length === 0) return report;
    const tagged = twin.lines.map((l) => signature(l, twin, pairs.map(([, j]) => j)));
    const claimed = new Set<number>();
    let changed = false;
    const lines = report.lines.map((line) => {
      const key = signature(line, report, pairs.map(([i]) => i));
      if (key === null) return line;
      const match = tagged.findIndex((k, t) => k === key && !claimed.has(t));
      if (match < 0) return line;
      claimed.add(match);
      // The twin's concept, or, where it has none, its label: either way the two readings match as one row.
      const { concept, label } = twin.lines[match];
      if (concept === null ? label === line.label && line.concept === null : concept === line.concept) return line;
      changed = true;
      return concept === null ? { ...line, concept: null, label } : { ...line, concept };
    });
    return changed ? { ...report, lines } : report;
  });
}
