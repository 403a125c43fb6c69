// Jobs as users see them: one row per request in our Job table (kind, status, progress, attempts, error, result),
// delivered to workers through the durable queue (src/queue). The folder, in the order a job lives:
//   input.ts     the typed, validated input of each job kind
//   requests.ts  what each job-starting request means (its subject, its dedupe key)
//   enqueue.ts   the Job row and its queue message in one transaction; retry
//   state.ts     every status transition (start, progress, succeed, fail, cancel), each conditional on the last
//   progress.ts  the one progress callback type, JobCancelledError, the percent across a kind's steps
//   run.ts       runs a delivered job with the handlers src/jobs gives it
//   follow.ts    a job's changes as a stream, ending once it has finished
export * from './enqueue.js';
export * from './follow.js';
export * from './input.js';
export * from './progress.js';
export * from './queries.js';
export * from './requests.js';
export * from './run.js';
export * from './state.js';
