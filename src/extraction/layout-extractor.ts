// The default, offline provider: the stages of index.ts in order, from a read PDF to checked statements.
import { buildStatement, pageTextOf } from './build-statement.js';
import { explainPicks } from './explain.js';
import { dropRunningLines, linesOfPage, type Line } from './layout/lines.js';
import { joinPeriodTables } from './join-period-tables.js';
import { locateStatementCandidates, type StatementCandidate } from './locate.js';
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
    const built = new Map<StatementCandidate, ExtractedStatement | null>();
    const build = (candidate: StatementCandidate) => {
      if (!built.has(candidate)) {
        options.signal?.throwIfAborted();
        options.onProgress?.({ step: 'statements', current: built.size + 1, total: STATEMENT_TYPES.length * 3 });
        built.set(candidate, buildStatement(candidate.type, candidate.section, context));
      }
      return built.get(candidate)!;
    };
    const picks = pickStatements(candidates, build);
    // An interim statement printed as a quarter table and a year-to-date table becomes one statement.
    for (const pick of picks) if (pick.statement) pick.statement = joinPeriodTables({ candidate: pick.candidate, statement: pick.statement }, candidates, build);
    options.onExplain?.(explainPicks(picks));
    return picks.flatMap((p) => (p.statement ? [p.statement] : []));
  }
}
