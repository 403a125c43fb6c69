// Company.documents pages every company of a list in one query (src/loaders/company-documents.ts). Its answers must
// be those of a Pothos prisma connection over the same rows: Query.documents(companyId: …) is one, so it is the
// oracle for every page, cursor, filter and count below. Documents are parsed here (not typed by codegen) so the
// test adds nothing to sdk/.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { parse } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import type { DocumentKind } from '../../src/generated/prisma/client.js';
import { countQueries, execute, executeOk } from '../helpers/graphql.js';

type Vars = Record<string, unknown>;
const typedDocument = <R>(source: string) => parse(source) as unknown as TypedDocumentNode<R, Vars>;

interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  edges: { cursor: string; node: { id: string; fiscalYear: number | null; kind: string } }[];
}

const PAGE_FIELDS = `
  totalCount
  pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  edges { cursor node { id fiscalYear kind } }
`;
const ARGS = '$first: Int, $after: String, $last: Int, $before: String, $fiscalYear: Int, $kind: DocumentKind';
const PASS = 'first: $first, after: $after, last: $last, before: $before, fiscalYear: $fiscalYear, kind: $kind';

const CompanyPage = typedDocument<{ node: { documents: Page } }>(`
  query CompanyPage($id: ID!, ${ARGS}) { node(id: $id) { ... on Company { documents(${PASS}) { ${PAGE_FIELDS} } } } }
`);
const OraclePage = typedDocument<{ documents: Page }>(`
  query OraclePage($id: ID!, ${ARGS}) { documents(companyId: $id, ${PASS}) { ${PAGE_FIELDS} } }
`);

const EVERY_FIELD = `
  id fiscalYear kind title sourceUrl sha256 byteSize pageCount language status createdAt updatedAt downloadUrl
  company { id name }
  extractions { id provider }
  income: latestExtraction(type: INCOME_STATEMENT) {
    id statementType provider model title pages currency unit checks { name passed } durationMs usage createdAt updatedAt
  }
  balance: latestExtraction(type: BALANCE_SHEET) { id provider updatedAt }
`;
const CompanyEveryField = typedDocument<{ node: { documents: { edges: { node: Record<string, unknown> }[] } } }>(`
  query CompanyEveryField($id: ID!) { node(id: $id) { ... on Company { documents(first: 20) { edges { node { ${EVERY_FIELD} } } } } } }
`);
const OracleEveryField = typedDocument<{ documents: { edges: { node: Record<string, unknown> }[] } }>(`
  query OracleEveryField($id: ID!) { documents(companyId: $id, first: 20) { edges { node { ${EVERY_FIELD} } } } }
`);
const ThroughFragments = typedDocument<{ node: { documents: { edges: { node: Record<string, unknown> }[] } } }>(`
  query ThroughFragments($id: ID!) {
    node(id: $id) { ... on Company { documents(first: 20) { ... on DocumentConnection { edges { node { ...Fields } } } } } }
  }
  fragment Fields on Document { ... on Node { id } title sha256 status income: latestExtraction(type: INCOME_STATEMENT) { id unit durationMs } }
`);
const OracleThroughFragments = typedDocument<{ documents: { edges: { node: Record<string, unknown> }[] } }>(`
  query OracleThroughFragments($id: ID!) { documents(companyId: $id, first: 20) { edges { node { id title sha256 status income: latestExtraction(type: INCOME_STATEMENT) { id unit durationMs } } } } }
`);

const globalId = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString('base64');

// Years with ties and gaps (no year sorts last), two kinds: cursors must page through ties and nulls alike.
const YEARS: [number | null, DocumentKind][] = [
  [2024, 'ANNUAL_REPORT'], [2024, 'INTERIM_REPORT'], [2023, 'ANNUAL_REPORT'], [null, 'OTHER'], [2022, 'ANNUAL_REPORT'],
  [null, 'ANNUAL_REPORT'], [2024, 'ANNUAL_REPORT'], [2021, 'INTERIM_REPORT'], [2023, 'INTERIM_REPORT'], [null, 'OTHER'],
  [2020, 'ANNUAL_REPORT'],
];

let paged: string; // a company with the documents above
let other: string; // a second company, so a page never leaks another company's rows
let empty: string; // a company without documents

async function createCompany(name: string, documents: [number | null, DocumentKind][]) {
  const company = await prisma.company.create({ data: { name } });
  for (const [i, [fiscalYear, kind]] of documents.entries()) {
    await prisma.document.create({
      data: { companyId: company.id, fiscalYear, kind, sha256: `${name}-${i}`, storageKey: `${name}/${i}`, byteSize: 100 + i, pageCount: i },
    });
  }
  return company;
}

