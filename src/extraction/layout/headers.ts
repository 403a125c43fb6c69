// Column headers: which period or date each column of figures stands for, read from the header lines above
// the figures ("Year Ended December 31," / "2021 2020 2019", "Six months ended 30 June 2025", "As at 30 Sep 2024").
import type { ExtractedColumn, StatementType } from '../types.js';
import type { Line } from './lines.js';
import type { ColumnZone } from './table.js';
import { isCurrencyMark } from '../numbers.js';

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januari', 'januar', 'janvier', 'jänner']],
  [2, ['february', 'feb', 'februari', 'februar', 'février', 'fevrier']],
  [3, ['march', 'mar', 'mars', 'märz', 'maart']],
  [4, ['april', 'apr', 'avril']],
  [5, ['may', 'maj', 'mai', 'mei']],
  [6, ['june', 'jun', 'juni', 'juin']],
  [7, ['july', 'jul', 'juli', 'juillet']],
  [8, ['august', 'aug', 'augusti', 'août', 'aout', 'augustus']],
  [9, ['september', 'sep', 'sept', 'septembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre']],
  [11, ['november', 'nov', 'novembre']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

export interface MonthDay {
  month: number;
  day: number;
}

/** "30 June", "June 30", "31. Dezember", "31.12.", "2024-12-31" -> month and day. */
export function findMonthDay(text: string): MonthDay | null {
  const t = text.toLowerCase();
  const range = monthRange(t);
  if (range) return { month: range.endMonth, day: lastDayOf(2001, range.endMonth) };
  let m = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th|\\.)?\\s+(${MONTH_RE})\\b\\.?`, 'u').exec(t);
  if (m) return { day: Number(m[1]), month: MONTHS[m[2]] };
  m = new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})\\b(?!\\d)`, 'u').exec(t);
  if (m && Number(m[2]) <= 31) return { day: Number(m[2]), month: MONTHS[m[1]] };
  m = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(t);
  if (m) return { month: Number(m[2]), day: Number(m[3]) };
  m = /\b(\d{1,2})[./](\d{1,2})[./](\d{2,4})\b/.exec(t);
  if (m && Number(m[2]) <= 12) return { day: Number(m[1]), month: Number(m[2]) };
  return null;
}

/** A lone month name ("September" under "30") still names the period end's month. */
function findMonthOnly(text: string): number | null {
  const m = new RegExp(`\\b(${MONTH_RE})\\b`, 'u').exec(text.toLowerCase());
  return m ? MONTHS[m[1]] : null;
}

export function findYear(text: string): number | null {
  const t = text.toLowerCase();
  const fiscal = /\b(?:fy|h[12]\s*fy|fy\s*h[12])\s*'?(\d{2}|\d{4})\b/.exec(t);
  const years = [...t.matchAll(/\b(19[5-9]\d|20\d\d)(?:\s*[/–-]\s*(\d{2}|\d{4}))?\b/g)];
  if (years.length > 0) {
    const last = years[years.length - 1];
    if (last[2]) {
      const end = last[2].length === 2 ? Number(last[1].slice(0, 2) + last[2]) : Number(last[2]);
      if (end === Number(last[1]) + 1) return end;
    }
    return Number(last[1]);
  }
  if (fiscal) return fiscal[1].length === 2 ? 2000 + Number(fiscal[1]) : Number(fiscal[1]);
  return null;
}

/** "Okt-dec 2024", "Jan–Jun" -> the months the range covers and its last month. */
function monthRange(text: string): { months: number; endMonth: number } | null {
  const m = new RegExp(`\\b(${MONTH_RE})\\.?\\s*[-–—]\\s*(${MONTH_RE})\\b`, 'u').exec(text.toLowerCase());
  if (!m) return null;
  const from = MONTHS[m[1]];
  const to = MONTHS[m[2]];
  return { months: ((to - from + 12) % 12) + 1, endMonth: to };
}

