// Sections: the report cut at statement titles. A section is what one title heads, up to the next title; a
// statement printed over several pages becomes one section again by a repeated title or by carrying over.
import type { Line } from '../layout/lines.js';
import { splitLine } from '../layout/table.js';
import { hasClosingLine, isFigure, matchTitle, titleStem, type TitleKind } from './titles.js';

export interface Section {
  kind: TitleKind;
  title: string;
  titleLine: Line | null;
  lines: Line[];
  pages: number[];
  /** page breaks crossed without a repeated title */
  carried?: number;
  /** a whole page that no title claims (its title may be an image) */
  untitled?: boolean;
}

const PLAIN = { decimalComma: false };
/** A statement runs over at most this many page breaks without repeating its title. */
const MAX_CARRIED_PAGES = 2;

const hasFigures = (line: Line) => splitLine(line, PLAIN).cells.some((c) => isFigure(c.text));

/**
 * Cuts the document at statement titles. A section runs to the next title, but never on through pages that
 * do not continue it: it crosses a page break only when it has no figures yet (a title and headers at the foot
 * of a page, once), when the next page repeats its title as "continued", or when it is still missing its
 * closing line and the next page opens with figures rather than a title or prose.
 */
export function findSections(pages: Line[][]): Section[] {
  const sections: Section[] = [];
  let open: Section | null = null;
  let figuresOnPage = 0;
  let figuresInSection = 0;
  for (const lines of pages) {
    if (open && !carriesOnto(open, lines, figuresOnPage, figuresInSection)) {
      sections.push(open);
      open = null;
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
        figuresInSection = 0;
        continue;
      }
      if (!open) continue;
      open.lines.push(line);
      if (!open.pages.includes(line.page)) open.pages.push(line.page);
      if (hasFigures(line)) {
        figuresOnPage++;
        figuresInSection++;
      }
    }
  }
  if (open) sections.push(open);
  return sections;
}

function carriesOnto(open: Section, lines: Line[], figuresOnPage: number, figuresInSection: number): boolean {
  const carried = open.carried ?? 0;
  // A title (and headers) at the foot of a page whose figures start on the next.
  if (figuresInSection === 0) {
    if (carried > 0) return false;
    open.carried = 1;
    return true;
  }
  if (figuresOnPage < 3) return false;
  const first = lines.slice(0, 6).map(matchTitle).find((t) => t !== null);
  if (first && first.kind === open.kind && first.continued) return true;
  // Cut by the page break without a repeated title: its closing line is still to come and the next page
  // opens with figures, not with a title or prose.
  const firstFigures = lines.findIndex(hasFigures);
  const firstTitle = lines.findIndex((l) => matchTitle(l) !== null);
  // Column headers and section headings are short phrases; a paragraph is not.
  const onlyHeadersBefore = lines.slice(0, Math.max(0, firstFigures)).every((l) => l.phrases.every((p) => p.text.split(/\s+/).length <= 10));
  const untitledRest = carried < MAX_CARRIED_PAGES && open.kind !== 'OTHER' && !hasClosingLine(open.kind, open.lines) &&
    firstFigures >= 0 && firstFigures < 15 && onlyHeadersBefore && (firstTitle < 0 || firstTitle > firstFigures);
  if (untitledRest) open.carried = carried + 1;
  return untitledRest;
}

/**
 * A statement printed over two pages with its title repeated on the second ("... balance sheet" /
 * "... balance sheet (continued)", or "- assets" / "- equity and liabilities", or a running header) is one
 * statement, as long as the first part has not already closed and both print the same years.
 */
export function withContinuation(section: Section, sections: Section[]): Section {
  const index = sections.indexOf(section);
  if (index < 0) return section;
  const joins = (a: Section, b: Section) =>
    a.kind === b.kind &&
    a.kind !== 'OTHER' &&
    b.pages[0] === Math.max(...a.pages) + 1 &&
    titleStem(a.title) === titleStem(b.title) &&
    !hasClosingLine(a.kind, a.lines, true) &&
    headerYears(a) === headerYears(b); // not the prior year's statement printed after this one
  let first = index;
  while (first > 0 && joins(sections[first - 1], sections[first])) first--;
  let last = index;
  while (last + 1 < sections.length && joins(sections[last], sections[last + 1])) last++;
  if (first === last) return section;
  const run = sections.slice(first, last + 1);
  return { ...run[0], lines: run.flatMap((s) => s.lines), pages: [...new Set(run.flatMap((s) => s.pages))] };
}

export function headerYears(section: Section): string {
  const years = new Set<string>();
  for (const line of section.lines.slice(0, 8)) for (const m of line.text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) years.add(m[1]);
  return [...years].sort().join(',');
}

/** Pages no title claims, as fallback candidates for a statement whose title the text layer lost. */
export function untitledPages(pageLines: Line[][], sections: Section[]): Section[] {
  const titled = new Set(sections.flatMap((s) => s.pages));
  return pageLines
    .filter((lines) => lines.length > 0 && !titled.has(lines[0].page))
    .map((lines) => ({ kind: 'OTHER' as const, title: '', titleLine: null, lines, pages: [lines[0].page], untitled: true }));
}
