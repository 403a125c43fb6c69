// What each job-starting request means: check its subject exists, then enqueue one job under the key that makes
// identical requests share it. The GraphQL mutations and the job handlers both come through here.
import { config } from '../../config.js';
import { prisma } from '../../db.js';
import { NotFoundError, ValidationError } from '../../errors.js';
import type { ExtractionProvider } from '../../generated/prisma/enums.js';
import { providerFor } from '../extraction-provider.js';
import { enqueueJob, type Enqueued } from './enqueue.js';

export async function requestExtraction(documentId: number, requested?: ExtractionProvider | null): Promise<Enqueued> {
  const doc = await prisma.document.findUnique({
    where: { id: documentId },
    select: { companyId: true, format: true, kind: true, fiscalYear: true, title: true, company: { select: { name: true } } },
  });
  if (!doc) throw new NotFoundError('Document', String(documentId));
  const provider = providerFor(doc.format, requested);
  return enqueueJob({
    kind: 'EXTRACT_DOCUMENT',
    input: { documentId, companyId: doc.companyId, provider },
    subjectLabel: documentLabel(documentId, doc),
    dedupeKey: `extract:${documentId}:${provider}`,
  });
}

export async function requestProcessing(
  companyId: number,
  options: { url?: string | null; provider?: ExtractionProvider | null } = {},
): Promise<Enqueued> {
  const company = await companyOrNotFound(companyId);
  return enqueueJob({
    kind: 'PROCESS_COMPANY',
    input: { companyId, url: options.url ?? null, ...(options.provider ? { provider: options.provider } : {}) },
    subjectLabel: companyLabel(companyId, company.name),
    dedupeKey: `process:${companyId}`,
  });
}

export async function requestDiscovery(companyId: number, url?: string | null): Promise<Enqueued> {
  const company = await companyOrNotFound(companyId);
  if (!url && !company.irUrl && !company.lei && !company.cik) {
    throw ValidationError.field('url', 'The company has no investor-relations URL, LEI or CIK; give a URL');
  }
  if (url && !/^https?:\/\//i.test(url)) throw ValidationError.field('url', 'must be an http(s) URL');
  return enqueueJob({
    kind: 'DISCOVER_DOCUMENTS',
    input: { companyId, url: url ?? null },
    subjectLabel: companyLabel(companyId, company.name),
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
  const company = await companyOrNotFound(companyId);
  const includeInterim = options.includeInterim ?? false;
  return enqueueJob({
    kind: 'COMPILE_COMPANY',
    input: { companyId, includeInterim },
    subjectLabel: companyLabel(companyId, company.name),
    dedupeKey: `compile:${companyId}:${includeInterim}`,
    shareWith: ['QUEUED'],
    startAfterSeconds: options.debounce ? config.jobs.compileDebounceSeconds : undefined,
  });
}

async function companyOrNotFound(id: number) {
  const company = await prisma.company.findUnique({ where: { id }, select: { name: true, irUrl: true, lei: true, cik: true } });
  if (!company) throw new NotFoundError('Company', String(id));
  return company;
}

/** e.g. 'Acme plc: annual report 2024 "Annual Report and Accounts" (document 12)' */
function documentLabel(id: number, doc: { kind: string; fiscalYear: number | null; title: string | null; company: { name: string } }) {
  const what = [doc.kind.toLowerCase().replace(/_/g, ' '), doc.fiscalYear, doc.title ? `"${doc.title.slice(0, 80)}"` : null];
  return `${doc.company.name}: ${what.filter((w) => w != null).join(' ')} (document ${id})`;
}

const companyLabel = (id: number, name: string) => `${name} (company ${id})`;
