// Discovery by LEI and CIK against local stand-ins for filings.xbrl.org and SEC EDGAR (recorded answers).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FETCH_ALLOW_ADDRESSES = '127.0.0.1'; // the stand-ins; every other private address stays refused
  process.env.FETCH_TIMEOUT_MS = '5000';
});

import { config, loadConfig } from '../../src/config.js';
import { prisma } from '../../src/db.js';
import { discoverDocuments } from '../../src/services/documents/discover.js';
import { addDocumentFromUrl } from '../../src/services/documents/index.js';
import { processCompany } from '../../src/services/pipeline.js';
import { listEsefFilings, listSecFilings } from '../../src/services/documents/filings.js';
import { storedFiles } from '../helpers/files.js';
import {
  ASML_LEI,
  PAGED_LEI,
  SEC_USER_AGENT,
  startFilingRegistries,
  TESLA_CIK,
  XBRL_FIXTURES,
  type FilingRegistries,
} from '../helpers/filing-registries.js';

let registries: FilingRegistries;

beforeAll(async () => {
  registries = await startFilingRegistries();
  Object.assign(config.filings, {
    xbrlOrgUrl: registries.url(''),
    secDataUrl: registries.url(''),
    secArchivesUrl: registries.url(''),
    secUserAgent: SEC_USER_AGENT,
  });
});
afterAll(() => registries.close());

describe('configuration', () => {
  it('defaults to the real registries and reads the overrides and the SEC User-Agent from the environment', () => {
    expect(loadConfig({}).filings).toEqual({
      xbrlOrgUrl: 'https://filings.xbrl.org',
      secDataUrl: 'https://data.sec.gov',
      secArchivesUrl: 'https://www.sec.gov',
      secUserAgent: null,
    });
    const custom = loadConfig({ FILINGS_XBRL_ORG_URL: 'http://127.0.0.1:9/', SEC_USER_AGENT: 'Acme Research ops@acme.example' }).filings;
    expect(custom).toMatchObject({ xbrlOrgUrl: 'http://127.0.0.1:9', secUserAgent: 'Acme Research ops@acme.example' });
    expect(() => loadConfig({ SEC_DATA_URL: 'not a url' })).toThrow(/SEC_DATA_URL/);
  });
});

describe('filings.xbrl.org by LEI', () => {
  it("lists the entity's ESEF package, on the configured host", async () => {
    expect(await listEsefFilings(ASML_LEI)).toEqual([
      {
        url: registries.url('/724500Y6DUVHQD6OXN27/2022-12-31/ESEF/NL/0/asml-2022-12-31-en.zip'),
        text: 'ESEF annual financial report 2022-12-31',
        fiscalYear: 2022,
        kind: 'ANNUAL_REPORT',
      },
    ]);
  });

  it('follows links.next through every page, keeps one package per report, and never leaves the configured host', async () => {
    const filings = await listEsefFilings(PAGED_LEI);
    // Six filings over two pages: two reports were filed twice (versions 0 and 1, 1 and 2) → four reports.
    expect(filings.map((f) => f.url.replace(registries.url(''), ''))).toEqual([
      '/25490093MDYISEP1Y539/2022-12-31/ESEF/EE/0/25490093MDYISEP1Y539-2022-12-31-et.zip',
      '/529900JG015JC10LED24/2021-12-31/ESEF/EE/0/529900JG015JC10LED24-2021-12-31-en.zip',
      '/529900JG015JC10LED24/2020-12-31/ESEF/EE/0/529900JG015JC10LED24-2020-12-31.zip',
      '/5299008IKT93E4SA0G49/2020-12-31/ESEF/EE/2/5299008IKT93E4SA0G49-2020-12-31.zip',
    ]);
    const pages = registries.requests.filter((r) => r.path.startsWith('/api/filings'));
    expect(pages.map((r) => new URL(r.path, 'http://x').searchParams.get('page[number]'))).toEqual(['2', '3']);
  });
});

describe('SEC EDGAR by CIK', () => {
  it('lists the inline-XBRL 10-K and 10-Q primary documents, newest first, asking with the operator User-Agent', async () => {
    const filings = await listSecFilings(TESLA_CIK, SEC_USER_AGENT);
    expect(filings).toHaveLength(14);
    expect(filings.slice(0, 4).map((f) => [f.text, f.kind, f.fiscalYear, f.url.replace(registries.url(''), '')])).toEqual([
      ['10-Q 2022-09-30', 'INTERIM_REPORT', 2022, '/Archives/edgar/data/1318605/000095017022019867/tsla-20220930.htm'],
      ['10-Q 2022-06-30', 'INTERIM_REPORT', 2022, '/Archives/edgar/data/1318605/000095017022012936/tsla-20220630.htm'],
      ['10-Q 2022-03-31', 'INTERIM_REPORT', 2022, '/Archives/edgar/data/1318605/000095017022006034/tsla-20220331.htm'],
      ['10-K 2021-12-31', 'ANNUAL_REPORT', 2021, '/Archives/edgar/data/1318605/000095017022000796/tsla-20211231.htm'],
    ]);
    expect(registries.requests.find((r) => r.path === '/submissions/CIK0001318605.json')?.userAgent).toBe(SEC_USER_AGENT);
    await expect(listSecFilings(TESLA_CIK, 'anonymous')).rejects.toMatchObject({ name: 'FetchError', status: 403 });
  });
});

