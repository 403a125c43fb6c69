// GET /ready: whether this process can serve, and if not, which dependency is down — the database (answers, every
// migration applied), document storage (writable) and the job queue (pg-boss answers through its own connections).
// The answer names dependencies only: why one failed (addresses, paths, driver messages) goes to the log.
import type { Plugin } from 'graphql-yoga';
import { prisma } from '../db.js';
import { readMigrations } from '../db/migrate.js';
import { logger } from '../logger.js';
import { checkQueue } from '../queue/index.js';
import { storage } from '../storage/index.js';

export type DependencyState = 'ok' | 'unavailable' | 'migrations_pending';

// A dependency that hangs (a database behind a dropped network) is down, and /ready still answers.
const CHECK_TIMEOUT_MS = 3_000;

class MigrationsPending extends Error {}

let expectedMigrations: Promise<string[]> | undefined;

async function checkDatabase() {
  await prisma.$queryRaw`SELECT 1`;
  expectedMigrations ??= readMigrations().then((ms) => ms.map((m) => m.name));
  const expected = await expectedMigrations;
  const rows = await prisma.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  const applied = new Set(rows.map((r) => r.migration_name));
  const missing = expected.filter((name) => !applied.has(name));
  if (missing.length) throw new MigrationsPending(`migrations not applied: ${missing.join(', ')}`);
}

const CHECKS = {
  database: checkDatabase,
  storage: () => storage.checkWritable(),
  queue: checkQueue,
} as const;

export type Dependency = keyof typeof CHECKS;

async function stateOf(name: Dependency): Promise<DependencyState> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
  });
  try {
    await Promise.race([CHECKS[name](), timeout]);
    return 'ok';
  } catch (err) {
    logger.warn({ err, dependency: name }, 'readiness check failed');
    return err instanceof MigrationsPending ? 'migrations_pending' : 'unavailable';
  } finally {
    clearTimeout(timer);
  }
}

/** Every dependency's state, checked at once. */
export async function readiness(): Promise<{ ready: boolean; dependencies: Record<Dependency, DependencyState> }> {
  const names = Object.keys(CHECKS) as Dependency[];
  const states = await Promise.all(names.map(stateOf));
  const dependencies = Object.fromEntries(names.map((n, i) => [n, states[i]])) as Record<Dependency, DependencyState>;
  return { ready: states.every((s) => s === 'ok'), dependencies };
}

/** 200 `{ status: "ready", dependencies }`, or 503 `{ status: "unavailable", dependencies }` naming what is down. */
export function useReadiness(endpoint = '/ready'): Plugin {
  return {
    async onRequest({ url, endResponse, fetchAPI }) {
      if (url.pathname !== endpoint) return;
      const { ready, dependencies } = await readiness();
      endResponse(
        fetchAPI.Response.json({ status: ready ? 'ready' : 'unavailable', dependencies }, {
          status: ready ? 200 : 503,
          headers: { 'cache-control': 'no-store' },
        }),
      );
    },
  };
}
