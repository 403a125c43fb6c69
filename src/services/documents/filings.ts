// Finds a company's tagged filings in the registries that list them: filings.xbrl.org (ESEF report packages, by
// LEI) and SEC EDGAR (annual and quarterly inline-XBRL filings, by CIK). Only the configured hosts are asked, every
// request goes through safeFetch (the same SSRF rules as any fetch), and links a registry hands back are resolved
// against its configured base, so an answer can never send us to another host.
import { z } from 'zod';
import { config } from '../../config.js';
import { FetchError } from '../../errors.js';
import type { DocumentKind } from '../../generated/prisma/enums.js';
import { readText, safeFetch } from '../../net/safe-fetch.js';

export interface FilingLink {
  url: string;
  text: string;
  fiscalYear: number | null;
  kind: DocumentKind | null;
  /** the User-Agent the registry wants for the download too */
  userAgent?: string;
}

// A registry listing is small JSON; EDGAR's submissions of a large filer are a few megabytes.
const MAX_LISTING_BYTES = 20 * 1024 * 1024;
// A company has a filing a year: more pages than this means a registry answering in circles.
const MAX_PAGES = 50;

async function getJson(url: string, userAgent?: string): Promise<unknown> {
  const response = await safeFetch(url, { accept: 'application/vnd.api+json, application/json', maxBytes: MAX_LISTING_BYTES, userAgent });
  const text = await readText(response, MAX_LISTING_BYTES);
  try {
    return JSON.parse(text);
  } catch {
    throw new FetchError('HTTP_STATUS', `${url} did not answer with JSON`, response.status);
  }
}

/** A path or URL from a registry's answer, on the registry's configured host (its own host name is ignored). */
function onBase(base: string, link: string): string {
  const parsed = new URL(link, `${base}/`);
  return `${base}${parsed.pathname}${parsed.search}`;
}

const EsefPage = z.object({
  data: z.array(
    z.object({
      attributes: z.object({
        package_url: z.string().nullish(),
        period_end: z.string().nullish(),
        fxo_id: z.string().nullish(),
      }),
    }),
  ),
  links: z.object({ next: z.string().nullish() }).nullish(),
});

/**
 * The entity's ESEF filings, one per entity and period: a report filed in several languages or versions (the
 * fxo_id's last part) keeps the English package if there is one (`-en` in its name), else the first listed.
 * Newest period first.
 */
export async function listEsefFilings(lei: string): Promise<FilingLink[]> {
  const base = config.filings.xbrlOrgUrl;
  const byReport = new Map<string, { url: string; english: boolean; fiscalYear: number | null; period: string }>();
  const seen = new Set<string>();
  let next: string | null = `${base}/api/entities/${encodeURIComponent(lei)}/filings?page%5Bsize%5D=100`;
  while (next && seen.size < MAX_PAGES && !seen.has(next)) {
    seen.add(next);
    const page = EsefPage.safeParse(await getJson(next));
    if (!page.success) throw new FetchError('HTTP_STATUS', `${next} is not a filings.xbrl.org filings list`);
    for (const { attributes: a } of page.data.data) {
      if (!a.package_url) continue;
      const report = a.fxo_id?.replace(/-\d+$/, '') ?? a.package_url;
      const english = /-en\.zip$/i.test(a.package_url);
      const known = byReport.get(report);
      if (known && (known.english || !english)) continue;
      const year = a.period_end ? Number(a.period_end.slice(0, 4)) : null;
      byReport.set(report, { url: onBase(base, a.package_url), english, fiscalYear: year, period: a.period_end ?? '' });
    }
    next = page.data.links?.next ? onBase(base, page.data.links.next) : null;
  }
  return [...byReport.values()]
    .sort((a, b) => b.period.localeCompare(a.period))
    .map((f) => ({ url: f.url, text: `ESEF annual financial report ${f.period}`.trim(), fiscalYear: f.fiscalYear, kind: 'ANNUAL_REPORT' }));
}

const Submissions = z.object({
  filings: z.object({
    recent: z.object({
      accessionNumber: z.array(z.string()),
      form: z.array(z.string()),
      reportDate: z.array(z.string().nullable()),
      primaryDocument: z.array(z.string()),
      isInlineXBRL: z.array(z.union([z.number(), z.boolean()])),
    }),
  }),
});

/** Annual reports of domestic and foreign filers, and quarterly reports; amendments (…/A) are left out. */
const SEC_FORMS: Record<string, DocumentKind> = { '10-K': 'ANNUAL_REPORT', '20-F': 'ANNUAL_REPORT', '40-F': 'ANNUAL_REPORT', '10-Q': 'INTERIM_REPORT' };

/**
 * The company's inline-XBRL 10-K/10-Q (and 20-F/40-F) primary documents from EDGAR's submissions, newest first.
 * `userAgent` names the operator, as SEC requires of every request (SEC_USER_AGENT).
 */
export async function listSecFilings(cik: string, userAgent: string): Promise<FilingLink[]> {
  const url = `${config.filings.secDataUrl}/submissions/CIK${cik.padStart(10, '0')}.json`;
  const parsed = Submissions.safeParse(await getJson(url, userAgent));
  if (!parsed.success) throw new FetchError('HTTP_STATUS', `${url} is not an EDGAR submissions document`);
  const recent = parsed.data.filings.recent;
  const links: FilingLink[] = [];
  recent.form.forEach((form, i) => {
    const kind = SEC_FORMS[form];
    if (!kind || !recent.isInlineXBRL[i] || !recent.primaryDocument[i]) return;
    const folder = recent.accessionNumber[i]!.replace(/-/g, '');
    const reportDate = recent.reportDate[i];
    links.push({
      url: `${config.filings.secArchivesUrl}/Archives/edgar/data/${Number(cik)}/${folder}/${recent.primaryDocument[i]}`,
      text: `${form} ${reportDate ?? ''}`.trim(),
      // Only a hint: the document's own fiscal-year focus decides on ingest.
      fiscalYear: reportDate ? Number(reportDate.slice(0, 4)) : null,
      kind,
      userAgent,
    });
  });
  return links;
}
