import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { seedCatalogue } from '../../prisma/seed.js';
import { graphql } from '../generated/index.js';
import type { CompaniesQuery as CompaniesQueryResult, CreateCompanyInput } from '../generated/graphql.js';
import { countQueries, execute, executeOk } from '../helpers/graphql.js';

const CompaniesQuery = graphql(`
  query Companies($first: Int, $after: String, $search: String, $ticker: String) {
    companies(first: $first, after: $after, search: $search, ticker: $ticker) {
      totalCount
      pageInfo { hasNextPage hasPreviousPage endCursor startCursor }
      edges { cursor node { id name primaryTicker irUrl tickers { ticker exchange isPrimary } } }
    }
  }
`);

const CompanyQuery = graphql(`
  query Company($id: ID!) {
    company(id: $id) {
      __typename
      ... on Company { id name country tickers { ticker exchange } }
      ... on NotFoundError { message entity identifier }
    }
  }
`);

const CompanyByTickerQuery = graphql(`
  query CompanyByTicker($ticker: String!) {
    companyByTicker(ticker: $ticker) {
      __typename
      ... on Company { name }
      ... on Error { message }
    }
  }
`);

const NodeQuery = graphql(`
  query Node($id: ID!, $ids: [ID!]!) {
    node(id: $id) { __typename id ... on Company { name } }
    nodes(ids: $ids) { __typename id }
  }
`);

const CreateCompany = graphql(`
  mutation CreateCompany($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      __typename
      ... on CreateCompanyPayload { company { id name country irUrl primaryTicker tickers { ticker exchange isPrimary } } }
      ... on ValidationError { message fieldErrors { path message } }
      ... on ConflictError { message }
    }
  }
`);

const UpdateCompany = graphql(`
  mutation UpdateCompany($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      __typename
      ... on UpdateCompanyPayload { company { id name irUrl tickers { ticker exchange } } }
      ... on ValidationError { fieldErrors { path message } }
      ... on Error { message }
    }
  }
`);

const DeleteCompany = graphql(`
  mutation DeleteCompany($input: DeleteCompanyInput!) {
    deleteCompany(input: $input) {
      __typename
      ... on DeleteCompanyPayload { deletedId }
      ... on NotFoundError { message }
    }
  }
`);

beforeAll(async () => {
  await seedCatalogue(prisma);
});

async function create(input: CreateCompanyInput) {
  const data = await executeOk(CreateCompany, { input });
  if (data.createCompany.__typename !== 'CreateCompanyPayload') throw new Error(JSON.stringify(data.createCompany));
  return data.createCompany.company;
}

describe('catalogue seed', () => {
  it('seeds the six companies with their listings exactly once', async () => {
    expect(await seedCatalogue(prisma)).toBe(false);
    const data = await executeOk(CompaniesQuery, { first: 10, search: null, ticker: null });
    const names = data.companies.edges.map((e) => e.node.name);
    for (const name of ['AstraZeneca PLC', 'SAP SE', 'Siemens AG', 'ASML Holding N.V.', 'Unilever PLC', 'Allianz SE']) {
      expect(names).toContain(name);
    }
    const unilever = data.companies.edges.find((e) => e.node.name === 'Unilever PLC')!.node;
    expect(unilever.primaryTicker).toBe('ULVR');
    expect(unilever.tickers.map((t) => `${t.exchange}:${t.ticker}`)).toEqual(['LSE:ULVR', 'EURONEXT_AMSTERDAM:UNA', 'NYSE:UL']);
    expect(unilever.irUrl).toMatch(/^https:\/\//);
  });

  it("gives ASML its LEI, also to a database seeded before LEIs existed, exactly once", async () => {
    const asml = () => prisma.company.findFirstOrThrow({ where: { name: 'ASML Holding N.V.' }, select: { id: true, lei: true } });
    expect((await asml()).lei).toBe('724500Y6DUVHQD6OXN27');
    // As an older database: seeded, but without the identifiers step.
    await prisma.company.update({ where: { id: (await asml()).id }, data: { lei: null } });
    await prisma.seedRun.delete({ where: { name: 'catalogue-identifiers-v1' } });
    expect(await seedCatalogue(prisma)).toBe(false);
    expect((await asml()).lei).toBe('724500Y6DUVHQD6OXN27');
    // A user's later change is never undone.
    await prisma.company.update({ where: { id: (await asml()).id }, data: { lei: null } });
    await seedCatalogue(prisma);
    expect((await asml()).lei).toBeNull();
    await prisma.company.update({ where: { id: (await asml()).id }, data: { lei: '724500Y6DUVHQD6OXN27' } });
  });
});

describe('companies query', () => {
  it('searches names case-insensitively and filters by any ticker', async () => {
    const bySearch = await executeOk(CompaniesQuery, { first: 10, search: 'sE', ticker: null });
    expect(bySearch.companies.edges.map((e) => e.node.name).sort()).toEqual(['Allianz SE', 'SAP SE']);
    const byTicker = await executeOk(CompaniesQuery, { first: 10, search: null, ticker: 'una' });
    expect(byTicker.companies.edges.map((e) => e.node.name)).toEqual(['Unilever PLC']);
    const byListing = await executeOk(CompaniesQuery, { first: 10, search: null, ticker: 'NYSE:SAP' });
    expect(byListing.companies.totalCount).toBe(1);
    const none = await executeOk(CompaniesQuery, { first: 10, search: 'no such company', ticker: null });
    expect(none.companies).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
  });

  it('pages forward with cursors without gaps or repeats', async () => {
    const all = await executeOk(CompaniesQuery, { first: 100, search: null, ticker: null });
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const page: CompaniesQueryResult = await executeOk(CompaniesQuery, { first: 4, after, search: null, ticker: null });
      seen.push(...page.companies.edges.map((e) => e.node.id));
      pages += 1;
      expect(page.companies.totalCount).toBe(all.companies.totalCount);
      if (!page.companies.pageInfo.hasNextPage) break;
      after = page.companies.pageInfo.endCursor ?? null;
    }
    expect(seen).toEqual(all.companies.edges.map((e) => e.node.id));
    expect(pages).toBe(Math.ceil(all.companies.totalCount / 4));
  });

  it('rejects a negative page size', async () => {
    const result = await execute(CompaniesQuery, { first: -1, search: null, ticker: null });
    expect(result.errors?.[0]?.message).toBeTruthy();
  });
});

