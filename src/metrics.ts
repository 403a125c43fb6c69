// The application's own Prometheus metrics (prom-client). Yoga's prometheus plugin adds the request metrics
// (graphql_yoga_http_duration, graphql_envelop_*) in src/observability.ts; both are served at /metrics.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics, type Metric } from 'prom-client';
import { prisma } from './db.js';

/** Every request the hardening turned away, by why (depth, aliases, tokens, cost, unauthorized, rate_limited, ...). */
export const rejections = new Counter({
  name: 'fde_rejections_total',
  help: 'Requests or operations rejected by a limit or an access check, by reason',
  labelNames: ['reason'] as const,
});

/** Errors in GraphQL responses by extensions.code (masked errors count as INTERNAL_SERVER_ERROR). */
export const graphqlErrors = new Counter({
  name: 'fde_graphql_errors_total',
  help: 'Errors in GraphQL responses, by extensions.code',
  labelNames: ['code'] as const,
});

/** How long each job attempt ran in this process (extraction durations are kind="EXTRACT_DOCUMENT"). */
export const jobDuration = new Histogram({
  name: 'fde_job_duration_seconds',
  help: 'Duration of job attempts run by workers in this process, by kind and outcome',
  labelNames: ['kind', 'outcome'] as const,
  buckets: [0.1, 0.5, 1, 2, 5, 10, 30, 60, 120, 300, 900],
});

// Counted by the process that ran the attempt (an API with in-process workers, or `npm run worker`), so the sum
// over processes is the work done; an attempt whose process died is started but never finished.
const jobsStarted = new Counter({
  name: 'fde_jobs_started_total',
  help: 'Job attempts started by workers in this process, by kind',
  labelNames: ['kind'] as const,
});

const jobsFinished = new Counter({
  name: 'fde_jobs_finished_total',
  help: 'Job attempts finished by workers in this process, by kind and outcome (succeeded, failed, cancelled)',
  labelNames: ['kind', 'outcome'] as const,
});

export type AttemptOutcome = 'succeeded' | 'failed' | 'cancelled';

/** Counts a job attempt as started; call the returned function once with its outcome (counts it, times it). */
export function startJobAttempt(kind: string): (outcome: { outcome: AttemptOutcome }) => void {
  jobsStarted.inc({ kind });
  const timer = jobDuration.startTimer({ kind });
  return ({ outcome }) => {
    jobsFinished.inc({ kind, outcome });
    timer({ outcome });
  };
}

// Read from the Job table when scraped, so they count jobs of every process (API and separate workers).
const jobs = new Gauge({
  name: 'fde_jobs',
  help: 'Jobs in the Job table, by kind and status',
  labelNames: ['kind', 'status'] as const,
  async collect() {
    const rows = await prisma.job.groupBy({ by: ['kind', 'status'], _count: { _all: true } });
    this.reset();
    for (const r of rows) this.set({ kind: r.kind, status: r.status }, r._count._all);
  },
});

const queueDepth = new Gauge({
  name: 'fde_queue_depth',
  help: 'Jobs waiting for a worker (status QUEUED), by kind',
  labelNames: ['kind'] as const,
  async collect() {
    const rows = await prisma.job.groupBy({ by: ['kind'], where: { status: 'QUEUED' }, _count: { _all: true } });
    this.reset();
    for (const r of rows) this.set({ kind: r.kind }, r._count._all);
  },
});

/** The response cache (src/http/response-cache.ts): answers served from it, stored in it, and why it was cleared. */
export const responseCacheEvents = new Counter({
  name: 'fde_response_cache_events_total',
  help:
    'Response cache hits, stores, answers dropped by a table change (dropped_by_<Table>), whole clears ' +
    '(cleared_by_mutation, _database_change, _connection_lost, _connected), answers not stored as their data changed',
  labelNames: ['event'] as const,
});

/** Documents parsed (in reader threads), by why: ingest's classification, a layout/XBRL extraction, the LLM's text. */
export const documentReadings = new Counter({
  name: 'fde_document_readings_total',
  help: 'Documents parsed in reader threads, by purpose (classify, layout, xbrl, pdf)',
  labelNames: ['purpose'] as const,
});

const JOB_ATTEMPT_METRICS: Metric[] = [jobsStarted, jobsFinished, jobDuration, documentReadings];
const APP_METRICS: Metric[] = [rejections, graphqlErrors, ...JOB_ATTEMPT_METRICS, jobs, queueDepth, responseCacheEvents];

function registryOf(metrics: Metric[]): Registry {
  const registry = new Registry();
  for (const metric of metrics) registry.registerMetric(metric);
  collectDefaultMetrics({ register: registry });
  return registry;
}

/** A registry per Yoga instance (tests build several), holding the shared application metrics and process metrics. */
export const createMetricsRegistry = () => registryOf(APP_METRICS);

/**
 * What `npm run worker` serves: its own job attempts and process metrics. The table-wide gauges (fde_jobs,
 * fde_queue_depth) stay with the API, so summing over processes never counts a job twice.
 */
export const createWorkerMetricsRegistry = () => registryOf(JOB_ATTEMPT_METRICS);
