// `npm run example` against a real server on a port: the example client (examples/client.ts) lists, uploads over
// multipart, extracts, follows the job over SSE, compiles and prints the statement. Keeps the README's walkthrough
// honest.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
});

import { prisma } from '../../src/db.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { seedCatalogue } from '../../prisma/seed.js';
import { yoga } from '../helpers/graphql.js';
import { makeAnnualReport } from '../helpers/report-pdf.js';

let server: Server;
let worker: Worker;
let dir: string;

beforeAll(async () => {
  await seedCatalogue(prisma);
  worker = await startWorker({ concurrency: 1 });
  server = createServer(yoga);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  dir = await mkdtemp(path.join(os.tmpdir(), 'fde-example-'));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await worker.stop();
  await rm(dir, { recursive: true, force: true });
});

function runExample(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'examples/client.ts', ...args], {
      env: { ...process.env, SERVER_URL: url },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('examples/client.ts', () => {
  it('takes a report from upload to a printed compiled statement', async () => {
    const file = path.join(dir, 'example-2024.pdf');
    await writeFile(file, await makeAnnualReport({ company: 'Example Industries plc', year: 2024, base: 3 }));
    const { code, stdout, stderr } = await runExample([file, 'Example Industries plc']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('6 companies'); // the seeded catalogue, listed first
    expect(stdout).toMatch(/uploaded example-2024\.pdf to Example Industries plc: document \S+, ANNUAL_REPORT 2024/);
    expect(stdout).toMatch(/extract: SUCCEEDED 100%/);
    expect(stdout).toMatch(/compile: SUCCEEDED 100%/);
    expect(stdout).toMatch(/Example Industries plc: compiled income statement/);
    expect(stdout).toMatch(/Revenue\s+3,?000/);
    expect(stdout).toMatch(/CSV: http:\/\/127\.0\.0\.1:\d+\/companies\/.+\/statements\/INCOME_STATEMENT\.csv/);
  }, 120_000);
});
