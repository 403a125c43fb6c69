// Decides what a document is from its content, never from its URL: for a PDF, the title pages' wording, whether it
// holds primary statements and the period their columns cover, and the page shape (slides are landscape and
// sparse); for inline XBRL, what the filer tagged about the report itself (document type, period, fiscal year).
import type { XbrlReport } from '../../extraction/index.js';
import type { ExtractedStatement, PdfDocument } from '../../extraction/types.js';
import type { DocumentKind } from '../../generated/prisma/enums.js';

export interface Classification {
  kind: DocumentKind;
  fiscalYear: number | null;
  title: string | null;
  language: string | null;
  /** Why: the signals that decided, for logs and tests. */
  signals: string[];
}

const ANNUAL = [
  /\bannual\s+report\b/i, /\bform\s+10-K\b/i, /\bform\s+20-F\b/i, /\bannual\s+financial\s+statements\b/i,
  /\bfor\s+the\s+(fiscal\s+)?years?\s+ended\b/i, /\bårsredovisning\b/i, /\bårsrapport\b/i, /\bgeschäftsbericht\b/i,
  /\bjahresabschluss\b/i, /\brapport\s+annuel\b/i, /\bdocument\s+d'enregistrement\s+universel\b/i, /\bjaarverslag\b/i,
  /\bjaarrekening\b/i, /\bannual\s+accounts\b/i, /\bintegrated\s+report\b/i,
];
const INTERIM = [
  /\binterim\b/i, /\bhalf[-\s]?year(ly)?\b/i, /\b(three|six|nine)\s+months\s+ended\b/i, /\bquarterly\s+report\b/i,
  /\bform\s+10-Q\b/i, /\bfirst\s+half\b/i, /\bH1\s?20\d\d\b/, /\bQ[1-4]\s?20\d\d\b/, /\bdelårsrapport\b/i,
  /\bhalvårsrapport\b/i, /\bhalbjahres/i, /\bquartalsmitteilung\b/i, /\bzwischenbericht\b/i, /\brapport\s+semestriel\b/i,
  /\brapport\s+financier\s+semestriel\b/i, /\bhalfjaar/i, /\bkwartaal/i,
];
const RELEASE = [/\bpress\s+release\b/i, /\bearnings\s+release\b/i, /\breports?\s+(record\s+)?(fourth|first|second|third)[-\s]quarter\b/i, /\bpressemitteilung\b/i, /\bpressmeddelande\b/i, /\bcommuniqué\s+de\s+presse\b/i, /\bpersbericht\b/i];
const PRESENTATION = [/\binvestor\s+presentation\b/i, /\bcapital\s+markets?\s+day\b/i, /\bresults\s+presentation\b/i, /\bearnings\s+call\b/i, /\bwebcast\b/i];

const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'for', 'with', 'year', 'total'],
  sv: ['och', 'för', 'av', 'med', 'året', 'summa', 'till'],
  de: ['und', 'der', 'die', 'das', 'für', 'mit', 'jahr'],
  fr: ['et', 'les', 'des', 'pour', 'du', 'exercice', 'une'],
  nl: ['en', 'het', 'van', 'voor', 'met', 'jaar', 'een'],
};

const count = (text: string, patterns: RegExp[]) => patterns.filter((p) => p.test(text)).length;

function pageText(doc: PdfDocument, index: number) {
  return (doc.pages[index]?.items ?? []).map((i) => i.str).join(' ').replace(/\s+/g, ' ');
}

export function detectLanguage(text: string): string | null {
  const words = text.toLowerCase().split(/[^a-zåäöéèüßà]+/);
  let best: string | null = null;
  let bestHits = 5; // too little text says nothing
  for (const [lang, stop] of Object.entries(STOPWORDS)) {
    const set = new Set(stop);
    const hits = words.filter((w) => set.has(w)).length;
    if (hits > bestHits) [best, bestHits] = [lang, hits];
  }
  return best;
}

/** The topmost line set in the largest type on the first pages, when one stands out from the body text. */
function guessTitle(doc: PdfDocument): string | null {
  for (const page of doc.pages.slice(0, 3)) {
    const items = page.items.filter((i) => i.str.trim().length > 1);
    if (items.length < 3) continue;
    const sizes = items.map((i) => i.fontSize).sort((a, b) => a - b);
    const body = sizes[Math.floor(sizes.length / 2)]!;
    const biggest = sizes[sizes.length - 1]!;
    if (biggest < body * 1.25) continue; // nothing stands out: no title on this page
    const large = items.filter((i) => i.fontSize >= biggest * 0.9).sort((a, b) => b.y - a.y || a.x - b.x);
    const top = large[0]!.y;
    const line = large.filter((i) => Math.abs(i.y - top) < biggest * 0.6).map((i) => i.str.trim()).join(' ');
    if (line.length > 2 && !/^page\s+\d+(\s+of\s+\d+)?$/i.test(line.trim())) return line.replace(/\s+/g, ' ').slice(0, 200);
  }
  return null;
}

/** The fiscal year the statements report: the newest full-year column, else the year of the interim period. */
function fiscalYearFromStatements(statements: ExtractedStatement[]): number | null {
  const columns = statements.flatMap((s) => s.columns);
  const annual = columns.filter((c) => c.periodMonths === 12 && c.fiscalYear);
  if (annual.length) return Math.max(...annual.map((c) => c.fiscalYear!));
  const interim = fiscalYearOfInterim(columns);
  if (interim) return interim;
  const any = columns.filter((c) => c.fiscalYear);
  return any.length ? Math.max(...any.map((c) => c.fiscalYear!)) : null;
}

