// Columns and periods: from the header text over each column (see layout/headers.ts) to the period it reports
// (fiscal year, period end, length in months), its kind (reported, adjusted, adjustments, budget, translation)
// and, for a convenience translation, its currency. Every decision leaves a reason for `--explain`.
import type { ColumnHeaders } from './layout/headers.js';
import { dayBefore, findMonthOnly, findPeriodEnd, findPeriodMonths, findYear, lastDayOf, monthsBetweenDates, monthsOfDateRange, type PrintedDate } from './layout/periods.js';
import { detectCurrency } from './units.js';
import type { ColumnKind, ExtractedColumn, StatementType } from './types.js';

/** Words that mark a column as something other than the entity's reported figures, most specific first. */
const KIND_WORDS: [ColumnKind, RegExp][] = [
  ['adjustments', /\badjustments?\b|adjusting items|specific items|reconciling items|bereinigungen|ajustements|aanpassingen|justeringar|ajustes|rettifiche/i],
  ['adjusted', /\badjusted\b|\bunderlying\b|non.?gaap|non.?ifrs|\bbereinigt|\bajusté|\baangepast|\bjusterad|\bajustado|\brettificato/i],
  ['budget', /\bbudget(?:ed|é)?\b|\bbegroting\b|\bbegroot\b|\bforecast\b|\bprognose\b|\bplan\b|\bplanwert\b|\bpresupuesto\b|\bpreventivo\b|\bprévisionnel\b/i],
  ['translation', /convenience translation|translated into|translation into|umrechnung|omräkning/i],
];

export interface ColumnReading {
  columns: ExtractedColumn[];
  /** the currency of the reported columns where their headers name one, else null */
  currency: string | null;
}

