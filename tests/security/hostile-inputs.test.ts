// What an outside test with hostile input found (issue 12, items 9-15), each sent as-is to a running server (a real
// port): the answer is the typed error or null, never a 500, and nothing is written.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { buildYoga } from '../../src/yoga.js';
import { globalId } from '../helpers/jobs.js';

let server: Server;
let url: string;
let companyId: number;

async function rowCounts() {
  const [companies, tickers, documents, jobs] = await Promise.all([
    prisma.company.count(),
    prisma.ticker.count(),
    prisma.document.count(),
    prisma.job.count(),
  ]);
  return { companies, tickers, documents, jobs };
}

interface Answer {
  status: number;
  body: { data?: Record<string, unknown> | null; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };
  text: string;
}

async function send(body: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers }, body });
  const text = await response.text();
  let parsed: Answer['body'] = {};
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    // not JSON: asserted on by status
  }
  return { status: response.status, body: parsed, text };
}

const graphql = (query: string, variables?: unknown) => send(JSON.stringify({ query, variables }));

beforeAll(async () => {
  companyId = (await prisma.company.create({ data: { name: 'Hostile Input Holdings plc' } })).id;
  await prisma.company.create({ data: { name: 'Percent 100% Ltd' } });
  server = createServer(buildYoga());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stopListening();
});

