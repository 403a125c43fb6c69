// A client of a running server, with the typed operations of examples/operations.ts and nothing but fetch:
// lists companies, uploads a report (GraphQL multipart request), starts its extraction, follows the job over SSE,
// waits for the compilation and prints the compiled income statement.
//   npm start                       # in another terminal (or SERVER_URL=... for a server elsewhere)
//   npm run example -- [path/to/report.pdf] ["Company name"]
// API_KEY=... is sent as a bearer token when the server requires one.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import {
  AddCompany,
  CompileCompanyStatements,
  CompiledStatementTable,
  FollowJob,
  ListCompanies,
  StartReportExtraction,
  UploadReport,
} from './operations.js';
import * as sdk from '../sdk/src/index.js';

const SERVER_URL = process.env.SERVER_URL ?? 'http://localhost:4000/graphql';
const file = path.resolve(process.argv[2] ?? '../shared/fixtures/reports/pdfs/xp_power_h1_2025.pdf');
// The development-set reports' companies; any other file goes to a company named by the second argument.
const KNOWN: Record<string, { name: string; country: string; ticker: string; exchange: string }> = {
  'xp_power_h1_2025.pdf': { name: 'XP Power Limited', country: 'SG', ticker: 'XPP', exchange: 'LSE' },
  'lyft_2021.pdf': { name: 'Lyft, Inc.', country: 'US', ticker: 'LYFT', exchange: 'NASDAQ' },
  'insig_ai_h1_2024.pdf': { name: 'Insig AI plc', country: 'GB', ticker: 'INSG', exchange: 'AIM' },
  'ace_saatchi_2024.pdf': { name: 'Ace/Saatchi & Saatchi Advertising, Inc.', country: 'PH', ticker: 'ASSAI', exchange: 'OTHER' },
};
const companyName = process.argv[3] ?? KNOWN[path.basename(file)]?.name ?? path.basename(file, '.pdf');
const auth: Record<string, string> = process.env.API_KEY ? { authorization: `Bearer ${process.env.API_KEY}` } : {};

/** An error member of a result union, in words. */
const why = (result: object) => ('message' in result ? String(result.message) : JSON.stringify(result));

/** One typed request with the SDK's helper: the result's type comes from the document. */
const execute = <R, V>(document: TypedDocumentNode<R, V>, variables: V) => sdk.execute(SERVER_URL, document, variables, { headers: auth });

