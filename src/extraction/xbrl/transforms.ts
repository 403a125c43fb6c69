// The Inline XBRL transformation registry (versions 1-5 and the SEC's): how a printed figure becomes the
// fact's lexical value. Only the numeric formats matter here; the registry's namespace is ignored (the names are
// stable across versions, spelled "numdotdecimal" in 1-2 and "num-dot-decimal" from 3 on).
import { Decimal } from 'decimal.js';

export class TransformError extends Error {}

const WORD_NUMBERS: Record<string, number> = {
  no: 0, none: 0, zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
};

/** The decimal a printed figure stands for under `format` (a QName's local part, or null for none). */
export function applyNumericFormat(format: string | null, printed: string): string {
  const text = printed.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
  const name = (format ?? '').replace(/^.*:/, '').toLowerCase().replace(/-/g, '');
  switch (name) {
    case '':
      return plainDecimal(text.replace(/ /g, ''));
    case 'numdotdecimal':
    case 'numcommadot': // registry 1's name for the same shape
    case 'numspacedot':
    case 'numdotdecimalin': // Indian digit grouping: 1,23,45,678.90
    case 'numdotdecimalapos':
      return grouped(text, '.');
    case 'numcommadecimal':
    case 'numdotcomma':
    case 'numspacecomma':
    case 'numcommadecimalapos':
      return grouped(text, ',');
    case 'zerodash':
    case 'fixedzero':
    case 'numdash':
      return '0';
    case 'numunitdecimal':
    case 'numunitdecimalin':
    case 'numcommadecimalunit':
      return unitDecimal(text);
    case 'numwordsen':
    case 'numwordsnoen': {
      const word = text.toLowerCase().replace(/[^a-z]/g, '');
      if (word in WORD_NUMBERS) return String(WORD_NUMBERS[word]);
      throw new TransformError(`"${printed}" is not a number in words this reader knows`);
    }
    default:
      throw new TransformError(`unknown format ${format}`);
  }
}

/** Digits with any grouping separators (comma, dot, space, apostrophe) and `decimal` as the decimal mark. */
function grouped(text: string, decimal: '.' | ','): string {
  if (!/^[\d.,' ’]*\d[\d.,' ’]*$/.test(text)) throw new TransformError(`"${text}" is not a grouped number`);
  const at = text.lastIndexOf(decimal);
  const integer = (at < 0 ? text : text.slice(0, at)).replace(/[^\d]/g, '');
  const fraction = at < 0 ? '' : text.slice(at + 1).replace(/[^\d]/g, '');
  // A decimal mark followed by exactly three digits and preceded by the same mark is a group separator.
  if (at >= 0 && text.indexOf(decimal) !== at && fraction.length === 3) return plainDecimal(integer + fraction);
  return plainDecimal(fraction ? `${integer || '0'}.${fraction}` : integer);
}

/** "5 dollars 35 cents" / "1.234 Euro 56": the integer before the unit word, the fraction after it. */
function unitDecimal(text: string): string {
  const m = /^([\d.,' ’]*\d)\s*[^\d\s.,][^\d]*?(\d+)?\D*$/.exec(text);
  if (!m) throw new TransformError(`"${text}" is not a number with a unit`);
  const integer = m[1].replace(/[^\d]/g, '');
  return plainDecimal(m[2] ? `${integer}.${m[2]}` : integer);
}

function plainDecimal(text: string): string {
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw new TransformError(`"${text}" is not a decimal`);
  return new Decimal(text).toFixed();
}

/** value × 10^scale, negated for sign="-": the exact fact value. */
export function scaleAndSign(value: string, scale: number, negative: boolean): string {
  let d = new Decimal(value);
  if (scale) d = d.times(new Decimal(10).pow(scale));
  if (negative) d = d.negated();
  const out = d.toFixed();
  return out === '-0' ? '0' : out;
}
