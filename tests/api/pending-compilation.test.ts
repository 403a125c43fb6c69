// Right after an extraction the compiled statement is still the old one (often empty): it says a compilation is
// pending while one is queued or running, or an extraction that queues one, and stops saying so once it is done.
import { afterAll, describe, expect, it } from 'vitest';
import { CompiledStatementTable } from '../../examples/operations.js';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { countQueries, executeOk, yoga } from '../helpers/graphql.js';
import { globalId } from '../helpers/jobs.js';

afterAll(async () => {
  await stopListening();
});

async function pending(companyId: number) {
  const data = await executeOk(CompiledStatementTable, { companyId: globalId('Company', companyId), type: 'INCOME_STATEMENT' });
  if (data.compiledStatement.__typename !== 'CompiledStatement') throw new Error(JSON.stringify(data));
  return data.compiledStatement.pendingCompilation;
}

describe('CompiledStatement.pendingCompilation', () => {
  it('is true while a compilation or an extraction of the company is queued or running, false otherwise', async () => {
    const company = await prisma.company.create({ data: { name: 'Pending Compilation plc' } });
    const other = await prisma.company.create({ data: { name: 'Someone Else plc' } });
    expect(await pending(company.id)).toBe(false);

    const extraction = await prisma.job.create({ data: { kind: 'EXTRACT_DOCUMENT', companyId: company.id, status: 'RUNNING' } });
    await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', companyId: other.id, status: 'QUEUED' } });
    expect(await pending(company.id)).toBe(true);

    await prisma.job.update({ where: { id: extraction.id }, data: { status: 'SUCCEEDED' } });
    const compile = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', companyId: company.id, status: 'QUEUED' } });
    expect(await pending(company.id)).toBe(true);

    await prisma.job.update({ where: { id: compile.id }, data: { status: 'SUCCEEDED' } });
    await prisma.job.create({ data: { kind: 'DISCOVER_DOCUMENTS', companyId: company.id, status: 'RUNNING' } });
    expect(await pending(company.id)).toBe(false);
  });

  it('costs one statement for any number of companies', async () => {
    const query = `{ companies(first: 50) { edges { node { compiledStatements { pendingCompilation } } } } }`;
    const { statements } = await countQueries(async () =>
      yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) }),
    );
    expect(statements.filter((s) => s.includes('"Job"')).length).toBe(1);
  });
});
