// The whole pipeline through the API: processCompany discovers reports on a (local) IR site, extracts every annual
// report and compiles a multi-year statement whose cells point back to their pages.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.hoisted(() => {
  process.env.FETCH_ALLOW_ADDRESSES = '127.0.0.1';
  process.env.COMPILE_DEBOUNCE_SECONDS = '0';
});

import { prisma } from '../../src/db.js';
import { startWorker, type Worker } from '../../src/jobs/worker.js';
import { graphql } from '../generated/index.js';
import { executeOk } from '../helpers/graphql.js';
import { startIrSite, type IrSite } from '../helpers/ir-site.js';
import { dbId, globalId, waitForJob } from '../helpers/jobs.js';

const ProcessCompany = graphql(`
  mutation ProcessCompany($input: ProcessCompanyInput!) {
    processCompany(input: $input) {
      __typename
      ... on ProcessCompanyPayload { existing job { id kind status } }
      ... on Error { message }
    }
  }
`);

const DiscoverDocuments = graphql(`
  mutation DiscoverDocuments($input: DiscoverDocumentsInput!) {
    discoverDocuments(input: $input) {
      __typename
      ... on DiscoverDocumentsPayload { job { id kind status } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

const Compiled = graphql(`
  query CompiledIncome($companyId: ID!) {
    compiledStatement(companyId: $companyId, type: INCOME_STATEMENT) {
      __typename
      ... on CompiledStatement {
        fiscalYears
        unit
        rows { concept label cells { fiscalYear value restated source { page document { id } } } }
      }
    }
  }
`);

let site: IrSite;
let worker: Worker;

beforeAll(async () => {
  site = await startIrSite('Pipeline plc');
  worker = await startWorker({ concurrency: 1 });
});
afterAll(async () => {
  await worker.stop({ timeoutMs: 5_000 });
  await site.close();
  await (await import('../../src/db/notifications.js')).stopListening();
});

describe('processCompany', () => {
  it('discovers, extracts every annual report and compiles three years', async () => {
    const company = await prisma.company.create({ data: { name: 'Pipeline plc', irUrl: site.url('/ir') } });
    const data = await executeOk(ProcessCompany, { input: { companyId: globalId('Company', company.id) } });
    if (data.processCompany.__typename !== 'ProcessCompanyPayload') throw new Error(JSON.stringify(data));
    const job = await waitForJob(dbId(data.processCompany.job.id), { timeoutMs: 90_000 });
    expect(job.status).toBe('SUCCEEDED');

    const annual = await prisma.document.findMany({ where: { companyId: company.id, kind: 'ANNUAL_REPORT' }, include: { extractions: true } });
    expect(annual.map((d) => d.fiscalYear).sort()).toEqual([2021, 2022, 2023]);
    expect(annual.every((d) => d.extractions.length === 3)).toBe(true);

    const compiled = await executeOk(Compiled, { companyId: globalId('Company', company.id) });
    if (compiled.compiledStatement.__typename !== 'CompiledStatement') throw new Error('not compiled');
    // Each report prints its year and the one before: 2020 comes from the 2021 report's comparative column.
    expect(compiled.compiledStatement.fiscalYears).toEqual([2023, 2022, 2021, 2020]);
    const revenue = compiled.compiledStatement.rows.find((r) => r.concept === 'revenue')!;
    expect(revenue.cells.find((c) => c.fiscalYear === 2023)).toMatchObject({ value: '3000', source: { page: 2 } });

    // Run again: nothing new to discover or extract; the same compiled result.
    const extractionsBefore = await prisma.extraction.count({ where: { document: { companyId: company.id } } });
    const again = await executeOk(ProcessCompany, { input: { companyId: globalId('Company', company.id) } });
    if (again.processCompany.__typename !== 'ProcessCompanyPayload') throw new Error('no job');
    const second = await waitForJob(dbId(again.processCompany.job.id), { timeoutMs: 60_000 });
    expect(second.status).toBe('SUCCEEDED');
    expect((second.result as { extracted: number[] }).extracted).toEqual([]);
    expect(await prisma.extraction.count({ where: { document: { companyId: company.id } } })).toBe(extractionsBefore);
    const recompiled = await executeOk(Compiled, { companyId: globalId('Company', company.id) });
    expect(recompiled).toEqual(compiled);
  });

  it('discoverDocuments runs as a job; a company without an IR URL needs one', async () => {
    const company = await prisma.company.create({ data: { name: 'Discover Only plc' } });
    const missing = await executeOk(DiscoverDocuments, { input: { companyId: globalId('Company', company.id) } });
    expect(missing.discoverDocuments).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['url'] }] });
    const data = await executeOk(DiscoverDocuments, { input: { companyId: globalId('Company', company.id), url: site.url('/ir') } });
    if (data.discoverDocuments.__typename !== 'DiscoverDocumentsPayload') throw new Error(JSON.stringify(data));
    const job = await waitForJob(dbId(data.discoverDocuments.job.id), { timeoutMs: 60_000 });
    expect(job.status).toBe('SUCCEEDED');
    expect((job.result as { created: unknown[] }).created.length).toBeGreaterThanOrEqual(3);
    const unknown = await executeOk(DiscoverDocuments, { input: { companyId: globalId('Company', 999999) } });
    expect(unknown.discoverDocuments.__typename).toBe('NotFoundError');
  });
});
