// Statement titles (English, Swedish, German, French, Dutch, Spanish, Italian, Portuguese): which printed line
// names a statement, and of which kind. Titles are short noun phrases ("Consolidated Balance Sheets", "a. Consolidated statement of financial position", "Konzernbilanz"); lines
// of prose that merely mention a statement, table-of-contents entries and cash-flow section headings are not.
import type { Line } from '../layout/lines.js';
import { normaliseLabel } from '../concepts/taxonomy.js';
import type { StatementType } from '../types.js';

export type TitleKind = StatementType | 'OTHER';

const TITLE_PATTERNS: [TitleKind, RegExp][] = [
  ['OTHER', /changes in (stockholders|shareholders|owners|members)?.?\s*(equity|deficit)|changes in (net assets|equity)|statements? of changes in|förändringar i eget kapital|förändring av eget kapital|eigenkapitalveränderung|entwicklung des (konzern.?)?eigenkapitals|variation des capitaux propres|tableau de variation des capitaux|mutaties in het eigen vermogen|vermogensmutaties|notes to the|noter till|anhang zum|notes annexes|toelichting op/],
  ['CASH_FLOW_STATEMENT', /\bcash flows?\b|kassaflödesanalys|estados? de flujos? de efectivo|rendiconto finanziario|demonstraç(ão|ões) (do|dos) fluxos? de caixa|kassaflödesrapport|rapport över kassaflöden|kapitalflussrechnung|kapitalflußrechnung|geldflussrechnung|cash.?flow.?rechnung|flux de trésorerie|kasstroomoverzicht/],
  ['BALANCE_SHEET', /balance sheets?|statements? of (consolidated )?financial (position|condition)|statements? of condition|balansräkning|rapport över finansiell ställning|\bbilanz\b|konzernbilanz|\bbilan\b|situation financière|\bbalans\b|financiële positie|balances? de situación|estados? de situación financiera|situazione patrimoniale|stato patrimoniale|balanço patrimonial/],
  // "Gewinn- und Verlustrechnung" is also printed "Gewinn- und -Verlustrechnung" when hyphenated in a heading.
  ['INCOME_STATEMENT', /income statements?|statements? of (consolidated )?(comprehensive )?(income|operations|earnings|loss|profit or loss|comprehensive (income|loss))|profit and loss|statements? of profit|resultaträkning|rapport över (total)?resultat|gewinn.?\s?und\s?.?verlustrechnung|erfolgsrechnung|compte de résultat|état du résultat|winst.?en.?verliesrekening|resultatenrekening|staat van baten en lasten|cuentas? de (resultados|pérdidas y ganancias)|estados? de resultados|conto economico|demonstraç(ão|ões) (do|dos) resultados?/],
];

// The cash flows of one activity (a section heading or total inside the statement), in the other languages.
const CASH_FLOW_SECTION =
  /flux de trésorerie (nets? )?(liés|provenant|affectés|générés|utilisés|issus)|cash.?flows? aus\b|mittel(zufluss|abfluss) aus|kasstroom uit|kassaflöde från|flujos? (netos? )?de efectivo (de las|procedentes|utilizados|generados|aplicados)|flusso di cassa (netto )?(generato|assorbito|dalla|da|delle)|fluxos? de caixa (das|gerados?|líquidos?|aplicados?)/;

