// The baseline for the server benchmark: a bare graphql-yoga in the same kind of process (tsx, node:http) answering
// the same query shape (company(id) → CompanyResult union → name, tickers) with a constant. Prints { port }.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

const company = { __typename: 'Company', name: 'AstraZeneca PLC', tickers: [{ ticker: 'AZN' }, { ticker: 'AZN' }, { ticker: 'AZN' }] };

const yoga = createYoga({
  schema: createSchema({
    typeDefs: /* GraphQL */ `
      type Ticker { ticker: String! }
      type Company { name: String! tickers: [Ticker!]! }
      type NotFoundError { message: String! }
      union CompanyResult = Company | NotFoundError
      type Query { company(id: ID!): CompanyResult! }
    `,
    resolvers: { Query: { company: () => company } },
  }),
  logging: false,
  landingPage: false,
});
const server = createServer(yoga);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));
process.once('SIGTERM', () => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
});
