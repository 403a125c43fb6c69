// The SDK as a client project gets it: `npm pack` of sdk/, installed from the tarball into a scratch project (its
// dependencies from the local npm cache), a consumer type-checked against it (wrong variables must not compile),
// compiled to plain JavaScript and run with node against a live server: a query and a subscription over SSE.
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

let server: Server;
let url: string;
let scratch: string;
let jobId: string;

const CONSUMER = `
import { execute, subscribe, ListCompaniesDocument, FollowJobDocument, type JobStatus } from '@financial-data-extractor/sdk';

declare const process: { argv: string[] }; // no @types/node in this browser-or-node consumer
const [url, jobId] = process.argv.slice(2) as [string, string];
const list = await execute(url, ListCompaniesDocument, { first: 5, search: 'Packaged' });
const names: string[] = list.companies.edges.map((edge) => edge.node.name);
const statuses: JobStatus[] = [];
for await (const event of subscribe(url, FollowJobDocument, { id: jobId })) {
  if (event.data) statuses.push(event.data.jobProgress.status);
}
// @ts-expect-error: the variables' types come from the document (first is an Int)
void (() => execute(url, ListCompaniesDocument, { first: 'five' }));
// @ts-expect-error: FollowJob needs its id
void (() => subscribe(url, FollowJobDocument, {}));
console.log(JSON.stringify({ names, statuses }));
`;

/**
 * The scratch project's lockfile: the SDK from its tarball, graphql and the SDK's dependency pinned to the versions
 * (and integrity hashes) of our own lockfile, so npm takes them from its cache by hash without asking the registry.
 */
async function consumerLockfile(tarball: string, graphqlVersion: string) {
  const ours = JSON.parse(await readFile(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { version: string; integrity: string }>;
  };
  const sdk = JSON.parse(await readFile(path.join(ROOT, 'sdk/package.json'), 'utf8')) as {
    version: string;
    dependencies: Record<string, string>;
    peerDependencies: Record<string, string>;
  };
  const pinned = (name: string) => {
    const { version, integrity } = ours.packages[`node_modules/${name}`]!;
    return { version, integrity };
  };
  return {
    name: 'consumer',
    lockfileVersion: 3,
    requires: true,
    packages: {
      '': { name: 'consumer', dependencies: { '@financial-data-extractor/sdk': `file:../${tarball}`, graphql: graphqlVersion } },
      'node_modules/@financial-data-extractor/sdk': {
        version: sdk.version,
        resolved: `file:../${tarball}`,
        dependencies: sdk.dependencies,
        peerDependencies: sdk.peerDependencies,
      },
      ...Object.fromEntries(Object.keys(sdk.dependencies).map((name) => [`node_modules/${name}`, pinned(name)])),
      'node_modules/graphql': pinned('graphql'),
    },
  };
}

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
    const { stdout: types } = await run('tar', ['xzOf', path.join(scratch, tarball!), 'package/dist/generated/graphql.d.ts']);
    expect(types).toContain('ListCompaniesDocument');
    // The tests' own operations are not part of what clients get.
    expect(types).not.toMatch(/CreateCompanyWithKey|UploadToS3|JobById/);
  }, 120_000);

  it('installs from the tarball, type-checks a consumer and runs it against a live server', async () => {
    const [tarball] = (await readdir(scratch)).filter((f) => f.endsWith('.tgz'));
    const consumer = path.join(scratch, 'consumer');
    const graphqlVersion = JSON.parse(await readFile(path.join(ROOT, 'node_modules/graphql/package.json'), 'utf8')).version;
    await run('mkdir', ['-p', consumer]);
    await writeFile(
      path.join(consumer, 'package.json'),
      JSON.stringify({ name: 'consumer', private: true, type: 'module', dependencies: {
        '@financial-data-extractor/sdk': `file:../${tarball}`,
        graphql: graphqlVersion,
      } }),
    );
    await writeFile(
      path.join(consumer, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, lib: ['ES2023', 'DOM'], types: [], outDir: 'out', skipLibCheck: false }, files: ['index.ts'] }),
    );
    await writeFile(path.join(consumer, 'index.ts'), CONSUMER);
    await writeFile(path.join(consumer, 'package-lock.json'), JSON.stringify(await consumerLockfile(tarball!, graphqlVersion)));
    // No network: the tarball, and the SDK's dependencies from npm's cache (filled by the project's own install).
    await run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: consumer });
    await run(TSC, ['-p', 'tsconfig.json'], { cwd: consumer }).catch((err: { stdout: string }) => {
      throw new Error(`the consumer does not type-check:\n${err.stdout}`);
    });
    const { stdout } = await run(process.execPath, ['out/index.js', url, jobId], { cwd: consumer });
    expect(JSON.parse(stdout)).toEqual({ names: ['Packaged Client plc'], statuses: ['SUCCEEDED'] });
  }, 180_000);
});