beforeAll(async () => {
  const company = await createCompany('Paged plc', YEARS);
  paged = globalId('Company', company.id);
  other = globalId('Company', (await createCompany('Other plc', [[2024, 'ANNUAL_REPORT'], [null, 'OTHER']])).id);
  empty = globalId('Company', (await createCompany('Empty plc', [])).id);
  // Two providers for the same statement: the newest (by updatedAt) is the latest, whatever its id.
  const docs = await prisma.document.findMany({ where: { companyId: company.id }, orderBy: { id: 'asc' } });
  for (const [i, doc] of docs.slice(0, 4).entries()) {
    await prisma.extraction.create({
      data: {
        documentId: doc.id, statementType: 'INCOME_STATEMENT', provider: 'LLM', model: 'm', pages: [3, 4], currency: 'EUR',
        unit: 'millions', checks: [{ name: 'sum', passed: true }], durationMs: 10 + i, usage: { tokens: i },
        updatedAt: new Date(Date.UTC(2025, 0, 1 + (i % 2 ? 5 : 1))),
      },
    });
    await prisma.extraction.create({
      data: {
        documentId: doc.id, statementType: 'INCOME_STATEMENT', provider: 'LAYOUT', pages: [5], unit: 'units',
        updatedAt: new Date(Date.UTC(2025, 0, 3)),
      },
    });
    await prisma.extraction.create({ data: { documentId: doc.id, statementType: 'BALANCE_SHEET', provider: 'LAYOUT', pages: [], unit: 'units' } });
  }
});

async function both(id: string, args: Vars) {
  const [mine, oracle] = await Promise.all([execute(CompanyPage, { id, ...args }), execute(OraclePage, { id, ...args })]);
  return { mine, oracle };
}

async function page(id: string, args: Vars): Promise<Page> {
  const { mine, oracle } = await both(id, args);
  expect(mine.errors).toBeUndefined();
  expect(mine.data!.node.documents).toEqual(oracle.data!.documents);
  return mine.data!.node.documents;
}

