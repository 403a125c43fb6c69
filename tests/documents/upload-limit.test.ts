// Adding documents (uploads and URL downloads) counts against a per-caller limit shared in PostgreSQL: past the
// burst, the mutation answers RateLimitedError and stores nothing.
import { describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.UPLOAD_RATE_LIMIT_BURST = '2';
  process.env.UPLOAD_RATE_LIMIT_PER_MINUTE = '0.001'; // nothing refills while the test runs
});

import { prisma } from '../../src/db.js';
import { graphql } from '../generated/index.js';
import { storedFiles } from '../helpers/files.js';
import { executeOk } from '../helpers/graphql.js';
import { globalId } from '../helpers/jobs.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';
import { uploadFile } from '../helpers/upload.js';


const AddFromUrl = graphql(`
  mutation AddDocumentFromUrlLimited($input: AddDocumentFromUrlInput!) {
    addDocumentFromUrl(input: $input) { __typename ... on RateLimitedError { message retryAfterSeconds } }
  }
`);

describe('the upload limit', () => {
  it('refuses the document past the burst with RateLimitedError, for uploads and URL downloads, storing nothing', async () => {
    const company = await prisma.company.create({ data: { name: 'Busy Uploader plc' } });
    const companyId = globalId('Company', company.id);
    const upload = async (year: number) => {
      const bytes = await makeAnnualReport({ company: 'Busy Uploader plc', year, base: year - 2000 });
      const result = await uploadFile(bytes, companyId);
      return result.data!.uploadDocument;
    };
    expect((await upload(2021)).__typename).toBe('UploadDocumentPayload');
    expect((await upload(2022)).__typename).toBe('UploadDocumentPayload');
    const before = { rows: await prisma.document.count(), files: await storedFiles() };

    const refused = await upload(2023);
    expect(refused).toMatchObject({ __typename: 'RateLimitedError', message: expect.stringMatching(/Too many documents added/) });
    const byUrl = await executeOk(AddFromUrl, { input: { companyId, url: 'https://reports.example/2024.pdf' } });
    expect(byUrl.addDocumentFromUrl).toMatchObject({ __typename: 'RateLimitedError', retryAfterSeconds: expect.any(Number) });
    expect({ rows: await prisma.document.count(), files: await storedFiles() }).toEqual(before);
  });
});
