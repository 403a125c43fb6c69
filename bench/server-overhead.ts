// Server overhead vs a bare Yoga: requests/s of `company(id) { name tickers { ticker } }` under 20 concurrent
// connections (autocannon) against the application's server, and against a bare graphql-yoga answering the same
// query with a constant, each in its own process of the same kind. The two are measured in alternation so a slow
// patch of the machine hits both. The figure (issue 14: >= 0.5) is the application with the response cache off:
// every request executed, one SQL statement. A bare Yoga running the same Prisma query in its resolver is measured
// the same way (a context row: Yoga + Prisma + PostgreSQL without our plugins and schema), and one sending the same
// data's hand-written SQL through pg (a context row: what Prisma's client costs). The application is also
// measured as it ships (response cache on: repeated queries are answered from memory until the database changes,
// src/http/response-cache.ts), a last row.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { reportFigure } from './lib/figures.js';

const TARGET = 0.5;
const CONNECTIONS = 20;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

const QUERY = `query Company($id: ID!) { company(id: $id) { __typename ... on Company { name tickers { ticker } } } }`;

interface Served {
  child: ChildProcess;
  port: number;
  companyId?: string;
}

async function serve(file: string, env: Record<string, string> = {}): Promise<Served> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(file, import.meta.url))], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before listening`)));
    lines.on('line', (line) => {
      if (!line.startsWith('{')) return console.log(`  [${file}] ${line}`);
      resolve({ child, ...(JSON.parse(line) as { port: number; companyId?: string }) });
    });
  });
}

async function stop(served: Served) {
  const exited = new Promise((resolve) => served.child.once('exit', resolve));
  served.child.kill('SIGTERM');
  await exited;
}

function request(served: Served) {
  return {
    url: `http://127.0.0.1:${served.port}/graphql`,
    method: 'POST' as const,
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: QUERY, variables: { id: served.companyId ?? 'Q29tcGFueTox' } }),
  };
}

async function checkAnswer(served: Served) {
  const { url, ...init } = request(served);
  const body = (await (await fetch(url, init)).json()) as { data?: { company: { name?: string } } };
  if (!body.data?.company.name) throw new Error(`unexpected answer from port ${served.port}: ${JSON.stringify(body)}`);
}

async function requestsPerSecond(served: Served): Promise<{ rps: number; p50: number; p99: number; failed: number }> {
  const result = await autocannon({ ...request(served), connections: CONNECTIONS, duration: SECONDS });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

async function measure(label: string, app: Served, bare: Served) {
  await checkAnswer(app);
  await checkAnswer(bare);
  // Warm-up: JIT, connection pool, caches.
  await autocannon({ ...request(app), connections: CONNECTIONS, duration: 2 });
  await autocannon({ ...request(bare), connections: CONNECTIONS, duration: 2 });
  const appRuns: number[] = [];
  const bareRuns: number[] = [];
  let last = { app: { p50: 0, p99: 0, failed: 0 }, bare: { p50: 0, p99: 0, failed: 0 } };
  for (let i = 0; i < ROUNDS; i++) {
    const a = await requestsPerSecond(app);
    const b = await requestsPerSecond(bare);
    appRuns.push(a.rps);
    bareRuns.push(b.rps);
    last = { app: a, bare: b };
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const appRps = mean(appRuns);
  const bareRps = mean(bareRuns);
  const ratio = appRps / bareRps;
  console.log(`${label}: ${CONNECTIONS} connections, ${ROUNDS} × ${SECONDS} s each, alternating`);
  console.log(`  measured      ${appRps.toFixed(0).padStart(6)} req/s   p50 ${last.app.p50} ms  p99 ${last.app.p99} ms  failed ${last.app.failed}`);
  console.log(`  bare Yoga     ${bareRps.toFixed(0).padStart(6)} req/s   p50 ${last.bare.p50} ms  p99 ${last.bare.p99} ms`);
  console.log(`  ratio         ${ratio.toFixed(2)}   (the figure's target >= ${TARGET})`);
  return { appRps, bareRps, ratio, failed: last.app.failed };
}

/**
 * Measures `file` (the application unless told) served with `env` against the bare Yoga, and reports the figure as
 * `benchmark`; a context row (no target of its own) passes when nothing failed.
 */
async function figureFor(
  benchmark: string,
  label: string,
  bare: Served,
  { env = {}, file = './lib/serve-app.ts', context = false }: { env?: Record<string, string>; file?: string; context?: boolean } = {},
) {
  const app = await serve(file, env);
  let m;
  try {
    m = await measure(label, app, bare);
  } finally {
    await stop(app);
  }
  reportFigure({
    benchmark,
    figure: `${m.appRps.toFixed(0)} req/s`,
    baseline: `${m.bareRps.toFixed(0)} req/s (bare graphql-yoga, constant)`,
    ratio: m.ratio,
    target: context ? '- (context)' : `>= ${TARGET}`,
    pass: (context || m.ratio >= TARGET) && m.failed === 0,
  });
}

const bare = await serve('./lib/serve-bare.ts');
try {
  await figureFor(
    'Server vs bare Yoga (company(id), 20 connections, response cache off)',
    'company(id) { name tickers { ticker } }, response cache off',
    bare,
    { env: { BENCH_RESPONSE_CACHE: 'off' } },
  );
  // What Yoga + Prisma + PostgreSQL cost without our plugins and schema: the ceiling the figure above can reach.
  await figureFor(
    'Bare Yoga + the same Prisma query in its resolver vs bare Yoga (company(id), 20 connections)',
    'bare Yoga + the same Prisma query (no plugins, no Pothos)',
    bare,
    { file: './lib/serve-bare-db.ts', env: { BENCH_BARE_READ: 'prisma' }, context: true },
  );
  // The same without Prisma: one hand-written statement through pg. The difference to the row above is Prisma's.
  await figureFor(
    'Bare Yoga + the same data by one hand-written SQL statement (pg) vs bare Yoga (company(id), 20 connections)',
    'bare Yoga + one hand-written statement through pg (no Prisma)',
    bare,
    { file: './lib/serve-bare-db.ts', env: { BENCH_BARE_READ: 'pg' }, context: true },
  );
  await figureFor('Server vs bare Yoga (company(id), 20 connections, as shipped: response cache on)', 'the same, as shipped (response cache on)', bare);
} finally {
  await stop(bare);
}
