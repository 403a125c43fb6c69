// Finds a company's reports on its investor-relations site with plain HTTP and an HTML parser (no browser):
// PDF, report-package (.zip) and inline-XBRL (.xhtml) links on the page, links whose target answers as a PDF or
// zip, and one level of sub-pages whose link text says
// annual report / financial statements / results; and its tagged filings in the registries for its LEI and CIK
// (filings.ts). Known URLs are skipped; known bytes are deduplicated on ingest.
import * as cheerio from 'cheerio';
import { config } from '../../config.js';
import { prisma } from '../../db.js';
import { DomainError, FetchError, NotFoundError, ValidationError } from '../../errors.js';
import type { DocumentKind } from '../../generated/prisma/enums.js';
import { parseHttpUrl, readText, safeFetch } from '../../net/safe-fetch.js';
import { noProgress, type ReportProgress } from '../jobs/progress.js';
import { listEsefFilings, listSecFilings } from './filings.js';
import { ingestDocument } from './ingest.js';
import { DOCUMENT_TYPES, TooLargeError } from './receive.js';

export interface DiscoveredLink {
  url: string;
  text: string;
  fiscalYear: number | null;
  kind: DocumentKind | null;
}

export interface DiscoveryReport {
  /** the investor-relations page scanned, if any */
  startUrl: string | null;
  pagesScanned: number;
  /** the filing registries asked (filings.xbrl.org by LEI, sec-edgar by CIK) and how many filings each listed */
  registries: { source: string; filings: number }[];
  candidates: number;
  created: { documentId: number; url: string }[];
  skipped: { url: string; reason: 'KNOWN_URL' | 'SAME_CONTENT' }[];
  failed: { url: string; code: string; message: string }[];
}

export interface DiscoveryOptions {
  url?: string | null;
  maxDocuments?: number;
  /** Awaited at each step ('scan-pages', 'download'): a rejection (e.g. the job was cancelled) stops it there. */
  progress?: ReportProgress;
}

const REPORT_WORDS =
  /annual[\s-]*report|financial[\s-]*(statements|reports?)|results|interim|half[\s-]*year|quarterly|10-K|20-F|årsredovisning|delårsrapport|geschäftsbericht|finanzbericht|rapport[\s-]*(annuel|financier|semestriel)|jaarverslag|jaarrekening|reports?[\s-]*(and|&)[\s-]*presentations|publications/i;

