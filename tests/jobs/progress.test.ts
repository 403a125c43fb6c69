// A job's percent moves only forward across its steps (it used to restart at 0 with each step: 30% read → 0%
// extract → 100% store), every step a handler reports is in the weights table, and the weights add up to 1.
import { describe, expect, it } from 'vitest';
import { JOB_STEPS, overallProgress, progressPercent } from '../../src/services/jobs/index.js';
import type { JobKind } from '../../src/generated/prisma/enums.js';

const percent = (kind: JobKind, [step, current, total]: [string, number, number]) =>
  progressPercent({ kind, status: 'RUNNING', progressStep: step, progressCurrent: current, progressTotal: total });

/** What each handler reports, in order (src/services/extraction-runs.ts, pipeline.ts, documents/discover.ts). */
const REPORTED: Record<JobKind, [string, number, number][]> = {
  EXTRACT_DOCUMENT: [['read', 1, 10], ['read', 3, 10], ['read', 10, 10], ['extract', 0, 3], ['store', 3, 3]],
  COMPILE_COMPANY: [['compile', 0, 1], ['compile', 1, 1]],
  DISCOVER_DOCUMENTS: [['scan-pages', 1, 4], ['scan-pages', 4, 4], ['download', 1, 3], ['download', 3, 3]],
  PROCESS_COMPANY: [
    ['discover', 0, 1],
    ['discover:scan-pages', 1, 2],
    ['discover:download', 1, 1],
    ['extract', 0, 3],
    ['extract', 1, 3],
    ['extract', 2, 3],
    ['compile', 0, 1],
    ['compile', 1, 1],
  ],
};

describe('job progress', () => {
  for (const kind of Object.keys(REPORTED) as JobKind[]) {
    it(`${kind}: never goes backwards across the steps its handler reports`, () => {
      const percents = REPORTED[kind].map((report) => percent(kind, report));
      expect(percents).toEqual([...percents].sort((a, b) => a - b));
      for (const [step] of REPORTED[kind]) expect(overallProgress(kind, step, 0, 1)).toBeDefined();
    });

    it(`${kind}: step weights add up to the whole job`, () => {
      expect(JOB_STEPS[kind].reduce((sum, s) => sum + s.weight, 0)).toBeCloseTo(1, 10);
    });
  }

  it('reads 30% into an extraction as 21%, its extract step as 70%, and 100% only once it has succeeded', () => {
    expect(percent('EXTRACT_DOCUMENT', ['read', 3, 10])).toBe(21);
    expect(percent('EXTRACT_DOCUMENT', ['extract', 0, 3])).toBe(70);
    const done = { kind: 'EXTRACT_DOCUMENT', status: 'SUCCEEDED', progressStep: 'done', progressCurrent: 1, progressTotal: 1 } as const;
    expect(progressPercent(done)).toBe(100);
  });
});
