// Grounding: a figure the model returns is kept only if it is printed on the page it names. Both sides are
// parsed with the engine's parseAmount, so "1,234", "1234" and "(1,234)" / "-1234" compare as the same digits.
import { Decimal } from 'decimal.js';
import type { Line } from '../layout/lines.js';
import { detectNumberStyle, parseAmount, type NumberStyle } from '../numbers.js';
import type { DecimalString, PdfPage } from '../types.js';

/** The figures printed on one page: magnitude -> the signs it is printed with. */
export interface PageFigures {
  style: NumberStyle;
  signs: Map<string, Set<1 | -1>>;
}

/** Every way a figure can be cut on the page: whole text runs, their words, and the engine's phrases. */
export function indexPageFigures(page: PdfPage, lines: Line[]): PageFigures {
  const tokens = new Set<string>();
  for (const item of page.items) {
    tokens.add(item.str);
    for (const word of item.str.split(/\s+/)) tokens.add(word);
  }
  for (const line of lines) for (const phrase of line.phrases) tokens.add(phrase.text);
  const style = detectNumberStyle([...tokens]);
  const signs = new Map<string, Set<1 | -1>>();
  for (const token of tokens) {
    const value = parseAmount(token, style)?.value;
    if (!value) continue;
    const { magnitude, sign } = splitSign(value);
    const set = signs.get(magnitude) ?? new Set();
    set.add(sign);
    signs.set(magnitude, set);
  }
  return { style, signs };
}

function splitSign(value: DecimalString): { magnitude: string; sign: 1 | -1 } {
  const d = new Decimal(value);
  return { magnitude: d.abs().toFixed(), sign: d.isNegative() ? -1 : 1 };
}

export type GroundedValue =
  | { outcome: 'nil' }
  | { outcome: 'grounded'; value: DecimalString; signCorrected: boolean }
  | { outcome: 'dropped'; reason: 'unparseable' | 'not on page' };

/**
 * A model's printed figure checked against its page. A sign the page never prints with those digits is taken
 * from the page (models like to print expenses positive); a figure printed with both signs keeps the model's.
 */
export function groundValue(printed: string | null, page: PageFigures | undefined): GroundedValue {
  if (printed === null) return { outcome: 'nil' };
  const parsed = parseAmount(printed, page?.style);
  if (parsed === undefined) return { outcome: 'dropped', reason: 'unparseable' };
  if (parsed.value === null) return { outcome: 'nil' };
  const { magnitude, sign } = splitSign(parsed.value);
  const printedSigns = page?.signs.get(magnitude);
  if (!printedSigns) return { outcome: 'dropped', reason: 'not on page' };
  if (printedSigns.has(sign)) return { outcome: 'grounded', value: parsed.value, signCorrected: false };
  const value = sign === 1 && magnitude !== '0' ? `-${magnitude}` : magnitude;
  return { outcome: 'grounded', value, signCorrected: true };
}
