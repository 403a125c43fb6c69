import { describe, expect, it } from 'vitest';
import { parseAmount } from '../../src/extraction/index.js';
import { detectNumberStyle } from '../../src/extraction/numbers.js';

const value = (s: string, decimalComma = false) => parseAmount(s, { decimalComma })?.value;

describe('parseAmount', () => {
  it('reads thousands separators of every style', () => {
    expect(value('1,234,567')).toBe('1234567');
    expect(value('1.234.567')).toBe('1234567');
    expect(value('1 234 567')).toBe('1234567');
    expect(value('1\u2009234')).toBe('1234');
    expect(value('1\u202f234')).toBe('1234');
    expect(value('1\u00a0234')).toBe('1234');
    expect(value("1'234'567")).toBe('1234567');
  });

  it('keeps decimals exact, in either decimal mark', () => {
    expect(value('110.9')).toBe('110.9');
    expect(value('164.0')).toBe('164.0');
    expect(value('1,234.56')).toBe('1234.56');
    expect(value('1.234,56')).toBe('1234.56');
    expect(value('12,5')).toBe('12.5');
    expect(value('1 234,5', true)).toBe('1234.5');
    expect(value('1.234', true)).toBe('1234');
  });

  it('reads negatives: parentheses, leading hyphen, Unicode minus, en dash', () => {
    expect(value('(1,009,359)')).toBe('-1009359');
    expect(value('-51,635')).toBe('-51635');
    expect(value('\u22121 234')).toBe('-1234');
    expect(value('\u20131 234')).toBe('-1234');
    expect(value('(3.02)')).toBe('-3.02');
    expect(value('(0.0)')).toBe('0.0');
  });

  it('reads every kind of dash as nil', () => {
    for (const dash of ['-', '\u2013', '\u2014', '\u2212', '\u2012', '\u2015', '--']) {
      expect(parseAmount(dash)).toEqual({ value: null, minorUnitSuffix: false });
    }
  });

  it('strips currency signs and broken glyphs', () => {
    expect(value('$ 457,325')).toBe('457325');
    expect(value('!457,325')).toBe('457325'); // "$" extracted as "!"
    expect(value('P=2,618,394')).toBe('2618394'); // peso sign drawn as P struck through by =
    expect(value('=2,618,394')).toBe('2618394');
    expect(value('(P=39,172,827)')).toBe('-39172827');
    expect(value('£17.6')).toBe('17.6');
    expect(value('€ 1.234,5', true)).toBe('1234.5');
    expect(value('1 234 kr')).toBe('1234');
  });

  it('reads per-share figures with a pence suffix', () => {
    expect(parseAmount('(1.56)p')).toEqual({ value: '-1.56', minorUnitSuffix: true });
  });

  it('refuses words, percentages and note references', () => {
    for (const s of ['Revenue', '12%', '4)', '(Note', '£m', '', '(000)', "£'000", '$000']) expect(parseAmount(s)).toBeUndefined();
  });

  it('reads Indian digit grouping (lakhs and crores in pairs of digits)', () => {
    expect(value('12,34,567')).toBe('1234567');
    expect(value('5,40,31,000')).toBe('54031000');
    expect(value('2,88,862.03')).toBe('288862.03');
    expect(value('(1,06,451.71)')).toBe('-106451.71');
  });

  it('reads a trailing minus and a minus set apart by a space', () => {
    expect(value('1,234-')).toBe('-1234');
    expect(value('1.234,5-', true)).toBe('-1234.5');
    expect(value('- 10,7', true)).toBe('-10.7');
    expect(value('\u2212 5,7', true)).toBe('-5.7');
  });

  it('detects comma decimals from a sample of figures', () => {
    expect(detectNumberStyle(['1.234,5', '12,3', '(4,0)']).decimalComma).toBe(true);
    expect(detectNumberStyle(['1,234.5', '12.3']).decimalComma).toBe(false);
  });

  it('counts Indian grouping as point decimals, and leaves a statement without evidence to the document', () => {
    expect(detectNumberStyle(['2,88,862.03', '12,34,567']).decimalComma).toBe(false);
    expect(detectNumberStyle(['12', '450', '(3)'], { decimalComma: true }).decimalComma).toBe(true);
    expect(detectNumberStyle(['12', '450', '(3)'], { decimalComma: false }).decimalComma).toBe(false);
    expect(detectNumberStyle(['1.234', '12.345'], { decimalComma: false }).decimalComma).toBe(true);
  });
});