describe('discoverDocuments with an LEI and a CIK', () => {
  it('downloads the listed filings, stores them as what their content is, and records what failed', async () => {
    registries.documents.set('/724500Y6DUVHQD6OXN27/2022-12-31/ESEF/NL/0/asml-2022-12-31-en.zip',
      new Uint8Array(await readFile(path.join(XBRL_FIXTURES, 'esef/xii-financial-statements-2018.zip'))));
    registries.documents.set('/Archives/edgar/data/1318605/000095017022019867/tsla-20220930.htm',
      new Uint8Array(await readFile(path.join(XBRL_FIXTURES, 'sec-corpus/tsla-10-q-2025-07-24.html'))));
    const company = await prisma.company.create({ data: { name: 'Registry Test', lei: ASML_LEI, cik: TESLA_CIK } });

    const report = await discoverDocuments(company.id, { maxDocuments: 3 });
    expect(report.startUrl).toBeNull();
    expect(report.registries).toEqual([{ source: 'filings.xbrl.org', filings: 1 }, { source: 'sec-edgar', filings: 14 }]);
    expect(report.created).toHaveLength(2);
    expect(report.failed).toEqual([expect.objectContaining({ code: 'HTTP_STATUS', url: expect.stringContaining('tsla-20220630.htm') })]);
    const docs = await prisma.document.findMany({ where: { companyId: company.id }, orderBy: { id: 'asc' } });
    // What each document is comes from its content, not from the registry's listing.
    expect(docs.map((d) => [d.format, d.kind, d.fiscalYear])).toEqual([
      ['XBRL_PACKAGE', 'ANNUAL_REPORT', 2018],
      ['IXBRL', 'INTERIM_REPORT', 2025],
    ]);
    expect(registries.requests.find((r) => r.path.endsWith('tsla-20220930.htm'))?.userAgent).toBe(SEC_USER_AGENT);

    const again = await discoverDocuments(company.id, { maxDocuments: 3 });
    expect(again.created).toEqual([]);
    expect(again.skipped.map((s) => s.reason)).toEqual(['KNOWN_URL', 'KNOWN_URL']);

    // The whole pipeline: the annual package is read from its tagged facts whatever provider is asked for PDFs.
    const processed = await processCompany(company.id, { provider: 'LAYOUT' });
    expect(processed.extracted).toEqual([docs[0]!.id]);
    expect(processed.extractionFailures).toEqual([]);
    const providers = await prisma.extraction.findMany({ where: { documentId: docs[0]!.id }, select: { provider: true } });
    expect(new Set(providers.map((p) => p.provider))).toEqual(new Set(['XBRL']));
    expect(processed.compilation.statements.find((s) => s.type === 'BALANCE_SHEET')?.fiscalYears).toContain(2018);
  }, 120_000);

  it('finds report packages and inline-XBRL documents linked from an investor-relations page', async () => {
    registries.documents.set('/reports/xii-2018-06-30.zip', new Uint8Array(await readFile(path.join(XBRL_FIXTURES, 'esef/xii-financial-statements-2018.zip'))));
    registries.documents.set('/reports/nvda-2025.xhtml', new Uint8Array(await readFile(path.join(XBRL_FIXTURES, 'sec/nvda-10-k-2025-02-26.html'))));
    const company = await prisma.company.create({ data: { name: 'IR page', irUrl: registries.url('/ir') } });
    const report = await discoverDocuments(company.id);
    // The PDF is missing (404); a zip whose link does not read as a report is not fetched at all.
    expect(report.created).toHaveLength(2);
    expect(report.failed.map((f) => f.url)).toEqual([registries.url('/reports/annual-report-2018.pdf')]);
    expect(registries.requests.some((r) => r.path === '/downloads/photos.zip')).toBe(false);
    const docs = await prisma.document.findMany({ where: { companyId: company.id }, orderBy: { id: 'asc' } });
    expect(docs.map((d) => d.format)).toEqual(['XBRL_PACKAGE', 'IXBRL']);
  }, 60_000);

  it('adds a report package from a URL, recognised from its content', async () => {
    const company = await prisma.company.create({ data: { name: 'By URL' } });
    const url = registries.url('/724500Y6DUVHQD6OXN27/2022-12-31/ESEF/NL/0/asml-2022-12-31-en.zip');
    const { document } = await addDocumentFromUrl(company.id, { url });
    expect(document).toMatchObject({ format: 'XBRL_PACKAGE', kind: 'ANNUAL_REPORT', sourceUrl: url });
  });

  it('reports a missing SEC User-Agent instead of asking EDGAR anonymously, and still asks filings.xbrl.org', async () => {
    const company = await prisma.company.create({ data: { name: 'No agent', lei: PAGED_LEI, cik: '320193' } });
    const asked = registries.requests.length;
    config.filings.secUserAgent = null;
    try {
      const report = await discoverDocuments(company.id, { maxDocuments: 0 });
      expect(report.registries).toEqual([{ source: 'filings.xbrl.org', filings: 4 }]);
      expect(report.failed).toEqual([expect.objectContaining({ url: 'sec-edgar', code: 'NOT_CONFIGURED' })]);
      expect(registries.requests.slice(asked).some((r) => r.path.startsWith('/submissions'))).toBe(false);
    } finally {
      config.filings.secUserAgent = SEC_USER_AGENT;
    }
  });

  it('refuses a company with no IR URL, LEI or CIK, and stores nothing for a registry that answers garbage', async () => {
    const bare = await prisma.company.create({ data: { name: 'Bare' } });
    await expect(discoverDocuments(bare.id)).rejects.toMatchObject({ name: 'ValidationError' });
    const unknownLei = await prisma.company.create({ data: { name: 'Unknown', lei: '529900T8BM49AURSDO55' } });
    const before = { rows: await prisma.document.count(), files: await storedFiles() };
    const report = await discoverDocuments(unknownLei.id);
    expect(report.failed).toEqual([expect.objectContaining({ url: 'filings.xbrl.org', code: 'HTTP_STATUS' })]);
    expect({ rows: await prisma.document.count(), files: await storedFiles() }).toEqual(before);
  });
});
