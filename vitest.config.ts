import { defineConfig } from 'vitest/config';

export default defineConfig({
  // One graphql instance: without this, our ESM imports and Pothos' CJS require load two copies.
  resolve: { alias: { graphql: 'graphql/index.js', '@financial-data-extractor/sdk': new URL('./sdk/src/index.ts', import.meta.url).pathname } },
  // Component tests of the web app (tests/web/components/*.tsx) are Preact JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    globalSetup: ['tests/setup/global.ts'],
    setupFiles: ['tests/setup/database.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // The response cache is off by default here: tests that write with Prisma and read back at once would race
    // the change notification that clears it (a few ms). tests/api/response-cache.test.ts turns it on.
    // Test files upload dozens of documents; tests/documents/upload-limit.test.ts sets its own small limit.
    env: { NODE_ENV: 'test', RESPONSE_CACHE_TTL_MS: '0', UPLOAD_RATE_LIMIT_BURST: '1000' },
  },
});
