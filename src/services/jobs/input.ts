// What each job kind needs to run, as a typed and validated value: checked when the job is enqueued and again when
// it leaves the queue (a row written by an older version, or by hand, must fail clearly rather than half-run).
// The subject's ids are kept in the input too, so a job still says what it was about once its subject is deleted.
import { z } from 'zod';
import { InvalidJobInputError } from '../../errors.js';
import type { Job } from '../../generated/prisma/client.js';
import type { JobKind } from '../../generated/prisma/enums.js';

const id = z.number().int().positive();
const provider = z.enum(['LAYOUT', 'LLM', 'XBRL']);
const url = z.string().regex(/^https?:\/\//i, 'must be an http(s) URL').nullable().default(null);

export const JOB_INPUTS = {
  EXTRACT_DOCUMENT: z.object({ documentId: id, companyId: id.nullable().default(null), provider: provider.optional() }),
  COMPILE_COMPANY: z.object({ companyId: id, includeInterim: z.boolean().default(false) }),
  DISCOVER_DOCUMENTS: z.object({ companyId: id, url }),
  PROCESS_COMPANY: z.object({ companyId: id, url, provider: provider.optional() }),
} satisfies Record<JobKind, z.ZodType>;

export type JobInput<K extends JobKind = JobKind> = z.output<(typeof JOB_INPUTS)[K]>;
/** What a caller gives when enqueueing (defaults may be left out). */
export type JobInputRequest<K extends JobKind = JobKind> = z.input<(typeof JOB_INPUTS)[K]>;

export function parseJobInput<K extends JobKind>(kind: K, value: unknown): JobInput<K> {
  const parsed = JOB_INPUTS[kind].safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ');
    throw new InvalidJobInputError(kind, detail);
  }
  return parsed.data as JobInput<K>;
}

/**
 * A stored job's input. Rows written before the ids moved into the input carry them only in their columns: those
 * fill in what the input lacks (the input wins, as the columns are cleared when the subject is deleted).
 */
export function inputOfJob<K extends JobKind>(job: Pick<Job, 'companyId' | 'documentId' | 'input'> & { kind: K }): JobInput<K> {
  const stored = job.input && typeof job.input === 'object' && !Array.isArray(job.input) ? job.input : {};
  const columns = {
    ...(job.companyId != null ? { companyId: job.companyId } : {}),
    ...(job.documentId != null && job.kind === 'EXTRACT_DOCUMENT' ? { documentId: job.documentId } : {}),
  };
  return parseJobInput(job.kind, { ...columns, ...stored });
}
