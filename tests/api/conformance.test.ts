// The production server answers exactly what plain graphql-js answers: every plugin as shipped (armor, CSRF,
// response cache on and live), the same documents sent over HTTP and through `graphql()`, results compared. A
// speed-up (a compiled-query cache, the response cache) that changes one of these answers is a defect.
import { graphql, GraphQLError, type ExecutionResult } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { hearingChanges, stopListening } from '../../src/db/notifications.js';
import { contextFactory } from '../../src/context.js';
import { schema } from '../../src/schema/index.js';
import { SharedRateLimiter } from '../../src/rate-limit.js';
import { responseCacheEvents } from '../../src/metrics.js';
import { buildYoga } from '../../src/yoga.js';

const yoga = buildYoga({ responseCache: { ttlMs: 60_000, maxEntries: 100 } });
const createContext = contextFactory({
  allowAnonymous: true,
  jobRateLimiter: new SharedRateLimiter('jobs', 'jobs started', { perMinute: 600, burst: 100 }),
  uploadRateLimiter: new SharedRateLimiter('uploads', 'documents added', { perMinute: 600, burst: 100 }),
});

interface Case {
  name: string;
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  /** Refused before execution: Yoga words the error its own way (GraphQL over HTTP); both must refuse. */
  requestError?: boolean;
}

/** The answer of plain graphql-js, with the same per-request context the server builds. */
async function reference({ query, operationName, variables }: Case): Promise<ExecutionResult> {
  const request = new Request('http://yoga/graphql', { method: 'POST' });
  const contextValue = await createContext({ request, params: { query }, waitUntil: () => {} } as never);
  return graphql({ schema, source: query, operationName, variableValues: variables, contextValue });
}

async function served({ query, operationName, variables }: Case, headers: Record<string, string> = {}) {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query, operationName, variables }),
  });
  return (await response.json()) as Answer;
}

/** The same request as a GET (what urql sends for short queries), with the CSRF header GETs need. */
async function servedAsGet({ query, operationName, variables }: Case) {
  const params = new URLSearchParams({ query });
  if (operationName) params.set('operationName', operationName);
  if (variables) params.set('variables', JSON.stringify(variables));
  const response = await yoga.fetch(`http://yoga/graphql?${params}`, {
    headers: { accept: 'application/graphql-response+json', 'x-graphql-yoga-csrf': '1' },
  });
  return (await response.json()) as Answer;
}

/** Yoga's error masking, applied to graphql-js' answer: an error not raised as a GraphQLError is unexpected. */
function masked(error: GraphQLError): string {
  const original = error.originalError;
  return original && !(original instanceof GraphQLError) ? 'Unexpected error.' : error.message;
}

/** What must be equal: the data, and each error's path and message. */
type Answer = { data?: unknown; errors?: readonly { message: string; path?: readonly (string | number)[] }[] };

function comparable(result: Answer, requestError = false) {
  const message = (e: { message: string }) => (requestError ? 'refused' : e instanceof GraphQLError ? masked(e) : e.message);
  return {
    data: result.data ?? null,
    errors: (result.errors ?? []).map((e) => ({ path: e.path ?? null, message: message(e) })),
  };
}

let lyft: string;
let acme: string;
let jobOfLyft: string;
let jobWithoutCompany: string;

beforeAll(async () => {
  const deadline = Date.now() + 10_000;
  while (!hearingChanges() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
  const a = await prisma.company.create({
    data: { name: 'Conformance Lyft Inc.', tickers: { create: [{ ticker: 'CLYF', exchange: 'NASDAQ', isPrimary: true }] } },
  });
  const b = await prisma.company.create({
    data: { name: 'Conformance Acme plc', tickers: { create: [{ ticker: 'CACM', exchange: 'LSE', isPrimary: true }] } },
  });
  lyft = Buffer.from(`Company:${a.id}`).toString('base64');
  acme = Buffer.from(`Company:${b.id}`).toString('base64');
  // Only Lyft has a document, so a field reached through documents errors for Lyft's element and not Acme's.
  await prisma.document.create({ data: { companyId: a.id, fiscalYear: 2024, storageKey: 'conformance/none', sha256: 'c0'.repeat(32), byteSize: 1 } });
  const jobs = await Promise.all([
    prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'SUCCEEDED', companyId: a.id, finishedAt: new Date() } }),
    prisma.job.create({ data: { kind: 'DISCOVER_DOCUMENTS', status: 'SUCCEEDED', finishedAt: new Date() } }),
  ]);
  [jobOfLyft, jobWithoutCompany] = jobs.map((j) => Buffer.from(`Job:${j.id}`).toString('base64'));
  // Let the notifications of these writes clear the cache before the cases run.
  await new Promise((resolve) => setTimeout(resolve, 300));
});

