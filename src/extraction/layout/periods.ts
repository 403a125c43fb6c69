// The vocabulary of periods in column headers: dates ("31 March 2024", "December 31, 2023", "31.12.2023"), date
// ranges ("January 1, 2024 to December 31, 2024"), years ("FY2023", "2023/24", "Realisatie 2014") and lengths
// ("Three months ended", "52 weeks", "Halbjahr"), in the languages the extractor reads.

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januari', 'januar', 'janvier', 'jänner', 'enero', 'gennaio', 'janeiro']],
  [2, ['february', 'feb', 'februari', 'februar', 'février', 'fevrier', 'febrero', 'febbraio', 'fevereiro']],
  [3, ['march', 'mar', 'mars', 'märz', 'maart', 'marzo', 'março']],
  [4, ['april', 'apr', 'avril', 'abril', 'aprile']],
  [5, ['may', 'maj', 'mai', 'mei', 'mayo', 'maggio', 'maio']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'giugno', 'junho']],
  [7, ['july', 'jul', 'juli', 'juillet', 'julio', 'luglio', 'julho']],
  [8, ['august', 'aug', 'augusti', 'août', 'aout', 'augustus', 'agosto']],
  [9, ['september', 'sep', 'sept', 'septembre', 'septiembre', 'settembre', 'setembro']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'ottobre', 'outubro']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'diciembre', 'dicembre', 'dezembro']],
];
for (const [n, names] of MONTH_NAMES) for (const name of names) MONTHS[name] = n;
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');

export interface PrintedDate {
  day: number;
  month: number;
  /** null when the header prints the day and month only ("30 June") */
  year: number | null;
  /** where in the text the date starts */
  index: number;
  /** the date as printed */
  text: string;
}

const YEAR = '((?:19|20)\\d\\d)';
const DATE_PATTERNS: { re: RegExp; read: (m: RegExpExecArray) => [day: number, month: number, year: string | undefined] }[] = [
  // "31 March 2024", "31. Dezember 2023", "30 June", "1er janvier 2024", "31 de diciembre de 2023"
  // The day may be glued to a word before it ("Toelichting29 juni 2025": a Notes header run into the date).
  { re: new RegExp(`(?<!\\d)(\\d{1,2})(?:st|nd|rd|th|er|\\.)?\\s*(?:de\\s+)?(${MONTH_RE})\\b\\.?,?(?:\\s*(?:de\\s+)?${YEAR}\\b)?`, 'gu'), read: (m) => [Number(m[1]), MONTHS[m[2]], m[3]] },
  // "December 31, 2023", "January 28,", "Oct. 29 2023"
  { re: new RegExp(`\\b(${MONTH_RE})\\.?\\s+(\\d{1,2})(?!\\d)(?:st|nd|rd|th)?,?(?:\\s*${YEAR}\\b)?`, 'gu'), read: (m) => [Number(m[2]), MONTHS[m[1]], m[3]] },
  // "2024-12-31"
  { re: /\b((?:19|20)\d\d)-(\d{2})-(\d{2})\b/g, read: (m) => [Number(m[3]), Number(m[2]), m[1]] },
  // "31.12.2023", "31/12/2023", "31.12.23"; a first number up to 12 and a second above 12 is the US order
  {
    re: /\b(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)?\d\d)\b/g,
    read: (m) => {
      const [a, b] = [Number(m[1]), Number(m[2])];
      const year = m[3].length === 2 ? `20${m[3]}` : m[3];
      return a <= 12 && b > 12 ? [b, a, year] : [a, b, year];
    },
  },
  // "31.12." (a German header's day and month without the year)
  { re: /\b(\d{1,2})\.(\d{1,2})\.(?!\d)/g, read: (m) => [Number(m[1]), Number(m[2]), undefined] },
];

