// The default, offline provider: locates the three primary statements by layout and vocabulary and reads them.
import { buildStatement, pageTextOf } from './build-statement.js';
import { linesOfPage, type Line } from './layout/lines.js';
import { findSections, scoreSection, type Candidate, type Section } from './locate.js';
import { detectPresentationCurrency } from './units.js';
import { STATEMENT_TYPES, type ExtractedStatement, type ExtractOptions, type PdfDocument, type StatementExtractor } from './types.js';

const MIN_SCORE = 10;

export class LayoutStatementExtractor implements StatementExtractor {
  readonly name = 'layout';

  async extract(doc: PdfDocument, options: ExtractOptions = {}): Promise<ExtractedStatement[]> {
    const pageLines: Line[][] = [];
    for (const page of doc.pages) {
      options.signal?.throwIfAborted();
      pageLines.push(linesOfPage(page));
      options.onProgress?.({ step: 'layout', current: page.number, total: doc.pageCount });
    }
    const titledSections = findSections(pageLines);
    const sections = [...titledSections, ...untitledPages(pageLines, titledSections)];
    const pageTexts = pageLines.map(pageTextOf);
    const context = {
      presentationCurrency: detectPresentationCurrency(pageTexts),
      pageText: (page: number) => pageTexts[page - 1] ?? '',
    };

    const candidates = sections.flatMap((s) => scoreSection(s));
    // Prior-year statements appended to a filing carry older years than the primary ones.
    const latestYear = Math.max(0, ...candidates.filter((c) => c.score >= MIN_SCORE && c.maxYear).map((c) => c.maxYear!));
    for (const c of candidates) if (c.maxYear && latestYear && c.maxYear < latestYear) c.score -= 12;

    const statements: ExtractedStatement[] = [];
    const taken = new Set<Section>();
    const ranked = [...candidates].sort((a, b) => b.score - a.score);
    const done = new Set<string>();
    for (const candidate of ranked) {
      if (candidate.score < MIN_SCORE || done.has(candidate.type) || taken.has(candidate.section)) continue;
      options.onProgress?.({ step: 'statements', current: done.size + 1, total: STATEMENT_TYPES.length });
      const section = withContinuation(candidate.section, titledSections);
      const statement = buildStatement(candidate.type, section, context);
      if (!statement) continue;
      statements.push(statement);
      done.add(candidate.type);
      taken.add(candidate.section);
    }
    return STATEMENT_TYPES.flatMap((t) => statements.filter((s) => s.type === t));
  }
}

/**
 * A statement printed over two pages with its title repeated on the second ("... balance sheet" /
 * "... balance sheet (continued)", or "- assets" / "- equity and liabilities") is one statement.
 */
function withContinuation(section: Section, sections: Section[]): Section {
  const index = sections.indexOf(section);
  if (index < 0) return section;
  const joins = (a: Section, b: Section) =>
    a.kind === b.kind &&
    b.pages[0] === Math.max(...a.pages) + 1 &&
    titleStem(a.title) === titleStem(b.title) &&
    headerYears(a) === headerYears(b); // not the prior year's statement printed after this one
  let first = index;
  while (first > 0 && joins(sections[first - 1], sections[first])) first--;
  let last = index;
  while (last + 1 < sections.length && joins(sections[last], sections[last + 1])) last++;
  if (first === last) return section;
  const run = sections.slice(first, last + 1);
  return { ...run[0], lines: run.flatMap((s) => s.lines), pages: [...new Set(run.flatMap((s) => s.pages))] };
}

function headerYears(section: Section): string {
  const years = new Set<string>();
  for (const line of section.lines.slice(0, 8)) for (const m of line.text.matchAll(/\b(19[5-9]\d|20\d\d)\b/g)) years.add(m[1]);
  return [...years].sort().join(',');
}

function titleStem(title: string): string {
  return title
    .toLowerCase()
    .replace(/\((continued|cont'?d)\)|\b(continued|cont'?d|fortsättning|fortsetzung|suite)\b/g, '')
    .replace(/[-–—:]\s*(assets|liabilities|equity|and|shareholders'?|tillgångar|eget kapital och skulder|aktiva|passiva|actif|passif|\s)+$/g, '')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim();
}

/** Pages no title claims, as fallback candidates for a statement whose title the text layer lost. */
function untitledPages(pageLines: Line[][], sections: Section[]): Section[] {
  const titled = new Set(sections.flatMap((s) => s.pages));
  return pageLines
    .filter((lines) => lines.length > 0 && !titled.has(lines[0].page))
    .map((lines) => ({ kind: 'OTHER' as const, title: '', titleLine: null, lines, pages: [lines[0].page], untitled: true }));
}

export type { Candidate };
