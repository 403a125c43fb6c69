// Figures arrive as exact decimal strings and are shown as printed, digit for digit: grouping is done on the
// string, never through a float.
import type { StatementType } from '@financial-data-extractor/sdk';

const MINUS = '\u2212';

/** "-1234567.5" → "−1,234,567.5"; null (a printed nil) → "–". */
export function formatFigure(value: string | null | undefined): string {
  if (value === null || value === undefined) return '\u2013';
  const negative = value.startsWith('-');
  const [whole, fraction] = (negative ? value.slice(1) : value).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? MINUS : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

const SCALE: Record<string, string> = { units: '', thousands: 'thousands', millions: 'millions', billions: 'billions' };

/** "USD millions", "in thousands" when the currency is unknown. */
export function unitLabel(unit: string, currency: string | null | undefined): string {
  const scale = SCALE[unit] ?? unit;
  if (currency) return scale ? `${currency} ${scale}` : `${currency} (units)`;
  return scale ? `in ${scale}` : 'in units';
}

/** Axis ticks: "−30M", "1.5K"; drawing only. */
export function compactNumber(value: number): string {
  return new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 }).format(value).replace('-', MINUS);
}

export const STATEMENT_TABS: { type: StatementType; slug: string; label: string; short: string }[] = [
  { type: 'INCOME_STATEMENT', slug: 'income-statement', label: 'Income statement', short: 'IS' },
  { type: 'BALANCE_SHEET', slug: 'balance-sheet', label: 'Balance sheet', short: 'BS' },
  { type: 'CASH_FLOW_STATEMENT', slug: 'cash-flow', label: 'Cash flows', short: 'CF' },
];

export function statementBySlug(slug: string | undefined) {
  return STATEMENT_TABS.find((t) => t.slug === slug) ?? STATEMENT_TABS[0]!;
}

export function humanize(value: string): string {
  const text = value.toLowerCase().replace(/_/g, ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  return new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "2019–2024", "2024", or "—" for a company without dated documents. */
export function yearSpan(years: (number | null | undefined)[]): string {
  const dated = years.filter((y): y is number => typeof y === 'number');
  if (!dated.length) return '\u2014';
  const first = Math.min(...dated);
  const last = Math.max(...dated);
  return first === last ? String(first) : `${first}\u2013${last}`;
}

/** Route parameters are global IDs (base64: may hold / + =). */
export function companyPath(id: string, ...rest: string[]): string {
  return ['/companies', encodeURIComponent(id), ...rest].join('/');
}

export function decodeParam(value: string | undefined): string {
  try {
    return decodeURIComponent(value ?? '');
  } catch {
    return value ?? '';
  }
}
