// Statement location: find the titled sections of a report and score each as a candidate primary statement.
// Scoring rests on the title, the statement's vocabulary and the density of figures, with penalties for
// tables of contents, multi-year summaries, prior-year comparatives and "other" statements.
import { TAXONOMY, normaliseLabel } from './concepts/taxonomy.js';
import { detectNumberStyle } from './numbers.js';
import type { Line } from './layout/lines.js';
import { splitLine } from './layout/table.js';
import { findYear } from './layout/headers.js';
import { STATEMENT_TYPES, type StatementType } from './types.js';

type TitleKind = StatementType | 'OTHER';

const TITLE_PATTERNS: [TitleKind, RegExp][] = [
  ['OTHER', /changes in (stockholders|shareholders|owners|members)?.?\s*(equity|deficit)|changes in (net assets|equity)|statements? of changes in|förändringar i eget kapital|förändring av eget kapital|eigenkapitalveränderung|entwicklung des eigenkapitals|variation des capitaux propres|tableau de variation des capitaux|mutaties in het eigen vermogen|vermogensmutaties|notes to the|noter till|anhang zum|notes annexes|toelichting op/],
  ['CASH_FLOW_STATEMENT', /\bcash flows?\b|kassaflödesanalys|kassaflödesrapport|rapport över kassaflöden|kapitalflussrechnung|kapitalflußrechnung|geldflussrechnung|cash.?flow.?rechnung|flux de trésorerie|kasstroomoverzicht/],
  ['BALANCE_SHEET', /balance sheets?|statements? of (consolidated )?financial (position|condition)|statements? of condition|balansräkning|rapport över finansiell ställning|\bbilanz\b|konzernbilanz|\bbilan\b|situation financière|\bbalans\b|financiële positie/],
  ['INCOME_STATEMENT', /income statements?|statements? of (consolidated )?(comprehensive )?(income|operations|earnings|loss|profit or loss|comprehensive (income|loss))|profit and loss|statements? of profit|resultaträkning|rapport över (total)?resultat|gewinn.? und verlustrechnung|erfolgsrechnung|compte de résultat|état du résultat|winst.?en.?verliesrekening|resultatenrekening|staat van baten en lasten/],
];

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
  const lower = text.toLowerCase();
  if (/\d[,.\s]\d{3}\b|\(\d/.test(text)) return null;
  // A title starts with a capital (or a quote/bracket before one); a sentence fragment from prose does not.
  if (!/^[^\p{L}\d]*\p{Lu}/u.test(text)) return null;
  if (/\d[.,]\d/.test(text)) return null;
  // Prose that names a statement ("the table below presents ... the consolidated statements of operations").
  if (/\b(is|are|was|were|has|have|as shown|presented in|included in|set out|the following|table|summari[sz]es|presents|below|above|our|we|its|which|these|this)\b/.test(lower)) return null;
  if (/\bthe\s+(\S+\s+){0,3}(statements?|balance sheets?|income statements?|cash flows?)\b/.test(lower) && !/notes to the/.test(lower)) return null;
  // Section headings inside a cash-flow statement are not titles.
  if (/cash flows? (from|used|provided|generated|in|\()|net cash/.test(lower)) return null;
  if (/[.!?]\s+\p{Lu}/u.test(text) || /\b(see|refer|read in conjunction|should be read|accompanying|included in|are an integral)\b/.test(lower)) return null;
  for (const [kind, re] of TITLE_PATTERNS) {
    if (re.test(lower)) {
      return { kind, text, continued: /\b(continued|cont'?d|fortsättning|fortsetzung|suite)\b/.test(lower) };
    }
  }
  return null;
}

const PLAIN = { decimalComma: false };

/** A printed amount rather than a day, a year or a note number in a header. */
export function isFigure(text: string): boolean {
  const t = text.trim();
  return /\d[,.\s\u00a0]\d/.test(t) || /^\(?[-−–]?\d+\)?$/.test(t) && !/^(\d{1,2}|19\d\d|20\d\d)$/.test(t);
}

const CLOSING_LINE: Record<StatementType, RegExp> = {
  BALANCE_SHEET: /total (liabilities|equity)\b.*\b(equity|liabilities)|equity and liabilities|summa eget kapital och skulder|summe passiva|total (du )?passif|totaal passiva|^total (shareholders.? |stockholders.? )?equity|^summa eget kapital|^net assets/,
  CASH_FLOW_STATEMENT: /end of (the )?(financial )?(period|year)|at (the )?end\b|closing (cash|balance)|vid (årets|periodens) (slut|utgång)|am ende|à la clôture|en fin d|aan het einde/,
  INCOME_STATEMENT: /per (ordinary |common )?share|per aktie|je aktie|par action|per aandeel|(profit|loss|income) for the (year|period)|^net (income|loss|profit|earnings)|årets resultat|periodens resultat|jahresüberschuss|résultat net|nettowinst|winst over het/,
};

function hasClosingLine(section: { kind: TitleKind; lines: Line[] }): boolean {
  if (section.kind === 'OTHER') return true;
  const re = CLOSING_LINE[section.kind];
  return section.lines.some((l) => re.test(normaliseLabel(l.text)));
}

export interface Section {
  kind: TitleKind;
  title: string;
  titleLine: Line | null;
  lines: Line[];
  pages: number[];
  /** carried over a page break without a repeated title */
  carried?: boolean;
  /** a whole page that no title claims (its title may be an image) */
  untitled?: boolean;
}

/**
 * Cuts the document at statement titles. A section runs to the next title; it carries over a page break only
 * when it has no figures yet (a title and headers at the foot of a page) or the next page continues it.
 */
export function findSections(pages: Line[][]): Section[] {
  const sections: Section[] = [];
  let open: Section | null = null;
  let figuresOnPage = 0;
  for (const lines of pages) {
    if (open && figuresOnPage >= 3) {
      const first = lines.slice(0, 6).map(matchTitle).find((t) => t !== null);
      const continuedTitle = first && first.kind === open.kind && first.continued;
      // A statement cut by the page break without a repeated title: its closing line is still to come and
      // the next page opens with figures, not with a title or prose. Only ever one page is carried over.
      const firstFigures = lines.findIndex((l) => splitLine(l, PLAIN).cells.some((c) => isFigure(c.text)));
      const firstTitle = lines.findIndex((l) => matchTitle(l) !== null);
      const untitledRest = !open.carried && open.kind !== 'OTHER' && !hasClosingLine(open) &&
        firstFigures >= 0 && firstFigures < 8 && (firstTitle < 0 || firstTitle > firstFigures);
      if (untitledRest) open.carried = true;
      if (!continuedTitle && !untitledRest) {
        sections.push(open);
        open = null;
      }
    }
    figuresOnPage = 0;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      let title = matchTitle(line);
      // A title broken over two lines ("CONSOLIDATED STATEMENT OF" / "COMPREHENSIVE INCOME").
      const next = lines[i + 1];
      if (!title && next && line.y - next.y < 2 * line.fontSize && line.phrases.length === 1 && next.phrases.length === 1 && !matchTitle(next)) {
        const joined = matchTitle({ ...line, text: `${line.text} ${next.text}` });
        if (joined) {
          title = joined;
          i++;
        }
      }
      if (title && !(open && title.continued && title.kind === open.kind)) {
        if (open) sections.push(open);
        open = { kind: title.kind, title: title.text, titleLine: line, lines: [], pages: [line.page] };
        continue;
      }
      if (!open) continue;
      open.lines.push(line);
      if (!open.pages.includes(line.page)) open.pages.push(line.page);
      if (splitLine(line, PLAIN).cells.some((c) => isFigure(c.text))) figuresOnPage++;
    }
  }
  if (open) sections.push(open);
  return sections;
}

const VOCABULARY = new Map<StatementType, RegExp[]>();
for (const c of TAXONOMY) {
  const list = VOCABULARY.get(c.statement) ?? [];
  list.push(...c.patterns);
  VOCABULARY.set(c.statement, list);
}

export interface Candidate {
  type: StatementType;
  section: Section;
  score: number;
  maxYear: number | null;
  labelled: number;
}

/** Scores a section as a candidate for each statement type (one pass over its lines). */
export function scoreSection(section: Section): Candidate[] {
  const style = detectNumberStyle(section.lines.flatMap((l) => l.phrases.map((p) => p.text)));
  let rowsWithFigures = 0;
  let prose = 0;
  const vocabulary = new Map<StatementType, number>(STATEMENT_TYPES.map((t) => [t, 0]));
  let labelled = 0;
  const yearsInHeader: number[] = [];
  let seenFigures = false;
  for (const line of section.lines) {
    const row = splitLine(line, style);
    const figures = row.cells.filter((c) => c.amount.value !== null && !/^(19|20)\d\d$/.test(c.text.trim()));
    if (figures.length > 0) {
      rowsWithFigures++;
      seenFigures = true;
    } else if (!seenFigures) {
      for (const m of line.text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) yearsInHeader.push(Number(m[1]));
    }
    const label = normaliseLabel(row.label.map((p) => p.text).join(' '));
    if (label.split(' ').length > 25) prose++;
    if (!label || label.length > 120) continue;
    labelled++;
    for (const type of STATEMENT_TYPES) {
      if (VOCABULARY.get(type)!.some((re) => re.test(label))) vocabulary.set(type, vocabulary.get(type)! + 1);
    }
  }
  const titleLower = section.title.toLowerCase();
  const distinctYears = new Set(yearsInHeader);
  const maxYear = yearsInHeader.length > 0 ? Math.max(...yearsInHeader) : findYear(section.title);
  return STATEMENT_TYPES.map((type) => {
    const own = vocabulary.get(type)!;
    const foreign = STATEMENT_TYPES.filter((t) => t !== type).reduce((n, t) => n + vocabulary.get(t)!, 0);
    let score = own * 3 + Math.min(rowsWithFigures, 40) - foreign - prose * 2;
    if (section.kind === type) score += 15;
    else if (section.untitled) score -= 12;
    else if (section.kind === 'OTHER') score -= 30;
    else score -= 15;
    if (rowsWithFigures < 3) score -= 50;
    // A statement of comprehensive income printed next to a separate income statement holds few P&L lines;
    // vocabulary already tells them apart, this only breaks ties.
    if (type === 'INCOME_STATEMENT' && /comprehensive|totalresultat|gesamtergebnis|résultat global/.test(titleLower)) score -= 3;
    if (/\b(summary|selected|highlights|five.year|ten.year|historical|segments?|översikt|flerårsöversikt|mehrjahres)\b/.test(titleLower)) score -= 25;
    if (/parent company|moderbolag|mutterunternehmen|société mère|moedermaatschappij|company only|registrant|schedule i\b|^company\b|\bcompany (balance sheet|statement|income|cash)/.test(titleLower)) score -= 4;
    if (distinctYears.size >= 5) score -= 20;
    // Group statements before the parent's own when a report prints both.
    if (/consolidated|\bgroup\b|konzern|koncern|consolidé|geconsolideerd/.test(titleLower)) score += 2;
    return { type, section, score, maxYear, labelled };
  });
}
