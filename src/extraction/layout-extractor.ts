// The default, offline provider: the stages of index.ts in order, from a read PDF to checked statements.
import { buildStatement, pageTextOf } from './build-statement.js';
import { explainPicks } from './explain.js';
import { dropRunningLines, linesOfPage, type Line } from './layout/lines.js';
import { locateStatementCandidates } from './locate.js';
import { detectNumberStyle } from './numbers.js';
import { pickStatements } from './pick.js';
import { detectPresentationCurrency } from './units.js';
import { STATEMENT_TYPES, type ExtractedStatement, type ExtractOptions, type PdfDocument, type StatementExtractor } from './types.js';

export class LayoutStatementExtractor implements StatementExtractor {
  readonly name = 'layout';

  async extract(doc: PdfDocument, options: ExtractOptions = {}): Promise<ExtractedStatement[]> {
    // Lines and tables: every page's printed lines, read once, running headers and footers dropped.
    const printedLines: Line[][] = [];
    for (const page of doc.pages) {
      options.signal?.throwIfAborted();
      printedLines.push(linesOfPage(page));
      options.onProgress?.({ step: 'layout', current: page.number, total: doc.pageCount });
    }
    const pageLines = dropRunningLines(printedLines);
    const pageTexts = pageLines.map(pageTextOf);
    const context = {
      presentationCurrency: detectPresentationCurrency(pageTexts),
      pageText: (page: number) => pageTexts[page - 1] ?? '',
      numberStyle: detectNumberStyle(pageLines.flatMap((lines) => lines.flatMap((l) => l.phrases.map((p) => p.text)))),
    };

    // Locate, then pick by the numbers: columns, statement and checks are built for each shortlisted candidate.
    const candidates = locateStatementCandidates(pageLines);
    let built = 0;
    const picks = pickStatements(candidates, (candidate) => {
      options.signal?.throwIfAborted();
      options.onProgress?.({ step: 'statements', current: ++built, total: STATEMENT_TYPES.length * 3 });
      return buildStatement(candidate.type, candidate.section, context);
    });
    options.onExplain?.(explainPicks(picks));
    return picks.flatMap((p) => (p.statement ? [p.statement] : []));
  }
}