interface Period {
  year: number | null;
  end: PrintedDate | null;
  /** the end date is printed in the column's own header */
  endIsOwn?: boolean;
  months: number | null;
  reasons: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const quote = (s: string) => `"${s.length > 60 ? `${s.slice(0, 57)}...` : s}"`;

/** Reads each column's period, kind and currency from its header text, the shared header text and the title. */
export function describeColumns(
  type: StatementType,
  headers: ColumnHeaders,
  context: string,
  /** the statement's currency as its title or text names it, used when no column header names one */
  statedCurrency: string | null,
): ColumnReading {
  const periods = headers.columns.map((h) => ownPeriod(type, h.own, h.group));
  inheritFromDatedNeighbours(type, periods);
  yearsFromSharedHeader(periods, headers.shared) || yearsFromSharedHeader(periods, context);
  const sharedEnd = findPeriodEnd(headers.shared) ?? findPeriodEnd(context);
  const sharedMonths = findPeriodMonths(headers.shared) ?? findPeriodMonths(context);
  const sharedYear = findYear(headers.shared) ?? findYear(context);

  const kinds = headers.columns.map((h) => detectKind(`${h.group} ${h.own}`));
  const currencies = headers.columns.map((h) => detectCurrency([`${h.group} ${h.own}`]));
  const currency = majority(currencies.filter((c, i): c is string => c !== null && kinds[i] === null)) ?? statedCurrency;

  const columns = headers.columns.map((h, i): ExtractedColumn => {
    const p = periods[i];
    if (p.year === null && headers.columns.length === 1 && sharedYear !== null) {
      p.year = sharedYear;
      p.reasons.push(`year ${sharedYear} from the title or a header over all columns`);
    }
    if (!p.end && sharedEnd) {
      p.end = sharedEnd;
      p.reasons.push(`ends on ${pad(sharedEnd.month)}-${pad(sharedEnd.day)} (${quote(sharedEnd.text)} in the title or a header over all columns)`);
    }
    if (type !== 'BALANCE_SHEET' && p.months === null) {
      p.months = sharedMonths ?? 12;
      p.reasons.push(sharedMonths ? `${sharedMonths} months from the title or a header over all columns` : '12 months: no period length printed, a year assumed');
    }
    if (type === 'BALANCE_SHEET') p.months = null;
    // A date in the column's own header carries its year; a shared one ("for the year ended 31 March 2024")
    // gives only the day and month to columns of other years.
    const endYear = (p.endIsOwn ? p.end?.year : null) ?? p.year ?? p.end?.year ?? null;
    const periodEnd = endYear !== null && p.end ? `${endYear}-${pad(p.end.month)}-${pad(p.end.day)}` : null;

    let kind: ColumnKind = kinds[i]?.kind ?? 'reported';
    const reasons = [...p.reasons];
    if (kinds[i]) reasons.push(`${kinds[i]!.kind}: ${quote(kinds[i]!.word)} over it`);
    const column: ExtractedColumn = {
      label: [h.group, h.own].filter(Boolean).join(' ') || (p.year !== null ? String(p.year) : ''),
      fiscalYear: p.year,
      periodEnd,
      periodMonths: p.months,
      kind,
      reasons,
    };
    if (currencies[i] && currency && currencies[i] !== currency) {
      // Figures in another currency beside the reported ones are a convenience translation.
      if (kind === 'reported') kind = 'translation';
      column.kind = kind;
      column.currency = currencies[i];
      reasons.push(`${kind}: in ${currencies[i]}, the statement in ${currency}`);
    }
    if (kind === 'reported') reasons.push('reported: no adjusted, budget or other-currency header');
    return column;
  });
  return { columns, currency };
}

/** What the column's own header and any group header over it say about its period. */
function ownPeriod(type: StatementType, own: string, group: string): Period {
  const reasons: string[] = [];
  let year = findYear(own);
  if (year !== null) reasons.push(`year ${year} from its header`);
  else if ((year = findYear(group)) !== null) reasons.push(`year ${year} from the group header ${quote(group)}`);

  let end = findPeriodEnd(own);
  const endIsOwn = end !== null;
  if (end) reasons.push(`ends ${describeDate(end)} (${quote(end.text)})`);
  else if ((end = findPeriodEnd(group))) reasons.push(`ends ${describeDate(end)} (${quote(end.text)} in the group header)`);
  else {
    const month = findMonthOnly(own);
    if (month) {
      end = { month, day: dayBefore(own) ?? lastDayOf(year ?? 2001, month), year: null, index: 0, text: own };
      reasons.push(`ends ${describeDate(end)} (the month in its header)`);
    }
  }

  let months: number | null = null;
  if (type !== 'BALANCE_SHEET') {
    const found: [number | null, string][] = [
      // Its own dates ("July 22 to September 30") say more than a length over several columns.
      [monthsOfDateRange(own, end?.year ?? year), 'from the date range in its header'],
      [findPeriodMonths(own), 'from its header'],
      [findPeriodMonths(group), `from the group header ${quote(group)}`],
      [monthsBetweenDates(own), 'between the dates in its header'],
      [monthsBetweenDates(group), 'between the dates in the group header'],
    ];
    const hit = found.find(([m]) => m !== null);
    if (hit) {
      months = hit[0];
      reasons.push(`${months} months ${hit[1]}`);
    }
  }
  return { year, end, endIsOwn, months, reasons };
}

/**
 * Columns without a year of their own (an "Adjusted" / "Adjustments" pair beside a dated statutory column)
 * belong to the dated column that closes their group to the right; failing that, to the one on their left.
 */
function inheritFromDatedNeighbours(type: StatementType, periods: Period[]): void {
  const dated = periods.map((p) => p.year !== null);
  periods.forEach((p, i) => {
    if (dated[i]) return;
    const right = periods.findIndex((q, j) => j > i && dated[j]);
    const left = periods.map((q, j) => (j < i && dated[j] ? j : -1)).filter((j) => j >= 0).pop() ?? -1;
    const from = right >= 0 ? right : left;
    if (from < 0) return;
    const source = periods[from];
    p.year = source.year;
    p.end ??= source.end;
    if (type !== 'BALANCE_SHEET') p.months ??= source.months;
    p.reasons.push(`year ${source.year}${source.end ? ' and period end' : ''} from the dated column ${from + 1} ${right >= 0 ? 'to its right' : 'to its left'}`);
  });
}

/**
 * Columns with no header of their own under a line that lists one year per column ("2023 2022" printed as one
 * phrase, or "for the years ended December 31, 2023 and 2022") take those years in order.
 */
function yearsFromSharedHeader(periods: Period[], text: string): boolean {
  if (periods.length < 2 || periods.some((p) => p.year !== null)) return false;
  const years = [...new Set([...text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)].map((m) => Number(m[1])))];
  if (years.length !== periods.length) return false;
  periods.forEach((p, i) => {
    p.year = years[i];
    p.reasons.push(`year ${years[i]}: the ${i + 1}. of the years listed over all columns`);
  });
  return true;
}

function detectKind(text: string): { kind: ColumnKind; word: string } | null {
  for (const [kind, re] of KIND_WORDS) {
    const m = re.exec(text);
    if (m) return { kind, word: m[0] };
  }
  return null;
}

function majority(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > counts.get(best)!) best = v;
  return best;
}

function describeDate(d: PrintedDate): string {
  return d.year !== null ? `${d.year}-${pad(d.month)}-${pad(d.day)}` : `${pad(d.month)}-${pad(d.day)}`;
}
