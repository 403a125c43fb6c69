// What each job-starting request means: check its subject exists, then enqueue one job under the key that makes
// identical requests share it. The GraphQL mutations and the job handlers both come through here.
import { config } from '../config.js';
import { prisma } from '../db.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { DocumentFormat, ExtractionProvider } from '../generated/prisma/enums.js';
import { assertCompanyExists } from './companies.js';
import { enqueueJob, type Enqueued } from './jobs.js';

export async function requestExtraction(documentId: number, requested?: ExtractionProvider | null): Promise<Enqueued> {
  const doc = await prisma.document.findUnique({ where: { id: documentId }, select: { companyId: true, format: true } });
  if (!doc) throw new NotFoundError('Document', String(documentId));
  const provider = providerFor(doc.format, requested);
  return enqueueJob({
    kind: 'EXTRACT_DOCUMENT',
    documentId,
    companyId: doc.companyId,
    input: { provider },
    dedupeKey: `extract:${documentId}:${provider}`,
  });
}

/**
 * The provider that reads a document of this format: an inline-XBRL document or package is read from its tagged
 * facts (XBRL), a PDF by the requested provider or the configured default. A provider that cannot read the format
 * is refused rather than silently replaced.
 */
export function providerFor(format: DocumentFormat, requested?: ExtractionProvider | null): ExtractionProvider {
  if (format === 'PDF') {
    if (requested === 'XBRL') throw ValidationError.field('provider', 'XBRL reads inline-XBRL documents; this document is a PDF (use LAYOUT or LLM)');
    return requested ?? config.defaultProvider;
  }
  if (requested && requested !== 'XBRL') {
    throw ValidationError.field('provider', `This document is inline XBRL (${format}): it is read from its tagged facts with provider XBRL, not ${requested}`);
  }
  return 'XBRL';
}

export async function requestProcessing(
  companyId: number,
  options: { url?: string | null; provider?: ExtractionProvider | null } = {},
): Promise<Enqueued> {
  await assertCompanyExists(companyId);
  return enqueueJob({
    kind: 'PROCESS_COMPANY',
    companyId,
    input: { url: options.url ?? null, ...(options.provider ? { provider: options.provider } : {}) },
    dedupeKey: `process:${companyId}`,
  });
}

export async function requestDiscovery(companyId: number, url?: string | null): Promise<Enqueued> {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { irUrl: true, lei: true, cik: true } });
  if (!company) throw new NotFoundError('Company', String(companyId));
  if (!url && !company.irUrl && !company.lei && !company.cik) {
    throw ValidationError.field('url', 'The company has no investor-relations URL, LEI or CIK; give a URL');
  }
  if (url && !/^https?:\/\//i.test(url)) throw ValidationError.field('url', 'must be an http(s) URL');
  return enqueueJob({
    kind: 'DISCOVER_DOCUMENTS',
    companyId,
    input: { url: url ?? null },
    dedupeKey: `discover:${companyId}:${url ?? ''}`,
  });
}

/**
 * Compiles the company's statements. Only a queued compilation is shared: one already running may have read the
 * extractions before the newest one landed. `debounce` delays the run so extractions finishing close together
 * share it (used after each extraction).
 */
export async function requestCompilation(
  companyId: number,
  options: { includeInterim?: boolean | null; debounce?: boolean } = {},
): Promise<Enqueued> {
  await assertCompanyExists(companyId);
  const includeInterim = options.includeInterim ?? false;
  return enqueueJob({
    kind: 'COMPILE_COMPANY',
    companyId,
    input: { includeInterim },
    dedupeKey: `compile:${companyId}:${includeInterim}`,
    shareWith: ['QUEUED'],
    startAfterSeconds: options.debounce ? config.jobs.compileDebounceSeconds : undefined,
  });
}
