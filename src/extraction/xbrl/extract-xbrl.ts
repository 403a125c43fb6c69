// The XBRL provider: the primary statements of an inline-XBRL report from its tagged facts, in the same
// ExtractionOutput as the PDF providers (provider "xbrl").
import { createHash } from 'node:crypto';
import { STATEMENT_TYPES, type ExtractedStatement, type ExtractionOutput, type ExtractOptions } from '../types.js';
import { calendarFor, parseYearEnd } from './fiscal-calendar.js';
import { readXbrlReport, type ReadXbrlOptions } from './read-report.js';
import { statementFromTables } from './statement-from-facts.js';
import { statementsFromPresentation } from './statement-from-presentation.js';
import { locateStatementTables } from './statement-tables.js';
import type { XbrlReport } from './types.js';

export const XBRL_PROVIDER = 'xbrl';

export async function extractXbrlStatements(bytes: Uint8Array, options: ExtractOptions & Pick<ReadXbrlOptions, 'taxonomy'> = {}): Promise<ExtractionOutput> {
  options.onProgress?.({ step: 'read', current: 0, total: 1 });
  const report = await readXbrlReport(bytes, { fileName: options.fileName, taxonomy: options.taxonomy });
  options.signal?.throwIfAborted();
  options.onProgress?.({ step: 'read', current: 1, total: 1 });
  return {
    schemaVersion: 1,
    // pages: the printed pages the (X)HTML's CSS page breaks make, one per document where there are none.
    source: { file: options.fileName ?? null, pages: report.pages, sha256: createHash('sha256').update(bytes).digest('hex') },
    provider: XBRL_PROVIDER,
    statements: statementsOfReport(report),
  };
}

/**
 * Income statement, balance sheet, cash-flow statement (those the filing has), in that order. The HTML tables
 * the facts are printed in give the filer's order, labels and signs exactly as presented; where no table holds a
 * statement (figures printed outside tables, or only in ix:hidden), the report's presentation linkbase gives it.
 */
export function statementsOfReport(report: XbrlReport): ExtractedStatement[] {
  const calendar = calendarFor(parseYearEnd(report.meta.fiscalYearEnd), report.meta.periodEnd, report.meta.fiscalYear);
  const printed = locateStatementTables(report);
  const missing = STATEMENT_TYPES.filter((type) => !printed.some((p) => p.type === type));
  const presented = missing.length ? statementsFromPresentation(report).filter((p) => missing.includes(p.type)) : [];
  return STATEMENT_TYPES.flatMap((type) => {
    const fromTable = printed.find((p) => p.type === type);
    if (fromTable) return statementFromTables(report, fromTable, calendar) ?? [];
    const fromLinkbase = presented.find((p) => p.type === type);
    return (fromLinkbase && statementFromTables(report, fromLinkbase, calendar, true)) ?? [];
  });
}
