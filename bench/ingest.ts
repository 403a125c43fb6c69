// Ingest and the event loop: what an upload of a 238-page 10-K does to the API's event loop now (parsed in a
// reader thread) against parsing it on the loop (what ingest did before), and 20 simultaneous uploads of one new
// PDF (parses, time, /health). Prints figures; nothing is asserted (tests/documents/event-loop.test.ts asserts
// the behaviour).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startBenchDatabase } from './lib/database.js';

const REPORTS = path.resolve(import.meta.dirname, '../../shared/fixtures/reports/pdfs');
const LARGE = 'lyft_2021.pdf';
const CROWD = 'xp_power_h1_2025.pdf';

const database = await startBenchDatabase();
const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fde-bench-ingest-'));
process.env.DATA_DIR = dataDir;
process.env.LOG_LEVEL = 'silent';
process.env.UPLOAD_RATE_LIMIT_BURST = '1000';

const { prisma } = await import('../src/db.js');
const { buildYoga } = await import('../src/yoga.js');
const { documentReadings } = await import('../src/metrics.js');
const { stopReaders } = await import('../src/services/documents/reading/reader-pool.js');
const { readPdf, LayoutStatementExtractor } = await import('../src/extraction/index.js');
const { classifyDocument } = await import('../src/services/documents/classify.js');
const { watchEventLoop } = await import('../tests/helpers/event-loop.js');
const { stopQueue } = await import('../src/queue/index.js');

const yoga = buildYoga({ responseCache: false });
const health = () => yoga.fetch('http://yoga/health');
const UPLOAD = `mutation ($input: UploadDocumentInput!) { uploadDocument(input: $input) {
  __typename ... on UploadDocumentPayload { deduplicated document { id pageCount } } ... on Error { message } } }`;

async function upload(bytes: Uint8Array, companyId: number) {
  const form = new FormData();
  const companyGlobalId = Buffer.from(`Company:${companyId}`).toString('base64');
  form.append('operations', JSON.stringify({ query: UPLOAD, variables: { input: { companyId: companyGlobalId, file: null } } }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([Buffer.from(bytes)], { type: 'application/pdf' }), 'report.pdf');
  const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1' }, body: form });
  return (await response.json()) as { data?: { uploadDocument: { __typename: string; deduplicated?: boolean } } };
}

const parses = async () => (await documentReadings.get()).values.reduce((n, v) => n + v.value, 0);
const row = (name: string, f: Awaited<ReturnType<typeof watchEventLoop>>['figures'], extra = '') =>
  console.log(
    `| ${name} | ${(f.ms / 1000).toFixed(1)} s | ${Math.round(f.maxDelayMs)} ms | ${Math.round(f.p99DelayMs)} ms | ` +
      `${f.utilisation.toFixed(2)} | ${Math.round(f.healthGapMs)} ms |${extra}`,
  );

try {
  const large = new Uint8Array(await readFile(path.join(REPORTS, LARGE)));
  const crowd = new Uint8Array(await readFile(path.join(REPORTS, CROWD)));
  const company = await prisma.company.create({ data: { name: 'Bench plc' } });
  // Warm-up: schema, multipart, /health's first answer.
  await upload(crowd.slice(0, 0), company.id).catch(() => {});
  for (let i = 0; i < 5; i++) await health();

  console.log(`| ${LARGE} (238 pages) | time | longest loop stall | p99 stall | loop utilisation | longest /health gap | parses |`);
  console.log('|---|---|---|---|---|---|---|');
  const inline = await watchEventLoop(async () => {
    const pdf = await readPdf(large);
    return classifyDocument(pdf, await new LayoutStatementExtractor().extract(pdf));
  }, health);
  row('parsed on the event loop (ingest before)', inline.figures, ' 1 |');
  let before = await parses();
  const threaded = await watchEventLoop(() => upload(large, company.id), health);
  row('upload, parsed in a reader thread (now)', threaded.figures, ` ${(await parses()) - before} |`);

  const crowdCompany = await prisma.company.create({ data: { name: 'Crowd plc' } });
  before = await parses();
  const together = await watchEventLoop(() => Promise.all(Array.from({ length: 20 }, () => upload(crowd, crowdCompany.id))), health);
  const created = together.result.filter((r) => r.data?.uploadDocument.deduplicated === false).length;
  row(`20 simultaneous uploads of ${CROWD}`, together.figures, ` ${(await parses()) - before} (${created} document created) |`);
} finally {
  await stopReaders();
  await stopQueue({ graceful: false }).catch(() => {});
  await prisma.$disconnect();
  await database.stop();
  await rm(dataDir, { recursive: true, force: true });
}
