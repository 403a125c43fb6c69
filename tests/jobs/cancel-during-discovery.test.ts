// A job cancelled while it discovers reports stops there, with no unhandled rejection: the progress reporter throws
// JobCancelledError, and discovery awaits it (it used to fire and forget it: with ten progress steps, ten unhandled
// rejections, which end a Node process; the DISCOVER_DOCUMENTS handler swallowed it and ignored the cancellation).
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FETCH_ALLOW_ADDRESSES = '127.0.0.1';
});

import { prisma } from '../../src/db.js';
import { handlers } from '../../src/jobs/handlers.js';
import { JobCancelledError, parseJobInput } from '../../src/services/jobs/index.js';
import { processCompany } from '../../src/services/pipeline.js';
import { startIrSite, type IrSite } from '../helpers/ir-site.js';

let site: IrSite;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
  site = await startIrSite('Cancelled plc');
  process.on('unhandledRejection', onUnhandled);
});
afterAll(async () => {
  process.off('unhandledRejection', onUnhandled);
  await site.close();
});

/** A reporter whose job was cancelled as soon as discovery began: every report after that throws. */
function cancelledAt(prefix: string) {
  const steps: string[] = [];
  const progress = async (step: string) => {
    steps.push(step);
    if (step.startsWith(prefix)) throw new JobCancelledError(1);
  };
  return { steps, progress };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe('cancelling during discovery', () => {
  it('processCompany stops at the first discovery step, extracts and compiles nothing', async () => {
    const company = await prisma.company.create({ data: { name: 'Cancelled plc', irUrl: site.url('/ir') } });
    const { steps, progress } = cancelledAt('discover:');
    await expect(processCompany(company.id, {}, progress)).rejects.toBeInstanceOf(JobCancelledError);
    await settle();
    expect(unhandled).toEqual([]);
    expect(steps.filter((s) => s.startsWith('discover:'))).toHaveLength(1);
    expect(steps).not.toContain('extract');
    expect(await prisma.document.count({ where: { companyId: company.id } })).toBe(0);
  });

  it('a DISCOVER_DOCUMENTS job honours the cancellation instead of discovering on', async () => {
    const company = await prisma.company.create({ data: { name: 'Cancelled Too plc', irUrl: site.url('/ir') } });
    const job = await prisma.job.create({ data: { kind: 'DISCOVER_DOCUMENTS', companyId: company.id, status: 'RUNNING' } });
    const { steps, progress } = cancelledAt('');
    await expect(handlers.DISCOVER_DOCUMENTS(parseJobInput('DISCOVER_DOCUMENTS', { companyId: company.id }), (step) => progress(step), job)).rejects.toBeInstanceOf(JobCancelledError);
    await settle();
    expect(unhandled).toEqual([]);
    expect(steps).toHaveLength(1);
    expect(await prisma.document.count({ where: { companyId: company.id } })).toBe(0);
  });
});
