// The original project's catalogue: six European companies with their listings and investor-relations pages.
// Runs exactly once per database (recorded in SeedRun), so companies a user deletes are not brought back.
import type { PrismaClient } from '../src/generated/prisma/client.js';

const SEED_NAME = 'catalogue-v1';

export const CATALOGUE = [
  {
    name: 'AstraZeneca PLC',
    country: 'GB',
    irUrl: 'https://www.astrazeneca.com/investor-relations.html',
    tickers: [
      { ticker: 'AZN', exchange: 'LSE', isPrimary: true },
      { ticker: 'AZN', exchange: 'NASDAQ' },
      { ticker: 'AZN', exchange: 'NASDAQ_STOCKHOLM' },
    ],
  },
  {
    name: 'SAP SE',
    country: 'DE',
    irUrl: 'https://www.sap.com/investors/en.html',
    tickers: [
      { ticker: 'SAP', exchange: 'XETRA', isPrimary: true },
      { ticker: 'SAP', exchange: 'NYSE' },
    ],
  },
  {
    name: 'Siemens AG',
    country: 'DE',
    irUrl: 'https://www.siemens.com/global/en/company/investor-relations.html',
    tickers: [
      { ticker: 'SIE', exchange: 'XETRA', isPrimary: true },
      { ticker: 'SIEGY', exchange: 'OTC' },
    ],
  },
  {
    name: 'ASML Holding N.V.',
    country: 'NL',
    irUrl: 'https://www.asml.com/en/investors',
    // As filings.xbrl.org lists it (../shared/fixtures/xbrl/api/filings-xbrl-org-asml-2022.json); the others' LEIs
    // are set when a source confirms them.
    lei: '724500Y6DUVHQD6OXN27',
    tickers: [
      { ticker: 'ASML', exchange: 'EURONEXT_AMSTERDAM', isPrimary: true },
      { ticker: 'ASML', exchange: 'NASDAQ' },
    ],
  },
  {
    name: 'Unilever PLC',
    country: 'GB',
    irUrl: 'https://www.unilever.com/investors/',
    tickers: [
      { ticker: 'ULVR', exchange: 'LSE', isPrimary: true },
      { ticker: 'UNA', exchange: 'EURONEXT_AMSTERDAM' },
      { ticker: 'UL', exchange: 'NYSE' },
    ],
  },
  {
    name: 'Allianz SE',
    country: 'DE',
    irUrl: 'https://www.allianz.com/en/investor_relations.html',
    tickers: [
      { ticker: 'ALV', exchange: 'XETRA', isPrimary: true },
      { ticker: 'ALIZY', exchange: 'OTC' },
    ],
  },
];

/** Inserts the catalogue unless this database has seeded it before; returns whether it did. */
export async function seedCatalogue(prisma: PrismaClient): Promise<boolean> {
  return prisma.$transaction(async (tx) => {
    const claimed = await tx.$executeRaw`INSERT INTO "SeedRun" (name) VALUES (${SEED_NAME}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) {
      await addIdentifiers(tx);
      return false;
    }
    await tx.$executeRaw`INSERT INTO "SeedRun" (name) VALUES (${IDENTIFIERS_SEED}) ON CONFLICT DO NOTHING`;
    for (const { tickers, lei, ...company } of CATALOGUE) {
      const leiFree = lei && (await tx.company.count({ where: { lei } })) === 0;
      await tx.company.create({ data: { ...company, ...(leiFree ? { lei } : {}), tickers: { create: tickers } } });
    }
    return true;
  });
}

const IDENTIFIERS_SEED = 'catalogue-identifiers-v1';

/** Databases seeded before LEIs existed get them once, on companies still named as seeded and without one. */
async function addIdentifiers(tx: Parameters<Parameters<PrismaClient['$transaction']>[0]>[0]) {
  const claimed = await tx.$executeRaw`INSERT INTO "SeedRun" (name) VALUES (${IDENTIFIERS_SEED}) ON CONFLICT DO NOTHING`;
  if (claimed === 0) return;
  for (const { name, lei } of CATALOGUE) {
    if (!lei || (await tx.company.count({ where: { lei } }))) continue;
    await tx.company.updateMany({ where: { name, lei: null }, data: { lei } });
  }
}

// `tsx prisma/seed.ts` seeds the database at DATABASE_URL.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { prisma } = await import('../src/db.js');
  const seeded = await seedCatalogue(prisma);
  console.error(seeded ? 'Seeded the catalogue.' : 'The catalogue was seeded before; nothing to do.');
  await prisma.$disconnect();
}
