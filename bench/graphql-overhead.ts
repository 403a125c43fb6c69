// GraphQL overhead vs the database: 200 companies × 10 annual reports × 3 extractions; the catalogue page
// `companies(first: 50) { … documents { … latestExtraction … } }` through the whole HTTP stack (response cache off),
// against the same data fetched by hand-written SQL with `pg` and served as the same JSON by a bare node:http
// server (the figure's baseline, issue 14: <= 1.2x); the SQL alone is printed beside it. Also counts the SQL
// statements Prisma sends per request for first: 5 and first: 50, which must be equal (no N+1).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { seedLargeCatalogue } from './lib/catalogue.js';
import { startBenchDatabase } from './lib/database.js';
import { reportFigure, timeRuns } from './lib/figures.js';

const TARGET = 1.2;
const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const SIZE = { companies: 200, documentsPerCompany: 10 };
process.env.LOG_LEVEL ??= 'warn';

const QUERY = /* GraphQL */ `
  query CatalogueWithExtractions($first: Int!) {
    companies(first: $first) {
      totalCount
      edges {
        node {
          id
          name
          primaryTicker
          tickers { ticker exchange }
          documents(first: 10) {
            totalCount
            edges {
              node {
                id
                fiscalYear
                kind
                pageCount
                income: latestExtraction(type: INCOME_STATEMENT) { id provider unit currency pages }
                balance: latestExtraction(type: BALANCE_SHEET) { id provider unit currency pages }
                cashFlow: latestExtraction(type: CASH_FLOW_STATEMENT) { id provider unit currency pages }
              }
            }
          }
        }
      }
    }
  }
`;

const database = await startBenchDatabase();
try {
  const t0 = performance.now();
  await seedLargeCatalogue(database.url, SIZE);
  console.log(`seeded ${SIZE.companies} companies × ${SIZE.documentsPerCompany} documents × 3 extractions in ${Math.round(performance.now() - t0)} ms`);

  const { prisma, onQuery } = await import('../src/db.js');
  const { buildYoga } = await import('../src/yoga.js');
  // The response cache off: this measures executing the query, which a cache would skip after the first request.
  const server = createServer(buildYoga({ responseCache: false }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;

  const viaGraphql = async (first: number) => {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
      body: JSON.stringify({ query: QUERY, variables: { first } }),
    });
    const body = (await response.json()) as { data?: { companies: { edges: unknown[] } }; errors?: unknown[] };
    if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
    return body.data;
  };

  const pool = new pg.Pool({ connectionString: database.url, max: Number(process.env.DB_POOL_SIZE ?? 10) });
  pool.on('error', () => {}); // the database is dropped under it at the end
  const viaSql = (first: number) => fetchCatalogueBySql(pool, first);
  // The baseline: the floor's data served as JSON by a bare node:http server and fetched by the same client, i.e.
  // what HTTP and JSON alone add on top of the SQL.
  const floorServer = createServer(async (req, res) => {
    const { data } = await viaSql(Number(new URL(req.url ?? '/', 'http://x').searchParams.get('first')));
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data }));
  });
  await new Promise<void>((resolve) => floorServer.listen(0, '127.0.0.1', resolve));
  const floorEndpoint = `http://127.0.0.1:${(floorServer.address() as AddressInfo).port}/`;
  const viaSqlOverHttp = async (first: number) => ((await (await fetch(`${floorEndpoint}?first=${first}`)).json()) as { data: unknown }).data;

  // Same shape, same counts: the floor is only a floor if it fetches the same thing.
  const [a, b] = [await viaGraphql(50), await viaSql(50)];
  if (JSON.stringify(a) !== JSON.stringify(b.data)) {
    console.warn('warning: the SQL floor and the GraphQL response differ; first edge of each:');
    console.warn(JSON.stringify(a.companies.edges[0]).slice(0, 400));
    console.warn(JSON.stringify(b.data.companies.edges[0]).slice(0, 400));
  }

  const statements: Record<number, number> = {};
  for (const first of [5, 50]) {
    let n = 0;
    const stop = onQuery(() => n++);
    await viaGraphql(first);
    stop();
    statements[first] = n;
  }

  // Warm up both paths, then interleave them so a slow patch of the machine hits both alike.
  for (let i = 0; i < 10; i++) await Promise.all([viaGraphql(50), viaSql(50), viaSqlOverHttp(50)]);
  const graphqlTimes: number[] = [];
  const sqlTimes: number[] = [];
  const sqlHttpTimes: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    graphqlTimes.push((await timeRuns(1, () => viaGraphql(50))).min);
    sqlTimes.push((await timeRuns(1, () => viaSql(50))).min);
    sqlHttpTimes.push((await timeRuns(1, () => viaSqlOverHttp(50))).min);
  }
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const graphqlMs = median(graphqlTimes);
  const sqlMs = median(sqlTimes);
  const sqlHttpMs = median(sqlHttpTimes);
  const ratio = graphqlMs / sqlHttpMs;

  console.log(`companies(first: 50) with 10 documents × 3 latest extractions each (${RUNS} runs, medians)`);
  console.log(`  GraphQL over HTTP   ${graphqlMs.toFixed(1)} ms`);
  console.log(`  same SQL as JSON    ${sqlHttpMs.toFixed(1)} ms   (bare node:http server, ${b.statements} statements with pg)`);
  console.log(`  ratio               ${ratio.toFixed(2)}x   (target <= ${TARGET}x)`);
  console.log(`  for context: the SQL alone ${sqlMs.toFixed(1)} ms; GraphQL ÷ that ${(graphqlMs / sqlMs).toFixed(2)}x`);
  console.log(`  SQL statements per request: first: 5 -> ${statements[5]}, first: 50 -> ${statements[50]} (${statements[5] === statements[50] ? 'equal' : 'NOT equal: N+1'})`);
  reportFigure({
    benchmark: 'GraphQL vs the same SQL as JSON over bare HTTP (companies first: 50, 10 docs × 3 extractions, cache off)',
    figure: `${graphqlMs.toFixed(1)} ms`,
    baseline: `${sqlHttpMs.toFixed(1)} ms (pg + bare node:http; SQL alone ${sqlMs.toFixed(1)} ms)`,
    ratio,
    target: `<= ${TARGET}x; statements 5 = 50`,
    pass: ratio <= TARGET && statements[5] === statements[50],
  });
  reportFigure({
    benchmark: 'SQL statements per request (first: 5 / first: 50)',
    figure: `${statements[5]} / ${statements[50]}`,
    baseline: '-',
    ratio: statements[50] / statements[5],
    target: 'equal',
    pass: statements[5] === statements[50],
  });

  floorServer.closeAllConnections();
  await new Promise<void>((resolve) => floorServer.close(() => resolve()));
  await pool.end();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await prisma.$disconnect();
} catch (err) {
  console.error(err);
  process.exitCode = 1;
} finally {
  await database.stop();
}