export function findPeriodMonths(text: string): number | null {
  const t = text.toLowerCase();
  const range = monthRange(t);
  if (range) return range.months;
  const weeks = /\b(13|26|39|52|53)[\s-]*weeks?\b/.exec(t);
  if (weeks) return { 13: 3, 26: 6, 39: 9, 52: 12, 53: 12 }[Number(weeks[1]) as 13 | 26 | 39 | 52 | 53];
  const found = new Set<number>();
  if (/\b(three|3)[\s-]*(months?|mån|monate|mois|maanden)|\bquarter|\bq[1-4]\b|kvartal|quartal|trimestre/.test(t)) found.add(3);
  if (/\b(six|6)[\s-]*(months?|mån|monate|mois|maanden)|half[\s-]?year|\bh[12]\b|halvår|halbjahr|semestre|halfjaar|sechs monate|six mois|zes maanden/.test(t)) found.add(6);
  if (/\b(nine|9)[\s-]*(months?|mån|monate|mois|maanden)|neun monate|neuf mois|negen maanden/.test(t)) found.add(9);
  if (/\b(twelve|12)[\s-]*(months?|mån|monate|mois|maanden)|\byears?\b|\bfy\b|fiscal|financial year|helår|räkenskapsår|geschäftsjahr|\bjahr|exercice|\bannée|boekjaar|\bjaar\b|\bår\b/.test(t)) found.add(12);
  return found.size === 1 ? [...found][0] : null;
}

interface ColumnHeader {
  text: string;
}

/** Gives every header phrase to the one column it sits over; phrases over several columns or none are shared. */
export function readColumnHeaders(headerLines: Line[], columns: ColumnZone[], fontSize: number) {
  const perColumn: ColumnHeader[] = columns.map(() => ({ text: '' }));
  let shared = '';
  for (const line of headerLines) {
    for (const phrase of line.phrases) {
      if (isCurrencyMark(phrase.text)) continue;
      const hits = columns.flatMap((zone, i) => {
        const overlap = Math.min(phrase.x1, zone.x1 + 0.5 * fontSize) - Math.max(phrase.x0, zone.x0 - 0.5 * fontSize);
        return overlap > 0 ? [i] : [];
      });
      if (hits.length === 1) perColumn[hits[0]].text += ` ${phrase.text}`;
      else shared += ` ${phrase.text}`;
    }
  }
  return { perColumn: perColumn.map((c) => c.text.trim()), shared: shared.trim() };
}

const pad = (n: number) => String(n).padStart(2, '0');

function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function describeColumns(
  type: StatementType,
  perColumn: string[],
  shared: string,
  context: string,
): ExtractedColumn[] {
  const years = perColumn.map(findYear);
  // Columns without a year of their own (XP Power's "Adjusted" / "Adjustments") belong to the dated column
  // that closes their group to the right; failing that, to the one on their left.
  const resolved = years.map((y, i) => y ?? years.slice(i + 1).find((v) => v !== null) ?? years.slice(0, i).reverse().find((v) => v !== null) ?? null);
  const sharedYear = findYear(shared);
  const sharedMonthDay = findMonthDay(shared) ?? findMonthDay(context);
  const sharedMonths = findPeriodMonths(shared) ?? findPeriodMonths(context);
  const monthsOf = perColumn.map(findPeriodMonths);

  return perColumn.map((text, i) => {
    const year = resolved[i] ?? (perColumn.length === 1 ? sharedYear : null);
    let monthDay = findMonthDay(text);
    const ownMonth = findMonthOnly(text);
    if (!monthDay) {
      const groupDated = perColumn.findIndex((t, j) => j > i && years[j] !== null);
      const fromGroup = years[i] === null && groupDated >= 0 ? findMonthDay(perColumn[groupDated]) : null;
      monthDay = fromGroup ?? (ownMonth ? { month: ownMonth, day: dayBefore(text) ?? lastDayOf(year ?? 2001, ownMonth) } : sharedMonthDay);
    }
    let months: number | null = null;
    if (type !== 'BALANCE_SHEET') {
      const groupDated = perColumn.findIndex((t, j) => j > i && years[j] !== null);
      months = monthsOf[i] ?? (years[i] === null && groupDated >= 0 ? monthsOf[groupDated] : null) ?? sharedMonths ?? 12;
    }
    const periodEnd = year !== null && monthDay ? `${year}-${pad(monthDay.month)}-${pad(monthDay.day)}` : null;
    return { label: text || (year !== null ? String(year) : ''), fiscalYear: year, periodEnd, periodMonths: months };
  });
}

/** "30" printed on the line above "September" in a stacked header. */
function dayBefore(text: string): number | null {
  const m = new RegExp(`\\b(\\d{1,2})\\b[^\\d]*\\b(${MONTH_RE})\\b`, 'u').exec(text.toLowerCase());
  return m && Number(m[1]) <= 31 ? Number(m[1]) : null;
}
