// PROCESS_COMPANY: the whole pipeline for one company, for real: discover its reports (when it has an IR page or
// a URL is given), extract every annual report that has no extraction yet, then compile its statements.
// Every step awaits `progress`, and only domain errors are caught on the way: a cancel (JobCancelledError) stops
// the whole pipeline at the step it reaches, including inside discovery and inside each extraction.
import { prisma } from '../db.js';
import { DomainError, NotFoundError } from '../errors.js';
import type { ExtractionProvider } from '../generated/prisma/enums.js';
import { compileCompany, type CompilationSummary } from './compilation/index.js';
import { discoverDocuments, type DiscoveryReport } from './documents/discover.js';
import { extractDocument } from './extraction-runs.js';
import { noProgress, prefixed, type ReportProgress } from './jobs/progress.js';

export interface ProcessCompanyResult {
  discovery: DiscoveryReport | { skipped: string } | { failed: string };
  extracted: number[];
  extractionFailures: { documentId: number; message: string }[];
  compilation: CompilationSummary;
}

export async function processCompany(
  companyId: number,
  options: { url?: string | null; provider?: ExtractionProvider } = {},
  progress: ReportProgress = noProgress,
): Promise<ProcessCompanyResult> {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { irUrl: true, lei: true, cik: true } });
  if (!company) throw new NotFoundError('Company', String(companyId));

  let discovery: ProcessCompanyResult['discovery'];
  if (options.url || company.irUrl || company.lei || company.cik) {
    await progress('discover', 0, 1);
    try {
      discovery = await discoverDocuments(companyId, { url: options.url, progress: prefixed(progress, 'discover:') });
    } catch (err) {
      // An unreachable IR site should not stop the reports the company already has from being processed.
      if (!(err instanceof DomainError)) throw err;
      discovery = { failed: err.message };
    }
  } else {
    discovery = { skipped: 'no investor-relations URL, LEI or CIK' };
  }

  const pending = await prisma.document.findMany({
    where: { companyId, kind: 'ANNUAL_REPORT', extractions: { none: {} } },
    orderBy: [{ fiscalYear: 'desc' }, { id: 'asc' }],
    select: { id: true, format: true },
  });
  const extracted: number[] = [];
  const extractionFailures: ProcessCompanyResult['extractionFailures'] = [];
  for (const [i, doc] of pending.entries()) {
    await progress('extract', i, pending.length);
    try {
      // The requested provider is for PDFs; inline XBRL is always read from its tagged facts.
      // Its own steps are heartbeats of this one ('extract', i of n): written now and then, and each may cancel.
      await extractDocument(doc.id, doc.format === 'PDF' ? options.provider : undefined, () => progress('extract', i, pending.length));
      extracted.push(doc.id);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      extractionFailures.push({ documentId: doc.id, message: err.message });
    }
  }
  await progress('compile', 0, 1);
  const compilation = await compileCompany(companyId, {}, progress);
  return { discovery, extracted, extractionFailures, compilation };
}
