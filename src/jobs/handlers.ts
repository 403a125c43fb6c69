// One thin handler per job kind: take the job's validated input, call the service, return what the job row keeps
// as result. Every service gets the job's progress callback and awaits it, so a cancel stops it at its next step.
import { compileCompany } from '../services/compilation/index.js';
import { discoverDocuments } from '../services/documents/discover.js';
import { extractDocument } from '../services/extraction-runs.js';
import { requestCompilation, type JobHandlers } from '../services/jobs/index.js';
import { processCompany } from '../services/pipeline.js';

export const handlers: JobHandlers = {
  EXTRACT_DOCUMENT: async (input, progress) => {
    const result = await extractDocument(input.documentId, input.provider, progress);
    if (input.companyId) await requestCompilation(input.companyId, { debounce: true });
    return result;
  },
  COMPILE_COMPANY: async (input, progress) => {
    await progress('compile', 0, 1);
    return compileCompany(input.companyId, { includeInterim: input.includeInterim }, progress);
  },
  DISCOVER_DOCUMENTS: (input, progress) => discoverDocuments(input.companyId, { url: input.url, progress }),
  PROCESS_COMPANY: (input, progress) => processCompany(input.companyId, { url: input.url, provider: input.provider }, progress),
};
