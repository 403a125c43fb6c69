// The SQL a lookup costs: tickers under company/companyByTicker fold into their one lookup (one statement: Prisma's
// relation joins), documents come from the per-request page loader (one statement), and primaryTicker shares the
// tickers query instead of re-loading every company (found by bench/graphql-overhead.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { seedCatalogue } from '../../prisma/seed.js';
import { graphql } from '../generated/index.js';
import { countQueries, executeOk } from '../helpers/graphql.js';

const CompanyShape = graphql(`
  query CompanyShape($id: ID!) {
    company(id: $id) { __typename ... on Company { name primaryTicker tickers { ticker exchange } } }
  }
`);

const TickerShape = graphql(`
  query TickerShape($ticker: String!) {
    companyByTicker(ticker: $ticker) { __typename ... on Company { name primaryTicker tickers { ticker } documents(first: 2) { totalCount } } }
  }
`);

const CatalogueShape = graphql(`
  query CatalogueShape {
    companies(first: 10) { edges { node { name primaryTicker tickers { ticker exchange } } } }
  }
`);

const touched = (statements: string[], table: string) => statements.filter((s) => s.includes(`FROM "public"."${table}"`)).length;

describe('query shapes', () => {
  beforeAll(async () => {
    await seedCatalogue(prisma);
  });

  it('company(id) with its tickers is one statement', async () => {
    const azn = await prisma.company.findFirstOrThrow({ where: { name: 'AstraZeneca PLC' } });
    const { result, statements } = await countQueries(() =>
      executeOk(CompanyShape, { id: Buffer.from(`Company:${azn.id}`).toString('base64') }),
    );
    expect(result.company).toMatchObject({ name: 'AstraZeneca PLC', primaryTicker: 'AZN' });
    if (result.company.__typename !== 'Company') throw new Error('not found');
    expect(result.company.tickers[0]).toEqual({ ticker: 'AZN', exchange: 'LSE' });
    expect(statements).toHaveLength(1);
    expect(touched(statements, 'Ticker')).toBe(1);
  });

  it('companyByTicker loads the company once, its tickers with it and its documents in one more statement', async () => {
    const { result, statements } = await countQueries(() => executeOk(TickerShape, { ticker: 'SAP' }));
    expect(result.companyByTicker).toMatchObject({ name: 'SAP SE', primaryTicker: 'SAP', documents: { totalCount: 0 } });
    expect(touched(statements, 'Company')).toBe(1);
    expect(statements.filter((s) => s.includes('FROM "Document"'))).toHaveLength(1);
  });

  it('the catalogue with primaryTicker and tickers is one statement', async () => {
    const { result, statements } = await countQueries(() => executeOk(CatalogueShape));
    expect(result.companies.edges.map((e) => e.node.primaryTicker)).toEqual(['ASML', 'ALV', 'AZN', 'SAP', 'SIE', 'ULVR']);
    expect(touched(statements, 'Company')).toBe(1);
    expect(touched(statements, 'Ticker')).toBe(1);
    expect(statements).toHaveLength(1);
  });
});
