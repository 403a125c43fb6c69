// The GraphQL HTTP handler: schema, per-request context, GraphiQL, hardening (src/security.ts), logging, metrics,
// health and readiness (src/observability.ts). No port: src/server.ts listens; tests call `yoga.fetch` in-process.
import { createFetch } from '@whatwg-node/fetch';
import { createYoga } from 'graphql-yoga';
import { config } from './config.js';
import { contextFactory } from './context.js';
import { requireRead } from './http/access.js';
import { useDocumentDownload } from './http/document-download.js';
import { responseCachePlugins, type ResponseCacheSettings } from './http/response-cache.js';
import { useStatementCsv } from './http/statement-csv.js';
import { logger } from './logger.js';
import { observabilityPlugins } from './observability.js';
import { schema } from './schema/index.js';
import { RateLimiter, securityPlugins } from './security.js';

const DEFAULT_QUERY = `# Financial Data Extractor. Pick an operation with the run button; each works on a fresh database.
# The same operations, typed for clients, are in examples/operations.ts (import "financial-data-extractor/operations"):
#   ListCompanies, CompanyWithDocuments, AddCompany, UploadReport (multipart: see examples/client.ts),
#   StartReportExtraction, CompileCompanyStatements, FollowJob (SSE), JobStatus, CompiledStatementTable.
# "npm run demo" loads Lyft's 10-K, then run CompiledStatementTable; "npm run example" shows the whole flow.

query ListCompanies($search: String) {
  companies(first: 10, search: $search) {
    totalCount
    edges { node { id name primaryTicker tickers { ticker exchange } } }
  }
}

query CompanyWithDocuments($ticker: String! = "AZN") {
  companyByTicker(ticker: $ticker) {
    __typename
    ... on Company {
      id
      name
      documents(first: 10) {
        totalCount
        edges {
          node {
            id fiscalYear kind pageCount status
            income: latestExtraction(type: INCOME_STATEMENT) { id pages unit currency }
          }
        }
      }
    }
    ... on NotFoundError { message }
  }
}

# A document id from CompanyWithDocuments; then FollowJob with the job id it returns.
mutation StartReportExtraction($documentId: ID!) {
  startExtraction(input: { documentId: $documentId }) {
    __typename
    ... on StartExtractionPayload { existing job { id status } }
    ... on Error { message }
  }
}

subscription FollowJob($id: ID!) {
  jobProgress(id: $id) { id kind status progress { step current total percent } error { code message } }
}

query CompiledStatementTable($ticker: String! = "LYFT", $type: StatementType! = INCOME_STATEMENT) {
  companyByTicker(ticker: $ticker) {
    __typename
    ... on Company {
      name
      compiledStatement(type: $type) {
        currency unit fiscalYears csvUrl
        rows { label concept cells { fiscalYear value restated source { page } } }
      }
    }
    ... on NotFoundError { message }
  }
}
`;

/** What a server may be built with; each defaults to src/config.ts (tests override, e.g. production mode). */
export interface ServerSettings {
  allowAnonymous: boolean;
  graphiql: boolean;
  introspection: boolean;
  maxDocumentBytes: number;
  maxRequestBytes: number;
  jobRateLimit: { perMinute: number; burst: number };
  /** false turns the response cache off whatever the configuration says (benchmarks of execution do). */
  responseCache: ResponseCacheSettings | false;
}

export function serverSettings(overrides: Partial<ServerSettings> = {}): ServerSettings {
  return {
    allowAnonymous: config.auth.allowAnonymous,
    graphiql: config.graphiql,
    introspection: config.introspection,
    maxDocumentBytes: config.maxDocumentBytes,
    maxRequestBytes: config.maxRequestBytes,
    jobRateLimit: config.jobRateLimit,
    responseCache: config.responseCache,
    ...overrides,
  };
}

export function buildYoga(overrides: Partial<ServerSettings> = {}) {
  const settings = serverSettings(overrides);
  const guard = requireRead(settings.allowAnonymous);
  return createYoga({
    schema,
    context: contextFactory({ allowAnonymous: settings.allowAnonymous, jobRateLimiter: new RateLimiter(settings.jobRateLimit) }),
    graphqlEndpoint: '/graphql',
    graphiql: settings.graphiql ? { title: 'Financial Data Extractor', defaultQuery: DEFAULT_QUERY } : false,
    landingPage: false,
    // One operation per request: a JSON array of operations is refused (see src/security.ts).
    batching: false,
    // Multipart uploads are cut off while streaming once a file passes the document size limit.
    fetchAPI: createFetch({
      formDataLimits: { fileSize: settings.maxDocumentBytes, files: 1, fieldSize: 1024 * 1024, parts: 20 },
    }),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // Masked errors arrive here with their stack; clients only see "Unexpected error.".
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    plugins: [
      ...observabilityPlugins(),
      ...securityPlugins(settings),
      useStatementCsv(guard),
      useDocumentDownload(guard),
      // Repeated queries answered from memory until the database changes (src/http/response-cache.ts). No
      // graphql-jit: its compiled-query cache ignored operationName and variable defaults (tests/api/conformance).
      ...(settings.responseCache ? responseCachePlugins(settings.responseCache) : []),
    ],
  });
}

export type Yoga = ReturnType<typeof buildYoga>;