/**
 * An interim period belongs to the fiscal year that ends next. The year-end is read from the balance sheet's
 * comparative date that is not itself an interim period end (30 Sep 2024 vs 31 Mar 2024 → years end in March,
 * so the half to 30 Sep 2024 is in the fiscal year ending 31 Mar 2025).
 */
function fiscalYearOfInterim(columns: ExtractedStatement['columns']): number | null {
  const interimEnds = columns.filter((c) => c.periodMonths && c.periodMonths < 12 && c.periodEnd).map((c) => c.periodEnd!);
  if (!interimEnds.length) return null;
  const periodEnd = interimEnds.sort().at(-1)!;
  const yearEnds = columns
    .filter((c) => c.periodMonths == null && c.periodEnd && !interimEnds.includes(c.periodEnd))
    .map((c) => c.periodEnd!)
    .sort();
  const year = Number(periodEnd.slice(0, 4));
  const yearEnd = yearEnds.at(-1);
  if (!yearEnd) return year;
  return `${year}${yearEnd.slice(4)}` >= periodEnd ? year : year + 1;
}

function fiscalYearFromText(text: string): number | null {
  const m =
    /(?:fiscal\s+)?years?\s+ended\s+(?:\w+\s+\d{1,2},?\s+|\d{1,2}\s+\w+\s+)(20\d\d|19\d\d)/i.exec(text) ??
    /\b(20\d\d)\s+(?:annual\s+report|interim\s+results|annual\s+results)/i.exec(text) ??
    /\b(?:annual\s+report|årsredovisning|geschäftsbericht|rapport\s+annuel|jaarverslag)\s+(20\d\d)/i.exec(text);
  return m ? Number(m[1]) : null;
}

export function classifyDocument(doc: PdfDocument, statements: ExtractedStatement[]): Classification {
  const front = [0, 1, 2].map((i) => pageText(doc, i)).join(' ');
  const signals: string[] = [];
  const annualHits = count(front, ANNUAL);
  const interimHits = count(front, INTERIM);
  const releaseHits = count(front, RELEASE);
  const presentationHits = count(front, PRESENTATION);
  const months = statements.flatMap((s) => s.columns.map((c) => c.periodMonths)).filter((m): m is number => m != null);
  const fullYearColumns = months.filter((m) => m === 12).length;
  const interimColumns = months.filter((m) => m < 12).length;
  const landscape = doc.pages.filter((p) => p.width > p.height * 1.15).length;
  const sparse = doc.pages.filter((p) => p.items.length < 120).length;
  signals.push(`annual:${annualHits} interim:${interimHits} release:${releaseHits} slides:${presentationHits}`);
  signals.push(`statements:${statements.length} 12m-columns:${fullYearColumns} interim-columns:${interimColumns}`);

  let kind: DocumentKind;
  if (landscape > doc.pageCount * 0.6 && sparse > doc.pageCount * 0.5 && statements.length < 2) kind = 'PRESENTATION';
  else if (presentationHits && statements.length === 0) kind = 'PRESENTATION';
  else if (interimColumns > fullYearColumns || (interimHits > annualHits && fullYearColumns === 0)) kind = 'INTERIM_REPORT';
  else if (releaseHits && doc.pageCount <= 40) kind = 'EARNINGS_RELEASE';
  else if (statements.length >= 2 || annualHits > 0) kind = 'ANNUAL_REPORT';
  else if (interimHits) kind = 'INTERIM_REPORT';
  else kind = 'OTHER';
  signals.push(`kind:${kind}`);

  return {
    kind,
    fiscalYear: fiscalYearFromStatements(statements) ?? fiscalYearFromText(front),
    title: guessTitle(doc),
    language: detectLanguage(front + ' ' + statements.map((s) => s.title).join(' ')),
    signals,
  };
}

/** Document types filed for a period shorter than a year (SEC 10-Q, 6-K; ESEF/UK half-year and quarterly reports). */
const INTERIM_TYPES = /10-Q|6-K|interim|half|quarter|semi/i;

/** An inline-XBRL report says what it is: its tagged document type, period end and fiscal year focus. */
export function classifyXbrlReport(report: Pick<XbrlReport, 'meta' | 'format'>): Classification {
  const { meta } = report;
  const kind: DocumentKind = meta.documentType && INTERIM_TYPES.test(meta.documentType) ? 'INTERIM_REPORT' : 'ANNUAL_REPORT';
  const fiscalYear = meta.fiscalYear ?? (meta.periodEnd ? Number(meta.periodEnd.slice(0, 4)) : null);
  // "NVIDIA CORP — Form 10-K — period ending 2025-01-26"; a type that is a word ("annual") reads as "Annual report".
  const type = meta.documentType
    ? /^\d/.test(meta.documentType) ? `Form ${meta.documentType}` : `${meta.documentType[0]!.toUpperCase()}${meta.documentType.slice(1)} report`
    : null;
  const title = [meta.entityName, type, meta.periodEnd && `period ending ${meta.periodEnd}`].filter(Boolean).join(' — ') || null;
  return {
    kind,
    fiscalYear,
    title: title?.slice(0, 200) ?? null,
    language: null,
    signals: [`format:${report.format}`, `documentType:${meta.documentType ?? '-'}`, `periodEnd:${meta.periodEnd ?? '-'}`, `kind:${kind}`],
  };
}
