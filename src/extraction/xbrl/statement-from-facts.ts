// A primary statement from tagged facts laid out as the filer printed them: rows and labels from the HTML
// table, columns from the facts' periods (exact dates), values exact in units, and each value's lineage.
//
// Sign convention of `values`: as printed, like the PDF extractor reports them (parentheses or a leading minus
// = negative). The tagged value's magnitude is exact; its printed sign is read from the HTML around the tag, so
// an expense tagged positive and shown "(3,236)" is -3236, and a loss tagged negative but printed without
// parentheses under a "Net loss" label is positive.
import { Decimal } from 'decimal.js';
import { runChecks } from '../checks.js';
import { judgeStatement } from '../verdict.js';
import { conceptDefinition, matchConcept } from '../concepts/map-concepts.js';
import type { ExtractedColumn, ExtractedLine, ExtractedStatement, FactReference, StatementType } from '../types.js';
import { dayBefore, fiscalYearOf, monthsBetween, type FiscalCalendar } from './fiscal-calendar.js';
import { currencyOf } from './meta.js';
import { isCashBalance, standardConceptKey } from './standard-concepts.js';
import { anchoredKey } from './statement-from-presentation.js';
import { faceFacts, STATEMENT_TITLES, type StatementTables } from './statement-tables.js';
import type { TableRow, XbrlFact, XbrlReport } from './types.js';

const DEFAULT_TITLES: Record<StatementType, string> = {
  INCOME_STATEMENT: 'Income statement',
  BALANCE_SHEET: 'Balance sheet',
  CASH_FLOW_STATEMENT: 'Cash-flow statement',
};

interface Column extends ExtractedColumn {
  start: string | null;
  end: string;
  /** the table cell this column's figures sit in most often */
  cell: number;
}

interface Placed {
  row: TableRow;
  cells: { fact: XbrlFact; column: number; opening: boolean; negativeShown: boolean }[];
}

/**
 * `fromLinkbase`: rows gathered by concept (not read from one printed table) carry every period their concepts
 * were tagged for; a period only a few lines report (a balance at another date) is then not a column.
 */
export function statementFromTables(report: XbrlReport, located: StatementTables, calendar: FiscalCalendar, fromLinkbase = false): ExtractedStatement | null {
  const { type } = located;
  const dropSparseColumns = fromLinkbase;
  const face = faceFacts(report, fromLinkbase);
  const faceRows = (rows: TableRow[]) => rows.map((row) => ({ ...row, facts: row.facts.filter((f) => face[f.fact]) })).filter((r) => r.facts.length > 0);
  const rows = mergeCompanions(report, faceRows(located.tables.flatMap((t) => t.rows)), (located.companions ?? []).map((c) => ({ rows: faceRows(c.table.rows), before: c.before })));
  let columns = columnsOf(report, type, rows, calendar);
  if (dropSparseColumns) {
    const filled = columns.map((_, c) => rows.filter((row) => placeRow(report, row, columns).some((p) => p.column === c)).length);
    const most = Math.max(0, ...filled);
    columns = columns.filter((_, c) => filled[c] >= most / 2);
  }
  if (columns.length === 0) return null;
  const placed: Placed[] = rows.map((row) => ({ row, cells: placeRow(report, row, columns) }));
  const lines = toLines(report, type, placed.filter((p) => p.cells.length > 0), columns.length);
  if (lines.length === 0) return null;
  const caption = located.tables[0].caption;
  const title = [...caption].reverse().find((c) => STATEMENT_TITLES[type].test(c) && c.length < 200) ?? DEFAULT_TITLES[type];
  const statement: ExtractedStatement = {
    type,
    title,
    pages: [...new Set(lines.map((l) => l.page))].sort((a, b) => a - b),
    currency: statementCurrency(report, placed),
    unit: 'units',
    scale: 1,
    // Every column of tagged facts is the entity's own reported figures for a period.
    columns: columns.map(({ label, fiscalYear, periodEnd, periodMonths }) => ({ label, fiscalYear, periodEnd, periodMonths, kind: 'reported' as const })),
    lineItems: lines,
    checks: [],
  };
  statement.checks = runChecks(statement);
  statement.verdict = judgeStatement(statement).verdict;
  return statement;
}