/** Every date printed in the text, in reading order. */
export function findDates(text: string): PrintedDate[] {
  const t = text.toLowerCase();
  const found: PrintedDate[] = [];
  for (const { re, read } of DATE_PATTERNS) {
    for (const m of t.matchAll(re)) {
      const [day, month, year] = read(m as RegExpExecArray);
      if (!(month >= 1 && month <= 12 && day >= 1 && day <= 31)) continue;
      const index = m.index ?? 0;
      if (found.some((d) => Math.abs(d.index - index) < 3)) continue;
      found.push({ day, month, year: year ? Number(year) : null, index, text: text.slice(index, index + m[0].length).trim().replace(/[,(]$/, '') });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The date a column's period ends on: the last date printed ("January 1, 2024 to December 31, 2024" ends on
 * the second), or the end of a month range ("Okt-dec 2024").
 */
export function findPeriodEnd(text: string): PrintedDate | null {
  const dates = findDates(text);
  if (dates.length > 0) return dates[dates.length - 1];
  const range = monthRange(text.toLowerCase());
  return range ? { day: lastDayOf(2001, range.endMonth), month: range.endMonth, year: null, index: 0, text } : null;
}

/** The period a date range covers, in whole months ("January 1, 2024 to December 31, 2024" -> 12). */
export function monthsBetweenDates(text: string): number | null {
  const dates = findDates(text).filter((d) => d.year !== null);
  if (dates.length < 2) return null;
  const [from, to] = [dates[0], dates[dates.length - 1]];
  const days = (Date.UTC(to.year!, to.month - 1, to.day) - Date.UTC(from.year!, from.month - 1, from.day)) / 86_400_000 + 1;
  const months = Math.round(days / 30.44);
  return months >= 1 && months <= 24 ? months : null;
}

const RANGE_JOIN = /^\s*(?:[-–—]|to|through|thru|until|bis|au|tot|t\/m|al|a|till)\s*$/i;

/**
 * A stub period printed as its own dates without years ("July 22 to September 30", as a column beside a
 * merger or a change of owner prints it), in whole months, given the year the column ends in. Null unless the
 * text joins two dates with "to", "through" or a dash.
 */
export function monthsOfDateRange(text: string, endYear: number | null): number | null {
  const dates = findDates(text);
  const t = text.toLowerCase();
  for (let i = 0; i + 1 < dates.length; i++) {
    const [from, to] = [dates[i], dates[i + 1]];
    // What joins them: the text between, less the first date's own words ("1 July 2023", "July 22,").
    const between = t.slice(from.index, to.index).replace(/^\S+\s+\S+/, '').replace(/[\d,.]+/g, ' ').trim();
    if (!RANGE_JOIN.test(between || '?')) continue;
    const y1 = to.year ?? endYear;
    if (y1 === null) return null;
    const y0 = from.year ?? (from.month > to.month || (from.month === to.month && from.day > to.day) ? y1 - 1 : y1);
    const days = (Date.UTC(y1, to.month - 1, to.day) - Date.UTC(y0, from.month - 1, from.day)) / 86_400_000 + 1;
    const months = Math.round(days / 30.44);
    return months >= 1 && months <= 24 ? months : null;
  }
  return null;
}

/** A lone month name ("September" under "30") still names the period end's month. */
export function findMonthOnly(text: string): number | null {
  const m = new RegExp(`\\b(${MONTH_RE})\\b`, 'u').exec(text.toLowerCase());
  return m ? MONTHS[m[1]] : null;
}

/** "30" printed on the line above "September" in a stacked header. */
export function dayBefore(text: string): number | null {
  const m = new RegExp(`\\b(\\d{1,2})\\b[^\\d]*\\b(${MONTH_RE})\\b`, 'u').exec(text.toLowerCase());
  return m && Number(m[1]) <= 31 ? Number(m[1]) : null;
}

/** A fiscal year named as such: "FY2023", "FY 23", "Fiscal 2023", "Geschäftsjahr 2023", "H1 FY25". */
export function findFiscalYearLabel(text: string): number | null {
  const m = /\b(?:fy|h[12]\s*fy|fy\s*h[12]|fiscal(?: year)?|financial year|geschäftsjahr|exercice|boekjaar|ejercicio|esercizio)\s*'?((?:19|20)\d\d|\d{2})\b(?:\s*[/–-]\s*(\d{2}|\d{4})\b)?/.exec(text.toLowerCase());
  if (!m) return null;
  const start = m[1].length === 2 ? 2000 + Number(m[1]) : Number(m[1]);
  return m[2] ? splitYearEnd(start, m[2]) ?? start : start;
}

/** "2023/24" and "2023-2024" name a year that ends in the second. */
function splitYearEnd(start: number, second: string): number | null {
  const end = second.length === 2 ? Number(String(start).slice(0, 2) + second) : Number(second);
  return end === start + 1 ? end : null;
}

/** The year a header names: a fiscal-year label first, else the last year printed ("2023/24" is 2024). */
export function findYear(text: string): number | null {
  const t = text.toLowerCase();
  const fiscal = findFiscalYearLabel(t);
  if (fiscal !== null) return fiscal;
  const years = [...t.matchAll(/\b(19[5-9]\d|20\d\d)(?:\s*[/–-]\s*(\d{2}|\d{4}))?\b/g)];
  if (years.length === 0) {
    const quarter = /\b(?:[1-4]q|q[1-4]|[12]h|h[12])\s*'?(\d{2})\b/.exec(t); // "3Q24", "Q3 '24", "1H25"
    return quarter ? 2000 + Number(quarter[1]) : null;
  }
  const last = years[years.length - 1];
  return (last[2] ? splitYearEnd(Number(last[1]), last[2]) : null) ?? Number(last[1]);
}

/** "Okt-dec 2024", "Jan–Jun", "Jan. to Dec. 2017", "Januar bis Dezember" -> the months covered and the last month. */
function monthRange(text: string): { months: number; endMonth: number } | null {
  const m = new RegExp(`\\b(${MONTH_RE})\\.?\\s*(?:[-–—]|\\bto\\b|\\bbis\\b|\\bau\\b|\\btot\\b|t/m|\\ba\\b|\\btill\\b)\\s*(${MONTH_RE})\\b`, 'u').exec(text);
  if (!m) return null;
  const from = MONTHS[m[1]];
  const to = MONTHS[m[2]];
  return { months: ((to - from + 12) % 12) + 1, endMonth: to };
}

const LENGTH_WORDS = '(?:months?|mån(?:ader)?|monate[n]?|mois|maanden|meses|mesi)';

/** The length of the period a header names, in months; null when it names none or several. */
export function findPeriodMonths(text: string): number | null {
  const t = text.toLowerCase();
  const range = monthRange(t);
  if (range) return range.months;
  const weeks = /\b(13|26|39|52|53)[\s-]*(weeks?|wochen|semaines|weken|semanas)\b/.exec(t);
  if (weeks) return { 13: 3, 26: 6, 39: 9, 52: 12, 53: 12 }[Number(weeks[1]) as 13 | 26 | 39 | 52 | 53];
  const found = new Set<number>();
  const count = (words: string) => new RegExp(`\\b(?:${words})[\\s-]*${LENGTH_WORDS}`).test(t);
  // Abbreviated lengths: "3M 2024", "9M", "1H 2025" / "H1", "12M", "Q3" / "3Q24".
  const short = (n: string) => new RegExp(`\\b(?:${n})m\\b`).test(t);
  if (count('three|3|drei|trois|drie|tres|tre') || short('3') || /\bquarter|\bq[1-4]\b|\b[1-4]q(\d{2})?\b|kvartal|quartal|trimestre|kwartaal/.test(t)) found.add(3);
  if (count('six|6|sechs|zes|seis|sei|sex') || short('6') || /half[\s-]?year|\bh[12]\b|\b[12]h\b|halvår|halbjahr|semestre|halfjaar|semestrale/.test(t)) found.add(6);
  if (count('nine|9|neun|neuf|negen|nueve|nove|nio') || short('9')) found.add(9);
  if (count('twelve|12|zwölf|douze|twaalf|doce|dodici|tolv') || short('12')) found.add(12);
  // A year word names the length only when no count does: "Fiscal Six Months Ended" is six months of a fiscal
  // year, "Nine months of fiscal 2025" nine.
  if (found.size === 0 && /\byears?\b|\bfy\b|fiscal|financial year|helår|räkenskapsår|geschäftsjahr|\bjahr|exercice|\bannée|boekjaar|\bjaar\b|\bår\b|ejercicio|esercizio|\baño\b|\banno\b/.test(t)) {
    found.add(12);
  }
  return found.size === 1 ? [...found][0] : null;
}

export function lastDayOf(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
