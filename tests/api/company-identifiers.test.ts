// Company.lei and Company.cik over GraphQL: validated (LEI check digits, CIK digits), normalised, unique per company.
import { describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { isValidLei } from '../../src/services/companies.js';
import { graphql } from '../generated/index.js';
import { executeOk } from '../helpers/graphql.js';

const Create = graphql(`
  mutation CreateCompanyWithIdentifiers($input: CreateCompanyInput!) {
    createCompany(input: $input) {
      __typename
      ... on CreateCompanyPayload { company { id lei cik } }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { message }
    }
  }
`);

const Update = graphql(`
  mutation UpdateCompanyIdentifiers($input: UpdateCompanyInput!) {
    updateCompany(input: $input) {
      __typename
      ... on UpdateCompanyPayload { company { lei cik } }
      ... on ValidationError { fieldErrors { path message } }
      ... on ConflictError { message }
    }
  }
`);

// Real LEIs: ASML Holding N.V. (from filings.xbrl.org) and GLEIF itself.
const ASML = '724500Y6DUVHQD6OXN27';
const GLEIF = '506700GE1G29325QX363';

describe('LEI check digits (ISO 17442, MOD 97-10)', () => {
  it('accepts real LEIs and refuses any single changed digit or swapped check digits', () => {
    expect(isValidLei(ASML)).toBe(true);
    expect(isValidLei(GLEIF)).toBe(true);
    // MOD 97-10 catches every single-digit substitution (a letter becomes two digits, so not every letter change).
    for (let i = 0; i < 20; i++) {
      if (!/\d/.test(ASML[i]!)) continue;
      const changed = ASML.slice(0, i) + String((Number(ASML[i]) + 1) % 10) + ASML.slice(i + 1);
      expect(isValidLei(changed), changed).toBe(false);
    }
    expect(isValidLei(`${ASML.slice(0, 18)}72`)).toBe(false);
    expect(isValidLei(ASML.slice(0, 19))).toBe(false);
    expect(isValidLei(`${ASML.slice(0, 18)}A7`)).toBe(false);
  });
});

describe('createCompany / updateCompany with lei and cik', () => {
  it('stores a valid LEI (upper-cased) and a CIK without leading zeros', async () => {
    const r = await executeOk(Create, { input: { name: 'ASML Holding N.V.', lei: ` ${ASML.toLowerCase()} `, cik: '0000937966' } });
    expect(r.createCompany).toMatchObject({ __typename: 'CreateCompanyPayload', company: { lei: ASML, cik: '937966' } });
  });

  it.each([
    ['lei', { lei: '724500Y6DUVHQD6OXN28' }, 'check digits'],
    ['lei', { lei: 'SHORT' }, 'LEI'],
    ['cik', { cik: '12345678901' }, 'CIK'],
    ['cik', { cik: '13186O5' }, 'CIK'],
    ['cik', { cik: '0000' }, 'zero'],
  ])('refuses a bad %s with a field error and writes nothing', async (field, ids, message) => {
    const before = await prisma.company.count();
    const r = await executeOk(Create, { input: { name: 'Bad ids', ...ids } });
    expect(r.createCompany.__typename).toBe('ValidationError');
    if (r.createCompany.__typename !== 'ValidationError') return;
    expect(r.createCompany.fieldErrors[0]!.path).toEqual([field]);
    expect(r.createCompany.fieldErrors[0]!.message).toContain(message);
    expect(await prisma.company.count()).toBe(before);
  });

  it('answers ConflictError when another company has the LEI or CIK, and clears them with null', async () => {
    const gleif = await executeOk(Create, { input: { name: 'GLEIF', lei: GLEIF, cik: '1318605' } });
    if (gleif.createCompany.__typename !== 'CreateCompanyPayload') throw new Error('not created');
    const other = await executeOk(Create, { input: { name: 'Other' } });
    if (other.createCompany.__typename !== 'CreateCompanyPayload') throw new Error('not created');
    const id = other.createCompany.company.id;
    expect((await executeOk(Update, { input: { id, lei: GLEIF } })).updateCompany).toMatchObject({ __typename: 'ConflictError' });
    expect((await executeOk(Update, { input: { id, cik: '01318605' } })).updateCompany).toMatchObject({ __typename: 'ConflictError' });
    expect((await executeOk(Create, { input: { name: 'Third', cik: '1318605' } })).createCompany).toMatchObject({ __typename: 'ConflictError' });

    const own = gleif.createCompany.company.id;
    expect((await executeOk(Update, { input: { id: own, lei: GLEIF, cik: '1318605' } })).updateCompany).toMatchObject({
      company: { lei: GLEIF, cik: '1318605' },
    });
    expect((await executeOk(Update, { input: { id: own, lei: null, cik: null } })).updateCompany).toMatchObject({ company: { lei: null, cik: null } });
  });
});
