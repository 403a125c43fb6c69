// The scale and currency a statement is printed in, from its header notes ("in thousands", "£m", "TSEK").
import type { Unit } from './types.js';

// A figure grouped with apostrophes ("1'000'000", Swiss style) holds "'000" too: a unit note's "'000" follows no digit.
const UNIT_PATTERNS: [Unit, RegExp][] = [
  // Spanish "miles de millones" (thousands of millions) is a billion; listed first, it wins the tie with "miles de".
  ['billions', /\bmiles de millones\b|\bmil millones\b|\bmiliardi\b|\bbilh(?:õ|o)es\b|\bin billions\b|\bbillions of\b|(?:[$£€¥]|\b(?:usd|eur|gbp|sek|chf))\s?(?:bn|billions?)\b|\bmrd\.?\b|\bmilliarden\b|\bmiljarder\b|\bmiljard\b|\bmilliards?\b/i],
  ['crores', /\bcrores?\b|(?:₹|\brs\.?|\binr)\s*(?:in\s+)?cr\.?(?=[\s)]|$)/i],
  ['millions', /\b(?:en |in |em )?(?:millones|milioni|milh(?:õ|o)es)\b|\bin millions\b|\bmillions of\b|\(millions\b|(?:[$£€¥]|\b(?:usd|eur|gbp|sek|nok|dkk|chf|php|us\$))\s?'?(?:m|mn|mln|millions?)\b|\bmillion (euros|dollars|pounds|kronor)|\bm(?:sek|nok|dkk|eur|usd|chf)\b|\b(?:sek|eur|usd|nok|dkk)m\b|\bmkr\b|\bm€|\bmio\.?\b|\bmillionen\b|\ben millions\b|\bmillions d|\bmiljoner\b|\bmiljoen\b|\bin miljoenen\b|\bmiljoenen\b|(?:\bx|×)\s?[€$£]?\s?1[ .,]?000[ .,]?000\b|(?:\bx|×)\s?[€$£]?\s?1 miljoen/i],
  ['lakhs', /\blakhs?\b|\blacs?\b/i],
  ['thousands', /\bmiles de\b|\ben miles\b|\bmigliaia\b|\bmilhares\b|\bin tausend\b|\bin thousands\b|\bthousands of\b|\(thousands\b|(?:[$£€¥]|\b(?:usd|eur|gbp|sek|chf|php))\s?['’]?000s?\b|(?<!\d)['’]000s?\b|\(000s?\)|\b(?:usd|eur|gbp|sek|chf|php|dkk|nok)\s?thousands?\b|\bthousand (euros|dollars|pounds|kronor)|[$£€]\s?thousands?\b|\b000s\b|\bt(?:sek|eur|usd|chf|nok|dkk)\b|\bk(?:sek|eur|usd)\b|\btkr\b|\bt€|\btausend\b|\bin tsd\b|\btsd\.|\ben milliers\b|\bmilliers d|(?:\bx|×)\s?[€$£]?\s?1[ .,]?000\b(?![ .,]?000)|\bduizenden\b|\bin duizend|\btusental\b|\btusen\b/i],
];

/** The first unit note in reading order wins: the header's, not a footnote's further down. */
export function detectUnit(texts: string[]): Unit | null {
  for (const text of texts) {
    let best: { unit: Unit; index: number } | null = null;
    for (const [unit, re] of UNIT_PATTERNS) {
      const m = re.exec(text);
      if (m && (!best || m.index < best.index)) best = { unit, index: m.index };
    }
    if (best) return best.unit;
  }
  return null;
}

export const UNIT_SCALE: Record<Unit, number> = { units: 1, thousands: 1e3, lakhs: 1e5, millions: 1e6, crores: 1e7, billions: 1e9 };

const CURRENCY_PATTERNS: [string, RegExp][] = [
  // The peso sign drawn as "P" struck through by "=": the "=" stays glued to the figure even when the P does not.
  ['PHP', /₱|\bP=|(?:^|\s)\(?=\d|\bphp\b|philippine peso/i],
  ['SEK', /\bsek\b|\bmsek\b|\btsek\b|\bksek\b|\bmkr\b|\btkr\b|swedish kron|svenska kronor|\bkronor\b/i],
  ['NOK', /\bnok\b|\bmnok\b|norwegian kron/i],
  ['DKK', /\bdkk\b|\bmdkk\b|danish kron/i],
  ['CHF', /\bchf\b|swiss franc/i],
  ['GBP', /£|\bgbp\b|pounds? sterling/i],
  ['EUR', /€|\beur\b|\bteur\b|\bmeur\b|\beuros?\b/i],
  ['JPY', /¥|\bjpy\b|\byen\b/i],
  ['INR', /₹|\binr\b|indian rupees?|\brs\.?(?=\s|\d)|\brupees?\b/i],
  ['CAD', /\bC\$|\bcad\b|canadian dollar/i],
  ['AUD', /\bA\$|\baud\b|australian dollar/i],
  ['SGD', /\bS\$|\bsgd\b|singapore dollar/i],
  ['HKD', /\bHK\$|\bhkd\b|hong kong dollar/i],
  ['BRL', /R\$|\bbrl\b|\breais\b/i],
  ['CNY', /\bcny\b|\brmb\b|renminbi|人民币/i],
  ['KRW', /₩|\bkrw\b|korean won/i],
  ['ZAR', /\bzar\b|south african rand/i],
  ['USD', /US\$|\$|\busd\b|u\.s\. dollars?|us dollars?/i],
];

/** The currency named or printed in the given texts, nearest the top first. */
export function detectCurrency(texts: string[]): string | null {
  for (const text of texts) {
    let best: { code: string; index: number } | null = null;
    for (const [code, re] of CURRENCY_PATTERNS) {
      const m = re.exec(text);
      if (m && (!best || m.index < best.index)) best = { code, index: m.index };
    }
    if (best) return best.code;
  }
  return null;
}

/** A report that states its presentation currency in words ("presented in Philippine Peso"). */
export function detectPresentationCurrency(pageTexts: string[]): string | null {
  const counts = new Map<string, number>();
  for (const text of pageTexts) {
    const statement = /(?:presented|expressed|reported|stated)\s+in\s+([^.;\n]{0,40})|presentation currency[^.;\n]{0,60}|functional currency[^.;\n]{0,60}/gi;
    for (const m of text.matchAll(statement)) {
      const code = detectCurrency([m[0].replace(/\$(?=\d)/, '')]);
      if (code) counts.set(code, (counts.get(code) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  for (const [code, n] of counts) if (!best || n > (counts.get(best) ?? 0)) best = code;
  return best;
}