afterAll(async () => {
  await yoga.dispose();
  await stopListening();
});

const MANY = `
  query ByTicker($ticker: String! = "CLYF") { companyByTicker(ticker: $ticker) { __typename ... on Company { name } } }
  query Catalogue($first: Int = 1, $search: String) {
    companies(first: $first, search: $search) { totalCount edges { node { name primaryTicker } } }
  }
  query One($id: ID!) { company(id: $id) { ... on Company { name } ... on NotFoundError { message } } }
`;

function cases(): Case[] {
  return [
    // Variable defaults
    { name: 'non-null variable with a default, omitted', query: `query T($ticker: String! = "CLYF") { companyByTicker(ticker: $ticker) { __typename ... on Company { name } } }` },
    { name: 'nullable variable with a default, omitted', query: `query($first: Int = 1) { companies(first: $first, search: "Conformance") { edges { node { name } } } }` },
    { name: 'nullable variable with a default, sent as null', query: `query($s: String = "Acme") { companies(first: 5, search: $s) { totalCount } }`, variables: { s: null } },
    { name: 'default overridden by a value', query: `query T($ticker: String! = "CLYF") { companyByTicker(ticker: $ticker) { ... on Company { name } } }`, variables: { ticker: 'CACM' } },
    { name: 'list variable with a default', query: `query($ids: [ID!]! = ["${'Q29tcGFueTow'}"]) { nodes(ids: $ids) { id } }` },
    { name: 'nested input default (mutation refused by validation, nothing written)', query: `mutation($input: CreateCompanyInput! = { name: "", tickers: [{ ticker: "", exchange: "LSE" }] }) { createCompany(input: $input) { __typename ... on ValidationError { message fieldErrors { path message } } } }` },
    { name: 'required variable missing', query: `query($ticker: String!) { companyByTicker(ticker: $ticker) { __typename } }` },
    // Several operations, chosen by operationName, in both orders and with different variables
    { name: 'operationName picks the second operation', query: MANY, operationName: 'Catalogue', variables: { search: 'Conformance' } },
    { name: 'operationName picks the first operation', query: MANY, operationName: 'ByTicker' },
    { name: 'operationName picks the third, with a variable', query: MANY, operationName: 'One', variables: { id: lyft } },
    { name: 'same operation, other variables', query: MANY, operationName: 'One', variables: { id: acme } },
    { name: 'same operation, default then override', query: MANY, operationName: 'Catalogue', variables: { first: 2, search: 'Conformance' } },
    { name: 'unknown operationName', query: MANY, operationName: 'Nope', requestError: true },
    { name: 'several operations without operationName', query: MANY, requestError: true },
    // Fragments, aliases, directives
    { name: 'fragments and aliases', query: `fragment C on Company { name tickers { ticker exchange } } query { a: company(id: "${lyft}") { ...C } b: company(id: "${acme}") { ... on Company { alias: name } } }` },
    { name: '@include / @skip from variables', query: `query($withTickers: Boolean = false, $noName: Boolean!) { company(id: "${lyft}") { ... on Company { name @skip(if: $noName) tickers @include(if: $withTickers) { ticker } } } }`, variables: { noName: false } },
    { name: '@include / @skip literals', query: `{ company(id: "${acme}") { ... on Company { name @include(if: false) primaryTicker @skip(if: false) } } }` },
    // Errors in the middle of a list: a field that fails for one element only (Company.documents refuses `before`
    // with `after`, and only a company with a document reaches it through its document), nulled up to the nearest
    // nullable position as graphql-js does.
    { name: 'a missing node among found ones', query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Company { name } } }`, variables: { ids: [lyft, 'bm90LWFuLWlk', acme] } },
    { name: 'error in one element of a nullable list ([Node]!): that element is null', query: `query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Company { name documents(first: 1) { edges { node { fiscalYear company { documents(before: "x", after: "y") { totalCount } } } } } } } }`, variables: { ids: [acme, lyft, acme] } },
    { name: 'error in one element, nulled at a nullable field inside it (Job.company)', query: `{ nodes(ids: ["${jobWithoutCompany}", "${jobOfLyft}"]) { ... on Job { kind company { name documents(before: "x", after: "y") { totalCount } } } } }` },
    { name: 'error in one element of non-null lists ([CompanyEdge!]!): null up to data', query: `{ companies(first: 5, search: "Conformance") { totalCount edges { node { name documents(first: 1) { edges { node { company { documents(before: "x", after: "y") { totalCount } } } } } } } } }` },
    { name: 'error in one element of a non-null list under a nullable field: that field is null', query: `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Company { name documents(first: 1) { edges { node { company { documents(before: "x", after: "y") { totalCount } } } } } } } }`, variables: { ids: [lyft, acme] } },
    // Literals versus variables, for every argument kind
    { name: 'ID literal', query: `{ company(id: "${lyft}") { ... on Company { name } } }` },
    { name: 'ID variable', query: `query($id: ID!) { company(id: $id) { ... on Company { name } } }`, variables: { id: lyft } },
    { name: 'Int and String literals', query: `{ companies(first: 1, search: "Conformance") { totalCount edges { node { name } } } }` },
    { name: 'Int and String variables', query: `query($f: Int, $s: String) { companies(first: $f, search: $s) { totalCount edges { node { name } } } }`, variables: { f: 1, s: 'Conformance' } },
    { name: 'enum literal', query: `{ compiledStatement(companyId: "${lyft}", type: BALANCE_SHEET) { __typename ... on CompiledStatement { type rows { label } } } }` },
    { name: 'enum variable', query: `query($t: StatementType!) { compiledStatement(companyId: "${lyft}", type: $t) { __typename ... on CompiledStatement { type rows { label } } } }`, variables: { t: 'BALANCE_SHEET' } },
    { name: 'list literal', query: `{ nodes(ids: ["${lyft}", "${acme}"]) { id } }` },
    { name: 'input object literal (validation error)', query: `mutation { createCompany(input: { name: "" }) { __typename ... on ValidationError { fieldErrors { path } } } }` },
    { name: 'input object variable (validation error)', query: `mutation($i: CreateCompanyInput!) { createCompany(input: $i) { __typename ... on ValidationError { fieldErrors { path } } } }`, variables: { i: { name: '' } } },
    { name: 'nested input object and list literal (validation error)', query: `mutation { createCompany(input: { name: "", tickers: [{ ticker: "", exchange: "LSE", isPrimary: true }] }) { __typename ... on ValidationError { fieldErrors { path message } } } }` },
    { name: 'nested input object and list variable (validation error)', query: `mutation($i: CreateCompanyInput!) { createCompany(input: $i) { __typename ... on ValidationError { fieldErrors { path message } } } }`, variables: { i: { name: '', tickers: [{ ticker: '', exchange: 'LSE', isPrimary: true }] } } },
    { name: 'list variable inside an input object, one item given as a single value', query: `mutation($t: [TickerInput!]) { createCompany(input: { name: "", tickers: $t }) { __typename ... on ValidationError { fieldErrors { path } } } }`, variables: { t: { ticker: '', exchange: 'LSE' } } },
    { name: 'Boolean literal (in an input object; unknown company, nothing queued)', query: `mutation { compileStatements(input: { companyId: "Q29tcGFueTo5OTk5OTk=", includeInterim: true }) { __typename ... on NotFoundError { entity identifier } } }` },
    { name: 'Boolean variable (in an input object; unknown company, nothing queued)', query: `mutation($b: Boolean) { compileStatements(input: { companyId: "Q29tcGFueTo5OTk5OTk=", includeInterim: $b }) { __typename ... on NotFoundError { entity identifier } } }`, variables: { b: true } },
    { name: 'argument default, argument omitted', query: `{ company(id: "${lyft}") { ... on Company { financials { unit years { fiscalYear } } } } }` },
    { name: 'argument default, variable omitted (the argument default applies)', query: `query($y: Int) { company(id: "${lyft}") { ... on Company { financials(years: $y) { unit years { fiscalYear } } } } }` },
    { name: 'argument default overridden by a literal and by a variable', query: `query($y: Int) { company(id: "${lyft}") { ... on Company { a: financials(years: 3) { unit } b: financials(years: $y) { unit } } } }`, variables: { y: 2 } },
    { name: 'Float literal for an Int argument (refused)', query: `{ companies(first: 1.5) { totalCount } }` },
    { name: 'Float variable in an Int position (refused)', query: `query($f: Float) { companies(first: $f) { totalCount } }`, variables: { f: 1 }, requestError: true },
    { name: 'Int variable given a float (refused)', query: `query($f: Int) { companies(first: $f) { totalCount } }`, variables: { f: 1.5 }, requestError: true },
    { name: 'enum variable given an unknown value (refused)', query: `query($t: StatementType!) { compiledStatement(companyId: "${lyft}", type: $t) { __typename } }`, variables: { t: 'PROFIT' }, requestError: true },
    { name: 'enum literal written as a string (refused)', query: `{ compiledStatement(companyId: "${lyft}", type: "BALANCE_SHEET") { __typename } }` },
    { name: 'custom scalar literal: a string where a File belongs (refused)', query: `mutation { uploadDocument(input: { companyId: "${lyft}", file: "abc" }) { __typename } }` },
    { name: 'custom scalar variable: a string where a File belongs (refused)', query: `mutation($i: UploadDocumentInput!) { uploadDocument(input: $i) { __typename } }`, variables: { i: { companyId: lyft, file: 'abc' } }, requestError: true },
  ];
}

async function cacheHits(): Promise<number> {
  const { values } = await responseCacheEvents.get();
  return values.find((v) => v.labels.event === 'hit')?.value ?? 0;
}

describe('conformance with graphql-js', () => {
  it('answers every case as graphql() does, over POST and GET, twice in a row and in reverse order (caches warm)', async () => {
    const table = cases();
    const hitsBefore = await cacheHits();
    for (const order of [table, [...table].reverse(), table]) {
      for (const c of order) {
        const expected = comparable(await reference(c), c.requestError);
        expect({ case: c.name, ...comparable(await served(c), c.requestError) }).toEqual({ case: c.name, ...expected });
        expect({ case: c.name, ...comparable(await served(c, { 'cache-control': 'no-cache' }), c.requestError) }).toEqual({ case: c.name, ...expected });
        // Queries only: GraphQL over HTTP never runs a mutation sent as GET.
        if (!/^\s*mutation\b/.test(c.query)) expect({ case: c.name, ...comparable(await servedAsGet(c), c.requestError) }).toEqual({ case: c.name, ...expected });
      }
    }
    // The response cache was on and answered the repeats: its answers are among those compared.
    expect(await cacheHits()).toBeGreaterThan(hitsBefore);
  });

  it('runs the operation named in the request, whichever ran first for the same document', async () => {
    const list = await served({ name: '', query: MANY, operationName: 'Catalogue', variables: { first: 5, search: 'Conformance' } });
    const one = await served({ name: '', query: MANY, operationName: 'One', variables: { id: acme } });
    expect(list.data).toEqual({ companies: expect.objectContaining({ totalCount: 2 }) });
    expect(one.data).toEqual({ company: { name: 'Conformance Acme plc' } });
  });

  it('the list cases do error in one element only, nulled where graphql-js nulls it', async () => {
    const table = cases();
    const run = async (name: string) => served(table.find((c) => c.name === name)!);
    const error = { message: 'Arguments "before" and "after" are not supported at the same time', path: expect.any(Array) };
    const nullable = await run('error in one element of a nullable list ([Node]!): that element is null');
    expect(nullable.data).toEqual({ nodes: [{ id: acme, name: 'Conformance Acme plc', documents: { edges: [] } }, null, { id: acme, name: 'Conformance Acme plc', documents: { edges: [] } }] });
    expect(nullable.errors).toEqual([expect.objectContaining({ ...error, path: ['nodes', 1, 'documents', 'edges', 0, 'node', 'company', 'documents'] })]);
    const inside = await run('error in one element, nulled at a nullable field inside it (Job.company)');
    expect(inside.data).toEqual({ nodes: [{ kind: 'DISCOVER_DOCUMENTS', company: null }, { kind: 'COMPILE_COMPANY', company: null }] });
    expect(inside.errors).toEqual([expect.objectContaining({ ...error, path: ['nodes', 1, 'company', 'documents'] })]);
    const nonNull = await run('error in one element of non-null lists ([CompanyEdge!]!): null up to data');
    expect(nonNull.data ?? null).toBeNull();
    expect(nonNull.errors).toEqual([expect.objectContaining(error)]);
  });

  it('wrote nothing for the refused mutations', async () => {
    expect(await prisma.company.count({ where: { name: '' } })).toBe(0);
    expect(await prisma.document.count()).toBe(1);
    expect(await prisma.job.count({ where: { kind: 'COMPILE_COMPANY' } })).toBe(1);
  });
});
