// Reading jobs: the list's filters, and which companies have a compilation on its way.
import { prisma, type Prisma } from '../../db.js';
import type { JobKind, JobStatus } from '../../generated/prisma/enums.js';
import { ACTIVE } from './state.js';

export function jobFilter(args: { status?: JobStatus | null; kind?: JobKind | null; companyId?: number | null }): Prisma.JobWhereInput {
  return {
    ...(args.status ? { status: args.status } : {}),
    ...(args.kind ? { kind: args.kind } : {}),
    ...(args.companyId != null ? { companyId: args.companyId } : {}),
  };
}

/** Job kinds whose work ends in a (re)compilation of the company's statements. */
const COMPILING_KINDS: JobKind[] = ['COMPILE_COMPANY', 'EXTRACT_DOCUMENT', 'PROCESS_COMPANY'];

/** Of these companies, those with a compilation (or work that queues one) queued or running: their statements will change. */
export async function companiesAwaitingCompilation(companyIds: readonly number[]): Promise<Set<number>> {
  const rows = await prisma.job.findMany({
    where: { companyId: { in: [...companyIds] }, status: { in: ACTIVE }, kind: { in: COMPILING_KINDS } },
    select: { companyId: true },
    distinct: ['companyId'],
  });
  return new Set(rows.map((r) => r.companyId!));
}
