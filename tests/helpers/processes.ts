// The API (`src/server.ts`) and workers (`src/worker.ts`) as separate OS processes on one database, for the
// scale-out test and `npm run bench:scale`: started with tsx, ready once they log so, their JSON logs kept.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface LogLine {
  msg?: string;
  [field: string]: unknown;
}

export interface AppProcess {
  child: ChildProcess;
  /** http://127.0.0.1:port of its HTTP endpoint (the API, or the worker's metrics) */
  url: string;
  /** every JSON log line it wrote so far (pino writes synchronously, so a SIGKILL loses none already written) */
  logs: LogLine[];
  /** resolves when the process has exited */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Settings every process of a scale-out shares (one database, one storage folder, loopback only). */
export function clusterEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'info',
    HOST: '127.0.0.1',
    SEED: 'false',
    ...overrides,
  };
}

function startProcess(script: string, env: NodeJS.ProcessEnv, ready: string, urlField: string, timeoutMs: number): Promise<AppProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'pipe'] });
  const logs: LogLine[] = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  return new Promise<AppProcess>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} was not ready after ${timeoutMs} ms`));
    }, timeoutMs);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      const last = logs.slice(-25).map((l) => JSON.stringify(l)).join('\n');
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${last}`));
    });
    createInterface({ input: child.stderr! }).on('line', (text) => {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      if (line.msg !== ready) return;
      clearTimeout(timer);
      const port = new URL(String(line[urlField])).port;
      resolve({ child, url: `http://127.0.0.1:${port}`, logs, exited });
    });
  });
}

/** An API process without in-process workers, on any free port. */
export const startApiProcess = (env: NodeJS.ProcessEnv, timeoutMs = 90_000) =>
  startProcess('src/server.ts', { ...env, PORT: '0', WORKERS: '0' }, 'server ready', 'app', timeoutMs);

/** A worker process (`npm run worker`), its /metrics on any free port unless `overrides` say otherwise. */
export const startWorkerProcess = (env: NodeJS.ProcessEnv, timeoutMs = 90_000, overrides: Record<string, string> = {}) =>
  startProcess('src/worker.ts', { ...env, WORKER_METRICS_PORT: '0', ...overrides }, 'worker metrics served', 'metrics', timeoutMs);

export async function stopProcess(p: AppProcess, signal: NodeJS.Signals = 'SIGTERM') {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill(signal);
  return p.exited;
}

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** Reads a Prometheus text exposition (prom-client's /metrics) into samples. */
export async function scrapeMetrics(baseUrl: string): Promise<Sample[]> {
  const response = await fetch(`${baseUrl}/metrics`);
  if (!response.ok) throw new Error(`${baseUrl}/metrics answered ${response.status}`);
  const samples: Sample[] = [];
  for (const line of (await response.text()).split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of match[2]?.matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g) ?? []) labels[key!] = value!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of a metric's samples whose labels include `where`. */
export function sumOf(samples: Sample[], name: string, where: Record<string, string> = {}): number {
  return samples
    .filter((s) => s.name === name && Object.entries(where).every(([k, v]) => s.labels[k] === v))
    .reduce((total, s) => total + s.value, 0);
}

/** A typed GraphQL request to a running API process; fails on GraphQL errors, returns `data`. */
export async function postGraphql<R, V>(baseUrl: string, document: TypedDocumentNode<R, V>, variables: V): Promise<R> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: R; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors from ${baseUrl}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export interface JobEvent {
  status: string;
  progress: { step: string | null; current: number | null; total: number | null } | null;
}

const Follow = `subscription ScaleFollow($id: ID!) { jobProgress(id: $id) { status progress { step current total } } }`;

/** Follows a job over SSE until its stream completes; resolves with every state pushed. */
export async function followJob(baseUrl: string, jobId: string): Promise<JobEvent[]> {
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query: Follow, variables: { id: jobId } }),
  });
  const text = await response.text(); // the stream ends once the job has finished
  return text
    .split('\n\n')
    .flatMap((block) => block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trim()))
    .filter((data) => data.startsWith('{'))
    .map((data) => (JSON.parse(data) as { data: { jobProgress: JobEvent } }).data.jobProgress);
}
