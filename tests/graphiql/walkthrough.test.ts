// The GraphiQL walkthrough a new user follows (the page's own header): on a fresh database, the example operations
// run in order from GraphiQL in chromium, each picked from the run button's menu with its variables in the
// variables editor: ListCompanies, AddCompany, (UploadReport over multipart, as the header says, with fetch),
// StartReportExtraction, FollowJob over SSE until the extraction succeeds, CompileCompanyStatements, FollowJob again,
// CompanyWithDocuments, JobStatus and CompiledStatementTable, whose rows are the statement. Outside network blocked;
// screenshots in artifacts/graphiql/ (walkthrough-*.png).
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
});

import { stopListening } from '../../src/db/notifications.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { exampleOperationsDocument } from '../../src/http/graphiql.js';
import { buildYoga } from '../../src/yoga.js';
import { chromiumPath, launchBrowser, openPage } from '../helpers/browser.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

const CHROMIUM = chromiumPath();
const SCREENSHOTS = path.resolve('artifacts/graphiql');

let server: Server;
let worker: Worker;
let browser: Browser;
let page: Page;
let origin: string;
let blocked: string[] = [];

type Answer = { data?: Record<string, any> | null; errors?: { message: string }[] };

/** The response panel's visible text (Monaco's lines), non-breaking spaces made plain. */
const responseText = () => page.$eval('.graphiql-response', (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));

/**
 * Opens GraphiQL (on the example operations) with `variables` in its variables editor, as a user pastes them,
 * picks `operation` from the run button's menu, and returns what the server answered to that request.
 */
/**
 * GraphiQL on the example operations with `variables` in its variables editor, as a user pastes them (GraphiQL
 * opens on what its storage holds: the same document and these variables), then `operation` picked from the run
 * button's menu.
 */
async function pick(operation: string, variables: Record<string, unknown>) {
  await page.evaluate(
    (query, json) => {
      localStorage.clear();
      localStorage.setItem('graphiql:query', query);
      localStorage.setItem('graphiql:variables', json);
    },
    exampleOperationsDocument,
    JSON.stringify(variables, null, 2),
  );
  await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('ListCompanies'), { timeout: 60_000 });
  const shown = await page.$eval('.graphiql-editor-tool .graphiql-editor .view-lines', (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
  expect(JSON.parse(shown)).toEqual(variables);
  await page.click('.graphiql-execute-button');
  await page.waitForSelector('.graphiql-dropdown-item', { timeout: 10_000 });
  const items = await page.$$('.graphiql-dropdown-item');
  const names = await Promise.all(items.map((item) => item.evaluate((el) => el.textContent?.trim())));
  await items[names.indexOf(operation)]!.click();
}

/** Runs a query or mutation from GraphiQL; returns what the server answered to that request. */
async function run(operation: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const answered = page.waitForResponse(
    (r) => r.url().startsWith(`${origin}/graphql`) && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(`"operationName":"${operation}"`),
    { timeout: 90_000 },
  );
  await pick(operation, variables);
  return (await (await answered).json()) as Answer;
}

/** FollowJob from GraphiQL: a subscription over SSE, shown as it streams, until the job has finished. */
async function follow(jobId: string): Promise<string> {
  await pick('FollowJob', { id: jobId });
  await page.waitForFunction(() => /"status": "(SUCCEEDED|FAILED|CANCELLED)"/.test(document.querySelector('.graphiql-response')?.textContent?.replace(/\u00a0/g, ' ') ?? ''), {
    timeout: 90_000,
  });
  return responseText();
}

async function screenshot(name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `walkthrough-${name}.png`) as `${string}.png` });
}

describe.skipIf(!CHROMIUM && !process.env.CI)('the GraphiQL walkthrough, in chromium, on a fresh database', () => {
  beforeAll(async () => {
    worker = await startWorker({ concurrency: 1 });
    server = createServer(buildYoga({ graphiql: true }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (!CHROMIUM) throw new Error('chromium is not installed (CI installs it with apt-get install -y chromium)');
    browser = await launchBrowser();
    ({ page, blocked } = await openPage(browser, { width: 1400, height: 1000 }));
    await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
  });

  afterAll(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve));
    await worker?.stop();
    await stopListening();
  });

  it('runs every example operation in order, FollowJob over SSE, and shows the compiled statement', async () => {
    expect(await run('ListCompanies')).toEqual({ data: { companies: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } });

    const added = await run('AddCompany', { input: { name: 'Walkthrough Industries plc', country: 'GB' } });
    expect(added.errors).toBeUndefined();
    const companyId = added.data!.createCompany.company.id as string;

    // UploadReport is a multipart request, which GraphiQL cannot send: the header says to use curl (or fetch).
    const form = new FormData();
    const upload = `mutation UploadReport($input: UploadDocumentInput!) { uploadDocument(input: $input) { ... on UploadDocumentPayload { document { id } } ... on Error { message } } }`;
    form.append('operations', JSON.stringify({ query: upload, variables: { input: { companyId, file: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob([Buffer.from(await makeAnnualReport({ company: 'Walkthrough Industries plc', year: 2024, base: 2 }))], { type: 'application/pdf' }), 'walkthrough-2024.pdf');
    const uploaded = (await (await fetch(`${origin}/graphql`, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form })).json()) as Answer;
    const documentId = uploaded.data!.uploadDocument.document.id as string;

    const started = await run('StartReportExtraction', { input: { documentId } });
    expect(started.errors).toBeUndefined();
    const extractJob = started.data!.startExtraction.job.id as string;
    expect(await follow(extractJob)).toMatch(/"status": "SUCCEEDED"/);
    await screenshot('1-follow-extraction');

    const compiled = await run('CompileCompanyStatements', { input: { companyId } });
    expect(compiled.errors).toBeUndefined();
    expect(await follow(compiled.data!.compileStatements.job.id as string)).toMatch(/"status": "SUCCEEDED"/);

    const company = await run('CompanyWithDocuments', { id: companyId });
    expect(company.data!.company).toMatchObject({ name: 'Walkthrough Industries plc', documents: { totalCount: 1 } });
    const job = await run('JobStatus', { id: extractJob });
    expect(job.data!.job).toMatchObject({ status: 'SUCCEEDED' });

    const statement = await run('CompiledStatementTable', { companyId, type: 'INCOME_STATEMENT' });
    expect(statement.errors).toBeUndefined();
    const rows = statement.data!.compiledStatement.rows as { label: string; concept: string | null }[];
    expect(rows.find((r) => r.concept === 'revenue')).toBeDefined();
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('rows'), { timeout: 10_000 });
    await screenshot('2-compiled-statement');
    expect(blocked).toEqual([]);
  }, 300_000);
});