/** The GraphQL multipart request spec: the operation, a map, then the file. */
async function upload<R, V extends { input: object }>(document: TypedDocumentNode<R, V>, variables: V, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables: { ...variables, input: { ...variables.input, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
  // Multipart requests must say they are not a browser form posted cross-site (Yoga's CSRF prevention).
  const response = await fetch(SERVER_URL, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1', ...auth }, body: form });
  const body = (await response.json()) as { data?: R; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Follows a subscription over Server-Sent Events (the SDK's helper) until the server completes it. */
async function subscribe<R, V>(document: TypedDocumentNode<R, V>, variables: V, onNext: (data: R) => void) {
  for await (const message of sdk.subscribe(SERVER_URL, document, variables, { headers: auth })) {
    if (message.errors?.length) throw new Error(JSON.stringify(message.errors));
    if (message.data) onNext(message.data);
  }
}

/** Prints the job's progress as it moves and returns its final status. */
async function follow(jobId: string, label: string): Promise<string> {
  let status = 'QUEUED';
  await subscribe(FollowJob, { id: jobId }, ({ jobProgress: job }) => {
    status = job.status;
    const step = job.progress?.step ? ` ${job.progress.step}` : '';
    console.log(`  ${label}: ${job.status.padEnd(9)} ${String(job.progress?.percent ?? 0).padStart(3)}%${step}`);
    if (job.error) console.log(`  ${label} error ${job.error.code}: ${job.error.message}`);
  });
  return status;
}

async function compile(companyId: string, includeInterim: boolean) {
  const { compileStatements: r } = await execute(CompileCompanyStatements, { input: { companyId, includeInterim } });
  if (r.__typename !== 'CompileStatementsPayload') throw new Error(`compileStatements: ${why(r)}`);
  console.log(`compilation job ${r.job.id}${r.existing ? ' (the one the extraction queued)' : ''}${includeInterim ? ', interim reports included' : ''}`);
  const status = await follow(r.job.id, 'compile');
  if (status !== 'SUCCEEDED') throw new Error(`compilation ${status}`);
}

// 1. The catalogue.
const catalogue = await execute(ListCompanies, { first: 10 });
console.log(`${SERVER_URL}: ${catalogue.companies.totalCount} companies`);
for (const { node } of catalogue.companies.edges) console.log(`  ${(node.primaryTicker ?? '').padEnd(6)} ${node.name}`);

// 2. The company the report belongs to: found by name, or added.
const found = await execute(ListCompanies, { first: 1, search: companyName });
let companyId = found.companies.edges[0]?.node.id;
if (!companyId) {
  const known = Object.values(KNOWN).find((k) => k.name === companyName);
  const { createCompany: r } = await execute(AddCompany, {
    input: { name: companyName, country: known?.country, tickers: known ? [{ ticker: known.ticker, exchange: known.exchange }] : [] },
  });
  if (r.__typename !== 'CreateCompanyPayload') throw new Error(`createCompany: ${why(r)}`);
  companyId = r.company.id;
  console.log(`added ${companyName}`);
}

// 3. Upload.
const bytes = new Uint8Array(await readFile(file));
const { uploadDocument: uploaded } = await upload(UploadReport, { input: { companyId, file: null as never } }, bytes, path.basename(file));
if (uploaded.__typename !== 'UploadDocumentPayload') throw new Error(`upload: ${why(uploaded)}`);
const doc = uploaded.document;
console.log(`uploaded ${path.basename(file)} to ${companyName}: document ${doc.id}, ${doc.kind} ${doc.fiscalYear ?? '?'}, ${doc.pageCount} pages${uploaded.deduplicated ? ' (already there)' : ''}`);

// 4. Extract, following the job over SSE.
const { startExtraction: started } = await execute(StartReportExtraction, { input: { documentId: doc.id } });
if (started.__typename !== 'StartExtractionPayload') throw new Error(`startExtraction: ${why(started)}`);
console.log(`extraction job ${started.job.id}`);
const extracted = await follow(started.job.id, 'extract');
if (extracted !== 'SUCCEEDED') throw new Error(`extraction ${extracted}`);

// 5. Compile: join the compilation the extraction queued; an interim report only counts when asked for.
await compile(companyId, false);
let { compiledStatement: statement } = await execute(CompiledStatementTable, { companyId, type: 'INCOME_STATEMENT' });
if (statement.__typename === 'CompiledStatement' && statement.rows.length === 0 && doc.kind === 'INTERIM_REPORT') {
  await compile(companyId, true);
  ({ compiledStatement: statement } = await execute(CompiledStatementTable, { companyId, type: 'INCOME_STATEMENT' }));
}
if (statement.__typename !== 'CompiledStatement') throw new Error(`compiledStatement: ${statement.message}`);

// 6. The compiled income statement.
const years = statement.fiscalYears;
console.log(`\n${companyName}: compiled income statement (${statement.currency ?? '?'} ${statement.unit})`);
console.log(`${''.padEnd(52)}${years.map((y) => String(y).padStart(14)).join('')}`);
for (const row of statement.rows) {
  const cells = years.map((y) => {
    const cell = row.cells.find((c) => c.fiscalYear === y);
    return (cell?.value ?? '').padStart(13) + (cell?.restated ? '*' : ' ');
  });
  console.log(`${('  '.repeat(row.level) + row.label).slice(0, 50).padEnd(52)}${cells.join('')}`);
}
const failed = statement.checks.filter((c) => !c.passed);
console.log(`\nchecks: ${statement.checks.length - failed.length}/${statement.checks.length} pass; * restated; each cell cites its page (source { page document })`);
console.log(`CSV: ${statement.csvUrl}`);