describe('Company.documents pages like a prisma connection', () => {
  it('lists newest fiscal year first, no year last, ties newest first', async () => {
    const all = await page(paged, { first: 100 });
    const companyId = Number(Buffer.from(paged, 'base64').toString().split(':')[1]);
    const rows = await prisma.document.findMany({
      where: { companyId },
      orderBy: [{ fiscalYear: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
    });
    expect(all.edges.map((e) => e.node.id)).toEqual(rows.map((r) => globalId('Document', r.id)));
    expect(all.totalCount).toBe(YEARS.length);
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('answers every page size, cursor and direction as the oracle does', async () => {
    const cursors = (await page(paged, { first: 100 })).edges.map((e) => e.cursor);
    const cases: Vars[] = [{}, { first: 0 }, { last: 0 }, { first: 3 }, { last: 3 }, { first: 11 }, { first: 12 }, { last: 11 }];
    for (const [i, cursor] of cursors.entries()) {
      cases.push({ first: 3, after: cursor }, { last: 3, before: cursor }, { after: cursor }, { before: cursor });
      if (i === 0) cases.push({ first: 0, after: cursor }, { last: 0, before: cursor });
    }
    // A cursor whose document is gone pages nothing, as in Prisma.
    const gone = Buffer.from('GPC:N:999999').toString('base64');
    cases.push({ first: 3, after: gone }, { last: 3, before: gone });
    for (const args of cases) await page(paged, args);
  });

  it('filters by fiscal year and kind, counting only what matches, on every page', async () => {
    for (const filter of [{ fiscalYear: 2024 }, { kind: 'INTERIM_REPORT' }, { kind: 'OTHER' }, { fiscalYear: 2024, kind: 'ANNUAL_REPORT' }, { fiscalYear: 1999 }]) {
      const all = await page(paged, { ...filter, first: 100 });
      for (const edge of all.edges) {
        await page(paged, { ...filter, first: 1, after: edge.cursor });
        await page(paged, { ...filter, last: 1, before: edge.cursor });
      }
    }
  });

  it('walks forward and backward through every document without gaps or repeats', async () => {
    const all = (await page(paged, { first: 100 })).edges.map((e) => e.node.id);
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const p: Page = await page(paged, { first: 4, after });
      forward.push(...p.edges.map((e) => e.node.id));
      expect(p.totalCount).toBe(all.length);
      if (!p.pageInfo.hasNextPage) break;
      after = p.pageInfo.endCursor;
    }
    expect(forward).toEqual(all);
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const p: Page = await page(paged, { last: 4, before });
      backward.unshift(...p.edges.map((e) => e.node.id));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(backward).toEqual(all);
  });

  it('keeps companies apart, and a company without documents has an empty page', async () => {
    expect((await page(other, { first: 10 })).totalCount).toBe(2);
    expect(await page(empty, { first: 10 })).toEqual({
      totalCount: 0,
      pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: null, endCursor: null },
      edges: [],
    });
    const last = (await page(paged, { first: 100 })).edges.at(-1)!.cursor;
    // Past the last document: no rows, but still the count.
    expect(await page(paged, { first: 5, after: last })).toMatchObject({ totalCount: YEARS.length, edges: [] });
  });

  it('refuses what a prisma connection refuses', async () => {
    const cursor = (await page(paged, { first: 1 })).edges[0]!.cursor;
    for (const args of [{ first: -1 }, { last: -2 }, { after: cursor, before: cursor }, { first: 1, before: cursor }, { last: 1, after: cursor }, { after: 'bm9wZQ==' }]) {
      const { mine, oracle } = await both(paged, args);
      expect(mine.errors?.length, JSON.stringify(args)).toBe(1);
      expect(mine.errors![0]!.message).toBe(oracle.errors![0]!.message);
    }
  });
});

describe('Company.documents nodes', () => {
  it('serve every field, relations and latest extractions as the prisma connection does', async () => {
    const mine = await executeOk(CompanyEveryField, { id: paged });
    const oracle = await executeOk(OracleEveryField, { id: paged });
    expect(mine.node.documents.edges).toEqual(oracle.documents.edges);
    const first = mine.node.documents.edges.map((e) => e.node).find((n) => n.income);
    expect(first).toMatchObject({ company: { name: 'Paged plc' }, income: { model: 'm', usage: { tokens: expect.any(Number) } } });
  });

  it('load the columns that fragments select', async () => {
    const mine = await executeOk(ThroughFragments, { id: paged });
    const oracle = await executeOk(OracleThroughFragments, { id: paged });
    expect(mine.node.documents.edges).toEqual(oracle.documents.edges);
    expect(mine.node.documents.edges[0]!.node).toMatchObject({ sha256: expect.any(String), status: 'STORED' });
  });

  it('pick the newest extraction of each type, from any provider', async () => {
    const mine = await executeOk(CompanyEveryField, { id: paged });
    for (const { node } of mine.node.documents.edges) {
      const documentId = Number(Buffer.from(String(node.id), 'base64').toString().split(':')[1]);
      for (const [field, statementType] of [['income', 'INCOME_STATEMENT'], ['balance', 'BALANCE_SHEET']] as const) {
        const newest = await prisma.extraction.findFirst({ where: { documentId, statementType }, orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }] });
        expect((node[field] as { id: string } | null)?.id ?? null).toBe(newest ? globalId('Extraction', newest.id) : null);
      }
    }
  });
});

describe('Company.documents cost', () => {
  const Catalogue = typedDocument<{ companies: { edges: { node: { documents: { totalCount: number; edges: unknown[] } } }[] } }>(`
    query CatalogueCost($first: Int!) {
      companies(first: $first) {
        totalCount
        edges { node { id name primaryTicker tickers { ticker }
          documents(first: 2, fiscalYear: null) { totalCount pageInfo { endCursor } edges { cursor node {
            id fiscalYear downloadUrl company { name } extractions { id }
            income: latestExtraction(type: INCOME_STATEMENT) { id unit }
            balance: latestExtraction(type: BALANCE_SHEET) { id pages title }
          } } }
          annual: documents(first: 1, kind: ANNUAL_REPORT) { totalCount edges { node { id } } }
        } }
      }
    }
  `);

  it('issues the same statements for 5 companies as for 50', async () => {
    const existing = await prisma.company.count();
    for (let i = existing; i < 60; i++) await createCompany(`Filler ${String(i).padStart(3, '0')}`, [[2023, 'ANNUAL_REPORT'], [2022, 'OTHER'], [null, 'OTHER']]);
    const five = await countQueries(() => executeOk(Catalogue, { first: 5 }));
    const fifty = await countQueries(() => executeOk(Catalogue, { first: 50 }));
    expect(fifty.result.companies.edges).toHaveLength(50);
    expect(fifty.result.companies.edges.some((e) => e.node.documents.edges.length === 2 && e.node.documents.totalCount === 3)).toBe(true);
    expect(five.statements.length).toBeGreaterThan(0);
    expect(fifty.statements.length).toBe(five.statements.length);
    // Each page of documents (two differently filtered ones here) is one statement for every company of the list.
    expect(fifty.statements.filter((s) => s.includes('"pageTotal"'))).toHaveLength(2);
  });
});
