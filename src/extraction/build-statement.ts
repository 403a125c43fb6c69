// Turns a located section into an ExtractedStatement: table, columns, unit, currency, concepts, checks.
import { assignConcepts } from './concepts/assign-concepts.js';
import { conceptDefinition, matchConcept } from './concepts/map-concepts.js';
import { runChecks } from './checks.js';
import { describeColumns } from './columns.js';
import { readColumnHeaders } from './layout/headers.js';
import { judgeStatement } from './verdict.js';
import { median, type Line } from './layout/lines.js';
import { dropRatioColumns } from './layout/ratio-columns.js';
import { buildTable, type TableRow } from './layout/table.js';
import type { Section } from './locate/sections.js';
import { detectNumberStyle, type NumberStyle } from './numbers.js';
import { detectCurrency, detectUnit, UNIT_SCALE } from './units.js';
import type { ExtractedLine, ExtractedStatement, StatementType } from './types.js';

export interface DocumentContext {
  /** currency the report names for its figures, when a statement's own header does not */
  presentationCurrency: string | null;
  pageText: (page: number) => string;
  /** the decimal mark the whole report uses, for a statement whose own figures do not tell */
  numberStyle?: NumberStyle;
}

const TERMINAL: Record<StatementType, string[]> = {
  INCOME_STATEMENT: ['eps_basic', 'eps_diluted', 'weighted_average_shares'],
  BALANCE_SHEET: ['total_liabilities_and_equity'],
  CASH_FLOW_STATEMENT: ['cash_at_end'],
};

const TOTAL_WORDS = /^(total|net cash|summa|summe|gesamt|total des|totaal|netto)\b/i;
const PER_SHARE = /per (ordinary |common )?share|per aktie|je aktie|par action|per aandeel|\(pence\)|\(cents\)/i;

export function buildStatement(type: StatementType, section: Section, doc: DocumentContext): ExtractedStatement | null {
  const lines = section.lines;
  const style = detectNumberStyle(lines.flatMap((l) => l.phrases.map((p) => p.text)), doc.numberStyle);
  const table = buildTable(lines, style);
  if (table.columns.length === 0) return null;
  const fontSize = median(lines.map((l) => l.fontSize)) || 10;

  const { headers, rows } = dropRatioColumns(readColumnHeaders(table.headerLines, table.columns, fontSize), cutAfterStatementEnd(type, table.rows));
  const headerText = table.headerLines.map((l) => l.text).join(' \n');
  const allText = lines.map((l) => l.text).join('\n');
  const statedCurrency = detectCurrency([`${section.title} ${headers.shared}`, allText]) ?? doc.presentationCurrency;
  const { columns, currency } = describeColumns(type, headers, `${section.title} ${headers.shared}`, statedCurrency);

  // The unit note sits in the header, or just above the title (never in narrative further away).
  const aboveTitle = section.titleLine ? linesAbove(doc.pageText(section.titleLine.page), section.title, 4) : '';
  const unit = detectUnit([section.title, headerText, aboveTitle, allText]) ?? 'units';

  const indents = indentLevels(rows, fontSize);
  const concepts = assignConcepts(
    type,
    rows.map((r) => ({ label: r.label, hasFigures: r.cells.some((c) => c !== undefined), values: r.cells.map((c) => (c ? c.amount.value : undefined)) })),
  );
  const lineItems: ExtractedLine[] = [];
  rows.forEach((row, i) => {
    if (row.cells.every((c) => c === undefined)) return;
    const concept = concepts[i];
    const definition = concept ? conceptDefinition(type, concept) : undefined;
    lineItems.push({
      label: row.label,
      concept,
      values: row.cells.map((c) => (c ? c.amount.value : null)),
      page: row.page,
      level: row.labelX0 === null ? 0 : indents(row.labelX0),
      isTotal: row.label === '' || TOTAL_WORDS.test(row.label) || Boolean(definition?.isTotal),
      perShare: isPerShare(row, concept, Boolean(definition?.perShare)),
    });
  });
  if (lineItems.length < 2) return null;

  const statement: ExtractedStatement = {
    type,
    title: section.title,
    pages: [...new Set([section.titleLine?.page ?? lineItems[0].page, ...lineItems.map((l) => l.page)])].sort((a, b) => a - b),
    currency,
    unit,
    scale: UNIT_SCALE[unit],
    columns,
    lineItems,
    checks: [],
  };
  statement.checks = runChecks(statement);
  statement.verdict = judgeStatement(statement).verdict;
  return statement;
}

