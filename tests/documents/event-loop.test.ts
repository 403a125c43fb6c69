// Uploading a large report does not hold the event loop: the parse runs in a reader thread, so while a 238-page
// 10-K is read and classified the API's loop stays mostly idle and keeps answering /health. (Figures such as the
// longest stall are machine-dependent: `npm run bench:ingest` prints them.)
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { documentReadings } from '../../src/metrics.js';
import { watchEventLoop } from '../helpers/event-loop.js';
import { yoga } from '../helpers/graphql.js';
import { DEV_REPORTS } from '../helpers/ir-site.js';
import { globalId } from '../helpers/jobs.js';
import { uploadFile } from '../helpers/upload.js';


describe('uploading a large report', () => {
  it('parses it off the event loop: the loop stays mostly idle and /health keeps answering', async () => {
    const bytes = new Uint8Array(await readFile(path.join(DEV_REPORTS, 'lyft_2021.pdf')));
    const company = await prisma.company.create({ data: { name: 'Lyft, Inc.' } });
    const parsesBefore = (await documentReadings.get()).values.find((v) => v.labels.purpose === 'classify')?.value ?? 0;

    const { result, figures } = await watchEventLoop(
      () => uploadFile(bytes, globalId('Company', company.id), {}, 'lyft.pdf'),
      () => yoga.fetch('http://yoga/health'),
    );
    expect(result.data?.uploadDocument).toMatchObject({ __typename: 'UploadDocumentPayload', document: { pageCount: 238, kind: 'ANNUAL_REPORT' } });
    expect((await documentReadings.get()).values.find((v) => v.labels.purpose === 'classify')?.value).toBe(parsesBefore + 1);
    // Parsed on this thread, the loop would be busy nearly all the time (utilisation ~1) for seconds.
    expect(figures.utilisation, JSON.stringify(figures)).toBeLessThan(0.5);
    expect(figures.healthAnswers, JSON.stringify(figures)).toBeGreaterThanOrEqual(5);
  });
});
