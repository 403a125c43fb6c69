// Load test: 50 concurrent clients for at most 60 s against a real HTTP server configured as in production (an API
// key on every request, all limits on), mixing the three reads clients make most: a catalogue page, a compiled
// statement, a document with its extractions. Prints p50/p99 latency, requests/s, and errors (HTTP or GraphQL),
// and fails when there is any error. The response cache is on, as shipped (RESPONSE_CACHE_TTL_MS=0 executes every
// request); random ids over the catalogue make it warm up as the run goes.
//   npm run bench:load   (LOAD_SECONDS=10 for a quick run; BENCH_DATABASE_URL to use a PostgreSQL server instead of
//   a throwaway embedded one)
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { seedLargeCatalogue } from './lib/catalogue.js';
import { startBenchDatabase } from './lib/database.js';

const SECONDS = Math.min(Number(process.env.LOAD_SECONDS ?? 60), 60);
const CONNECTIONS = 50;
const SIZE = { companies: 200, documentsPerCompany: 5 };
process.env.LOG_LEVEL ??= 'warn';

const CATALOGUE = `query Catalogue($after: String) {
  companies(first: 20, after: $after) {
    totalCount
    edges { cursor node { id name primaryTicker tickers { ticker exchange } documents(first: 3) { totalCount edges { node { id fiscalYear kind } } } } }
  }
}`;
const COMPILED = `query Compiled($companyId: ID!) {
  compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {
    __typename
    ... on CompiledStatement { type currency unit fiscalYears rows { concept label level isTotal cells { fiscalYear value restated } } }
    ... on Error { message }
  }
}`;
const DOCUMENT = `query Doc($id: ID!) {
  document(id: $id) {
    __typename
    ... on Document { id fiscalYear kind sha256 pageCount company { name } latestExtraction(type: BALANCE_SHEET) { id provider unit pages } }
    ... on Error { message }
  }
}`;

const database = await startBenchDatabase();
let stopServer = async () => {};
try {
  await seedLargeCatalogue(database.url, SIZE);
  const { prisma } = await import('../src/db.js');
  const { buildYoga } = await import('../src/yoga.js');
  const { createApiKey } = await import('../src/services/api-keys.js');
  const { encodeGlobalID } = await import('@pothos/plugin-relay');

  const { secret } = await createApiKey({ name: 'load-test', scopes: ['read'] });
  const companyIds = (await prisma.company.findMany({ select: { id: true } })).map((c) => encodeGlobalID('Company', c.id));
  const documentIds = (await prisma.document.findMany({ select: { id: true } })).map((d) => encodeGlobalID('Document', d.id));

  const server = createServer(buildYoga({ allowAnonymous: false, introspection: false, graphiql: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  stopServer = () => new Promise((resolve) => server.close(() => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const pick = <T>(list: T[]) => list[Math.floor(Math.random() * list.length)]!;
  let graphqlErrors = 0;
  let firstError = '';
  const checkBody = (_status: number, body: string) => {
    if (body.includes('"errors"') || body.includes('"__typename":"NotFoundError"')) {
      graphqlErrors++;
      firstError ||= body.slice(0, 300);
    }
  };
  const request = (query: string, variables: () => Record<string, unknown>): autocannon.Request => ({
    method: 'POST',
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ query, variables: variables() }) }),
    onResponse: checkBody,
  });

  console.log(`load: ${CONNECTIONS} clients for ${SECONDS} s on ${SIZE.companies} companies × ${SIZE.documentsPerCompany} documents`);
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', authorization: `Bearer ${secret}` },
    requests: [
      request(CATALOGUE, () => ({})),
      request(COMPILED, () => ({ companyId: pick(companyIds) })),
      request(DOCUMENT, () => ({ id: pick(documentIds) })),
    ],
  });

  const errors = result.errors + result.timeouts + result.non2xx + graphqlErrors;
  console.log(
    JSON.stringify(
      {
        requests: result.requests.total,
        requestsPerSecond: Math.round(result.requests.average),
        latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
        errors: { total: errors, http: result.non2xx, socket: result.errors, timeouts: result.timeouts, graphql: graphqlErrors },
      },
      null,
      2,
    ),
  );
  if (errors) {
    console.error(`errors during the load test; first GraphQL error body: ${firstError}`);
    process.exitCode = 1;
  }
} finally {
  await new Promise((resolve) => setTimeout(resolve, 2_000)); // requests still in flight when the clock ran out
  await stopServer();
  await (await import('../src/db/notifications.js')).stopListening(); // the response cache's LISTEN connection
  const { prisma } = await import('../src/db.js');
  await prisma.$disconnect();
  await database.stop();
}