/** A figure per share (EPS, dividend per share), not a share count "used to compute ... per share". */
function isPerShare(row: TableRow, concept: string | null, conceptIsPerShare: boolean): boolean {
  if (conceptIsPerShare) return true;
  if (concept === 'weighted_average_shares' || /number of (ordinary |common )?shares|weighted.average/i.test(row.label)) return false;
  // Share capital states its par value per share ("Common stock — par value $1.00 per share"): an amount of capital.
  if (/\b(par|nominal|stated) value\b|\bnennwert|valeur nominale/i.test(row.label)) return false;
  return PER_SHARE.test(row.label) || row.cells.some((c) => c?.amount.minorUnitSuffix);
}

/** After a statement's closing line, the next heading starts another table (Lyft's stock-compensation breakdown). */
function cutAfterStatementEnd(type: StatementType, rows: TableRow[]): TableRow[] {
  let ended = false;
  let carried = false;
  for (const [i, row] of rows.entries()) {
    const hasFigures = row.cells.some((c) => c !== undefined);
    if (ended && !hasFigures && row.label) {
      // Inside a carried disclosure, its own sub-headings ("Cash interest paid" over its parts) belong to it.
      const subHeading = carried && row.label.length <= 60 && !/[.:;]\s*\S/.test(row.label);
      if (!subHeading && !continuesStatement(type, row.label)) return rows.slice(0, i);
      if (!subHeading) carried = type === 'CASH_FLOW_STATEMENT' && CARRIED_DISCLOSURE.test(row.label);
    }
    if (hasFigures && TERMINAL[type].includes(matchConcept(type, row.label) ?? '')) ended = true;
  }
  return rows;
}

/**
 * Disclosures a statement carries below its closing line, under a heading of their own: the weighted-average
 * share counts under EPS, a cash-flow statement's supplemental information (cash paid for interest and taxes,
 * non-cash activities, what closing cash comprises).
 */
const CARRIED_DISCLOSURE = /supplement|non.?cash|\bcomprises?\b|components of cash|ergänzende angaben|zusätzliche angaben|informations complémentaires|aanvullende informatie|tilläggsupplysningar/i;

function continuesStatement(type: StatementType, heading: string): boolean {
  if (TERMINAL[type].includes(matchConcept(type, heading) ?? '')) return true;
  return type === 'CASH_FLOW_STATEMENT' && CARRIED_DISCLOSURE.test(heading);
}

function indentLevels(rows: TableRow[], fontSize: number): (x: number) => number {
  const xs = [...new Set(rows.flatMap((r) => (r.labelX0 === null ? [] : [r.labelX0])))].sort((a, b) => a - b);
  const stops: number[] = [];
  for (const x of xs) if (stops.length === 0 || x - stops[stops.length - 1] > 0.5 * fontSize) stops.push(x);
  return (x: number) => {
    let level = 0;
    for (const [i, stop] of stops.entries()) if (x >= stop - 0.25 * fontSize) level = i;
    return Math.min(level, 5);
  };
}

function linesAbove(pageText: string, title: string, count: number): string {
  const lines = pageText.split('\n');
  const at = lines.findIndex((l) => l.includes(title));
  return at < 0 ? '' : lines.slice(Math.max(0, at - count), at).join('\n');
}

export function pageTextOf(lines: Line[]): string {
  return lines.map((l) => l.text).join('\n');
}
