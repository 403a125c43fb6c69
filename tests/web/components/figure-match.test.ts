// Finding a figure on its page: the printed styles of several countries reduce to the API's decimal string.
import { describe, expect, it } from 'vitest';
import { canonicalPrinted, figureMatches } from '../../../web/src/lib/figure-match';
import { formatFigure } from '../../../web/src/lib/format';

describe('figureMatches', () => {
  it.each([
    ['1,234', '1234'],
    ['(1,234)', '-1234'],
    ['₱223,801,047', '223801047'],
    ['1.234.567', '1234567'],
    ['1 234,5', '1234.5'],
    ['1,234.50', '1234.5'],
    ['0.42', '0.42'],
    ['12,5', '12.5'],
    ['-7,196,035', '-7196035'],
  ])('%s is %s', (printed, value) => {
    expect(figureMatches(printed, value)).toBe(true);
  });

  it('does not match other numbers, words or nils', () => {
    expect(figureMatches('1,235', '1234')).toBe(false);
    expect(figureMatches('2024', '1234')).toBe(false);
    expect(figureMatches('Revenue', '1234')).toBe(false);
    expect(figureMatches('–', null)).toBe(false);
    expect(canonicalPrinted('Note 13')).toBeNull();
  });
});

describe('formatFigure', () => {
  it('groups digits on the string, keeps every decimal and marks negatives', () => {
    expect(formatFigure('-1234567.50')).toBe('\u22121,234,567.50');
    expect(formatFigure('999')).toBe('999');
    expect(formatFigure('0.001')).toBe('0.001');
    expect(formatFigure(null)).toBe('\u2013');
  });
});
