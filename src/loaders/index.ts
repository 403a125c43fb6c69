// A new set of loaders per request (created in src/context.ts), so caches never outlive a request.
import { createCompanyDocumentsLoader } from './company-documents.js';
import { createCompiledLoaders } from './compiled-statements.js';
import { createLatestExtractionLoader } from './latest-extraction.js';

export function createLoaders() {
  return {
    companyDocuments: createCompanyDocumentsLoader(),
    latestExtraction: createLatestExtractionLoader(),
    compiled: createCompiledLoaders(),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