const CONTINUED = /\b(continued|cont'?d|fortsättning|fortsetzung|suite|vervolg)\b/;

// An enumerator before a title ("a.", "(1)", "4.2") is numbering, not part of the title.
const ENUMERATOR = /^(\(?[a-z]\)|[a-z]\.|\(\d{1,2}\)|\d{1,2}(\.\d{1,2})*\.?)\s+/i;

// Verbs and pronouns that make a line a sentence (English, German, Dutch, French); titles are noun phrases.
const PROSE_WORDS_EN = /\b(is|are|was|were|has|have|as shown|presented in|included in|set out|the following|table|summari[sz]es|presents|below|above|our|we|its|which|these|this)\b/;
const PROSE_WORDS_OTHER = /\b(ist|sind|wird|werden|wurden?|nicht|dass|welche|zijn|wordt|worden|werd|niet|deze|est|sont|ont|été)\b/;

export interface TitleMatch {
  kind: TitleKind;
  text: string;
  continued: boolean;
}

/** A line that is a statement title: short, mostly words, naming a statement. ToC entries end in a page number. */
export function matchTitle(line: Line): TitleMatch | null {
  const text = line.text.trim();
  if (text.length > 140 || text.split(/\s+/).length > 18) return null;
  if (/\.{3,}|…/.test(text)) return null;
  if (/\s([A-Z]-)?\d{1,3}$/.test(text) && !/\b(19|20)\d\d$/.test(text)) return null;
  const bare = text.replace(ENUMERATOR, '');
  if (/\d[,.\s]\d{3}\b|\(\d/.test(bare)) return null;
  // A title starts with a capital (or a quote/bracket before one); a bullet or a sentence fragment does not.
  if (!/^[^\p{L}\d\-–•·]*\p{Lu}/u.test(bare)) return null;
  // A word hyphenated at the line's end belongs to a paragraph; a line ending in a joining word or a comma is a
  // wrapped label ("Total cash flow effects on cash and" / "cash equivalents  (1,998,889)") or the first half of
  // a title broken over two lines, which findSections tries joined.
  if (/\p{Ll}-$/u.test(bare)) return null;
  if (/(\b(and|of|or|for|to|the|in|from|on|by|with|at|und|der|des|von|et|de|du|en|van|het|och|av|y|e|di|del)|,)$/i.test(bare)) return null;
  if (/\d[.,]\d/.test(text)) return null;
  const lower = bare.toLowerCase();
  if (PROSE_WORDS_EN.test(lower) || PROSE_WORDS_OTHER.test(lower)) return null;
  if (/\bthe\s+(\S+\s+){0,3}(statements?|balance sheets?|income statements?|cash flows?)\b/.test(lower) && !/notes to the/.test(lower)) return null;
  // Section headings inside a cash-flow statement are not titles.
  if (/cash flows? (from|used|provided|generated|in|\()|net cash/.test(lower)) return null;
  // ... also when written "Cash flows – operating activities:" or "Cash flows relating to investing activities".
  if (/cash flows?\b.*\b(operating|investing|financing) activities/.test(lower)) return null;
  // ... and in the other languages: "Flux de trésorerie liés aux activités", "Cashflow aus Investitionstätigkeit".
  if (CASH_FLOW_SECTION.test(lower)) return null;
  // "Supplemental cash flow disclosures" closes the statement above it; it starts none.
  if (/^supplement(al|ary)\b/.test(lower)) return null;
  if (/[.!?]\s+\p{Lu}/u.test(bare) || /\b(see|refer|read in conjunction|should be read|accompanying|included in|are an integral)\b/.test(lower)) return null;
  for (const [kind, re] of TITLE_PATTERNS) {
    if (re.test(lower)) return { kind, text, continued: CONTINUED.test(lower) };
  }
  return null;
}

/** The title without continuation marks and half-page suffixes: "Balance sheet – assets" and "... (continued)" */
export function titleStem(title: string): string {
  return title
    .toLowerCase()
    .replace(ENUMERATOR, '')
    .replace(/\((continued|cont'?d)\)|\b(continued|cont'?d|fortsättning|fortsetzung|suite|vervolg)\b/g, '')
    .replace(/[-–—:]\s*(assets|liabilities|equity|and|shareholders'?|tillgångar|eget kapital och skulder|aktiva|passiva|actif|passif|\s)+$/g, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** A printed amount rather than a day, a year or a note number in a header. */
export function isFigure(text: string): boolean {
  const t = text.trim();
  return /\d[,.\s\u00a0]\d/.test(t) || (/^\(?[-−–]?\d+\)?$/.test(t) && !/^(\d{1,2}|19\d\d|20\d\d)$/.test(t));
}

// The line a complete statement ends with: liabilities and equity, closing cash, earnings per share.
const CLOSING_LINE: Record<StatementType, RegExp> = {
  BALANCE_SHEET: /total (liabilities|equity)\b.*\b(equity|liabilities)|equity and liabilities|summa eget kapital och skulder|summe passiva|total (du )?passif|totaal passiva|^total (shareholders.? |stockholders.? )?equity|^summa eget kapital|^net assets/,
  CASH_FLOW_STATEMENT: /end of (the )?(financial )?(period|year)|at (the )?end\b|closing (cash|balance)|vid (årets|periodens) (slut|utgång)|am ende|jahresende|periodenende|ende der periode|à la clôture|en fin d|aan het einde|einde (van het )?(boek)?jaar|liquide middelen per 31/,
  INCOME_STATEMENT: /per (ordinary |common )?share|per aktie|je aktie|par action|per aandeel|(profit|loss|income) for the (year|period)|^net (income|loss|profit|earnings)|årets resultat|periodens resultat|jahresüberschuss|konzernergebnis|résultat net|nettowinst|winst over het/,
};

const PER_SHARE_LINE = /per (ordinary |common )?share|per aktie|je aktie|par action|per aandeel/;

/**
 * The statement's closing line is among these lines. `final` asks for the very last line a statement prints:
 * an income statement goes on from its net result to earnings per share, often on the next page.
 */
export function hasClosingLine(kind: TitleKind, lines: Line[], final = false): boolean {
  if (kind === 'OTHER') return true;
  const re = final && kind === 'INCOME_STATEMENT' ? PER_SHARE_LINE : CLOSING_LINE[kind];
  return lines.some((l) => re.test(normaliseLabel(l.text)));
}