/** How far a companion table's cells are moved so its columns stay before or after the statement's own. */
const COMPANION_CELL_OFFSET = 100_000;

/**
 * The same statement printed for other periods: each companion row joins the row of the same concept (the n-th
 * occurrence of it, so opening and closing balances stay apart) or of the same label; a row only the companion
 * has follows the last row it joined.
 */
function mergeCompanions(report: XbrlReport, rows: TableRow[], companions: { rows: TableRow[]; before: boolean }[]): TableRow[] {
  if (companions.length === 0) return rows;
  const merged = rows.map((r) => ({ ...r, facts: [...r.facts] }));
  const keyOf = (list: TableRow[]) => {
    const seen = new Map<string, number>();
    return list.map((r) => {
      const c = report.facts[r.facts[0].fact].concept;
      const base = `${c.namespace}|${c.local}`;
      seen.set(base, (seen.get(base) ?? 0) + 1);
      return `${base}#${seen.get(base)}`;
    });
  };
  const baseKeys = keyOf(merged);
  companions.forEach(({ rows: other, before }, k) => {
    const offset = (before ? -1 : 1) * COMPANION_CELL_OFFSET * (k + 1);
    let after = -1;
    keyOf(other).forEach((key, i) => {
      const facts = other[i].facts.map((f) => ({ ...f, cell: f.cell + offset }));
      let at = baseKeys.indexOf(key);
      if (at < 0) at = merged.findIndex((r) => r.label !== '' && r.label === other[i].label);
      if (at >= 0) {
        merged[at].facts.push(...facts);
        after = at;
      } else {
        merged.splice(after + 1, 0, { ...other[i], facts });
        baseKeys.splice(after + 1, 0, key);
        after++;
      }
    });
  });
  return merged;
}

/** Columns are the distinct periods: durations for flows, instants for a balance sheet; left to right as printed. */
function columnsOf(report: XbrlReport, type: StatementType, rows: TableRow[], calendar: FiscalCalendar): Column[] {
  const seen = new Map<string, { start: string | null; end: string; cells: number[] }>();
  const wantInstant = type === 'BALANCE_SHEET' || !rows.some((r) => r.facts.some((f) => report.contexts.get(report.facts[f.fact].contextRef)!.period.kind === 'duration'));
  for (const row of rows) {
    for (const f of row.facts) {
      const period = report.contexts.get(report.facts[f.fact].contextRef)!.period;
      if ((period.kind === 'instant') !== wantInstant || !period.end) continue;
      const key = `${period.start}|${period.end}`;
      const entry = seen.get(key) ?? { start: period.start, end: period.end, cells: [] };
      entry.cells.push(f.cell);
      seen.set(key, entry);
    }
  }
  return [...seen.values()]
    .map((p) => ({ ...p, cell: median(p.cells) }))
    .sort((a, b) => a.cell - b.cell || b.end.localeCompare(a.end))
    .map((p) => {
      const months = p.start ? monthsBetween(p.start, p.end) : null;
      return {
        label: months ? `${months} months ended ${p.end}` : p.end,
        fiscalYear: fiscalYearOf(p.end, calendar),
        periodEnd: p.end,
        periodMonths: months,
        start: p.start,
        end: p.end,
        cell: p.cell,
      };
    });
}

/**
 * The columns a row's facts belong to: each fact's exact period; a balance (an instant) in a flow statement is
 * either the closing balance of the period ending that day or the opening one of the period starting the next
 * day. One row is all openings or all closings ("at beginning of year" / "at end of year"): the reading that
 * places more of its figures wins, ties going to the one nearer the printed cells.
 */
