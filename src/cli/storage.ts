// `fde storage sweep`: removes document files no row references and stale upload temp files (see
// src/services/documents/sweep.ts); safe while servers run.
import type { Command } from 'commander';

export function registerStorageCommand(program: Command) {
  const storage = program.command('storage').description('document storage maintenance');
  storage
    .command('sweep')
    .description('remove stored files no document references (left by a crash) and upload temp files older than an hour')
    .action(async () => {
      if (!process.env.DATABASE_URL) {
        console.error('error: set DATABASE_URL (the database whose documents reference the files)');
        process.exit(2);
      }
      const { sweepStorage } = await import('../services/documents/sweep.js');
      const { prisma } = await import('../db.js');
      const result = await sweepStorage();
      console.error(`removed ${result.filesRemoved} unreferenced file(s), ${result.tempFilesRemoved} stale temp file(s)`);
      await prisma.$disconnect();
    });
}
