// The GraphQL HTTP handler: schema, per-request context, GraphiQL, hardening (src/security.ts), logging, metrics,
// health and readiness (src/observability.ts). No port: src/server.ts listens; tests call `yoga.fetch` in-process.
import { createFetch } from '@whatwg-node/fetch';
import { createYoga } from 'graphql-yoga';
import { config } from './config.js';
import { contextFactory } from './context.js';
import { requireRead } from './http/access.js';
import { useDocumentDownload } from './http/document-download.js';
import { compiledExecutionPlugins } from './http/compiled-execution.js';
import { graphiqlOptions, renderGraphiQL } from './http/graphiql.js';
import { responseCachePlugins, type ResponseCacheSettings } from './http/response-cache.js';
import { useStatementCsv } from './http/statement-csv.js';
import { useWebApp } from './http/web-app.js';
import { logger } from './logger.js';
import { observabilityPlugins } from './observability.js';
import { schema } from './schema/index.js';
import { SharedRateLimiter, type RateLimit } from './rate-limit.js';
import { maxUploadRequestBytes, securityPlugins } from './security.js';

/** What a server may be built with; each defaults to src/config.ts (tests override, e.g. production mode). */
export interface ServerSettings {
  allowAnonymous: boolean;
  graphiql: boolean;
  introspection: boolean;
  maxDocumentBytes: number;
  maxRequestBytes: number;
  jobRateLimit: RateLimit;
  uploadRateLimit: RateLimit;
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
    uploadRateLimit: config.uploadRateLimit,
    responseCache: config.responseCache,
    ...overrides,
  };
}

export function buildYoga(overrides: Partial<ServerSettings> = {}) {
  const settings = serverSettings(overrides);
  const guard = requireRead(settings.allowAnonymous);
  return createYoga({
    schema,
    context: contextFactory({
      allowAnonymous: settings.allowAnonymous,
      jobRateLimiter: new SharedRateLimiter('jobs', 'jobs started', settings.jobRateLimit),
      uploadRateLimiter: new SharedRateLimiter('uploads', 'documents added', settings.uploadRateLimit),
    }),
    graphqlEndpoint: '/graphql',
    graphiql: settings.graphiql ? graphiqlOptions : false,
    renderGraphiQL,
    landingPage: false,
    // One operation per request: a JSON array of operations is refused (see src/security.ts).
    batching: false,
    // Yoga's default body limit (25 MB) would refuse valid reports below MAX_DOCUMENT_MB; src/security.ts bounds bodies.
    maxRequestBodySize: maxUploadRequestBytes(settings),
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
      // The statement viewer at / (web/): static files and page navigations; API paths pass through.
      useWebApp(),
      // Compiled execution, made exact (src/http/compiled-execution.ts; tests/api/conformance.test.ts).
      ...compiledExecutionPlugins(),
      // Repeated queries answered from memory until the database changes (src/http/response-cache.ts). After
      // compiled execution: on a miss the cache wraps the compiled executor instead of being replaced by it.
      ...(settings.responseCache ? responseCachePlugins(settings.responseCache, schema) : []),
    ],
  });
}

export type Yoga = ReturnType<typeof buildYoga>;
