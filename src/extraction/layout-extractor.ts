// The default, offline provider: locates the three primary statements by layout and vocabulary and reads them.
import { buildStatement, pageTextOf } from './build-statement.js';
import { linesOfPage, type Line } from './layout/lines.js';
import { findSections, scoreSection, type Section } from './locate.js';
import { detectPresentationCurrency } from './units.js';
import {
  STATEMENT_TYPES,
  type ExtractedStatement,
  type ExtractOptions,
  type PdfDocument,
  type StatementExtractor,
  type StatementType,
} from './types.js';

const MIN_SCORE = 10;
const PRIOR_YEAR_PENALTY = 12;

export class LayoutStatementExtractor implements StatementExtractor {
  readonly name = 'layout';

  async extract(doc: PdfDocument, options: ExtractOptions = {}): Promise<ExtractedStatement[]> {
    const pageLines: Line[][] = [];
    for (const page of doc.pages) {
      options.signal?.throwIfAborted();
      pageLines.push(linesOfPage(page));
      options.onProgress?.({ step: 'layout', current: page.number, total: doc.pageCount });
    }
    const pageTexts = pageLines.map(pageTextOf);
    const context = {
      presentationCurrency: detectPresentationCurrency(pageTexts),
      pageText: (page: number) => pageTexts[page - 1] ?? '',
    };

    const statements: ExtractedStatement[] = [];
    const taken = new Set<Section>();
    const done = new Set<StatementType>();
    for (const candidate of locateStatementCandidates(pageLines)) {
      if (done.has(candidate.type) || taken.has(candidate.titledSection)) continue;
      options.signal?.throwIfAborted();
      options.onProgress?.({ step: 'statements', current: done.size + 1, total: STATEMENT_TYPES.length });
      const statement = buildStatement(candidate.type, candidate.section, context);
      if (!statement) continue;
      statements.push(statement);
      done.add(candidate.type);
      taken.add(candidate.titledSection);
    }
    return STATEMENT_TYPES.flatMap((t) => statements.filter((s) => s.type === t));
  }
}

export interface StatementCandidate {
  type: StatementType;
  score: number;
  /** the section as found under its title */
  titledSection: Section;
  /** the same with continuation pages joined: what the statement is read from */
  section: Section;
}

/**
 * Every section scored as each statement type, best first, above the minimum score. Callers take the first
 * candidate per type whose section they can read, and never one section for two types.
 */
export function locateStatementCandidates(pageLines: Line[][]): StatementCandidate[] {
  const titledSections = findSections(pageLines);
  const sections = [...titledSections, ...untitledPages(pageLines, titledSections)];
  const candidates = sections.flatMap((s) => scoreSection(s));
  // Prior-year statements appended to a filing carry older years than the primary ones.
  const latestYear = Math.max(0, ...candidates.filter((c) => c.score >= MIN_SCORE && c.maxYear).map((c) => c.maxYear!));
  for (const c of candidates) if (c.maxYear && latestYear && c.maxYear < latestYear) c.score -= PRIOR_YEAR_PENALTY;
  return candidates
    .filter((c) => c.score >= MIN_SCORE)
    .sort((a, b) => b.score - a.score)
    .map((c) => ({ type: c.type, score: c.score, titledSection: c.section, section: withContinuation(c.section, titledSections) }));
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

