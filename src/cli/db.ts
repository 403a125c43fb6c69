// `fde db migrate`: applies prisma/migrations to DATABASE_URL (what `npm start` does at start-up).
import type { Command } from 'commander';
import { migrateDatabase } from '../db/migrate.js';

export function registerDbCommand(program: Command) {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations to DATABASE_URL (recorded in _prisma_migrations)')
    .action(async () => {
      const url = process.env.DATABASE_URL;
      if (!url) {
        console.error('error: set DATABASE_URL (npm start applies migrations to its embedded database by itself)');
        process.exit(2);
      }
      const { applied, alreadyApplied } = await migrateDatabase(url);
      console.error(applied.length ? `applied: ${applied.join(', ')}` : 'nothing to apply');
      console.error(`already applied before: ${alreadyApplied}`);
    });
}
