// Hostile requests against a real HTTP server on 127.0.0.1, configured as in production (API key required,
// introspection and GraphiQL off) with small upload and body limits. Each request gets its expected error; the
// server still answers afterwards and no row was written.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { schema } from '../../src/schema/index.js';
import { createApiKey } from '../../src/services/api-keys.js';
import { buildYoga } from '../../src/yoga.js';

const MAX_UPLOAD = 64 * 1024;
const MAX_BODY = 256 * 1024;

let server: Server;
let base: string;
const keys: Record<'read' | 'write' | 'admin', string> = { read: '', write: '', admin: '' };
let rowsBefore: Record<string, number>;

async function rowCounts() {
  const [companies, documents, jobs, extractions, apiKeys] = await Promise.all([
    prisma.company.count(),
    prisma.document.count(),
    prisma.job.count(),
    prisma.extraction.count(),
    prisma.apiKey.count(),
  ]);
  return { companies, documents, jobs, extractions, apiKeys };
}

beforeAll(async () => {
  for (const scope of ['read', 'write', 'admin'] as const) {
    keys[scope] = (await createApiKey({ name: `${scope}-key`, scopes: [scope] })).secret;
  }
  await prisma.company.create({ data: { name: 'Existing AG' } });
  rowsBefore = await rowCounts();
  const yoga = buildYoga({
    allowAnonymous: false,
    introspection: false,
    graphiql: false,
    maxDocumentBytes: MAX_UPLOAD,
    maxRequestBytes: MAX_BODY,
    jobRateLimit: { perMinute: 1, burst: 2 },
  });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const auth = (scope?: keyof typeof keys | null): Record<string, string> => (scope ? { authorization: `Bearer ${keys[scope]}` } : {});

function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const query = (q: string, scope: keyof typeof keys | null = 'read') => post({ query: q }, auth(scope));

function multipart(operations: unknown, fileBytes: number, headers: Record<string, string>) {
  const form = new FormData();
  form.append('operations', JSON.stringify(operations));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([new Uint8Array(fileBytes)], { type: 'application/pdf' }), 'report.pdf');
  return fetch(`${base}/graphql`, { method: 'POST', headers, body: form });
}

const nest = (levels: number) =>
  Array.from({ length: levels }).reduce<string>((inner) => `documents(first: 1) { edges { node { company { ${inner} } } } }`, 'name');

const firstMessage = (body: string) => (JSON.parse(body) as { errors: { message: string }[] }).errors[0]!.message;

interface Case {
  name: string;
  send: () => Promise<Response>;
  status: number;
  /** extensions.code of the first error, or for plain-text routes a piece of the body */
  code?: string;
  check?: (body: string) => void;
}

const UPLOAD = `mutation Upload($input: UploadDocumentInput!) { uploadDocument(input: $input) { __typename } }`;

const cases: Case[] = [
  { name: 'depth bomb', send: () => query(`{ companies { edges { node { ${nest(3)} } } } }`), status: 400, code: 'QUERY_TOO_DEEP', check: (body) => expect(firstMessage(body)).toMatch(/^Query too deep \(depth \d+, limit 10\): select fewer nested levels/) },
  {
    name: 'alias bomb',
    send: () => query(`{ ${Array.from({ length: 50 }, (_, i) => `a${i}: companies(first: 50) { totalCount }`).join(' ')} }`),
    status: 400,
    code: 'TOO_MANY_ALIASES',
    check: (body) => expect(firstMessage(body)).toMatch(/^Too many aliases \(aliases 50, limit 15\): send several smaller requests/),
  },
  { name: 'huge document (tokens)', send: () => query(`{ companies { totalCount ${'__typename '.repeat(5000)} } }`), status: 400, code: 'DOCUMENT_TOO_LARGE', check: (body) => expect(firstMessage(body)).toMatch(/^Document too large \(tokens 5006, limit 2000\): send a shorter document/) },
  {
    name: 'deeply nested fragments',
    send: () => {
      const fragments = Array.from({ length: 12 }, (_, i) =>
        i < 11
          ? `fragment F${i} on Company { documents(first: 1) { edges { node { company { ...F${i + 1} } } } } }`
          : `fragment F${i} on Company { name }`,
      );
      return query(`{ companies(first: 1) { edges { node { ...F0 } } } } ${fragments.join(' ')}`);
    },
    status: 400,
    code: 'QUERY_TOO_DEEP',
  },
  {
    name: 'fragment cycle',
    send: () => query(`{ companies { edges { node { ...A } } } } fragment A on Company { documents { edges { node { company { ...A } } } } }`),
    status: 400,
    code: 'GRAPHQL_VALIDATION_FAILED',
  },
  {
    name: 'costly query within depth, alias and token limits',
    send: () => query(`{ companies { edges { node { ${nest(1).replace('name', `documents { edges { node { ${'id sha256 kind fiscalYear '.repeat(120)} } } }`)} } } } }`),
    status: 400,
    code: 'QUERY_TOO_COSTLY',
    check: (body) => expect(firstMessage(body)).toMatch(/^Query too costly \(cost \d+, limit 20000\): ask for fewer items per page \(a smaller `first`\)/),
  },
  { name: 'directive flood', send: () => query(`{ ${'__typename @skip(if: false) '.repeat(40)} }`), status: 400, code: 'TOO_MANY_DIRECTIVES', check: (body) => expect(firstMessage(body)).toMatch(/^Too many directives \(directives 40, limit 20\)/) },
  { name: 'batched operations', send: () => post([{ query: '{ __typename }' }, { query: '{ __typename }' }], auth('read')), status: 400 },
  { name: 'introspection (__schema)', send: () => query('{ __schema { types { name } } }'), status: 400, code: 'INTROSPECTION_DISABLED' },
  { name: 'introspection (__type)', send: () => query('{ __type(name: "Company") { fields { name } } }'), status: 400, code: 'INTROSPECTION_DISABLED' },
  {
    name: 'field suggestions hidden',
    send: () => query('{ compnies { totalCount } }'),
    status: 400,
    check: (body) => expect(body).not.toMatch(/did you mean/i),
  },
  { name: 'body over the limit', send: () => post({ query: '{ __typename }', variables: { pad: 'x'.repeat(MAX_BODY) } }, auth('read')), status: 413, code: 'REQUEST_TOO_LARGE' },
  {
    name: 'chunked body without a length',
    send: () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth('read') },
        body: new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"query":"{ __typename }"}'));
            c.close();
          },
        }),
        duplex: 'half',
      } as RequestInit),
    status: 411,
    code: 'LENGTH_REQUIRED',
  },
  { name: 'malformed JSON', send: () => post('{"query": "{ __typename }"', auth('read')), status: 400 },
  { name: 'JSON that is not an object', send: () => post('"{ __typename }"', auth('read')), status: 400 },
  { name: 'wrong content type', send: () => post('<query/>', { ...auth('read'), 'content-type': 'application/xml' }), status: 415 },
  { name: 'text/plain without CSRF header', send: () => post('{"query":"{ __typename }"}', { ...auth('read'), 'content-type': 'text/plain' }), status: 403 },
  {
    name: 'GET without CSRF header',
    send: () => fetch(`${base}/graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: auth('read') }),
    status: 403,
    code: 'CSRF_HEADER_REQUIRED',
    check: (body) => expect(firstMessage(body)).toBe('Required CSRF header(s) not present: send the header x-graphql-yoga-csrf: 1 with GET, multipart and form requests, or POST the query as application/json'),
  },
  {
    name: 'multipart without CSRF header',
    send: () => multipart({ query: UPLOAD, variables: { input: { companyId: 'x', file: null } } }, 10, auth('write')),
    status: 403,
  },
  {
    name: 'oversize upload',
    send: () => multipart({ query: UPLOAD, variables: { input: { companyId: 'x', file: null } } }, MAX_UPLOAD * 2, { ...auth('write'), 'x-graphql-yoga-csrf': '1' }),
    status: 413,
  },
  { name: 'query without a key', send: () => query('{ companies(first: 1) { totalCount } }', null), status: 200, code: 'UNAUTHENTICATED' },
  { name: 'node lookup without a key', send: () => query('{ node(id: "Q29tcGFueTox") { id } }', null), status: 200, code: 'UNAUTHENTICATED' },
  {
    name: 'query with an unknown key',
    send: () => post({ query: '{ companies { totalCount } }' }, { authorization: 'Bearer fde_nope' }),
    status: 200,
    code: 'UNAUTHENTICATED',
  },
  { name: 'apiKeys with a write key', send: () => query('{ apiKeys { totalCount } }', 'write'), status: 200, code: 'FORBIDDEN' },
  {
    name: 'jobProgress subscription without a key',
    send: () =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ query: 'subscription { jobProgress(id: "Sm9iOjE=") { status } }' }),
      }),
    status: 200,
    check: (body) => expect(body).toContain('UNAUTHENTICATED'),
  },
  { name: 'document download without a key', send: () => fetch(`${base}/documents/RG9jdW1lbnQ6MQ==/download`), status: 401 },
  { name: 'statement CSV without a key', send: () => fetch(`${base}/companies/Q29tcGFueTox/statements/income-statement.csv`), status: 401 },
  { name: 'document download with a read key', send: () => fetch(`${base}/documents/RG9jdW1lbnQ6OTk=/download`, { headers: auth('read') }), status: 404 },
];

/** A value of `type` that passes GraphQL's input coercion (IDs point nowhere: access is refused first anyway). */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.value;
  if (isInputObjectType(named)) {
    return Object.fromEntries(Object.values(named.getFields()).filter((f) => isNonNullType(f.type)).map((f) => [f.name, sample(f.type)]));
  }
  if (isScalarType(named)) {
    // A File is sent as null in the operations, the file itself in the multipart map (see callMutation).
    if (named.name === 'File') return null;
    return ({ Int: 2024, Float: 1, Boolean: true, Decimal: '1' } as Record<string, unknown>)[named.name] ?? 'x';
  }
  throw new Error(`no sample for ${String(type)}`);
}

const mutations = Object.values(schema.getMutationType()!.getFields());
const ADMIN_ONLY = new Set(['createApiKey', 'revokeApiKey']);

function callMutation(name: string, scope?: keyof typeof keys) {
  const field = schema.getMutationType()!.getFields()[name]!;
  const inputType = field.args[0]!.type;
  const document = `mutation M($input: ${String(inputType)}) { ${name}(input: $input) { __typename ... on Error { message } } }`;
  const variables = { input: sample(inputType) };
  const hasFile = JSON.stringify(variables).includes('"file":null');
  if (hasFile) return multipart({ query: document, variables }, 100, { ...auth(scope), 'x-graphql-yoga-csrf': '1' });
  return post({ query: document, variables }, auth(scope));
}

describe('hostile requests', () => {
  it.each(cases)('$name → $status $code', async ({ send, status, code, check }) => {
    const response = await send();
    const body = await response.text();
    expect(response.status, body.slice(0, 300)).toBe(status);
    if (code) {
      const errors = (JSON.parse(body) as { errors?: { extensions?: { code?: string } }[] }).errors ?? [];
      expect(errors.map((e) => e.extensions?.code), body.slice(0, 300)).toContain(code);
    }
    check?.(body);
  });

  it.each(mutations.map((m) => m.name))('mutation %s: no key → UnauthorizedError, too small a key → ForbiddenError', async (name) => {
    const anonymous = (await (await callMutation(name)).json()) as { data: Record<string, { __typename: string }> };
    expect(anonymous.data?.[name]?.__typename, JSON.stringify(anonymous)).toBe('UnauthorizedError');
    const weaker = ADMIN_ONLY.has(name) ? 'write' : 'read';
    const scoped = (await (await callMutation(name, weaker)).json()) as { data: Record<string, { __typename: string }> };
    expect(scoped.data[name]!.__typename, JSON.stringify(scoped)).toBe('ForbiddenError');
  });

  it('rate-limits mutations that start jobs, per key', async () => {
    const compile = () =>
      post(
        { query: 'mutation { compileStatements(input: { companyId: "Q29tcGFueTo5OTk=" }) { __typename ... on RateLimitedError { retryAfterSeconds } } }' },
        auth('write'),
      ).then((r) => r.json() as Promise<{ data: { compileStatements: { __typename: string; retryAfterSeconds?: number } } }>);
    const results = [await compile(), await compile(), await compile()].map((r) => r.data.compileStatements);
    expect(results.map((r) => r.__typename)).toEqual(['NotFoundError', 'NotFoundError', 'RateLimitedError']);
    expect(results[2]!.retryAfterSeconds).toBeGreaterThan(0);
    // another key has its own bucket
    const admin = await post({ query: 'mutation { compileStatements(input: { companyId: "Q29tcGFueTo5OTk=" }) { __typename } }' }, auth('admin'));
    expect(((await admin.json()) as { data: { compileStatements: { __typename: string } } }).data.compileStatements.__typename).toBe('NotFoundError');
  });

  it('still answers afterwards, wrote nothing, and counted the rejections', async () => {
    const ok = await query('{ companies { totalCount } }');
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { companies: { totalCount: 1 } } });
    expect(await rowCounts()).toEqual(rowsBefore);

    expect((await fetch(`${base}/health`)).status).toBe(200);
    expect((await fetch(`${base}/ready`)).status).toBe(200);
    const echoed = await post({ query: '{ __typename }' }, { ...auth('read'), 'x-request-id': 'trace-123' });
    expect(echoed.headers.get('x-request-id')).toBe('trace-123');
    const forged = await post({ query: '{ __typename }' }, { ...auth('read'), 'x-request-id': 'a\tb' });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    for (const reason of ['depth', 'aliases', 'tokens', 'cost', 'directives', 'introspection', 'body_size', 'upload_size', 'csrf', 'bad_request', 'unauthorized', 'forbidden', 'rate_limited']) {
      expect(metrics, reason).toMatch(new RegExp(`fde_rejections_total\\{reason="${reason}"\\} [1-9]`));
    }
    expect(metrics).toContain('graphql_yoga_http_duration_bucket');
    expect(metrics).toMatch(/fde_graphql_errors_total\{code="UNAUTHENTICATED"\} [1-9]/);
    expect(metrics).toContain('fde_queue_depth');
  });
});
