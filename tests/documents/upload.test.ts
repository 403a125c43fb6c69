import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.MAX_DOCUMENT_MB = '0.25'; // so "too large" needs only a few hundred kilobytes
});

import { prisma } from '../../src/db.js';
import { graphql } from '../generated/index.js';
import { makeEncryptedPdf } from '../extraction/helpers/encrypted-pdf.js';
import { makePdf } from '../extraction/helpers/make-pdf.js';
import { storedFiles } from '../helpers/files.js';
import { execute, executeOk, yoga } from '../helpers/graphql.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';
import { uploadFile } from '../helpers/upload.js';


const DocumentQuery = graphql(`
  query DocumentById($id: ID!) {
    document(id: $id) {
      __typename
      ... on Document { id kind fiscalYear title }
      ... on NotFoundError { message }
    }
  }
`);

const UpdateDocument = graphql(`
  mutation UpdateDocument($input: UpdateDocumentInput!) {
    updateDocument(input: $input) {
      __typename
      ... on UpdateDocumentPayload { document { id kind fiscalYear title } }
      ... on ValidationError { fieldErrors { path } }
      ... on Error { message }
    }
  }
`);

const DeleteDocument = graphql(`
  mutation DeleteDocument($input: DeleteDocumentInput!) {
    deleteDocument(input: $input) {
      __typename
      ... on DeleteDocumentPayload { deletedId }
      ... on Error { message }
    }
  }
`);

const CompanyDocuments = graphql(`
  query CompanyDocuments($id: ID!, $fiscalYear: Int, $kind: DocumentKind) {
    company(id: $id) {
      ... on Company { documents(first: 10, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear kind } } } }
    }
    documents(first: 10, companyId: $id, fiscalYear: $fiscalYear, kind: $kind) { totalCount edges { node { fiscalYear } } }
  }
`);

let companyId: string;
let otherCompanyId: string;

async function newCompany(name: string) {
  const c = await prisma.company.create({ data: { name } });
  return Buffer.from(`Company:${c.id}`).toString('base64');
}

async function upload(bytes: Uint8Array, input: Record<string, unknown> = {}, company = companyId) {
  return uploadFile(bytes, company, input);
}

async function state() {
  return { rows: await prisma.document.count(), files: await storedFiles() };
}

beforeAll(async () => {
  companyId = await newCompany('Acme Industries plc');
  otherCompanyId = await newCompany('Other plc');
});

describe('uploadDocument', () => {
  it('stores a report once, classifies it from its content, and serves it back', async () => {
    const bytes = await makeAnnualReport({ company: 'Acme Industries plc', year: 2024 });
    const first = await upload(bytes);
    expect(first.errors).toBeUndefined();
    const payload = first.data!.uploadDocument;
    expect(payload.__typename).toBe('UploadDocumentPayload');
    if (payload.__typename !== 'UploadDocumentPayload') return;
    expect(payload.deduplicated).toBe(false);
    expect(payload.document).toMatchObject({
      kind: 'ANNUAL_REPORT',
      fiscalYear: 2024,
      title: 'Acme Industries plc',
      sha256: createHash('sha256').update(bytes).digest('hex'),
      byteSize: bytes.length,
      pageCount: 4,
      language: 'en',
      company: { name: 'Acme Industries plc' },
    });

    const again = await upload(bytes);
    const second = again.data!.uploadDocument;
    expect(second).toMatchObject({ __typename: 'UploadDocumentPayload', deduplicated: true, document: { id: payload.document.id } });
    expect(await prisma.document.count({ where: { sha256: payload.document.sha256 } })).toBe(1);

    const download = await yoga.fetch(payload.document.downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('lets the user override kind and fiscal year; the same bytes for another company are a separate document', async () => {
    const bytes = await makeAnnualReport({ company: 'Acme Industries plc', year: 2023 });
    const mine = await upload(bytes, { kind: 'OTHER', fiscalYear: 2020 });
    expect(mine.data!.uploadDocument).toMatchObject({ document: { kind: 'OTHER', fiscalYear: 2020 } });
    const theirs = await upload(bytes, {}, otherCompanyId);
    expect(theirs.data!.uploadDocument).toMatchObject({ deduplicated: false, document: { kind: 'ANNUAL_REPORT', fiscalYear: 2023 } });
    // One stored file serves both companies; deleting one document keeps it for the other.
    const files = (await storedFiles()).filter((f) => f.startsWith('files/'));
    const sha = createHash('sha256').update(bytes).digest('hex');
    expect(files.filter((f) => f.includes(sha))).toHaveLength(1);
    if (mine.data!.uploadDocument.__typename !== 'UploadDocumentPayload') return;
    await executeOk(DeleteDocument, { input: { id: mine.data!.uploadDocument.document.id } });
    expect((await storedFiles()).filter((f) => f.includes(sha))).toHaveLength(1);
    if (theirs.data!.uploadDocument.__typename !== 'UploadDocumentPayload') return;
    const download = await yoga.fetch(theirs.data!.uploadDocument.document.downloadUrl);
    expect(download.status).toBe(200);
  });

  it.each([
    ['not a PDF', () => new TextEncoder().encode('<html><body>Annual report</body></html>'), 'NOT_PDF'],
    ['empty', () => new Uint8Array(), 'EMPTY'],
    ['truncated', async () => (await makeAnnualReport({ company: 'Acme', year: 2022 })).slice(0, 900), 'TRUNCATED'],
    ['encrypted', () => makeEncryptedPdf('secret'), 'ENCRYPTED'],
    ['without a text layer', () => makePdf([{ texts: [], rectangle: true }]), 'NO_TEXT_LAYER'],
  ] as const)('refuses a file that is %s with its reason, leaving nothing behind', async (_name, make, reason) => {
    const before = await state();
    const result = await upload(await make());
    expect(result.data!.uploadDocument).toMatchObject({ __typename: 'DocumentUnreadableError', reason });
    expect(await state()).toEqual(before);
  });

  it('refuses a file over the size limit while streaming, leaving nothing behind', async () => {
    const before = await state();
    const big = new Uint8Array(400 * 1024);
    big.set(new TextEncoder().encode('%PDF-1.7\n'));
    const result = await upload(big);
    const failed = result.errors?.length || result.data?.uploadDocument.__typename === 'ValidationError';
    expect(failed).toBeTruthy();
    expect(result.data?.uploadDocument?.__typename).not.toBe('UploadDocumentPayload');
    expect(await state()).toEqual(before);
  });

  it('answers NotFoundError for an unknown company and ValidationError for a bad fiscal year', async () => {
    const bytes = await makeAnnualReport({ company: 'Acme', year: 2021 });
    const before = await state();
    const missing = await upload(bytes, {}, Buffer.from('Company:999999').toString('base64'));
    expect(missing.data!.uploadDocument.__typename).toBe('NotFoundError');
    const invalid = await upload(bytes, { fiscalYear: 1066 });
    expect(invalid.data!.uploadDocument).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['fiscalYear'] }] });
    expect(await state()).toEqual(before);
  });
});

