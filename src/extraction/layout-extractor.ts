// The default, offline provider: locates the three primary statements by layout and vocabulary and reads them.
import { buildStatement, pageTextOf } from './build-statement.js';
import { dropRunningLines, linesOfPage, type Line } from './layout/lines.js';
import { locateStatementCandidates, type Section } from './locate.js';
import { detectPresentationCurrency } from './units.js';
import {
  STATEMENT_TYPES,
  type ExtractedStatement,
  type ExtractOptions,
  type PdfDocument,
  type StatementExtractor,
  type StatementType,
} from './types.js';

export class LayoutStatementExtractor implements StatementExtractor {
  readonly name = 'layout';

  async extract(doc: PdfDocument, options: ExtractOptions = {}): Promise<ExtractedStatement[]> {
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

