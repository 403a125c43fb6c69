// Environment parsed and validated in one place; everything else imports `config`.
import path from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const Env = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./.data'),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  GRAPHIQL: bool.optional(),
  SEED: bool.default(true),
  PUBLIC_URL: z.string().url().optional(),
  MAX_DOCUMENT_MB: z.coerce.number().positive().default(100),
  STORAGE: z.enum(['local', 's3']).default('local'),
  S3_BUCKET: z.string().optional(),
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  FETCH_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  FETCH_MAX_REDIRECTS: z.coerce.number().int().min(0).max(20).default(5),
  FETCH_ALLOW_PRIVATE: bool.default(false),
  FETCH_ALLOW_ADDRESSES: z.string().default(''),
  WORKERS: z.coerce.number().int().min(0).max(64).default(1),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(1),
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(4001),
  JOB_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(3),
  JOB_RETRY_DELAY_SECONDS: z.coerce.number().int().min(0).default(10),
  JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).default(300),
  JOB_LEASE_SECONDS: z.coerce.number().int().min(1).default(60),
  QUEUE_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).default(60),
  COMPILE_DEBOUNCE_SECONDS: z.coerce.number().int().min(0).default(5),
  EXTRACTION_PROVIDER: z.enum(['LAYOUT', 'LLM']).default('LAYOUT'),
  FETCH_USER_AGENT: z.string().default('FinancialDataExtractor/0.1 (+https://github.com/)'),
  FILINGS_XBRL_ORG_URL: z.string().url().default('https://filings.xbrl.org'),
  SEC_DATA_URL: z.string().url().default('https://data.sec.gov'),
  SEC_ARCHIVES_URL: z.string().url().default('https://www.sec.gov'),
  SEC_USER_AGENT: z.string().trim().optional(),
  REQUIRE_API_KEY: bool.default(false),
  ALLOW_ANONYMOUS: bool.optional(),
  INTROSPECTION: bool.optional(),
  MAX_REQUEST_KB: z.coerce.number().int().positive().default(1024),
  JOB_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(60),
  JOB_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(20),
  UPLOAD_RATE_LIMIT_PER_MINUTE: z.coerce.number().positive().default(30),
  UPLOAD_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(20),
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).default(60_000),
  RESPONSE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(1).default(1000),
  PDF_READER_THREADS: z.coerce.number().int().min(1).max(16).default(2),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  return {
    env: e.NODE_ENV,
    production,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.DATA_DIR),
    embeddedPgPort: e.EMBEDDED_PG_PORT,
    logLevel: e.LOG_LEVEL,
    graphiql: e.GRAPHIQL ?? !production,
    /** Schema introspection (and GraphQL's "did you mean" suggestions) are off in production unless enabled. */
    introspection: e.INTROSPECTION ?? !production,
    auth: {
      /**
       * Requests without an API key may do everything (the contract's rule) unless NODE_ENV=production or
       * REQUIRE_API_KEY=true; ALLOW_ANONYMOUS overrides both. A presented key is always checked, even when allowed.
       */
      allowAnonymous: e.ALLOW_ANONYMOUS ?? !(production || e.REQUIRE_API_KEY),
    },
    /** Largest non-multipart request body (uploads have their own limit, MAX_DOCUMENT_MB). */
    maxRequestBytes: e.MAX_REQUEST_KB * 1024,
    /** Per API key (or per client address when anonymous): mutations that start jobs, as a token bucket in PostgreSQL. */
    jobRateLimit: { perMinute: e.JOB_RATE_LIMIT_PER_MINUTE, burst: e.JOB_RATE_LIMIT_BURST },
    /** Per API key (or client address): documents added (uploads and URL downloads), the same kind of bucket. */
    uploadRateLimit: { perMinute: e.UPLOAD_RATE_LIMIT_PER_MINUTE, burst: e.UPLOAD_RATE_LIMIT_BURST },
    /**
     * Query answers kept in memory per API process and dropped whenever the database changes (src/http/
     * response-cache.ts); the TTL only bounds how long an unchanged answer is kept. 0 turns the cache off.
     */
    responseCache: { ttlMs: e.RESPONSE_CACHE_TTL_MS, maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES },
    /** Worker threads that parse documents (pdf.js, the layout extractor, the iXBRL reader) off the event loop. */
    readerThreads: e.PDF_READER_THREADS,
    seed: e.SEED,
    publicUrl: e.PUBLIC_URL ?? null,
    maxDocumentBytes: Math.round(e.MAX_DOCUMENT_MB * 1024 * 1024),
    storage: {
      driver: e.STORAGE,
      s3: {
        bucket: e.S3_BUCKET,
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      },
    },
    jobs: {
      /** In-process workers started by `npm start`; 0 runs the API alone (workers via `npm run worker`). */
      workers: e.WORKERS,
      concurrency: e.WORKER_CONCURRENCY,
      /** `npm run worker` serves /metrics here (on HOST); 0 takes any free port, logged at start. */
      metricsPort: e.WORKER_METRICS_PORT,
      maxAttempts: e.JOB_MAX_ATTEMPTS,
      retryDelaySeconds: e.JOB_RETRY_DELAY_SECONDS,
      /** The queue delivers a job again after this long (pg-boss expiry); a delivery finding the lease held waits. */
      expireSeconds: e.JOB_EXPIRE_SECONDS,
      /** A running job's lease on its row: renewed every third of it; a worker silent this long is taken as dead. */
      leaseSeconds: e.JOB_LEASE_SECONDS,
      maintenanceSeconds: e.QUEUE_MAINTENANCE_SECONDS,
      compileDebounceSeconds: e.COMPILE_DEBOUNCE_SECONDS,
    },
    defaultProvider: e.EXTRACTION_PROVIDER,
    fetch: {
      timeoutMs: e.FETCH_TIMEOUT_MS,
      maxRedirects: e.FETCH_MAX_REDIRECTS,
      // Private, loopback and link-local addresses (incl. cloud metadata) are refused unless allowed here.
      allowPrivate: e.FETCH_ALLOW_PRIVATE,
      allowAddresses: e.FETCH_ALLOW_ADDRESSES.split(',').map((h) => h.trim()).filter(Boolean),
      userAgent: e.FETCH_USER_AGENT,
    },
    /** Registries of tagged filings that discovery asks when a company has an LEI or a CIK. */
    filings: {
      /** filings.xbrl.org: ESEF report packages by LEI (its package_url values are paths on this host). */
      xbrlOrgUrl: e.FILINGS_XBRL_ORG_URL.replace(/\/$/, ''),
      /** SEC EDGAR: submissions JSON (data.sec.gov) and the filed documents (www.sec.gov/Archives). */
      secDataUrl: e.SEC_DATA_URL.replace(/\/$/, ''),
      secArchivesUrl: e.SEC_ARCHIVES_URL.replace(/\/$/, ''),
      /** SEC refuses requests whose User-Agent does not name the operator ("Acme Research admin@acme.example"). */
      secUserAgent: e.SEC_USER_AGENT || null,
    },
  };
}

export const config = loadConfig();
