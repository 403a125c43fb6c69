// The company catalogue: companies and their listings (ticker + exchange), looked up by any ticker.
import { z } from 'zod';
import { prisma, type Prisma } from '../db.js';
import type { Company } from '../generated/prisma/client.js';
import { ConflictError, NotFoundError } from '../errors.js';
import { removeFilesOf } from './documents/index.js';
import { cancelActiveJobs } from './jobs/index.js';
import { parseInput } from './validation.js';

const TickerInput = z.object({
  ticker: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9.\-]{0,14}$/, 'must be 1-15 letters, digits, dots or dashes'),
  exchange: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9_\-]{0,39}$/, 'must be 1-40 letters, digits, underscores or dashes (e.g. LSE, XETRA)'),
  isPrimary: z.boolean().nullish(),
});

const tickerList = z
  .array(TickerInput)
  .max(20, 'at most 20 listings')
  .superRefine((tickers, ctx) => {
    const seen = new Set<string>();
    tickers.forEach((t, i) => {
      const key = `${t.ticker}@${t.exchange}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [i, 'ticker'], message: `${t.ticker} on ${t.exchange} is listed twice` });
      seen.add(key);
    });
    if (tickers.filter((t) => t.isPrimary).length > 1) ctx.addIssue({ code: 'custom', message: 'at most one listing can be primary' });
  });

const companyFields = {
  name: z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as GB')
    .nullish(),
  irUrl: z
    .string()
    .trim()
    .url('must be a URL')
    .refine((u) => /^https?:\/\//i.test(u), 'must be an http(s) URL')
    .nullish(),
  lei: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isValidLei, 'must be a 20-character LEI (ISO 17442) whose check digits match')
    .nullish(),
  cik: z
    .string()
    .trim()
    .regex(/^\d{1,10}$/, 'must be an SEC CIK: 1 to 10 digits')
    .transform((c) => c.replace(/^0+(?=\d)/, ''))
    .refine((c) => c !== '0', 'must not be zero')
    .nullish(),
};

/**
 * ISO 17442: 18 alphanumerics and two check digits, verified like an IBAN (ISO 7064 MOD 97-10: letters become
 * 10-35, and the whole number modulo 97 is 1).
 */
export function isValidLei(lei: string): boolean {
  if (!/^[0-9A-Z]{18}[0-9]{2}$/.test(lei)) return false;
  let remainder = 0;
  for (const ch of lei) {
    const digits = String(parseInt(ch, 36));
    for (const d of digits) remainder = (remainder * 10 + Number(d)) % 97;
  }
  return remainder === 1;
}

export const CreateCompanySchema = z.object({ ...companyFields, tickers: tickerList.nullish().transform((t) => t ?? []) });
export const UpdateCompanySchema = z.object({
  name: companyFields.name.nullish(),
  country: companyFields.country,
  irUrl: companyFields.irUrl,
  lei: companyFields.lei,
  cik: companyFields.cik,
  tickers: tickerList.nullish(),
});

/** Prisma `include`/`select` a caller (e.g. a GraphQL resolver) wants folded into the read. */
export type CompanyQuery = { include?: Prisma.CompanyInclude; select?: Prisma.CompanySelect };

export type CreateCompanyInput = z.input<typeof CreateCompanySchema>;
export type UpdateCompanyInput = z.input<typeof UpdateCompanySchema>;
type Listing = z.output<typeof TickerInput>;

/** First listing is primary unless one says otherwise. */
function withPrimary(tickers: Listing[]) {
  const primary = Math.max(0, tickers.findIndex((t) => t.isPrimary));
  return tickers.map((t, i) => ({ ticker: t.ticker, exchange: t.exchange, isPrimary: i === primary }));
}

async function assertListingsFree(tx: Prisma.TransactionClient, tickers: Listing[], exceptCompanyId?: number) {
  if (!tickers.length) return;
  const taken = await tx.ticker.findFirst({
    where: {
      OR: tickers.map((t) => ({ ticker: t.ticker, exchange: t.exchange })),
      ...(exceptCompanyId ? { companyId: { not: exceptCompanyId } } : {}),
    },
    include: { company: { select: { name: true } } },
  });
  if (taken) throw new ConflictError(`${taken.ticker} on ${taken.exchange} is already listed for ${taken.company.name}`);
}

/** LEI and CIK each name one legal entity: two companies cannot share one. */
async function assertIdentifiersFree(tx: Prisma.TransactionClient, ids: { lei?: string | null; cik?: string | null }, exceptCompanyId?: number) {
  for (const field of ['lei', 'cik'] as const) {
    const value = ids[field];
    if (!value) continue;
    const taken = await tx.company.findFirst({
      where: { [field]: value, ...(exceptCompanyId ? { id: { not: exceptCompanyId } } : {}) },
      select: { name: true },
    });
    if (taken) throw new ConflictError(`${field.toUpperCase()} ${value} already belongs to ${taken.name}`);
  }
}

/** A concurrent insert can still hit the unique index after our check: report it the same way. */
function asConflict(err: unknown): never {
  if ((err as { code?: string }).code === 'P2002') {
    const target = JSON.stringify((err as { meta?: unknown }).meta ?? '');
    if (/\blei\b/.test(target)) throw new ConflictError('Another company already has this LEI');
    if (/\bcik\b/.test(target)) throw new ConflictError('Another company already has this CIK');
    throw new ConflictError('A listing with this ticker and exchange already exists');
  }
  throw err;
}

export async function createCompany(input: CreateCompanyInput, query: CompanyQuery = {}): Promise<Company> {
  const data = parseInput(CreateCompanySchema, input);
  return prisma
    .$transaction(async (tx) => {
      await assertListingsFree(tx, data.tickers);
      await assertIdentifiersFree(tx, data);
      const { id } = await tx.company.create({
        data: {
          name: data.name,
          country: data.country ?? null,
          irUrl: data.irUrl ?? null,
          lei: data.lei ?? null,
          cik: data.cik ?? null,
          tickers: { create: withPrimary(data.tickers) },
        },
        select: { id: true },
      });
      return tx.company.findUniqueOrThrow({ ...query, where: { id } }) as Promise<Company>;
    })
    .catch(asConflict);
}

export async function updateCompany(id: number, input: UpdateCompanyInput, query: CompanyQuery = {}): Promise<Company> {
  const data = parseInput(UpdateCompanySchema, input);
  return prisma
    .$transaction(async (tx) => {
      const existing = await tx.company.findUnique({ where: { id }, select: { id: true } });
      if (!existing) throw new NotFoundError('Company', String(id));
      await assertIdentifiersFree(tx, data, id);
      if (data.tickers) {
        await assertListingsFree(tx, data.tickers, id);
        await tx.ticker.deleteMany({ where: { companyId: id } });
        await tx.ticker.createMany({ data: withPrimary(data.tickers).map((t) => ({ ...t, companyId: id })) });
      }
      await tx.company.update({
        where: { id },
        data: {
          ...(data.name != null ? { name: data.name } : {}),
          ...(data.country !== undefined ? { country: data.country } : {}),
          ...(data.irUrl !== undefined ? { irUrl: data.irUrl } : {}),
          ...(data.lei !== undefined ? { lei: data.lei } : {}),
          ...(data.cik !== undefined ? { cik: data.cik } : {}),
        },
      });
      return tx.company.findUniqueOrThrow({ ...query, where: { id } }) as Promise<Company>;
    })
    .catch(asConflict);
}

/**
 * Deletes the company with its listings, documents (and their files), extractions and compiled statements. Its
 * queued or running jobs (its documents' too) are cancelled first and stay as history, their links set to null.
 */
export async function deleteCompany(id: number): Promise<number> {
  const files = await prisma.$transaction(async (tx) => {
    // Locked first, so a job requested meanwhile is either cancelled here or fails on its foreign key (every job
    // of a company, its documents' included, references the company).
    const [company] = await tx.$queryRaw<{ id: number }[]>`SELECT id FROM "Company" WHERE id = ${id} FOR UPDATE`;
    if (!company) throw new NotFoundError('Company', String(id));
    await cancelActiveJobs({ OR: [{ companyId: id }, { document: { companyId: id } }] }, tx);
    const files = await tx.document.findMany({ where: { companyId: id }, select: { storageKey: true } });
    await tx.company.delete({ where: { id } });
    return files;
  }, { timeout: 60_000 }); // the cascade over a large company's extracted lines can take a while
  await removeFilesOf(files.map((f) => f.storageKey));
  return id;
}

/** Filters for the company list: case-insensitive name search, and any listing's ticker. */
export function companyFilter(args: { search?: string | null; ticker?: string | null }): Prisma.CompanyWhereInput {
  const where: Prisma.CompanyWhereInput = {};
  const search = args.search?.trim();
  // LIKE's wildcards (%, _) and its escape character are matched as themselves: a search for "%" finds a "%".
  if (search) where.name = { contains: search.replace(/[\\%_]/g, '\\$&'), mode: 'insensitive' };
  if (args.ticker?.trim()) where.tickers = { some: tickerFilter(args.ticker) };
  return where;
}

/** "AZN" matches the ticker on any exchange; "LSE:AZN" only that listing. */
function tickerFilter(raw: string): Prisma.TickerWhereInput {
  const value = raw.trim().toUpperCase();
  const colon = value.indexOf(':');
  if (colon > 0) return { exchange: value.slice(0, colon), ticker: value.slice(colon + 1) };
  return { ticker: value };
}

/** The company listed under `ticker`; when several companies share it on different exchanges, the primary listing wins. */
export async function findCompanyByTicker(ticker: string, query: CompanyQuery = {}) {
  const listing = await prisma.ticker.findFirst({
    where: tickerFilter(ticker),
    orderBy: [{ isPrimary: 'desc' }, { id: 'asc' }],
    select: { companyId: true },
  });
  if (!listing) throw new NotFoundError('Company with ticker', ticker);
  return prisma.company.findUniqueOrThrow({ ...query, where: { id: listing.companyId } }) as Promise<Company>;
}

export async function getCompany(id: number, query: CompanyQuery = {}) {
  const company = await prisma.company.findUnique({ ...query, where: { id } });
  if (!company) throw new NotFoundError('Company', String(id));
  return company as Company;
}

/** Throws NotFoundError unless the company exists (a one-column lookup). */
export async function assertCompanyExists(companyId: number): Promise<void> {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { id: true } });
  if (!company) throw new NotFoundError('Company', String(companyId));
}
