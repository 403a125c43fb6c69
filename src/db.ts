// The Prisma client singleton (never on the context). DATABASE_URL must be set before this module loads:
// src/server.ts starts the embedded database first when it is not.
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export type { Prisma } from './generated/prisma/client.js';

function createClient() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (src/server.ts sets it when it starts the embedded database)');
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url, max: Number(process.env.DB_POOL_SIZE ?? 10) }),
    log: [{ emit: 'event', level: 'query' }],
    // A burst of job requests queues for pooled connections; Prisma's 2 s default failed 30 concurrent ones at once
    // (tests/jobs/scale-out.test.ts) with "Unable to start a transaction in the given time".
    transactionOptions: { maxWait: 15_000 },
  });
}

export const prisma = createClient();
export type Db = typeof prisma;
export type Tx = Parameters<Parameters<Db['$transaction']>[0]>[0];

/** Listeners told of every SQL statement Prisma sends (used to count queries per request in tests and benches). */
const queryListeners = new Set<(sql: string) => void>();
prisma.$on('query', (e) => {
  for (const l of queryListeners) l(e.query);
});

export function onQuery(listener: (sql: string) => void): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}
