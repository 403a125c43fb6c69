// A large synthetic catalogue written straight with SQL (seconds, not minutes): companies with two listings each,
// annual reports per company, and one extraction per statement type per report.
import pg from 'pg';

export interface CatalogueSize {
  companies: number;
  documentsPerCompany: number;
}

export async function seedLargeCatalogue(databaseUrl: string, size: CatalogueSize): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO "Company" (name, country, "irUrl", "updatedAt")
       SELECT 'Company ' || lpad(i::text, 4, '0'), 'GB', 'https://example.com/ir/' || i, now()
       FROM generate_series(1, $1) AS i`,
      [size.companies],
    );
    await client.query(
      `INSERT INTO "Ticker" ("companyId", ticker, exchange, "isPrimary")
       SELECT c.id, 'T' || c.id, e.exchange, e.is_primary
       FROM "Company" c CROSS JOIN (VALUES ('LSE', true), ('OTC', false)) AS e(exchange, is_primary)`,
    );
    await client.query(
      `INSERT INTO "Document" ("companyId", "fiscalYear", kind, title, "storageKey", sha256, "byteSize", "pageCount", status, "updatedAt")
       SELECT c.id, 2025 - y, 'ANNUAL_REPORT', 'Annual report ' || (2025 - y), 'bench/' || c.id || '/' || y,
              md5(c.id || ':' || y), 1000000, 120 + y, 'EXTRACTED', now()
       FROM "Company" c CROSS JOIN generate_series(0, $1 - 1) AS y`,
      [size.documentsPerCompany],
    );
    await client.query(
      `INSERT INTO "Extraction" ("documentId", "statementType", provider, title, pages, currency, unit, "durationMs", "updatedAt")
       SELECT d.id, t.type::"StatementType", 'LAYOUT', t.title, ARRAY[10 + t.n, 11 + t.n], 'GBP', 'millions', 900, now()
       FROM "Document" d CROSS JOIN (VALUES ('INCOME_STATEMENT', 'Consolidated income statement', 0),
                                            ('BALANCE_SHEET', 'Consolidated balance sheet', 2),
                                            ('CASH_FLOW_STATEMENT', 'Consolidated cash flow statement', 4)) AS t(type, title, n)`,
    );
    await client.query('COMMIT');
    await client.query('ANALYZE');
  } finally {
    await client.end();
  }
}
