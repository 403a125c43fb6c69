// Parsing of printed amounts into exact decimal strings. No floats anywhere: a report's "1,009,359" must come
// out as "1009359", its "(3.02)" as "-3.02", its em dash as null.
import type { DecimalString } from './types.js';

export interface ParsedAmount {
  /** null for a printed nil (a dash) */
  value: DecimalString | null;
  /** a pence/cent suffix was printed ("(1.56)p") */
  minorUnitSuffix: boolean;
}

export interface NumberStyle {
  /** the document writes 1.234,5 (comma decimals) rather than 1,234.5 */
  decimalComma: boolean;
}

const DASHES = '\\-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2500\uFE58\uFE63\uFF0D';
const NIL = new RegExp(`^[${DASHES}~]+$|^(nil|n/?a|none)$`, 'i');
const LEADING_MINUS = new RegExp(`^[${DASHES}]\\s*(?=\\d)`);
const TRAILING_MINUS = new RegExp(`^(\\d[\\d.,' \u00a0\u2009\u202f]*\\d|\\d)\\s?[${DASHES}]$`);
const GROUP_SEPARATORS = ",.' \u00a0\u2009\u202f\u2007";
// Currency signs and codes that stick to a figure; "!" is a "$" whose glyph the text layer lost, "P=" the
// Philippine peso sign drawn as a P struck through by "=".
const CURRENCY_PREFIX =
  /^(?:US\$|A\$|C\$|S\$|HK\$|R\$|NZ\$|P=|P(?=\d)|[$£€¥₱₹!=]|(?:USD|EUR|GBP|SEK|NOK|DKK|CHF|PHP|JPY|INR|CAD|AUD|SGD|HKD)\b|kr\.?(?=\s*\d))\s*/i;
const CURRENCY_SUFFIX = /\s*(?:[$£€¥₱₹]|kr\.?|SEK|EUR|USD|GBP|CHF|NOK|DKK)$/i;