describe('hostile input against a running server', () => {
  it('9. accepts an upload of 30.5 MB, under MAX_DOCUMENT_MB (100): Yoga\'s 25 MB body default no longer applies', async () => {
    const pdf = await PDFDocument.create();
    const page = pdf.addPage([595, 842]);
    page.drawText('Annual report 2024', { x: 50, y: 780, size: 18, font: await pdf.embedFont(StandardFonts.Helvetica) });
    await pdf.attach(randomBytes(30.5 * 1024 * 1024), 'appendix.bin', { mimeType: 'application/octet-stream' });
    const bytes = await pdf.save({ useObjectStreams: false });
    expect(bytes.length).toBeGreaterThan(30 * 1024 * 1024);
    const form = new FormData();
    const query = `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename ... on UploadDocumentPayload { document { id } } ... on Error { message } } }`;
    form.append('operations', JSON.stringify({ query, variables: { input: { companyId: globalId('Company', companyId), file: null, fiscalYear: 2024 } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'big-report.pdf');
    const response = await fetch(url, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form });
    const text = await response.text();
    expect(response.status, text.slice(0, 300)).toBe(200);
    expect(JSON.parse(text).data.uploadDocument.__typename).toBe('UploadDocumentPayload');
  }, 120_000);

  it('9. an upload whose body passes MAX_DOCUMENT_MB by more than the operation can take is a 413 saying so', async () => {
    const before = await rowCounts();
    const small = buildYoga({ maxDocumentBytes: 64 * 1024 });
    const form = new FormData();
    const query = `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename } }`;
    form.append('operations', JSON.stringify({ query, variables: { input: { companyId: globalId('Company', companyId), file: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
    form.append('0', new Blob([Buffer.alloc(4 * 1024 * 1024, 1)], { type: 'application/pdf' }), 'huge.pdf');
    const body = new Response(form);
    const bytes = new Uint8Array(await body.arrayBuffer());
    const response = await small.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'x-graphql-yoga-csrf': '1', 'content-type': body.headers.get('content-type')!, 'content-length': String(bytes.length) },
      body: bytes,
    });
    expect(response.status).toBe(413);
    const answer = (await response.json()) as Answer['body'];
    expect(answer.errors?.[0]).toMatchObject({ extensions: { code: 'UPLOAD_TOO_LARGE' }, message: expect.stringContaining('MAX_DOCUMENT_MB') });
    expect(await rowCounts()).toEqual(before);
    await small.dispose();
  });

  it('10. node/nodes with well-formed IDs of rows that do not exist answer null, keeping the other results', async () => {
    const before = await rowCounts();
    const missing = globalId('Company', 987_654);
    const present = globalId('Company', companyId);
    const single = await graphql(`query($id: ID!) { node(id: $id) { id } }`, { id: missing });
    expect(single.body).toEqual({ data: { node: null } });
    const many = await graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [present, missing, globalId('Job', 987_654)] });
    expect(many.body).toEqual({ data: { nodes: [{ id: present }, null, null] } });
    expect(await rowCounts()).toEqual(before);
  });

  it('11. a NUL character in any string argument is a 400 with INVALID_CHARACTER, as a variable or a literal', async () => {
    const before = await rowCounts();
    const cases = [
      graphql(`mutation($input: CreateCompanyInput!) { createCompany(input: $input) { __typename } }`, { input: { name: 'Evil\u0000Corp' } }),
      graphql(`query($s: String) { companies(first: 1, search: $s) { totalCount } }`, { s: 'a\u0000' }),
      graphql(`query($t: String!) { companyByTicker(ticker: $t) { __typename } }`, { t: '\u0000' }),
      graphql(`{ companies(first: 1, search: "a\\u0000b") { totalCount } }`),
      graphql(`mutation { createCompany(input: { name: "Evil\\u0000Corp" }) { __typename } }`),
    ];
    for (const answer of await Promise.all(cases)) {
      expect(answer.status, answer.text).toBe(400);
      expect(answer.body.errors?.[0]?.extensions?.code, answer.text).toBe('INVALID_CHARACTER');
      expect(answer.body.errors?.[0]?.message).toMatch(/NUL character/);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('12. search "%" and "_" match those characters, not everything', async () => {
    const percent = await graphql(`{ companies(first: 50, search: "%") { edges { node { name } } } }`);
    expect(percent.body.data).toEqual({ companies: { edges: [{ node: { name: 'Percent 100% Ltd' } }] } });
    const underscore = await graphql(`{ companies(first: 50, search: "_") { totalCount } }`);
    expect(underscore.body.data).toEqual({ companies: { totalCount: 0 } });
  });

  it('13. variables nested 100,000 levels deep are a 400, not a stack overflow', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const answer = await send(`{"query":"query($s: String) { companies(first: 1, search: $s) { totalCount } }","variables":{"s":${deep}}}`);
    expect(answer.status, answer.text.slice(0, 300)).toBe(400);
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('VARIABLES_TOO_DEEP');
  });

  it("14. a file mapped onto a non-upload argument is a typed 400 naming the path, without the file's fields or bytes", async () => {
    const before = await rowCounts();
    const company = globalId('Company', companyId);
    const targets = [
      { query: `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { __typename } }`, variables: { input: { name: null } }, path: 'variables.input.name', expects: 'String!' },
      { query: `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { __typename } }`, variables: { input: null }, path: 'variables.input', expects: 'CreateCompanyInput!' },
      { query: `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { __typename } }`, variables: { input: { name: 'x', tickers: [{ ticker: null, exchange: 'LSE' }] } }, path: 'variables.input.tickers.0.ticker', expects: 'String!' },
      { query: `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, variables: { ids: [company, null] }, path: 'variables.ids.1', expects: 'ID!' },
      { query: `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename } }`, variables: { input: { companyId: null, file: null } }, path: 'variables.input.companyId', expects: 'ID!' },
    ];
    for (const target of targets) {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query: target.query, variables: target.variables }));
      form.append('map', JSON.stringify({ 0: [target.path] }));
      form.append('0', new Blob([Buffer.from('%PDF-1.7 SECRET-FIRST-BYTES of the file')], { type: 'application/pdf' }), 'secret-name.pdf');
      const response = await fetch(url, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form });
      const text = await response.text();
      expect(response.status, text).toBe(400);
      expect(JSON.parse(text)).toEqual({
        errors: [{ message: `A file can only be sent to an argument of type File: the multipart map puts one at ${target.path}, which expects ${target.expects}`, extensions: { code: 'FILE_NOT_EXPECTED' } }],
      });
      // Nothing of the file object: not its bytes, name, type or the ponyfill's internal fields.
      expect(text).not.toMatch(/SECRET-FIRST-BYTES|secret-name|application\/pdf|blobParts|_buffer|lastModified|\[object|File \{/);
    }
    expect(await rowCounts()).toEqual(before);
  });

  it('14. a multipart document over the token limit is refused by the limit, never read whole for its file', async () => {
    const form = new FormData();
    const query = `mutation($input: CreateCompanyInput!) { createCompany(input: $input) { __typename ${'__typename '.repeat(3000)} } }`;
    form.append('operations', JSON.stringify({ query, variables: { input: { name: null } } }));
    form.append('map', JSON.stringify({ 0: ['variables.input.name'] }));
    form.append('0', new Blob([Buffer.from('%PDF-1.7')], { type: 'application/pdf' }), 'x.pdf');
    const response = await fetch(url, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form });
    const text = await response.text();
    // (application/json answers a refused document with 200, as GraphQL over HTTP's legacy media type does)
    expect(JSON.parse(text)).toEqual({ errors: [expect.objectContaining({ extensions: { code: 'DOCUMENT_TOO_LARGE', limit: 2000, found: 3020 } })] });
  });

  it('14. a value sent where a File belongs (a string variable or a literal) is refused before the upload runs', async () => {
    const before = await rowCounts();
    const mutation = `mutation($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename } }`;
    const variable = await graphql(mutation, { input: { companyId: globalId('Company', companyId), file: 'not a file' } });
    expect(variable.status, variable.text).toBe(400);
    expect(variable.body.errors?.[0]?.message).toMatch(/at "input\.file"; File takes the file of a GraphQL multipart request/);
    const literal = await graphql(`mutation { uploadDocument(input: { companyId: "${globalId('Company', companyId)}", file: "not a file" }) { __typename } }`);
    expect(literal.body.data ?? null).toBeNull();
    expect(literal.body.errors?.[0]?.message).toMatch(/File takes the file of a GraphQL multipart request/);
    expect(await rowCounts()).toEqual(before);
  });

  it('15. IDs are decoded only in their canonical form', async () => {
    const canonical = await graphql(`query($id: ID!) { company(id: $id) { __typename } }`, { id: globalId('Company', companyId) });
    expect(canonical.body.data).toEqual({ company: { __typename: 'Company' } });
    for (const loose of [`0${companyId}`, `0x${companyId.toString(16)}`, `${companyId}.0`, ` ${companyId}`, `+${companyId}`, `${companyId}e0`]) {
      const id = Buffer.from(`Company:${loose}`).toString('base64');
      const lookup = await graphql(`query($id: ID!) { company(id: $id) { __typename } node(id: $id) { id } }`, { id });
      expect(lookup.body, loose).toEqual({ data: { company: { __typename: 'NotFoundError' }, node: null } });
    }
  });
});
