// Prisma CLI configuration. `prisma generate` needs no database; migrations are applied by our own runner
// (src/db/migrate.ts) because Prisma 7's migrate engine cannot be installed offline (see README).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
});
