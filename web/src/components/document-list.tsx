// A company's documents by fiscal year: kind, pages, each statement's extraction (pages and checks verdict),
// and the buttons to extract again or open a statement's page.
import { StartReportExtractionDocument, type CompanyOverviewQuery } from '@financial-data-extractor/sdk';
import { payload, request } from '../api/client';
import { useAction } from '../api/hooks';
import { useState } from 'preact/hooks';
import { formatBytes, humanize } from '../lib/format';
import { DocumentEdit } from './document-edit';
import type { SourceRef } from './source-viewer';
import { Empty, InlineError } from './states';

type Company = Extract<CompanyOverviewQuery['company'], { __typename: 'Company' }>;
type Doc = Company['documents']['edges'][number]['node'];
type Summary = NonNullable<Doc['income']>;

const STATEMENTS = [
  ['income', 'IS', 'Income statement'],
  ['balanceSheet', 'BS', 'Balance sheet'],
  ['cashFlow', 'CF', 'Cash flows'],
] as const;

const FORMATS: Record<Doc['format'], string> = { PDF: 'PDF', IXBRL: 'iXBRL', XBRL_PACKAGE: 'XBRL package' };

/** The server's verdict of one extraction (VERIFIED / UNVERIFIED / INCONSISTENT) with the checks behind it. */
export function verdict(extraction: Summary): { tone: 'ok' | 'warn' | 'none'; text: string } {
  const total = extraction.checks.length;
  const failed = extraction.checks.filter((c) => !c.passed).length;
  const counts = total ? (failed ? ` (${failed}/${total} checks fail)` : ` (${total} checks pass)`) : '';
  if (extraction.verdict === 'VERIFIED') return { tone: 'ok', text: `verified${counts}` };
  if (extraction.verdict === 'INCONSISTENT') return { tone: 'warn', text: `inconsistent${counts}` };
  if (extraction.verdict === 'UNVERIFIED') return { tone: 'none', text: `unverified${counts}` };
  if (!total) return { tone: 'none', text: 'no checks' };
  return failed ? { tone: 'warn', text: `${failed}/${total} checks fail` } : { tone: 'ok', text: `${total} checks pass` };
}

function pageRange(pages: number[]): string {
  if (!pages.length) return '';
  const sorted = [...pages].sort((a, b) => a - b);
  return sorted.length === 1 ? `p. ${sorted[0]}` : `pp. ${sorted[0]}–${sorted[sorted.length - 1]}`;
}

function DocumentRow({ doc, onJob, onOpen }: { doc: Doc; onJob: (id: string) => void; onOpen: (s: SourceRef) => void }) {
  const extract = useAction(async () => {
    const result = await request(StartReportExtractionDocument, { input: { documentId: doc.id } });
    onJob(payload(result.startExtraction, 'StartExtractionPayload').job.id);
  });
  const [editing, setEditing] = useState(false);
  const extracted = STATEMENTS.some(([key]) => doc[key]);
  const name = doc.title ?? `${humanize(doc.kind)}${doc.fiscalYear ? ` ${doc.fiscalYear}` : ''}`;
  return (
    <li class="document" data-document-id={doc.id}>
      <div class="document-main">
        <div>
          <span class="badge">{humanize(doc.kind)}</span> <span class="badge format-badge">{FORMATS[doc.format]}</span> <strong>{name}</strong>
          <div class="muted small">
            {doc.pageCount ? `${doc.pageCount} pages` : 'pages unknown'} · {formatBytes(doc.byteSize)} · {humanize(doc.status)}
          </div>
        </div>
        <div class="document-actions">
          <button type="button" class="button" onClick={() => void extract.run()} disabled={extract.busy || doc.status === 'EXTRACTING'}>
            {doc.status === 'EXTRACTING' ? 'Extracting…' : extracted ? 'Re-extract' : 'Extract'}
          </button>
          <button type="button" class="button" onClick={() => onOpen({ url: doc.downloadUrl, page: 1, title: name, format: doc.format })}>
            {doc.format === 'PDF' ? 'View PDF' : 'View filing'}
          </button>
          <button type="button" class="button" onClick={() => setEditing((e) => !e)} aria-expanded={editing} aria-label={`Edit ${name}`}>
            Edit
          </button>
        </div>
      </div>
      <ul class="extractions" aria-label="Statements extracted">
        {STATEMENTS.map(([key, short, label]) => {
          const extraction = doc[key];
          if (!extraction) {
            return (
              <li key={key} class="extraction missing" title={`${label}: not extracted`}>
                <abbr title={label}>{short}</abbr> —
              </li>
            );
          }
          const v = verdict(extraction);
          return (
            <li key={key} class={`extraction verdict-${v.tone}`}>
              <button
                type="button"
                class="link"
                onClick={() =>
                  onOpen({ url: doc.downloadUrl, page: extraction.pages[0] ?? 1, title: `${label}, ${name}`, subtitle: pageRange(extraction.pages), format: doc.format })
                }
                title={`${label}: open its page`}
              >
                <abbr title={label}>{short}</abbr> {pageRange(extraction.pages)}
              </button>{' '}
              <span class="verdict">{v.text}</span>
              {extraction.agreement && extraction.agreement.compared > 0 && (
                <span class="agreement" title="Tagged values of this year's inline-XBRL filing that this PDF reading reproduces">
                  {' '}
                  · {extraction.agreement.agreeing}/{extraction.agreement.compared} XBRL values agree
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <InlineError message={extract.error} />
      {editing && <DocumentEdit id={doc.id} fiscalYear={doc.fiscalYear ?? null} kind={doc.kind} title={doc.title ?? null} onDone={() => setEditing(false)} />}
    </li>
  );
}

export function DocumentList({ company, onJob, onOpen }: { company: Company; onJob: (id: string) => void; onOpen: (s: SourceRef) => void }) {
  const docs = company.documents.edges.map((e) => e.node);
  if (!docs.length) return <Empty title="No documents yet">Drop an annual report above, add one by URL, or discover them.</Empty>;
  const years = new Map<string, Doc[]>();
  for (const doc of docs) {
    const year = doc.fiscalYear ? `FY ${doc.fiscalYear}` : 'Fiscal year unknown';
    years.set(year, [...(years.get(year) ?? []), doc]);
  }
  return (
    <div class="documents">
      {[...years].map(([year, list]) => (
        <section key={year} class="year-group" aria-label={year}>
          <h3>{year}</h3>
          <ul class="document-list">
            {list.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} onJob={onJob} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
