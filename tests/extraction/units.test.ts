import { describe, expect, it } from 'vitest';
import { detectCurrency, detectUnit } from '../../src/extraction/units.js';

describe('unit and currency notes', () => {
  it.each([
    ['(in thousands, except for share and per share data)', 'thousands'],
    ['(in USD thousands, except per share)', 'thousands'],
    ['£m', 'millions'],
    ["£'000", 'thousands'],
    ['€m', 'millions'],
    ['in € millions', 'millions'],
    ['EUR thousand', 'thousands'],
    ['Belopp i MSEK', 'millions'],
    ['Belopp i tkr', 'thousands'],
    ['in Mio. €', 'millions'],
    ['in TEUR', 'thousands'],
    ['en milliers d’euros', 'thousands'],
    ['en millions d’euros', 'millions'],
    ['(x € 1.000)', 'thousands'],
    ['bedragen x € 1 miljoen', 'millions'],
    ['(in billions)', 'billions'],
    ['(₹ in lakhs, unless otherwise stated)', 'lakhs'],
    ['(Rs. in Lacs)', 'lakhs'],
    ['in ₹ crore', 'crores'],
    ['(Rs. in Crores)', 'crores'],
    ['Mio €', 'millions'],
    ['in Mio. EUR', 'millions'],
    ['M€', 'millions'],
    ['T€', 'thousands'],
    ['¥ millions', 'millions'],
    ['(Millions of yen)', 'millions'],
    ['en miles de euros', 'thousands'],
    ['en millones de euros', 'millions'],
    ['miles de millones de pesos', 'billions'],
    ['importi in migliaia di euro', 'thousands'],
    ['in milioni di euro', 'millions'],
    ['Revenue grew in the year', null],
  ] as const)('%s -> %s', (text, unit) => {
    expect(detectUnit([text])).toBe(unit);
  });

  it('takes the first note in reading order', () => {
    expect(detectUnit(['', '(in millions, except per share amounts which are in thousands)'])).toBe('millions');
  });

  it.each([
    ['£m', 'GBP'],
    ['€m', 'EUR'],
    ['$ 457,325', 'USD'],
    ['Belopp i MSEK', 'SEK'],
    ['P=2,618,394', 'PHP'],
    ['(in thousands of Canadian dollars)', 'CAD'],
    ['TEUR', 'EUR'],
    ['(Millions of yen)', 'JPY'],
    ['(₹ in lakhs)', 'INR'],
    ['(Rs. in Crores)', 'INR'],
    ['em milhões de reais', 'BRL'],
  ] as const)('%s -> %s', (text, currency) => {
    expect(detectCurrency([text])).toBe(currency);
  });
});
