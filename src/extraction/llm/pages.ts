// Which pages go to the model, and their text: the engine's statement location picks the pages, and each page
// is rendered as its printed lines with columns kept in place, so the model sees headers above their figures.
import { linesOfPage, median, type Line } from '../layout/lines.js';
import { findSections, scoreSection, type Section } from '../locate.js';
import { STATEMENT_TYPES, type PdfDocument, type StatementType } from '../types.js';

export interface LocatedStatement {
  type: StatementType;
  /** the title location matched, or '' for a page no title claims */
  title: string;
  pages: number[];
}

// The layout extractor's ranking (layout-extractor.ts), repeated because it is not exported as a function.
const MIN_SCORE = 10;
const PRIOR_YEAR_PENALTY = 12;

/** The best section for each statement type, as the layout extractor would choose it. */
export function locateStatements(pageLines: Line[][]): LocatedStatement[] {
  const titled = findSections(pageLines);
  const candidates = [...titled, ...untitledPages(pageLines, titled)].flatMap((s) => scoreSection(s));
  // Prior-year statements appended to a filing carry older years than the primary ones.
  const latestYear = Math.max(0, ...candidates.filter((c) => c.score >= MIN_SCORE && c.maxYear).map((c) => c.maxYear!));
  for (const c of candidates) if (c.maxYear && latestYear && c.maxYear < latestYear) c.score -= PRIOR_YEAR_PENALTY;

  const chosen = new Map<StatementType, Section>();
  const taken = new Set<Section>();
  for (const c of [...candidates].sort((a, b) => b.score - a.score)) {
    if (c.score < MIN_SCORE || chosen.has(c.type) || taken.has(c.section)) continue;
    chosen.set(c.type, c.section);
    taken.add(c.section);
  }
  return STATEMENT_TYPES.filter((t) => chosen.has(t)).map((type) => {
    const section = chosen.get(type)!;
    return { type, title: section.title, pages: [...section.pages].sort((a, b) => a - b) };
  });
}

function untitledPages(pageLines: Line[][], sections: Section[]): Section[] {
  const titled = new Set(sections.flatMap((s) => s.pages));
  return pageLines
    .filter((lines) => lines.length > 0 && !titled.has(lines[0].page))
    .map((lines) => ({ kind: 'OTHER' as const, title: '', titleLine: null, lines, pages: [lines[0].page] }));
}

/**
 * A page's lines as text, each phrase placed at its printed column (like `pdftotext -layout`), so a figure
 * stays under its year even when a row leaves a column blank.
 */
export function renderPageText(lines: Line[]): string {
  if (lines.length === 0) return '';
  const charWidth = 0.5 * (median(lines.map((l) => l.fontSize)) || 10);
  const left = Math.min(...lines.map((l) => l.phrases[0]?.x0 ?? Infinity));
  return lines
    .map((line) => {
      let text = '';
      for (const phrase of line.phrases) {
        const column = Math.round((phrase.x0 - left) / charWidth);
        const gap = text === '' ? column : Math.max(column - text.length, 2);
        text += ' '.repeat(Math.max(gap, 0)) + phrase.text;
      }
      return text.trimEnd();
    })
    .join('\n');
}

/** Every page's printed lines and rendered text, computed once per document. */
export function readPages(doc: PdfDocument): { lines: Line[][]; texts: Map<number, string> } {
  const lines = doc.pages.map(linesOfPage);
  const texts = new Map(doc.pages.map((p, i) => [p.number, renderPageText(lines[i])]));
  return { lines, texts };
}
