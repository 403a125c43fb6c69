// The application's HTTP server for a load benchmark, in its own process: a throwaway migrated database with the
// seeded catalogue, `buildYoga()` as `npm start` builds it (no job worker). Prints one JSON line
// { port, companyId } when listening; stops and removes the database on SIGTERM.
// BENCH_YOGA_PLUGIN=response-cache|graphql-jit serves src/yoga.ts with that plugin appended (bench/lib/yoga-variant.ts).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startBenchDatabase } from './database.js';

process.env.LOG_LEVEL ??= 'warn';
const database = await startBenchDatabase();
const { prisma } = await import('../../src/db.js');
const { seedCatalogue } = await import('../../prisma/seed.js');
await seedCatalogue(prisma);
const company = await prisma.company.findFirstOrThrow({ where: { name: 'AstraZeneca PLC' } });

const variant = process.env.BENCH_YOGA_PLUGIN;
const { buildYoga } = variant ? await (await import('./yoga-variant.js')).loadYogaVariant(variant) : await import('../../src/yoga.js');
const server = createServer(buildYoga());
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const port = (server.address() as AddressInfo).port;
console.log(JSON.stringify({ port, companyId: Buffer.from(`Company:${company.id}`).toString('base64') }));

process.once('SIGTERM', async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  // Requests cut off mid-flight still finish their queries: let them, quietly, before the database goes.
  process.env.LOG_LEVEL = 'silent';
  await new Promise((resolve) => setTimeout(resolve, 200));
  await prisma.$disconnect();
  await database.stop();
  process.exit(0);
});
