// Finds a figure among a page's text items, whatever the report's number style: "1,234.5", "1.234,5", "1 234",
// "(1,234)", "₱1,234". Both sides are reduced to one canonical decimal string (no float involved).

/** "-1234.50" → "1234.5" (sign dropped: a page prints negatives as "(1,234)" or "-1,234" alike). */
export function canonicalValue(value: string): string {
  const [whole = '', fraction = ''] = value.replace(/^[-+]/, '').split('.');
  const int = whole.replace(/^0+(?=\d)/, '');
  const frac = fraction.replace(/0+$/, '');
  return frac ? `${int}.${frac}` : int;
}

/** A printed token → canonical decimal string, or null when it is not a single number. */
export function canonicalPrinted(text: string): string | null {
  const token = text.replace(/[\s\u00a0\u2009\u202f']/g, '');
  const match = /^[^\d]{0,3}(\d[\d.,]*)[^\d]{0,3}$/.exec(token);
  if (!match) return null;
  let digits = match[1]!.replace(/[.,]$/, '');
  const lastDot = digits.lastIndexOf('.');
  const lastComma = digits.lastIndexOf(',');
  let decimal: string | null = null;
  if (lastDot >= 0 && lastComma >= 0) decimal = lastDot > lastComma ? '.' : ',';
  else if (lastDot >= 0 || lastComma >= 0) {
    const mark = lastDot >= 0 ? '.' : ',';
    const groups = digits.split(mark);
    // One mark followed by exactly three digits groups thousands ("1,234"); otherwise it is the decimal point.
    const thousands = groups.slice(1).every((g) => g.length === 3) && groups.length > 1 && (groups.length > 2 || groups[0]!.length <= 3);
    decimal = thousands ? null : mark;
  }
  if (decimal) {
    const at = digits.lastIndexOf(decimal);
    digits = `${digits.slice(0, at).replace(/[.,]/g, '')}.${digits.slice(at + 1)}`;
  } else digits = digits.replace(/[.,]/g, '');
  return canonicalValue(digits);
}

export function figureMatches(printed: string, value: string | null | undefined): boolean {
  if (value === null || value === undefined) return false;
  const canonical = canonicalPrinted(printed);
  return canonical !== null && canonical === canonicalValue(value);
}