function globalId(type: string, id: number) {
  return Buffer.from(`${type}:${id}`).toString('base64');
}

/** The floor: five statements, two of them in parallel, assembled into the response's JSON shape. */
async function fetchCatalogueBySql(pool: pg.Pool, first: number) {
  const [{ rows: [{ count }] }, { rows: companies }] = await Promise.all([
    pool.query<{ count: number }>('SELECT count(*)::int AS count FROM "Company"'),
    pool.query<{ id: number; name: string }>('SELECT id, name FROM "Company" ORDER BY name, id LIMIT $1', [first]),
  ]);
  const ids = companies.map((c) => c.id);
  const [{ rows: tickers }, { rows: documents }] = await Promise.all([
    pool.query<{ companyId: number; ticker: string; exchange: string; isPrimary: boolean }>(
      'SELECT "companyId", ticker, exchange, "isPrimary" FROM "Ticker" WHERE "companyId" = ANY($1) ORDER BY "isPrimary" DESC, id',
      [ids],
    ),
    pool.query<{ id: number; companyId: number; fiscalYear: number | null; kind: string; pageCount: number | null; total: number }>(
      `SELECT id, "companyId", "fiscalYear", kind, "pageCount", total FROM (
         SELECT id, "companyId", "fiscalYear", kind, "pageCount", count(*) OVER w_all::int AS total,
                row_number() OVER (PARTITION BY "companyId" ORDER BY "fiscalYear" DESC NULLS LAST, id DESC) AS rn
         FROM "Document" WHERE "companyId" = ANY($1) WINDOW w_all AS (PARTITION BY "companyId")) d
       WHERE rn <= 10 ORDER BY "companyId", rn`,
      [ids],
    ),
  ]);
  const { rows: extractions } = await pool.query<{
    id: number; documentId: number; statementType: string; provider: string; unit: string; currency: string | null; pages: number[];
  }>(
    `SELECT DISTINCT ON ("documentId", "statementType") id, "documentId", "statementType", provider, unit, currency, pages
     FROM "Extraction" WHERE "documentId" = ANY($1) ORDER BY "documentId", "statementType", "updatedAt" DESC, id DESC`,
    [documents.map((d) => d.id)],
  );
  const latest = new Map(extractions.map((e) => [`${e.documentId}:${e.statementType}`, e]));
  const extraction = (documentId: number, type: string) => {
    const e = latest.get(`${documentId}:${type}`);
    return e ? { id: globalId('Extraction', e.id), provider: e.provider, unit: e.unit, currency: e.currency, pages: e.pages } : null;
  };
  const data = {
    companies: {
      totalCount: count,
      edges: companies.map((c) => {
        const own = tickers.filter((t) => t.companyId === c.id);
        const docs = documents.filter((d) => d.companyId === c.id);
        return {
          node: {
            id: globalId('Company', c.id),
            name: c.name,
            primaryTicker: own.find((t) => t.isPrimary)?.ticker ?? null,
            tickers: own.map((t) => ({ ticker: t.ticker, exchange: t.exchange })),
            documents: {
              totalCount: docs[0]?.total ?? 0,
              edges: docs.map((d) => ({
                node: {
                  id: globalId('Document', d.id),
                  fiscalYear: d.fiscalYear,
                  kind: d.kind,
                  pageCount: d.pageCount,
                  income: extraction(d.id, 'INCOME_STATEMENT'),
                  balance: extraction(d.id, 'BALANCE_SHEET'),
                  cashFlow: extraction(d.id, 'CASH_FLOW_STATEMENT'),
                },
              })),
            },
          },
        };
      }),
    },
  };
  return { data: JSON.parse(JSON.stringify(data)) as typeof data, statements: 5 };
}