export function inferFromLink(text: string, url: string): { fiscalYear: number | null; kind: DocumentKind | null } {
  const haystack = `${text} ${decodeURIComponent(new URL(url).pathname)}`;
  const years = [...haystack.matchAll(/(?<!\d)(19[89]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
  let kind: DocumentKind | null = null;
  if (/interim|half[\s_-]*year|H1|Q[1-4]|quarter|10-Q|delårs|halbjahr|semestriel|halfjaar/i.test(haystack)) kind = 'INTERIM_REPORT';
  else if (/annual|10-K|20-F|årsredovisning|geschäftsbericht|rapport[\s_-]*annuel|jaarverslag|universal[\s_-]*registration/i.test(haystack)) kind = 'ANNUAL_REPORT';
  else if (/presentation|slides|webcast/i.test(haystack)) kind = 'PRESENTATION';
  else if (/press|release|earnings/i.test(haystack)) kind = 'EARNINGS_RELEASE';
  return { fiscalYear: years.length ? Math.max(...years) : null, kind };
}

const looksLikePdf = (url: string) => /\.pdf($|[?#])/i.test(url);
// An ESEF report package or an inline-XBRL document linked from the page; a zip only when it sounds like a report.
const looksLikeTaggedReport = (link: { url: string; text: string }) =>
  /\.xhtml($|[?#])/i.test(link.url) || (/\.zip($|[?#])/i.test(link.url) && (REPORT_WORDS.test(link.text) || /esef|xbrl|\d{4}-\d{2}-\d{2}/i.test(link.url)));

function linksOf(html: string, base: string): { url: string; text: string }[] {
  const $ = cheerio.load(html);
  const out = new Map<string, string>();
  $('a[href]').each((_, el) => {
    const href = $(el).attr('href')!.trim();
    if (!href || href.startsWith('#') || /^(mailto|javascript|tel):/i.test(href)) return;
    let url: string;
    try {
      url = new URL(href, base).toString().replace(/#.*$/, '');
    } catch {
      return;
    }
    const text = [$(el).text(), $(el).attr('title') ?? '', $(el).attr('aria-label') ?? ''].join(' ').replace(/\s+/g, ' ').trim();
    if (!out.has(url)) out.set(url, text);
  });
  return [...out].map(([url, text]) => ({ url, text }));
}

async function fetchPage(url: string): Promise<string | null> {
  const response = await safeFetch(url, { accept: 'text/html,application/xhtml+xml' });
  if (!/html|xml/i.test(response.contentType)) {
    response.body.destroy();
    return null;
  }
  return readText(response);
}

/** A link without ".pdf" whose text sounds like a report may still serve one (or a report package): ask the server. */
async function answersAsDocument(url: string): Promise<boolean> {
  try {
    const response = await safeFetch(url, { accept: DOCUMENT_TYPES });
    response.body.destroy();
    return /application\/(pdf|x-pdf|zip|x-zip-compressed)/i.test(response.contentType);
  } catch {
    return false;
  }
}

export async function collectReportLinks(startUrl: string, progress: ReportProgress = noProgress) {
  const start = parseHttpUrl(startUrl).toString();
  const html = await fetchPage(start);
  if (html == null) throw new FetchError('NOT_PDF', `${start} is not an HTML page`);
  const found = new Map<string, DiscoveredLink>();
  const consider = async (link: { url: string; text: string }) => {
    if (found.has(link.url)) return;
    if (looksLikePdf(link.url) || looksLikeTaggedReport(link) || (REPORT_WORDS.test(link.text) && (await answersAsDocument(link.url)))) {
      found.set(link.url, { ...link, ...inferFromLink(link.text, link.url) });
    }
  };
  const links = linksOf(html, start);
  const subPages = links.filter((l) => !looksLikePdf(l.url) && !looksLikeTaggedReport(l) && REPORT_WORDS.test(l.text) && l.url !== start);
  let pagesScanned = 1;
  for (const link of links) await consider(link);
  for (const [i, page] of subPages.entries()) {
    await progress('scan-pages', i + 1, subPages.length);
    if (found.has(page.url)) continue; // it answered as a document
    const sub = await fetchPage(page.url).catch(() => null);
    if (sub == null) continue;
    pagesScanned += 1;
    for (const link of linksOf(sub, page.url)) await consider(link);
  }
  return { startUrl: start, pagesScanned, links: [...found.values()] };
}

type Candidate = DiscoveredLink & { userAgent?: string };

/** The registries that list the company's tagged filings, for the identifiers it has. */
async function registryFilings(company: { lei: string | null; cik: string | null }, report: DiscoveryReport): Promise<Candidate[]> {
  const found: Candidate[] = [];
  const ask = async (source: string, list: () => Promise<Candidate[]>) => {
    try {
      const filings = await list();
      report.registries.push({ source, filings: filings.length });
      found.push(...filings);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      report.failed.push({ url: source, code: errorCode(err), message: err.message });
    }
  };
  if (company.lei) await ask('filings.xbrl.org', () => listEsefFilings(company.lei!));
  if (company.cik) {
    const userAgent = config.filings.secUserAgent;
    if (userAgent) await ask('sec-edgar', () => listSecFilings(company.cik!, userAgent));
    else report.failed.push({ url: 'sec-edgar', code: 'NOT_CONFIGURED', message: 'SEC EDGAR asks every client to name its operator: set SEC_USER_AGENT' });
  }
  return found;
}

/**
 * Adds the company's new reports: links on its investor-relations page (or `url`), and, unless a URL was given,
 * the tagged filings the registries list for its LEI and CIK.
 */
export async function discoverDocuments(companyId: number, options: DiscoveryOptions = {}): Promise<DiscoveryReport> {
  const company = await prisma.company.findUnique({ where: { id: companyId }, select: { irUrl: true, lei: true, cik: true } });
  if (!company) throw new NotFoundError('Company', String(companyId));
  const startUrl = options.url ?? company.irUrl;
  const registries = options.url ? { lei: null, cik: null } : company;
  if (!startUrl && !registries.lei && !registries.cik) {
    throw ValidationError.field('url', 'The company has no investor-relations URL, LEI or CIK; give a URL');
  }

  const report: DiscoveryReport = { startUrl: null, pagesScanned: 0, registries: [], candidates: 0, created: [], skipped: [], failed: [] };
  const links: Candidate[] = [];
  if (startUrl) {
    try {
      const site = await collectReportLinks(startUrl, options.progress);
      Object.assign(report, { startUrl: site.startUrl, pagesScanned: site.pagesScanned });
      links.push(...site.links);
    } catch (err) {
      // An unreachable IR site stops discovery only when there is no registry to ask instead.
      if (!(err instanceof DomainError) || (!registries.lei && !registries.cik)) throw err;
      report.failed.push({ url: startUrl, code: errorCode(err), message: err.message });
    }
  }
  links.push(...(await registryFilings(registries, report)));
  const candidates = links.slice(0, options.maxDocuments ?? 100);
  report.candidates = candidates.length;
  const known = new Set(
    (await prisma.document.findMany({ where: { companyId, sourceUrl: { in: candidates.map((c) => c.url) } }, select: { sourceUrl: true } }))
      .map((d) => d.sourceUrl),
  );
  for (const [i, link] of candidates.entries()) {
    await (options.progress ?? noProgress)('download', i + 1, candidates.length);
    if (known.has(link.url)) {
      report.skipped.push({ url: link.url, reason: 'KNOWN_URL' });
      continue;
    }
    try {
      const response = await safeFetch(link.url, { maxBytes: config.maxDocumentBytes, accept: DOCUMENT_TYPES, userAgent: link.userAgent });
      try {
        const hints = { fiscalYear: link.fiscalYear, kind: link.kind };
        const result = await ingestDocument({ companyId, source: response.body, sourceUrl: link.url, hints });
        if (result.deduplicated) report.skipped.push({ url: link.url, reason: 'SAME_CONTENT' });
        else report.created.push({ documentId: result.document.id, url: link.url });
      } finally {
        response.body.destroy();
      }
    } catch (err) {
      // One bad link must not stop the rest: record it and go on.
      if (err instanceof TooLargeError) report.failed.push({ url: link.url, code: 'TOO_LARGE', message: err.message });
      else if (err instanceof DomainError) report.failed.push({ url: link.url, code: errorCode(err), message: err.message });
      else throw err;
    }
  }
  return report;
}

function errorCode(err: DomainError): string {
  const e = err as { failure?: string; reason?: string };
  return e.failure ?? e.reason ?? err.name;
}
