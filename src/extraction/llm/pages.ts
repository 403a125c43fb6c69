// Which pages go to the model, and their text: the engine's statement location picks the pages, and each page
// is rendered as its printed lines with columns kept in place, so the model sees headers above their figures.
import { dropRunningLines, linesOfPage, median, type Line } from '../layout/lines.js';
import { locateStatementCandidates } from '../locate.js';
import { pickStatements } from '../pick.js';
import type { PdfDocument, StatementType } from '../types.js';

export interface LocatedStatement {
  type: StatementType;
  /** the title location matched, or '' for a page no title claims */
  title: string;
  pages: number[];
}

/**
 * The section chosen for each statement type by the engine's one pick stage, scored by location alone (the
 * model's reading is what costs; its checks judge the answer afterwards).
 */
export function locateStatements(pageLines: Line[][]): LocatedStatement[] {
  return pickStatements(locateStatementCandidates(pageLines)).map(({ type, candidate }) => ({
    type,
    title: candidate.section.title,
    pages: [...candidate.section.pages].sort((a, b) => a - b),
  }));
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
  const lines = dropRunningLines(doc.pages.map(linesOfPage));
  const texts = new Map(doc.pages.map((p, i) => [p.number, renderPageText(lines[i])]));
  return { lines, texts };
}