describe('single lookups', () => {
  it('finds a company by global id, by ticker and through node/nodes', async () => {
    const list = await executeOk(CompaniesQuery, { first: 1, search: 'AstraZeneca', ticker: null });
    const id = list.companies.edges[0]!.node.id;
    const one = await executeOk(CompanyQuery, { id });
    expect(one.company).toMatchObject({ __typename: 'Company', name: 'AstraZeneca PLC', country: 'GB' });

    const byTicker = await executeOk(CompanyByTickerQuery, { ticker: 'azn' });
    expect(byTicker.companyByTicker).toEqual({ __typename: 'Company', name: 'AstraZeneca PLC' });
    const byListing = await executeOk(CompanyByTickerQuery, { ticker: 'XETRA:SIE' });
    expect(byListing.companyByTicker).toEqual({ __typename: 'Company', name: 'Siemens AG' });

    const nodes = await executeOk(NodeQuery, { id, ids: [id] });
    expect(nodes.node).toMatchObject({ __typename: 'Company', id, name: 'AstraZeneca PLC' });
    expect(nodes.nodes).toEqual([{ __typename: 'Company', id }]);
  });

  it('answers NotFoundError for unknown, malformed and foreign ids and tickers', async () => {
    const unknown = Buffer.from('Company:999999').toString('base64');
    const foreign = Buffer.from('Document:1').toString('base64');
    for (const id of [unknown, 'not-an-id', foreign]) {
      const data = await executeOk(CompanyQuery, { id });
      expect(data.company).toMatchObject({ __typename: 'NotFoundError', entity: 'Company', identifier: id });
    }
    const byTicker = await executeOk(CompanyByTickerQuery, { ticker: 'NOPE' });
    expect(byTicker.companyByTicker.__typename).toBe('NotFoundError');
  });
});

describe('createCompany', () => {
  it('creates a company with normalised listings, the first one primary', async () => {
    const company = await create({
      name: '  Volvo AB ',
      country: 'se',
      irUrl: 'https://www.volvogroup.com/en/investors.html',
      tickers: [{ ticker: 'volv-b', exchange: 'nasdaq_stockholm' }, { ticker: 'VLVLY', exchange: 'OTC' }],
    });
    expect(company).toMatchObject({
      name: 'Volvo AB',
      country: 'SE',
      primaryTicker: 'VOLV-B',
      tickers: [
        { ticker: 'VOLV-B', exchange: 'NASDAQ_STOCKHOLM', isPrimary: true },
        { ticker: 'VLVLY', exchange: 'OTC', isPrimary: false },
      ],
    });
  });

  it('returns per-field validation errors and writes nothing', async () => {
    const before = await prisma.company.count();
    const data = await executeOk(CreateCompany, {
      input: { name: ' ', irUrl: 'ftp://x', country: 'Sweden', tickers: [{ ticker: '$$', exchange: 'LSE' }] },
    });
    expect(data.createCompany.__typename).toBe('ValidationError');
    if (data.createCompany.__typename !== 'ValidationError') return;
    const paths = data.createCompany.fieldErrors.map((f) => f.path.join('.')).sort();
    expect(paths).toEqual(['country', 'irUrl', 'name', 'tickers.0.ticker']);
    expect(await prisma.company.count()).toBe(before);
  });

  it('rejects the same listing twice in one input', async () => {
    const data = await executeOk(CreateCompany, {
      input: { name: 'Twice', tickers: [{ ticker: 'TW', exchange: 'LSE' }, { ticker: 'tw', exchange: 'lse' }] },
    });
    expect(data.createCompany.__typename).toBe('ValidationError');
  });

  it('answers ConflictError for a ticker + exchange already taken, and writes nothing', async () => {
    const before = await prisma.company.count();
    const data = await executeOk(CreateCompany, { input: { name: 'Copycat', tickers: [{ ticker: 'AZN', exchange: 'LSE' }] } });
    expect(data.createCompany).toMatchObject({ __typename: 'ConflictError', message: expect.stringContaining('AstraZeneca PLC') });
    expect(await prisma.company.count()).toBe(before);
    // The same ticker on another exchange is a different listing.
    await create({ name: 'Other AZN', tickers: [{ ticker: 'AZN', exchange: 'TSX' }] });
  });
});

