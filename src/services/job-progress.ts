// A job's progress as one percentage across its steps, so it only moves forward: each kind's steps in the order
// its handler reports them, with the share of the whole each step usually takes (measured on the development
// set: reading the PDF is most of an extraction). Within a step, `current / total` moves through its share.
import type { JobKind } from '../generated/prisma/enums.js';

export const JOB_STEPS: Record<JobKind, readonly { step: string; weight: number }[]> = {
  EXTRACT_DOCUMENT: [
    { step: 'read', weight: 0.7 },
    { step: 'extract', weight: 0.25 },
    { step: 'store', weight: 0.05 },
  ],
  COMPILE_COMPANY: [{ step: 'compile', weight: 1 }],
  DISCOVER_DOCUMENTS: [
    { step: 'scan-pages', weight: 0.3 },
    { step: 'download', weight: 0.7 },
  ],
  PROCESS_COMPANY: [
    { step: 'discover', weight: 0.02 },
    { step: 'discover:scan-pages', weight: 0.05 },
    { step: 'discover:download', weight: 0.13 },
    { step: 'extract', weight: 0.7 },
    { step: 'compile', weight: 0.1 },
  ],
};

/** The share of the whole job done (0..1), or undefined for a step its kind does not list. */
export function overallProgress(kind: JobKind, step: string | null, current: number | null, total: number | null): number | undefined {
  const steps = JOB_STEPS[kind];
  const index = steps.findIndex((s) => s.step === step);
  if (index < 0) return undefined;
  const before = steps.slice(0, index).reduce((sum, s) => sum + s.weight, 0);
  const within = total && current != null ? Math.min(1, Math.max(0, current / total)) : 0;
  return Math.min(1, before + steps[index]!.weight * within);
}