/** Parses one printed cell; undefined when the text is not an amount (a word, a percentage, a note text). */
export function parseAmount(printed: string, style: NumberStyle = { decimalComma: false }): ParsedAmount | undefined {
  let s = printed.normalize('NFKC').trim();
  // Footnote markers and stray currency signs glued to the figure.
  s = s.replace(/[*†‡#]+$/, '').replace(/^\*+/, '').trim();
  if (s === '') return undefined;
  // A unit note in a column header ("$000", "(000)", "£'000"), not a zero.
  if (/^\(?[$£€]?\s?['’]?000s?\)?$/.test(s)) return undefined;
  if (NIL.test(s)) return { value: null, minorUnitSuffix: false };
  if (/%$/.test(s)) return undefined;

  let minorUnitSuffix = false;
  const suffix = /^(.*?\d\)?)\s*(p|c|¢|pence|cents|öre)$/i.exec(s);
  if (suffix) {
    s = suffix[1];
    minorUnitSuffix = true;
  }

  let negative = false;
  s = stripCurrency(s);
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = stripCurrency(s.slice(1, -1).trim());
  } else if (/^\(/.test(s) && !s.includes(')')) {
    return undefined;
  }
  const minus = LEADING_MINUS.exec(s);
  if (minus) {
    negative = !negative;
    s = stripCurrency(s.slice(minus[0].length));
  } else {
    // A trailing minus ("1,234-"), as some European and ledger-style reports print negatives.
    const trailing = TRAILING_MINUS.exec(s);
    if (trailing) {
      negative = !negative;
      s = trailing[1];
    }
  }
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  s = s.replace(/[\u2009\u202f\u00a0\u2007]/g, ' ');
  const digits = normaliseDigits(s, style);
  if (digits === undefined) return undefined;
  const zero = /^0+(\.0+)?$/.test(digits);
  return { value: negative && !zero ? `-${digits}` : digits, minorUnitSuffix };
}

function stripCurrency(s: string): string {
  let out = s.trim();
  for (let i = 0; i < 3; i++) {
    const next = out.replace(CURRENCY_PREFIX, '').replace(CURRENCY_SUFFIX, '').trim();
    if (next === out) break;
    out = next;
  }
  return out;
}

/** "1,234.5" -> "1234.5"; undefined if the text is not a number in a style a report would print. */
function normaliseDigits(s: string, style: NumberStyle): string | undefined {
  if (/^\d+$/.test(s)) return stripLeadingZeros(s);
  // A single separator: decide between decimal mark and thousands separator.
  const single = /^(\d+)([.,])(\d+)$/.exec(s);
  if (single) {
    const [, whole, mark, fraction] = single;
    const decimalMark = style.decimalComma ? ',' : '.';
    const isThousands = mark !== decimalMark && fraction.length === 3 && whole.length <= 3;
    if (isThousands) return stripLeadingZeros(whole + fraction);
    if (mark === decimalMark || fraction.length !== 3) return `${stripLeadingZeros(whole)}.${fraction}`;
    return undefined;
  }
  // Indian grouping: lakhs and crores in pairs of digits before the last three ("12,34,567", "2,88,862.03").
  const indian = /^(\d{1,2})((?:,\d{2})+),(\d{3})(?:\.(\d+))?$/.exec(s);
  if (indian && !style.decimalComma) {
    const whole = stripLeadingZeros(indian[1] + indian[2].replaceAll(',', '') + indian[3]);
    return indian[4] ? `${whole}.${indian[4]}` : whole;
  }
  // Grouped thousands with one consistent separator, then an optional decimal part with the other mark.
  const grouped = /^(\d{1,3})((?:([,.' ])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/.exec(s);
  if (grouped) {
    const [, head, groups, separator, mark, fraction] = grouped;
    if (!GROUP_SEPARATORS.includes(separator)) return undefined;
    if (mark && mark === separator) return undefined;
    const whole = stripLeadingZeros(head + groups.split(separator).join(''));
    return fraction ? `${whole}.${fraction}` : whole;
  }
  return undefined;
}

function stripLeadingZeros(s: string): string {
  return s.replace(/^0+(?=\d)/, '');
}

/**
 * Guesses the decimal mark from a sample of figures (a statement's, else the whole document's): "1.234,5" or "12.345.678" mean comma decimals,
 * "1,234.5" or "12,345,678" mean point decimals. Integers like "1.234" alone (a German TEUR table) count
 * as dot-grouped thousands.
 */
export function detectNumberStyle(samples: string[], prior?: NumberStyle): NumberStyle {
  let comma = 0;
  let dot = 0;
  for (const raw of samples) {
    const s = raw.trim().replace(/^[(−–-]+|[)]+$/g, '');
    if (/\d[.\s\u00a0\u2009\u202f]\d{3},\d{1,2}$/.test(s) || /^\d{1,3},\d{1,2}$/.test(s) || /^\d{1,3}(\.\d{3})+$/.test(s)) comma++;
    if (/\d,\d{3}\.\d{1,2}$/.test(s) || /^\d{1,3}\.\d{1,2}$/.test(s) || /^\d{1,3}(,\d{3})+$/.test(s) || /^\d{1,2}(,\d{2})+,\d{3}(\.\d+)?$/.test(s)) dot++;
  }
  // Without evidence either way (integers below 1,000 only), the document's own style decides.
  if (comma === dot && prior) return prior;
  return { decimalComma: comma > dot };
}

/** True for a lone currency sign or code, which sits beside a figure but is not one. */
export function isCurrencyMark(s: string): boolean {
  return /^(?:US\$|[$£€¥₱₹!]|P=?|=|\(P=?|\(\$|\(£|\(€|kr|SEK|EUR|USD|GBP|PHP|CHF|£m|€m|\$m)$/i.test(s.trim());
}
