// The SDK as a client project gets it: `npm pack` of sdk/, installed from the tarball into a scratch project next
// to urql and graphql-sse from the npm registry (exact versions; npm's cache first), a consumer type-checked
// against it (wrong variables and fields must not compile, result types are inferred from the documents),
// compiled to plain JavaScript and run with node against a live server: a query through urql with the typed
// documents, the subscription FollowJob through the SDK's graphql-sse helper, and the SDK's own fetch helpers.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { buildYoga } from '../../src/yoga.js';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const TSC = path.join(ROOT, 'node_modules/.bin/tsc');

/** What the consumer installs besides the SDK, exact (all support Node 20: no engines field, or >=12). */
const CLIENTS = { '@urql/core': '6.0.3', 'graphql-sse': '2.6.1' };
/** Their own dependencies, pinned too, so the test does not move when they publish. */
const PINNED = { wonka: '6.3.6', '@0no-co/graphql.web': '1.3.4' };

let server: Server;
let url: string;
let scratch: string;
let jobId: string;

const CONSUMER = `
import { Client, fetchExchange } from '@urql/core';
import { createClient } from 'graphql-sse';
import { execute, subscribe, ListCompaniesDocument, FollowJobDocument, type JobStatus } from '@financial-data-extractor/sdk';
import { sseSubscription } from '@financial-data-extractor/sdk/sse';

declare const process: { argv: string[] }; // no @types/node in this browser-or-node consumer
const [url, jobId] = process.argv.slice(2) as [string, string];

// urql with the typed documents: variables checked, data typed.
const urql = new Client({ url, exchanges: [fetchExchange], preferGetMethod: false });
const listed = await urql.query(ListCompaniesDocument, { first: 5, search: 'Packaged' }).toPromise();
if (listed.error || !listed.data) throw listed.error ?? new Error('no data');
const names: string[] = listed.data.companies.edges.map((edge) => edge.node.name);
// @ts-expect-error: the variables' types come from the document (first is an Int)
void (() => urql.query(ListCompaniesDocument, { first: 'five' }));

// FollowJob over SSE with graphql-sse, through the SDK's helper: each result typed from the document.
const sse = createClient({ url });
const statuses: JobStatus[] = [];
for await (const result of sseSubscription(sse, FollowJobDocument, { id: jobId })) {
  if (result.errors?.length) throw new Error(JSON.stringify(result.errors));
  if (result.data) statuses.push(result.data.jobProgress.status);
  // @ts-expect-error: the result type is inferred from FollowJob, whose job has no field 'nope'
  void result.data?.jobProgress.nope;
}
sse.dispose();
// @ts-expect-error: FollowJob needs its id
void (() => sseSubscription(sse, FollowJobDocument, {}));

// The SDK's own helpers over fetch (no client library).
const again = await execute(url, ListCompaniesDocument, { first: 5, search: 'Packaged' });
const fetched: JobStatus[] = [];
for await (const event of subscribe(url, FollowJobDocument, { id: jobId })) if (event.data) fetched.push(event.data.jobProgress.status);
// @ts-expect-error: FollowJob needs its id
void (() => subscribe(url, FollowJobDocument, {}));
console.log(JSON.stringify({ names, statuses, again: again.companies.totalCount, fetched }));
`;

beforeAll(async () => {
  await prisma.company.create({ data: { name: 'Packaged Client plc' } });
  const job = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'SUCCEEDED', finishedAt: new Date() } });
  jobId = Buffer.from(`Job:${job.id}`).toString('base64');
  server = createServer(buildYoga());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  scratch = await mkdtemp(path.join(os.tmpdir(), 'fde-sdk-consumer-'));
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await stopListening();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe('the SDK package', () => {
  it('packs with built JavaScript and declarations, and nothing of the tests', async () => {
    await run('npm', ['pack', '--pack-destination', scratch], { cwd: path.join(ROOT, 'sdk') });
    const [tarball] = (await readdir(scratch)).filter((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    const { stdout } = await run('tar', ['tzf', path.join(scratch, tarball!)]);
    expect(stdout).toContain('package/dist/index.js');
    expect(stdout).toContain('package/dist/index.d.ts');
    expect(stdout).toContain('package/dist/sse.js');
    expect(stdout).toContain('package/dist/sse.d.ts');
    expect(stdout).toContain('package/README.md');
    const { stdout: types } = await run('tar', ['xzOf', path.join(scratch, tarball!), 'package/dist/generated/graphql.d.ts']);
    expect(types).toContain('ListCompaniesDocument');
    // The tests' own operations are not part of what clients get.
    expect(types).not.toMatch(/CreateCompanyWithKey|UploadToS3|JobById/);
  }, 120_000);

  it('installs from the tarball with urql and graphql-sse, type-checks a consumer and runs it against a live server', async () => {
    const [tarball] = (await readdir(scratch)).filter((f) => f.endsWith('.tgz'));
    const consumer = path.join(scratch, 'consumer');
    const version = async (name: string) => JSON.parse(await readFile(path.join(ROOT, 'node_modules', name, 'package.json'), 'utf8')).version as string;
    await run('mkdir', ['-p', consumer]);
    await writeFile(
      path.join(consumer, 'package.json'),
      JSON.stringify({
        name: 'consumer',
        private: true,
        type: 'module',
        dependencies: { '@financial-data-extractor/sdk': `file:../${tarball}`, graphql: await version('graphql'), ...CLIENTS },
        overrides: { ...PINNED, '@graphql-typed-document-node/core': await version('@graphql-typed-document-node/core') },
      }),
    );
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, lib: ['ES2023', 'DOM', 'DOM.AsyncIterable'], types: [], outDir: 'out', skipLibCheck: false }, files: ['index.ts'] }),
    );
    await writeFile(path.join(consumer, 'index.ts'), CONSUMER);
    // From the npm registry, npm's cache first; no install scripts run.
    await run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: consumer });
    const installed = JSON.parse(await readFile(path.join(consumer, 'node_modules/@urql/core/package.json'), 'utf8')).version;
    expect(installed).toBe(CLIENTS['@urql/core']);
    await run(TSC, ['-p', 'tsconfig.json'], { cwd: consumer }).catch((err: { stdout: string }) => {
      throw new Error(`the consumer does not type-check:\n${err.stdout}`);
    });
    const { stdout } = await run(process.execPath, ['out/index.js', url, jobId], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ names: ['Packaged Client plc'], statuses: ['SUCCEEDED'], again: 1, fetched: ['SUCCEEDED'] });
  }, 240_000);
});
