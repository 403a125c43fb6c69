// One thin handler per job kind: read the job's input, call the service, return what the job row keeps as result.
import type { Job } from '../generated/prisma/client.js';
import type { ExtractionProvider, JobKind } from '../generated/prisma/enums.js';
import { compileCompany } from '../services/compilation/index.js';
import { discoverDocuments } from '../services/documents/discover.js';
import { extractDocument } from '../services/extraction-runs.js';
import { requestCompilation } from '../services/job-requests.js';
import { processCompany } from '../services/pipeline.js';
import type { ReportProgress } from './progress.js';

type Handler = (job: Job, progress: ReportProgress) => Promise<unknown>;

const input = (job: Job) => (job.input ?? {}) as { provider?: ExtractionProvider; url?: string | null; includeInterim?: boolean };

export const handlers: Record<JobKind, Handler> = {
  EXTRACT_DOCUMENT: async (job, progress) => {
    const result = await extractDocument(job.documentId!, input(job).provider, progress);
    if (job.companyId) await requestCompilation(job.companyId, { debounce: true });
    return result;
  },
  COMPILE_COMPANY: async (job, progress) => {
    await progress('compile', 0, 1);
    return compileCompany(job.companyId!, { includeInterim: input(job).includeInterim ?? false });
  },
  // Progress is awaited, so a cancellation (the reporter throws JobCancelledError) stops the discovery there.
  DISCOVER_DOCUMENTS: (job, progress) =>
    discoverDocuments(job.companyId!, { url: input(job).url, onProgress: (p) => progress(p.step, p.current, p.total) }),
  PROCESS_COMPANY: (job, progress) => processCompany(job.companyId!, { url: input(job).url, provider: input(job).provider }, progress),
};
