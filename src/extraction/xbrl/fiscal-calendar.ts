// Which fiscal year a date belongs to, in the filer's convention: a year is named by the calendar year its
// fiscal year ends in (NVIDIA's year to 26 January 2025 is FY2025), shifted when the filing's own fiscal-year
// focus says otherwise. 52/53-week years end a few days either side of their nominal date.
const DAY = 86_400_000;
/** a 52/53-week year may end up to this many days after its nominal year-end */
const GRACE_DAYS = 7;

export interface FiscalCalendar {
  /** month and day the fiscal year nominally ends (dei:CurrentFiscalYearEndDate "--01-26"), if tagged */
  yearEnd: { month: number; day: number } | null;
  /** added to the year-end's calendar year (a filer naming years by the year they start: -1) */
  offset: number;
}

export function parseYearEnd(text: string | null | undefined): FiscalCalendar['yearEnd'] {
  const m = /--(\d{2})-(\d{2})/.exec(text ?? '');
  return m ? { month: Number(m[1]), day: Number(m[2]) } : null;
}

/** The calendar year of the fiscal year-end on or after `date` (with the grace for 52/53-week years). */
function yearEndYear(date: string, yearEnd: FiscalCalendar['yearEnd']): number {
  const [y, m, d] = date.split('-').map(Number);
  const t = Date.UTC(y, m - 1, d);
  // Without a tagged year-end a year ends on 31 December; a 52/53-week year ending early January is the year before.
  const end = yearEnd ?? { month: 12, day: 31 };
  for (const year of [y - 1, y, y + 1]) if (t <= Date.UTC(year, end.month - 1, end.day) + GRACE_DAYS * DAY) return year;
  return y + 1;
}

export function fiscalYearOf(date: string, calendar: FiscalCalendar): number {
  return yearEndYear(date, calendar.yearEnd) + calendar.offset;
}

/** The calendar whose naming makes `periodEnd` fall in `focusYear` (dei:DocumentFiscalYearFocus). */
export function calendarFor(yearEnd: FiscalCalendar['yearEnd'], periodEnd: string | null, focusYear: number | null): FiscalCalendar {
  if (!periodEnd || focusYear === null) return { yearEnd, offset: 0 };
  const offset = focusYear - yearEndYear(periodEnd, yearEnd);
  // A focus more than a year off is a tagging slip, not a naming convention.
  return { yearEnd, offset: Math.abs(offset) <= 1 ? offset : 0 };
}

/** Whole months a duration covers (a 91-day quarter is 3, a 364-day year is 12). */
export function monthsBetween(start: string, end: string): number {
  const days = (Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / DAY + 1;
  return Math.max(1, Math.round(days / 30.44));
}

/** The day before an ISO date: a duration starting on D opens with the balance at the instant D − 1. */
export function dayBefore(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
}
