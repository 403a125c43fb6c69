// A second baseline for the server benchmark: a bare graphql-yoga (no plugins, no Pothos) whose resolver runs the
// same Prisma query as the application's `company(id) { name tickers { ticker } }` (the company with its tickers,
// one statement with relationJoins) on the same kind of throwaway database. Between the bare Yoga answering a
// constant and the application, it shows what Yoga + Prisma + PostgreSQL alone cost, apart from our plugins and
// schema. Prints { port, companyId } when listening; stops and removes the database on SIGTERM.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';
import { startBenchDatabase } from './database.js';

process.env.LOG_LEVEL ??= 'warn';
const database = await startBenchDatabase();
const { prisma } = await import('../../src/db.js');
const { seedCatalogue } = await import('../../prisma/seed.js');
await seedCatalogue(prisma);
const { id } = await prisma.company.findFirstOrThrow({ where: { name: 'AstraZeneca PLC' } });

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Ticker { ticker: String! }
      type Company { name: String! tickers: [Ticker!]! }
      type NotFoundError { message: String! }
      union CompanyResult = Company | NotFoundError
      type Query { company(id: ID!): CompanyResult! }
    `,
    resolvers: {
      Query: {
        // The id is the seeded company's, as the application's request names it; the selection is the query's.
        company: async () => ({
          __typename: 'Company',
          ...(await prisma.company.findUniqueOrThrow({
            where: { id },
            select: { name: true, tickers: { select: { ticker: true }, orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] } },
          })),
        }),
      },
    },
  }),
  logging: false,
  landingPage: false,
});
const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));

process.once('SIGTERM', async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await prisma.$disconnect();
  await database.stop();
  process.exit(0);
});
