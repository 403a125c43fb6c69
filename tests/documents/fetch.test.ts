import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FETCH_ALLOW_ADDRESSES = '127.0.0.1'; // the test site; every other private address stays refused
  process.env.FETCH_TIMEOUT_MS = '1500';
  process.env.MAX_DOCUMENT_MB = '2';
});

import { prisma } from '../../src/db.js';
import { discoverDocuments } from '../../src/services/documents/discover.js';
import { graphql } from '../generated/index.js';
import { storedFiles } from '../helpers/files.js';
import { executeOk } from '../helpers/graphql.js';
import { startIrSite, type IrSite } from '../helpers/ir-site.js';

const AddFromUrl = graphql(`
  mutation AddDocumentFromUrl($input: AddDocumentFromUrlInput!) {
    addDocumentFromUrl(input: $input) {
      __typename
      ... on AddDocumentFromUrlPayload { deduplicated document { id kind fiscalYear sourceUrl } }
      ... on FetchError { failure status message }
      ... on DocumentUnreadableError { reason }
      ... on ValidationError { fieldErrors { path } }
      ... on Error { message }
    }
  }
`);

let site: IrSite;
let companyId: string;

beforeAll(async () => {
  site = await startIrSite();
  const c = await prisma.company.create({ data: { name: 'Acme Industries plc', irUrl: site.url('/ir') } });
  companyId = Buffer.from(`Company:${c.id}`).toString('base64');
});
afterAll(() => site.close());

async function state() {
  return { rows: await prisma.document.count(), files: await storedFiles() };
}

describe('addDocumentFromUrl', () => {
  it('downloads a PDF, follows a redirect, and deduplicates the same bytes', async () => {
    const first = await executeOk(AddFromUrl, { input: { companyId, url: site.url('/reports/annual-report-2022.pdf') } });
    expect(first.addDocumentFromUrl).toMatchObject({
      __typename: 'AddDocumentFromUrlPayload',
      deduplicated: false,
      document: { kind: 'ANNUAL_REPORT', fiscalYear: 2022, sourceUrl: site.url('/reports/annual-report-2022.pdf') },
    });
    const viaRedirect = await executeOk(AddFromUrl, { input: { companyId, url: site.url('/redirect.pdf') } });
    expect(viaRedirect.addDocumentFromUrl).toMatchObject({ deduplicated: false, document: { fiscalYear: 2023 } });
    const again = await executeOk(AddFromUrl, { input: { companyId, url: site.url('/reports/annual-report-2023.pdf') } });
    expect(again.addDocumentFromUrl).toMatchObject({ deduplicated: true });
  });

  it.each([
    ['a 404', '/missing.pdf', { __typename: 'FetchError', failure: 'HTTP_STATUS', status: 404 }],
    ['an HTML page posing as .pdf', '/fake.pdf', { __typename: 'DocumentUnreadableError', reason: 'NOT_PDF' }],
    ['a slow server', '/slow.pdf', { __typename: 'FetchError', failure: 'TIMEOUT' }],
    ['a file over the size limit', '/huge.pdf', { __typename: 'FetchError', failure: 'TOO_LARGE' }],
    ['a redirect to the metadata service', '/redirect-to-metadata.pdf', { __typename: 'FetchError', failure: 'FORBIDDEN_ADDRESS' }],
  ])('refuses %s with a typed error and leaves nothing behind', async (_name, path, expected) => {
    const before = await state();
    const result = await executeOk(AddFromUrl, { input: { companyId, url: site.url(path) } });
    expect(result.addDocumentFromUrl).toMatchObject(expected);
    expect(await state()).toEqual(before);
  });

  it.each([
    ['loopback on another port', 'http://127.0.0.2:9/report.pdf'],
    ['a private network', 'http://10.1.2.3/report.pdf'],
    ['link-local metadata', 'http://169.254.169.254/latest/meta-data'],
    ['IPv6 loopback', 'http://[::1]:1/report.pdf'],
    ['a file URL', 'file:///etc/passwd'],
    ['an FTP URL', 'ftp://example.com/report.pdf'],
  ])('refuses %s', async (_name, url) => {
    const result = await executeOk(AddFromUrl, { input: { companyId, url } });
    const r = result.addDocumentFromUrl;
    // file:// and ftp:// are not URLs we accept at all; the others are refused addresses.
    if (r.__typename === 'ValidationError') expect(url).toMatch(/^(file|ftp):/);
    else expect(r).toMatchObject({ __typename: 'FetchError', failure: 'FORBIDDEN_ADDRESS' });
  });
});

describe('discoverDocuments (service)', () => {
  it('creates exactly the expected documents, and none when run again', async () => {
    const company = await prisma.company.create({ data: { name: 'Discovery plc', irUrl: site.url('/ir') } });
    const before = await storedFiles();
    const report = await discoverDocuments(company.id);
    const created = await prisma.document.findMany({ where: { companyId: company.id }, orderBy: { fiscalYear: 'asc' } });
    const hasXp = site.hits.has('/files/interim-results-h1-2025.pdf');
    expect(created.map((d) => [d.fiscalYear, d.kind])).toEqual([
      [2021, 'ANNUAL_REPORT'],
      [2022, 'ANNUAL_REPORT'],
      [2023, 'ANNUAL_REPORT'],
      ...(hasXp ? [[2025, 'INTERIM_REPORT']] : []),
    ]);
    expect(created.find((d) => d.fiscalYear === 2021)!.sourceUrl).toBe(site.url('/download?id=2021'));
    expect(report.skipped).toEqual([{ url: site.url('/redirect.pdf'), reason: 'SAME_CONTENT' }]);
    expect(report.failed.map((f) => [new URL(f.url).pathname, f.code]).sort()).toEqual([
      ['/fake.pdf', 'NOT_PDF'],
      ['/latest/annual-report.pdf', 'FORBIDDEN_ADDRESS'],
      ['/missing.pdf', 'HTTP_STATUS'],
    ].sort());
    expect(report.pagesScanned).toBe(2); // the IR page and the results page; "About us" is not a report page
    // Content-addressed: bytes another company already stored are not stored twice.
    const after = await storedFiles();
    for (const d of created) expect(after).toContain(`files/${d.storageKey}`);
    expect(after.filter((f) => !before.includes(f)).length).toBeLessThanOrEqual(created.length);

    const again = await discoverDocuments(company.id);
    expect(again.created).toEqual([]);
    expect(await prisma.document.count({ where: { companyId: company.id } })).toBe(created.length);
    expect(again.skipped.filter((s) => s.reason === 'KNOWN_URL').length).toBe(created.length);
  });

  it('needs a URL when the company has none', async () => {
    const company = await prisma.company.create({ data: { name: 'No IR' } });
    await expect(discoverDocuments(company.id)).rejects.toMatchObject({ name: 'ValidationError' });
    await expect(discoverDocuments(999999)).rejects.toMatchObject({ name: 'NotFoundError' });
  });
});

