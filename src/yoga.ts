// The GraphQL HTTP handler: schema, per-request context, GraphiQL, health and readiness. No port: src/server.ts
// listens; tests call `yoga.fetch` in-process.
import { createFetch } from '@whatwg-node/fetch';
import { createYoga, useReadinessCheck } from 'graphql-yoga';
import { config } from './config.js';
import { createContext } from './context.js';
import { prisma } from './db.js';
import { useDocumentDownload } from './http/document-download.js';
import { logger } from './logger.js';
import { storage } from './storage/index.js';
import { useStatementCsv } from './http/statement-csv.js';
import { schema } from './schema/index.js';

const DEFAULT_QUERY = `# Financial Data Extractor: try the seeded catalogue.
query Companies {
  companies(first: 10) {
    totalCount
    edges {
      node {
        id
        name
        primaryTicker
        tickers { ticker exchange }
        documents(first: 5) { totalCount edges { node { id fiscalYear kind pageCount } } }
      }
    }
  }
}
`;

export function buildYoga() {
  return createYoga({
    schema,
    context: createContext,
    graphqlEndpoint: '/graphql',
    graphiql: config.graphiql ? { title: 'Financial Data Extractor', defaultQuery: DEFAULT_QUERY } : false,
    landingPage: false,
    // Multipart uploads are cut off while streaming once a file passes the document size limit.
    fetchAPI: createFetch({
      formDataLimits: { fileSize: config.maxDocumentBytes, files: 1, fieldSize: 1024 * 1024, parts: 20 },
    }),
    logging: {
      debug: (...args) => logger.debug(args.map(String).join(' ')),
      info: (...args) => logger.info(args.map(String).join(' ')),
      warn: (...args) => logger.warn(args.map(String).join(' ')),
      // Masked errors arrive here with their stack; clients only see "Unexpected error.".
      error: (...args) => logger.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(' ')),
    },
    plugins: [
      useStatementCsv(),
      useReadinessCheck({
        endpoint: '/ready',
        check: async () => {
          await prisma.$queryRaw`SELECT 1`;
          await storage.checkWritable();
        },
      }),
      useDocumentDownload(),
    ],
  });
}

export type Yoga = ReturnType<typeof buildYoga>;