function placeRow(report: XbrlReport, row: TableRow, columns: Column[]): Placed['cells'] {
  const exact: Placed['cells'] = [];
  const balances: TableRow['facts'] = [];
  for (const f of row.facts) {
    const fact = report.facts[f.fact];
    const period = report.contexts.get(fact.contextRef)!.period;
    const column = columns.findIndex((c) => c.start === period.start && c.end === period.end);
    if (column >= 0) exact.push({ fact, column, opening: false, negativeShown: f.negativeShown });
    else if (period.kind === 'instant') balances.push(f);
  }
  if (balances.length === 0) return exact;
  const readings = [false, true].map((opening) => {
    const cells = balances.flatMap((f) => {
      const fact = report.facts[f.fact];
      const end = report.contexts.get(fact.contextRef)!.period.end;
      const column = columns.findIndex((c) => c.start !== null && (opening ? dayBefore(c.start) === end : c.end === end));
      return column >= 0 ? [{ fact, column, opening, negativeShown: f.negativeShown, distance: Math.abs(columns[column].cell - f.cell) }] : [];
    });
    return { cells, distance: cells.reduce((d, c) => d + c.distance, 0) };
  });
  const [closing, opening] = readings;
  const best = row.balance ? (row.balance === 'opening' ? opening : closing)
    : opening.cells.length > closing.cells.length || (opening.cells.length === closing.cells.length && opening.distance < closing.distance) ? opening : closing;
  return [...exact, ...best.cells.map(({ distance: _d, ...c }) => c)];
}

function toLines(report: XbrlReport, type: StatementType, placed: Placed[], columnCount: number): ExtractedLine[] {
  const indents = [...new Set(placed.map((p) => p.row.indent))].sort((a, b) => a - b);
  const used = new Set<string>();
  // Equity shown both without and with non-controlling interests: the narrower total is the owners' share.
  const locals = new Set(placed.map((p) => p.cells[0].fact.concept.local));
  const ownersShare = type === 'BALANCE_SHEET' && locals.has('StockholdersEquityIncludingPortionAttributableToNoncontrollingInterest') ? 'StockholdersEquity' : null;
  const lines = placed.map((p) => {
    const values: (string | null)[] = new Array(columnCount).fill(null);
    const facts: (FactReference | null)[] = new Array(columnCount).fill(null);
    for (const c of p.cells) {
      if (facts[c.column]) continue; // a second tag of the same cell (nested tags) adds nothing
      values[c.column] = printedValue(c.fact.value, c.negativeShown);
      facts[c.column] = { id: c.fact.id, concept: `${c.fact.concept.prefix}:${c.fact.concept.local}`, contextRef: c.fact.contextRef, position: c.fact.position };
    }
    const first = p.cells[0];
    let key = isCashBalance(first.fact.concept) && type === 'CASH_FLOW_STATEMENT' ? (first.opening ? 'cash_at_beginning' : 'cash_at_end') : standardConceptKey(type, first.fact.concept);
    if (key && first.fact.concept.local === ownersShare) key = 'equity_attributable_to_owners';
    if (!key && p.row.label) key = matchConcept(type, p.row.label);
    if (!key) key = anchoredKey(report, type, first.fact.concept);
    if (key && used.has(key)) key = null;
    if (key) used.add(key);
    const definition = key ? conceptDefinition(type, key) : undefined;
    const line: ExtractedLine = {
      label: p.row.label,
      concept: key,
      values,
      page: p.row.page,
      level: Math.min(4, indents.indexOf(p.row.indent)),
      isTotal: !!definition?.isTotal || /^total\b/i.test(p.row.label) || p.row.label === '' || p.row.ruled,
      // A figure per share has a unit with a denominator (USD/share): it is never scaled.
      perShare: !!definition?.perShare || (report.units.get(first.fact.unitRef ?? '')?.denominator.length ?? 0) > 0,
      facts,
    };
    return line;
  });
  return lines;
}

function printedValue(value: string | null, negativeShown: boolean): string | null {
  if (value === null) return null;
  const magnitude = new Decimal(value).abs();
  return (negativeShown && !magnitude.isZero() ? magnitude.negated() : magnitude).toFixed();
}

function statementCurrency(report: XbrlReport, placed: Placed[]): string | null {
  const counts = new Map<string, number>();
  for (const p of placed) {
    for (const c of p.cells) {
      const code = currencyOf(c.fact.unitRef ? report.units.get(c.fact.unitRef) : undefined);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? report.meta.currency;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}
