// The bare graphql-yoga the server benchmark measures against: no plugins, no Pothos, the query's shape
// (company(id) → CompanyResult union → name, tickers) answered by `company`. Listens on a free port, prints
// { port }, and on SIGTERM closes, runs `stop` and exits.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createSchema, createYoga } from 'graphql-yoga';

export async function serveBareYoga(company: () => unknown, stop: () => Promise<void> = async () => {}) {
  const yoga = createYoga({
    schema: createSchema({
      typeDefs: /* GraphQL */ `
        type Ticker { ticker: String! }
        type Company { name: String! tickers: [Ticker!]! }
        type NotFoundError { message: String! }
        union CompanyResult = Company | NotFoundError
        type Query { company(id: ID!): CompanyResult! }
      `,
      resolvers: { Query: { company } },
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
    await stop();
    process.exit(0);
  });
}
