// Inline-XBRL documents end to end over GraphQL: upload (recognised from content), classify from the tagged meta,
// download the original bytes, extract with provider XBRL (figures equal to the tagged facts, each with its fact),
// and hostile packages refused with a typed error leaving nothing behind.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
  process.env.JOB_RETRY_DELAY_SECONDS = '0';
});

import { prisma } from '../../src/db.js';
import { extractStatements } from '../../src/extraction/index.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { graphql } from '../generated/index.js';
import { storedFiles } from '../helpers/files.js';
import { XBRL_FIXTURES } from '../helpers/filing-registries.js';
import { executeOk, executeUpload, yoga } from '../helpers/graphql.js';
import { dbId, waitForJob } from '../helpers/jobs.js';

const Upload = graphql(`
  mutation UploadXbrlDocument($input: UploadDocumentInput!) {
    uploadDocument(input: $input) {
      __typename
      ... on UploadDocumentPayload { deduplicated document { id format kind fiscalYear title pageCount downloadUrl } }
      ... on DocumentUnreadableError { reason message }
      ... on Error { message }
    }
  }
`);

const StartExtraction = graphql(`
  mutation StartXbrlExtraction($input: StartExtractionInput!) {
    startExtraction(input: $input) {
      __typename
      ... on StartExtractionPayload { job { id } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

const Statements = graphql(`
  query XbrlStatements($id: ID!) {
    document(id: $id) {
      ... on Document {
        format
        income: latestExtraction(type: INCOME_STATEMENT) { ...TaggedStatement }
        balance: latestExtraction(type: BALANCE_SHEET) { ...TaggedStatement }
        cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { ...TaggedStatement }
      }
    }
  }
  fragment TaggedStatement on Extraction {
    provider unit currency verdict
    columns { fiscalYear periodEnd periodMonths kind }
    lineItems { label concept values facts { id position concept contextRef } }
  }
`);

let worker: Worker;
let companyId: string;

const fixture = async (p: string) => new Uint8Array(await readFile(path.join(XBRL_FIXTURES, p)));

async function upload(bytes: Uint8Array, name: string) {
  const result = await executeUpload(Upload, { input: { companyId, file: null as never } }, { bytes, name, type: 'application/octet-stream' });
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.uploadDocument;
}

async function extract(documentId: string, provider?: 'LAYOUT' | 'LLM' | 'XBRL') {
  const started = await executeOk(StartExtraction, { input: { documentId, provider } });
  if (started.startExtraction.__typename !== 'StartExtractionPayload') return started.startExtraction;
  const job = await waitForJob(dbId(started.startExtraction.job.id), { timeoutMs: 120_000 });
  expect(job.status, job.errorMessage ?? '').toBe('SUCCEEDED');
  return started.startExtraction;
}

async function statements(documentId: string) {
  const data = await executeOk(Statements, { id: documentId });
  if (!data.document || !('format' in data.document)) throw new Error('no document');
  return data.document;
}

type Statement = NonNullable<Awaited<ReturnType<typeof statements>>['income']>;

/** The value of the line with `concept` in the column for `periodEnd` (and `months`, null for an instant). */
function valueOf(s: Statement | null | undefined, concept: string, periodEnd: string, months: number | null) {
  const column = s!.columns.findIndex((c) => c.periodEnd === periodEnd && c.periodMonths === months);
  const line = s!.lineItems.find((l) => l.concept === concept);
  return { value: line?.values[column], fact: line?.facts[column] };
}

async function state() {
  return { rows: await prisma.document.count(), files: await storedFiles() };
}

beforeAll(async () => {
  worker = await startWorker({ concurrency: 1 });
  const c = await prisma.company.create({ data: { name: 'Tagged filers' } });
  companyId = Buffer.from(`Company:${c.id}`).toString('base64');
}, 60_000);
afterAll(async () => {
  await worker.stop({ timeoutMs: 5_000 });
  const { stopListening } = await import('../../src/db/notifications.js');
  await stopListening();
});

describe('an ESEF report package (GLEIF annual report 2017)', () => {
  it('is recognised from its content, classified from its tagged meta, and served back as the original zip', async () => {
    const bytes = await fixture('esef/gleif-annual-report-2017.zip');
    const result = await upload(bytes, 'upload.bin');
    expect(result).toMatchObject({ __typename: 'UploadDocumentPayload', deduplicated: false, document: { format: 'XBRL_PACKAGE', kind: 'ANNUAL_REPORT', fiscalYear: 2017 } });
    if (result.__typename !== 'UploadDocumentPayload') return;
    const download = await yoga.fetch(result.document.downloadUrl);
    expect(download.headers.get('content-type')).toBe('application/zip');
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename="[0-9a-f]{12}\.zip"$/);
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
    // Buffer.equals: a deep equality over 3.5 million elements takes vitest half a minute.
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('is read with provider XBRL: figures equal the tagged facts, each with the fact it came from', async () => {
    const doc = await prisma.document.findFirstOrThrow({ where: { format: 'XBRL_PACKAGE' } });
    const id = Buffer.from(`Document:${doc.id}`).toString('base64');
    const refused = await extract(id, 'LAYOUT');
    expect(refused).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['provider'] }] });
    await extract(id);
    const s = await statements(id);
    expect(s.balance).toMatchObject({ provider: 'XBRL', currency: 'USD', unit: 'units', verdict: 'VERIFIED' });
    expect(s.balance!.columns.every((c) => c.kind === 'REPORTED')).toBe(true);
    expect(valueOf(s.balance, 'total_assets', '2017-12-31', null)).toMatchObject({
      value: '9283283',
      fact: { concept: 'ifrs:Assets', contextRef: 'c3' },
    });
    expect(valueOf(s.balance, 'total_assets', '2016-12-31', null).value).toBe('7680588');
    expect(valueOf(s.income, 'net_income', '2017-12-31', 12)).toMatchObject({ value: '252867', fact: { concept: 'ifrs:ProfitLoss', contextRef: 'c1' } });
    expect(s.cashFlow?.provider).toBe('XBRL');
  });
});

describe('a SEC inline-XBRL 10-K (NVIDIA, fiscal 2025)', () => {
  it('is uploaded as IXBRL of fiscal 2025 and extracted to its tagged figures', async () => {
    const result = await upload(await fixture('sec/nvda-10-k-2025-02-26.html'), 'nvda.html');
    expect(result).toMatchObject({
      document: { format: 'IXBRL', kind: 'ANNUAL_REPORT', fiscalYear: 2025, title: 'NVIDIA CORP — Form 10-K — period ending 2025-01-26', pageCount: 87 },
    });
    if (result.__typename !== 'UploadDocumentPayload') return;
    const download = await yoga.fetch(result.document.downloadUrl);
    expect(download.headers.get('content-type')).toBe('application/xhtml+xml');
    expect(download.headers.get('content-security-policy')).toBe('sandbox');
    await download.arrayBuffer();

    await extract(result.document.id, 'XBRL');
    const s = await statements(result.document.id);
    expect(s.income?.provider).toBe('XBRL');
    expect(valueOf(s.income, 'revenue', '2025-01-26', 12)).toMatchObject({ value: '130497000000', fact: { concept: 'us-gaap:Revenues' } });
    expect(valueOf(s.income, 'net_income', '2025-01-26', 12).value).toBe('72880000000');
    expect(valueOf(s.balance, 'total_assets', '2025-01-26', null).value).toBe('111601000000');
    expect(s.income!.lineItems.every((l) => l.facts.length === l.values.length)).toBe(true);
  });
});

describe('what is not a PDF or inline XBRL, and hostile packages', () => {
  const pkg = (files: Record<string, Uint8Array>) => zipSync(files);
  const xhtml = (body: string) =>
    strToU8(`<html xmlns="http://www.w3.org/1999/xhtml" xmlns:ix="http://www.xbrl.org/2013/inlineXBRL"><body><ix:header/>${body}</body></html>`);

  it.each([
    ['a plain HTML page', () => strToU8('<html><body><p>Annual report</p></body></html>'), 'NOT_PDF'],
    ['a zip that is not a report package', () => pkg({ 'notes.txt': strToU8('hello') }), 'NOT_PDF'],
    ['a package entry escaping with ../', () => pkg({ 'META-INF/taxonomyPackage.xml': strToU8('<x/>'), '../../evil/reports/r.xhtml': xhtml('') }), 'UNSAFE_PATH'],
    ['a zip bomb (one entry inflating far beyond any report)', () => pkg({ 'META-INF/taxonomyPackage.xml': strToU8('<x/>'), 'reports/r.xhtml': new Uint8Array(40 * 1024 * 1024) }), 'ZIP_BOMB'],
    ['an iXBRL document with a DTD', () => strToU8(`<?xml version="1.0"?><!DOCTYPE html [<!ENTITY x SYSTEM "file:///etc/passwd">]>${new TextDecoder().decode(xhtml('&x;'))}`), 'XML_DTD'],
    ['malformed iXBRL markup', () => xhtml('<ix:nonFraction name="a:b" contextRef="c">1</ix:nonNumeric>'), 'MALFORMED_XML'],
  ])('refuses %s with a typed error, storing no row and no file', async (_name, make, reason) => {
    const before = await state();
    const result = await upload(make(), 'report.xhtml');
    expect(result).toMatchObject({ __typename: 'DocumentUnreadableError', reason });
    expect(await state()).toEqual(before);
  }, 60_000);
});

const Agreement = graphql(`
  query PdfAgreement($id: ID!) {
    document(id: $id) {
      ... on Document {
        format fiscalYear
        income: latestExtraction(type: INCOME_STATEMENT) { statementType verdict checks { name column passed } }
        cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { statementType verdict checks { name column passed } }
        balance: latestExtraction(type: BALANCE_SHEET) {
          statementType provider verdict checks { name column passed }
          columns { kind periodEnd }
          agreement {
            compared agreeing share
            differing { label concept periodEnd periodMonths pdfValue xbrlValue reason fact { concept contextRef } }
            xbrlExtraction { provider document { format } }
          }
        }
      }
    }
  }
`);

const CompileStatements = graphql(`
  mutation CompileTagged($input: CompileStatementsInput!) {
    compileStatements(input: $input) { __typename ... on CompileStatementsPayload { job { id } } ... on Error { message } }
  }
`);

const Compiled = graphql(`
  query CompiledFromTagged($companyId: ID!) {
    compiledStatement(companyId: $companyId, type: BALANCE_SHEET) {
      ... on CompiledStatement {
        fiscalYears
        rows { concept cells { fiscalYear value proven source { provider verdict document { format } } history { value source { provider } } } }
      }
    }
  }
`);

describe('the PDF and the package of one report (GLEIF 2017)', () => {
  it('are two documents of one fiscal year; the PDF is measured against the tagged facts', async () => {
    const result = await upload(await fixture('esef/gleif-annual-report-2017.pdf'), 'gleif.pdf');
    expect(result).toMatchObject({ document: { format: 'PDF', fiscalYear: 2017, kind: 'ANNUAL_REPORT' } });
    if (result.__typename !== 'UploadDocumentPayload') return;
    // A PDF opens in the browser's viewer, which a sandbox would block.
    const pdf = await yoga.fetch(result.document.downloadUrl);
    expect([pdf.headers.get('content-type'), pdf.headers.get('content-security-policy')]).toEqual(['application/pdf', null]);
    expect(pdf.headers.get('content-disposition')).toMatch(/^inline; /);
    await pdf.arrayBuffer();
    await extract(result.document.id);
    const data = await executeOk(Agreement, { id: result.document.id });
    const doc = data.document as Extract<typeof data.document, { format: unknown }>;
    const agreement = doc.balance?.agreement;
    expect(doc.balance?.provider).toBe('LAYOUT');
    // Each statement's verdict and checks are stored as the extractor gave them, and its columns say they are the
    // reported figures.
    const engine = await extractStatements(await fixture('esef/gleif-annual-report-2017.pdf'));
    const stored = [doc.income, doc.balance, doc.cashFlow].map((x) => ({ type: x?.statementType, verdict: x?.verdict, checks: x?.checks }));
    expect(stored).toEqual(
      ['INCOME_STATEMENT', 'BALANCE_SHEET', 'CASH_FLOW_STATEMENT'].map((type) => {
        const s = engine.statements.find((e) => e.type === type)!;
        return { type, verdict: s.verdict?.toUpperCase(), checks: s.checks.map((c) => ({ name: c.name, column: c.column, passed: c.passed })) };
      }),
    );
    expect(stored.some((x) => x.checks!.length > 0)).toBe(true);
    expect(doc.balance?.columns.map((c) => [c.kind, c.periodEnd])).toEqual([['REPORTED', '2017-12-31'], ['REPORTED', '2016-12-31']]);
    expect(agreement?.xbrlExtraction).toMatchObject({ provider: 'XBRL', document: { format: 'XBRL_PACKAGE' } });
    // The layout extractor reproduces all 52 tagged balance-sheet values of GLEIF's 2017 report (measured 2026-12-01).
    expect(agreement!.compared).toBe(52);
    expect(agreement!.agreeing + agreement!.differing.length).toBe(agreement!.compared);
    expect(agreement!.share).toBeCloseTo(agreement!.agreeing / agreement!.compared, 10);
    // Total assets is printed as tagged in both years.
    expect(agreement!.differing.filter((d) => d.concept === 'total_assets')).toEqual([]);
    for (const d of agreement!.differing) expect(d.xbrlValue).toMatch(/^-?\d+(\.\d+)?$/);
  }, 180_000);

  it('compiles the tagged value and says so in every cell it fills', async () => {
    const compile = await executeOk(CompileStatements, { input: { companyId } });
    if (compile.compileStatements.__typename !== 'CompileStatementsPayload') throw new Error(JSON.stringify(compile));
    expect((await waitForJob(dbId(compile.compileStatements.job.id), { timeoutMs: 60_000 })).status).toBe('SUCCEEDED');
    const data = await executeOk(Compiled, { companyId });
    const s = data.compiledStatement as Extract<typeof data.compiledStatement, { rows: unknown }>;
    expect(s.fiscalYears).toEqual(expect.arrayContaining([2017, 2016]));
    const assets = s.rows.find((r) => r.concept === 'total_assets')!;
    const y2017 = assets.cells.find((c) => c.fiscalYear === 2017)!;
    expect(y2017).toMatchObject({ value: '9283283', proven: true, source: { provider: 'XBRL', document: { format: 'XBRL_PACKAGE' } } });
    // Both readings are kept: the tagged figure and the PDF's.
    expect(y2017.history.map((h) => h.source.provider).sort()).toEqual(['LAYOUT', 'XBRL']);
  }, 60_000);
});