describe('updateCompany and deleteCompany', () => {
  it('updates fields, replaces listings, clears with null', async () => {
    const company = await create({ name: 'Rename Me', irUrl: 'https://example.com/ir', tickers: [{ ticker: 'RNM', exchange: 'LSE' }] });
    const data = await executeOk(UpdateCompany, {
      input: { id: company.id, name: 'Renamed plc', irUrl: null, tickers: [{ ticker: 'RNM2', exchange: 'NYSE' }] },
    });
    expect(data.updateCompany).toMatchObject({
      __typename: 'UpdateCompanyPayload',
      company: { name: 'Renamed plc', irUrl: null, tickers: [{ ticker: 'RNM2', exchange: 'NYSE' }] },
    });
    expect(await prisma.ticker.count({ where: { ticker: 'RNM' } })).toBe(0);
  });

  it('reports not found, validation and conflict', async () => {
    const company = await create({ name: 'Stable', tickers: [{ ticker: 'STB', exchange: 'LSE' }] });
    const missing = await executeOk(UpdateCompany, { input: { id: Buffer.from('Company:999999').toString('base64'), name: 'x' } });
    expect(missing.updateCompany.__typename).toBe('NotFoundError');
    const invalid = await executeOk(UpdateCompany, { input: { id: company.id, name: '' } });
    expect(invalid.updateCompany).toMatchObject({ __typename: 'ValidationError', fieldErrors: [{ path: ['name'] }] });
    const conflict = await executeOk(UpdateCompany, { input: { id: company.id, tickers: [{ ticker: 'SAP', exchange: 'XETRA' }] } });
    expect(conflict.updateCompany.__typename).toBe('ConflictError');
    // Nothing half-written: the old listing survives the failed replacement.
    expect(await prisma.ticker.findMany({ where: { company: { name: 'Stable' } }, select: { ticker: true } })).toEqual([{ ticker: 'STB' }]);
  });

  it('deletes a company with its listings, then reports it missing', async () => {
    const company = await create({ name: 'Short Lived', tickers: [{ ticker: 'SHL', exchange: 'LSE' }] });
    const data = await executeOk(DeleteCompany, { input: { id: company.id } });
    expect(data.deleteCompany).toEqual({ __typename: 'DeleteCompanyPayload', deletedId: company.id });
    expect(await prisma.ticker.count({ where: { ticker: 'SHL' } })).toBe(0);
    const again = await executeOk(DeleteCompany, { input: { id: company.id } });
    expect(again.deleteCompany.__typename).toBe('NotFoundError');
  });
});

describe('N+1', () => {
  const NestedQuery = graphql(`
    query CompaniesNested($first: Int!) {
      companies(first: $first) {
        edges { node { tickers { ticker } documents(first: 5) { edges { node { id } } } } }
      }
    }
  `);

  it('issues the same number of SQL statements for 5 companies as for 50', async () => {
    const existing = await prisma.company.count();
    for (let i = existing; i < 60; i++) {
      await prisma.company.create({
        data: {
          name: `Filler ${String(i).padStart(3, '0')}`,
          tickers: { create: [{ ticker: `F${i}`, exchange: 'TEST' }] },
          documents: {
            create: [2022, 2023].map((year) => ({ fiscalYear: year, storageKey: `k${i}-${year}`, sha256: `${i}-${year}`, byteSize: 1 })),
          },
        },
      });
    }
    const five = await countQueries(() => executeOk(NestedQuery, { first: 5 }));
    const fifty = await countQueries(() => executeOk(NestedQuery, { first: 50 }));
    expect(five.result.companies.edges).toHaveLength(5);
    expect(fifty.result.companies.edges).toHaveLength(50);
    expect(fifty.result.companies.edges.some((e) => e.node.documents.edges.length === 2)).toBe(true);
    expect(five.statements.length).toBeGreaterThan(0);
    expect(fifty.statements.length).toBe(five.statements.length);
  });
});
