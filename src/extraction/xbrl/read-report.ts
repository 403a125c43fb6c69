// readXbrlReport: a report package (zip) or a single iXBRL document → contexts, units, facts (duplicates merged
// or reported), the tables the facts are printed in, the package's linkbases, the filing's meta and problems.
import { DocumentUnreadableError } from '../../errors.js';
import { detectDocumentFormat, listZipEntries, looksLikeInlineXbrl } from './detect-format.js';
import { mergeDuplicates } from './duplicates.js';
import { readLinkbases } from './linkbase.js';
import { reportMeta } from './meta.js';
import { readInlineDocument, type TaggedFact } from './read-document.js';
import { readPackage } from './read-package.js';
import type { HtmlTable, XbrlContext, XbrlProblem, XbrlReport, XbrlUnit } from './types.js';

export interface ReadXbrlOptions {
  fileName?: string;
  /** a single document's extension taxonomy, filed beside it (schema, _pre, _lab, _def linkbases) */
  taxonomy?: { name: string; bytes: Uint8Array }[];
}

const REPORT_DOCUMENT = /\.(x?html?)$/i;
const TAXONOMY_FILE = /\.(xml|xsd)$/i;

export async function readXbrlReport(bytes: Uint8Array, options: ReadXbrlOptions = {}): Promise<XbrlReport> {
  const name = options.fileName ?? 'the document';
  if (bytes.length === 0) throw new DocumentUnreadableError('EMPTY', 'The file is empty (0 bytes).');
  const format = detectDocumentFormat(bytes);
  if (format === 'XBRL_PACKAGE') return readReportPackage(bytes, name);
  if (format === 'IXBRL') return assemble('IXBRL', [{ name, bytes }], (options.taxonomy ?? []).filter((f) => TAXONOMY_FILE.test(f.name)), name);
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (listZipEntries(bytes) === null) throw new DocumentUnreadableError('MALFORMED_ZIP', `${name} is a damaged zip: its central directory cannot be read.`);
    throw new DocumentUnreadableError('NOT_XBRL', `${name} is a zip without META-INF/taxonomyPackage.xml or a reports/ folder: not a report package.`);
  }
  throw new DocumentUnreadableError('NOT_XBRL', `${name} is neither a report package nor an (X)HTML document with an ix:header.`);
}

async function readReportPackage(bytes: Uint8Array, name: string) {
  const files = await readPackage(bytes, (entry) => REPORT_DOCUMENT.test(entry) || (TAXONOMY_FILE.test(entry) && !/META-INF\//i.test(entry)));
  // The report is the (X)HTML under reports/ (report packages) or, in an older taxonomy package, any iXBRL file.
  const html = files.filter((f) => REPORT_DOCUMENT.test(f.name) && looksLikeInlineXbrl(f.bytes));
  const underReports = html.filter((f) => /(^|\/)reports\//i.test(f.name));
  const documents = (underReports.length ? underReports : html).sort((a, b) => a.name.localeCompare(b.name));
  if (documents.length === 0) throw new DocumentUnreadableError('NOT_XBRL', `${name} holds no inline XBRL document.`);
  return assemble('XBRL_PACKAGE', documents, files.filter((f) => TAXONOMY_FILE.test(f.name)), name);
}

async function assemble(
  format: XbrlReport['format'],
  documents: { name: string; bytes: Uint8Array }[],
  taxonomyFiles: { name: string; bytes: Uint8Array }[],
  what: string,
): Promise<XbrlReport> {
  const contexts = new Map<string, XbrlContext>();
  const units = new Map<string, XbrlUnit>();
  const tagged: TaggedFact[] = [];
  const tables: HtmlTable[] = [];
  const problems: XbrlProblem[] = [];
  let pages = 0;
  let headers = 0;
  documents.forEach((doc, index) => {
    const reading = readInlineDocument(doc.bytes, index, documents.length > 1 ? doc.name : what);
    if (reading.hasHeader) headers++;
    for (const c of reading.contexts) contexts.set(c.id, c);
    for (const u of reading.units) units.set(u.id, u);
    const offset = tagged.length;
    tagged.push(...reading.facts);
    for (const t of reading.tables) {
      tables.push({ ...t, rows: t.rows.map((r) => ({ ...r, page: r.page + pages, facts: r.facts.map((f) => ({ ...f, fact: f.fact + offset })) })) });
    }
    problems.push(...reading.problems);
    pages += reading.pages;
  });
  if (headers === 0) throw new DocumentUnreadableError('NOT_XBRL', `${what} has no ix:header: it is not inline XBRL.`);

  for (const fact of tagged) {
    if (!fact.valid) continue;
    const concept = `${fact.concept.prefix}:${fact.concept.local}`;
    if (!contexts.has(fact.contextRef)) {
      fact.valid = false;
      problems.push({ kind: 'MISSING_CONTEXT', message: `${concept}${fact.id ? ` (${fact.id})` : ''} points at context "${fact.contextRef}", which does not exist`, factId: fact.id, concept });
    } else if (fact.numeric && (!fact.unitRef || !units.has(fact.unitRef))) {
      fact.valid = false;
      problems.push({ kind: 'MISSING_UNIT', message: `${concept}${fact.id ? ` (${fact.id})` : ''} points at unit "${fact.unitRef ?? ''}", which does not exist`, factId: fact.id, concept });
    }
  }
  const merged = mergeDuplicates(tagged, contexts, units);
  problems.push(...merged.problems);
  // Table rows point at tagged facts; after merging they point at the fact each tag became.
  const tablesOfFacts = tables
    .map((t) => ({
      ...t,
      rows: t.rows.map((r) => ({ ...r, facts: r.facts.flatMap((f) => (merged.factOfTag[f.fact] >= 0 ? [{ ...f, fact: merged.factOfTag[f.fact] }] : [])) })),
    }))
    .filter((t) => t.rows.some((r) => r.facts.length > 0));
  const linkbase = taxonomyFiles.length ? readLinkbases(taxonomyFiles) : null;
  return {
    format,
    documents: documents.map((d) => d.name),
    pages: Math.max(1, pages),
    contexts,
    units,
    facts: merged.facts,
    tables: tablesOfFacts,
    linkbase,
    meta: reportMeta(format, merged.facts, contexts, units),
    problems,
  };
}
