// `npm run demo`: `npm start`, then one development-set report through the whole pipeline over the server's own
// API (company → multipart upload → extraction job → compilation job), so a newcomer sees a compiled statement
// within a minute. The server keeps running afterwards; the output says where to look.
// DEMO_REPORT=path/to.pdf picks another report (it goes to the company DEMO_COMPANY, default "Lyft, Inc.").
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

process.env.LOG_LEVEL ??= 'warn'; // the demo's own lines are the story; the server logs warnings only
const report = path.resolve(process.env.DEMO_REPORT ?? fileURLToPath(new URL('../../shared/fixtures/reports/pdfs/lyft_2021.pdf', import.meta.url)));
const companyName = process.env.DEMO_COMPANY ?? 'Lyft, Inc.';

const { config } = await import('./config.js');
await import('./server.js'); // starts the embedded database, migrations, seed, worker and HTTP server
const origin = `http://localhost:${config.port}`;
const endpoint = `${origin}/graphql`;

async function gql<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL: ${JSON.stringify(body.errors)}`);
  return body.data;
}

type JobView = { id: string; status: string; progress: { step: string | null; percent: number } | null; error: { code: string; message: string } | null };

async function waitForJob(id: string, label: string): Promise<JobView> {
  let last = '';
  for (;;) {
    const { job } = await gql<{ job: JobView }>(`query ($id: ID!) { job(id: $id) { ... on Job { id status progress { step percent } error { code message } } } }`, { id });
    const line = `${job.status} ${job.progress?.step ?? ''}`;
    if (line !== last) console.log(`  ${label}: ${job.status.padEnd(9)} ${String(job.progress?.percent ?? 0).padStart(3)}% ${job.progress?.step ?? ''}`);
    last = line;
    if (['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 250));
  }
}

async function serverReady() {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`${origin}/ready`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the server did not become ready at ${origin}`);
}

async function runDemo() {
  const started = performance.now();
  await serverReady();
  console.log(`\nDemo: ${path.basename(report)} → ${companyName} on ${endpoint}`);
  const bytes = await readFile(report).catch(() => null);
  if (!bytes) {
    console.log(`  no report at ${report} (set DEMO_REPORT); the server is running without the demo data.`);
    return;
  }

  const found = await gql<{ companies: { edges: { node: { id: string } }[] } }>(
    `query ($search: String) { companies(first: 1, search: $search) { edges { node { id } } } }`,
    { search: companyName },
  );
  let companyId = found.companies.edges[0]?.node.id;
  if (!companyId) {
    const lyft = companyName === 'Lyft, Inc.' ? { country: 'US', tickers: [{ ticker: 'LYFT', exchange: 'NASDAQ' }] } : {};
    const created = await gql<{ createCompany: { company?: { id: string }; message?: string } }>(
      `mutation ($input: CreateCompanyInput!) { createCompany(input: $input) { ... on CreateCompanyPayload { company { id } } ... on Error { message } } }`,
      { input: { name: companyName, ...lyft } },
    );
    if (!created.createCompany.company) throw new Error(`createCompany: ${created.createCompany.message}`);
    companyId = created.createCompany.company.id;
  }

  // The GraphQL multipart request spec, as any client sends it.
  const form = new FormData();
  form.append('operations', JSON.stringify({
    query: `mutation ($input: UploadDocumentInput!) { uploadDocument(input: $input) {
      ... on UploadDocumentPayload { deduplicated document { id kind fiscalYear pageCount } } ... on Error { message } } }`,
    variables: { input: { companyId, file: null } },
  }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), path.basename(report));
  const uploadResponse = await fetch(endpoint, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form });
  const upload = ((await uploadResponse.json()) as { data?: { uploadDocument: { document?: { id: string; kind: string; fiscalYear: number | null; pageCount: number }; message?: string } } }).data?.uploadDocument;
  if (!upload?.document) throw new Error(`upload failed: ${upload?.message ?? uploadResponse.status}`);
  const doc = upload.document;
  console.log(`  uploaded: document ${doc.id}, ${doc.kind} ${doc.fiscalYear ?? ''}, ${doc.pageCount} pages`);

  const { startExtraction } = await gql<{ startExtraction: { job?: { id: string }; message?: string } }>(
    `mutation ($input: StartExtractionInput!) { startExtraction(input: $input) { ... on StartExtractionPayload { job { id } } ... on Error { message } } }`,
    { input: { documentId: doc.id } },
  );
  if (!startExtraction.job) throw new Error(`startExtraction: ${startExtraction.message}`);
  if ((await waitForJob(startExtraction.job.id, 'extract')).status !== 'SUCCEEDED') return;

  // The extraction queued a compilation a few seconds out; asking for one joins it.
  const includeInterim = doc.kind === 'INTERIM_REPORT';
  const { compileStatements } = await gql<{ compileStatements: { job?: { id: string }; message?: string } }>(
    `mutation ($input: CompileStatementsInput!) { compileStatements(input: $input) { ... on CompileStatementsPayload { job { id } } ... on Error { message } } }`,
    { input: { companyId, includeInterim: false } },
  );
  if (!compileStatements.job) throw new Error(`compileStatements: ${compileStatements.message}`);
  if ((await waitForJob(compileStatements.job.id, 'compile')).status !== 'SUCCEEDED') return;
  if (includeInterim) {
    const again = await gql<{ compileStatements: { job: { id: string } } }>(
      `mutation ($input: CompileStatementsInput!) { compileStatements(input: $input) { ... on CompileStatementsPayload { job { id } } } }`,
      { input: { companyId, includeInterim: true } },
    );
    await waitForJob(again.compileStatements.job.id, 'compile (with interim)');
  }

  const query = `query CompiledIncomeStatement {
  compiledStatement(companyId: "${companyId}", type: INCOME_STATEMENT) {
    ... on CompiledStatement {
      currency unit fiscalYears csvUrl
      rows { label concept cells { fiscalYear value source { page } } }
    }
  }
}`;
  const { compiledStatement: s } = await gql<{ compiledStatement: { currency: string | null; unit: string; fiscalYears: number[]; csvUrl: string; rows: { label: string; cells: { fiscalYear: number; value: string | null }[] }[] } }>(query);
  console.log(`\n${companyName}: compiled income statement, ${s.currency ?? ''} ${s.unit} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  console.log(`${''.padEnd(50)}${s.fiscalYears.map((y) => String(y).padStart(14)).join('')}`);
  for (const row of s.rows.slice(0, 12)) {
    console.log(`${row.label.slice(0, 48).padEnd(50)}${s.fiscalYears.map((y) => (row.cells.find((c) => c.fiscalYear === y)?.value ?? '').padStart(14)).join('')}`);
  }
  if (s.rows.length > 12) console.log(`  … ${s.rows.length - 12} more rows`);
  console.log(`\nLook around:
  GraphiQL  ${endpoint}   (its default document lists the example operations)
  paste     ${query.replaceAll('\n', '\n            ')}
  CSV       ${s.csvUrl}
The server keeps running (Ctrl-C stops it); \`npm start\` later serves the same data from ${config.dataDir}.`);
}

runDemo().catch((err) => {
  console.error(`demo failed: ${(err as Error).message}`);
});
