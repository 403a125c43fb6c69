// The embedded PostgreSQL dies under a running `npm start` server: the server restarts it and serves again, /ready
// saying "database unavailable" meanwhile (and nothing more); when it cannot be restarted, the server exits 1 so a
// supervisor can act. A real server process on its own embedded database, killed with SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'fde-restart-'));
let child: ChildProcess | undefined;
let log = '';

afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGTERM');
  rmSync(dataDir, { recursive: true, force: true });
});

async function startServer(): Promise<string> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(50000 + Math.floor(Math.random() * 5000)),
    WORKERS: '0',
    SEED: 'false',
    LOG_LEVEL: 'info',
  };
  delete env.DATABASE_URL; // the embedded database, as `npm start` without configuration
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${log}`)), 150_000);
    const read = (chunk: Buffer) => {
      log += chunk;
      const ready = /"app":"(http:\/\/[^"]+)"/.exec(log);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!.replace('localhost', '127.0.0.1').replace(/\/$/, ''));
      }
    };
    child!.stdout!.on('data', read);
    child!.stderr!.on('data', read);
    child!.once('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)));
  });
}

const postmasterPid = () => Number(readFileSync(path.join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

async function ready(base: string) {
  const response = await fetch(`${base}/ready`);
  return { status: response.status, text: await response.text() };
}

async function companies(base: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ companies(first: 1) { totalCount } }' }),
  });
  return (await response.json()) as { data?: { companies: { totalCount: number } }; errors?: unknown[] };
}

describe('the embedded database dies under a running server', () => {
  it('is restarted by the server; when it cannot be, the server exits 1', async () => {
    const base = await startServer();
    expect((await ready(base)).status).toBe(200);
    expect((await companies(base)).data).toEqual({ companies: { totalCount: 0 } });

    const killed = postmasterPid();
    process.kill(killed, 'SIGKILL');
    // Until it is back: 503 naming the database (no driver text); then ready again, on a new postmaster.
    const answers: { status: number; text: string }[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      const answer = await ready(base);
      answers.push(answer);
      if (answer.status === 200 || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(answers.at(-1)!.status, log).toBe(200);
    const down = answers.filter((a) => a.status === 503).map((a) => JSON.parse(a.text) as { dependencies: Record<string, string> });
    expect(down.length).toBeGreaterThan(0);
    // While it is down the database is named; once it answers again, the queue's own connections may still be
    // reconnecting for a moment, and that 503 names the queue instead.
    expect(down[0]!.dependencies.database).toBe('unavailable');
    for (const answer of down) expect(Object.values(answer.dependencies)).toContain('unavailable');
    for (const { text } of answers) expect(text).not.toMatch(/ECONNREFUSED|terminat|postgres|5\d{4}/i);
    expect(postmasterPid()).not.toBe(killed);
    expect(log).toContain('embedded PostgreSQL restarted');
    expect((await companies(base)).data).toEqual({ companies: { totalCount: 0 } });
    expect(child!.exitCode).toBeNull();

    // Now a death it cannot recover from: the data directory is gone.
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    process.kill(postmasterPid(), 'SIGKILL');
    renameSync(path.join(dataDir, 'postgres'), path.join(dataDir, 'postgres-gone'));
    expect(await exited).toBe(1);
    expect(log).toContain('could not be restarted');
  }, 240_000);
});