describe('documents, updateDocument, deleteDocument', () => {
  it('filters by fiscal year and kind, edits, deletes with the file, and 404s the download', async () => {
    const company = await newCompany('Filter Co');
    for (const year of [2019, 2020, 2021]) await upload(await makeAnnualReport({ company: 'Filter Co', year, base: year - 2000 }), {}, company);
    const all = await executeOk(CompanyDocuments, { id: company });
    expect(all.documents.edges.map((e) => e.node.fiscalYear)).toEqual([2021, 2020, 2019]);
    const one = await executeOk(CompanyDocuments, { id: company, fiscalYear: 2020 });
    expect(one.documents.totalCount).toBe(1);
    expect(one.company).toMatchObject({ documents: { totalCount: 1 } });
    const none = await executeOk(CompanyDocuments, { id: company, kind: 'INTERIM_REPORT' });
    expect(none.documents.totalCount).toBe(0);

    const doc = await prisma.document.findFirstOrThrow({ where: { company: { name: 'Filter Co' }, fiscalYear: 2019 } });
    const id = Buffer.from(`Document:${doc.id}`).toString('base64');
    const updated = await executeOk(UpdateDocument, { input: { id, kind: 'INTERIM_REPORT', fiscalYear: 2018, title: 'Renamed' } });
    expect(updated.updateDocument).toMatchObject({ document: { kind: 'INTERIM_REPORT', fiscalYear: 2018, title: 'Renamed' } });
    const bad = await executeOk(UpdateDocument, { input: { id, fiscalYear: 99999 } });
    expect(bad.updateDocument.__typename).toBe('ValidationError');

    const filesBefore = await storedFiles();
    const deleted = await executeOk(DeleteDocument, { input: { id } });
    expect(deleted.deleteDocument).toEqual({ __typename: 'DeleteDocumentPayload', deletedId: id });
    expect(await storedFiles()).toHaveLength(filesBefore.length - 1);
    expect((await executeOk(DocumentQuery, { id })).document.__typename).toBe('NotFoundError');
    expect((await executeOk(DeleteDocument, { input: { id } })).deleteDocument.__typename).toBe('NotFoundError');
    expect((await yoga.fetch(`http://yoga/documents/${encodeURIComponent(id)}/download`)).status).toBe(404);
    expect((await yoga.fetch('http://yoga/documents/garbage/download')).status).toBe(404);
  });

  it('deleting a company removes its files', async () => {
    const company = await newCompany('Doomed Co');
    await upload(await makeAnnualReport({ company: 'Doomed Co', year: 2024, base: 77 }), {}, company);
    const before = (await storedFiles()).length;
    const DeleteCompany = graphql(`
      mutation DeleteCompanyWithFiles($input: DeleteCompanyInput!) { deleteCompany(input: $input) { __typename } }
    `);
    expect((await executeOk(DeleteCompany, { input: { id: company } })).deleteCompany.__typename).toBe('DeleteCompanyPayload');
    expect((await storedFiles()).length).toBe(before - 1);
  });

  it('rejects a document id of another type', async () => {
    const result = await execute(DocumentQuery, { id: companyId });
    expect(result.data?.document.__typename).toBe('NotFoundError');
  });
});
