import { readFile } from 'node:fs/promises';
import { printSchema } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schema } from '../../src/schema/index.js';

describe('schema.graphql', () => {
  it('is the printed, sorted schema (run `npm run schema:print` when this fails)', async () => {
    const committed = await readFile(new URL('../../schema.graphql', import.meta.url), 'utf8');
    expect(committed).toBe(`${printSchema(schema)}\n`);
  });

  it('keeps the contract names', () => {
    const sdl = printSchema(schema);
    for (const line of [
      'union CompanyResult = Company | NotFoundError',
      'enum StatementType {',
      'enum DocumentKind {',
      'interface Error {',
      'scalar Decimal',
      'scalar DateTime',
      'companies(after: String, before: String, first: Int, last: Int, search: String, ticker: String): CompanyConnection!',
      'companyByTicker(ticker: String!): CompanyResult!',
      'createCompany(input: CreateCompanyInput!): CreateCompanyResult!',
      'deleteCompany(input: DeleteCompanyInput!): DeleteCompanyResult!',
    ]) {
      expect(sdl).toContain(line);
    }
  });
});
