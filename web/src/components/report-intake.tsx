// Adding reports to a company: drop PDFs (or pick them), fetch one from a URL, or discover them on the
// investor-relations page. Each upload can start its extraction at once.
import { useRef, useState } from 'preact/hooks';
import { AddReportFromUrlDocument, DiscoverReportsDocument, StartReportExtractionDocument, UploadReportDocument } from '@financial-data-extractor/sdk';
import { payload, request, upload } from '../api/client';
import { useAction } from '../api/hooks';
import { InlineError } from './states';

export function ReportIntake({ companyId, irUrl, onJob }: { companyId: string; irUrl: string | null; onJob: (jobId: string) => void }) {
  const [dragging, setDragging] = useState(false);
  const [extract, setExtract] = useState(true);
  const [url, setUrl] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);

  const startExtraction = async (documentId: string) => {
    const result = await request(StartReportExtractionDocument, { input: { documentId } });
    onJob(payload(result.startExtraction, 'StartExtractionPayload').job.id);
  };

  const send = useAction(async (files: File[]) => {
    const added: string[] = [];
    for (const file of files) {
      const result = await upload(UploadReportDocument, { input: { companyId, file } }, file);
      const { document, deduplicated } = payload(result.uploadDocument, 'UploadDocumentPayload');
      added.push(`${file.name}${deduplicated ? ' (already there)' : ''}${document.fiscalYear ? `: FY${document.fiscalYear}` : ''}`);
      if (extract) await startExtraction(document.id);
    }
    setNotice(`Uploaded ${added.join(', ')}`);
  });

  const fetchUrl = useAction(async () => {
    const result = await request(AddReportFromUrlDocument, { input: { companyId, url: url.trim() } });
    const { document, deduplicated } = payload(result.addDocumentFromUrl, 'AddDocumentFromUrlPayload');
    setNotice(`Fetched ${document.title ?? 'the report'}${deduplicated ? ' (already there)' : ''}`);
    setUrl('');
    if (extract) await startExtraction(document.id);
  });

  const discover = useAction(async () => {
    const result = await request(DiscoverReportsDocument, { input: { companyId } });
    onJob(payload(result.discoverDocuments, 'DiscoverDocumentsPayload').job.id);
  });

  const pdfs = (list: FileList | null | undefined) => Array.from(list ?? []).filter((f) => f.type === 'application/pdf' || f.name.toLowerCase().endsWith('.pdf'));

  return (
    <section class="card intake" aria-labelledby="intake-title">
      <h2 id="intake-title">Add reports</h2>
      <div
        class={`dropzone ${dragging ? 'dragging' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          const files = pdfs(e.dataTransfer?.files);
          if (files.length) void send.run(files);
          else setNotice('Only PDF files can be uploaded');
        }}
      >
        <p>{send.busy ? 'Uploading…' : 'Drop annual-report PDFs here, or'}</p>
        <button type="button" class="button" onClick={() => input.current?.click()} disabled={send.busy}>
          Choose files
        </button>
        <input
          ref={input}
          type="file"
          accept="application/pdf,.pdf"
          multiple
          class="visually-hidden"
          aria-label="PDF files to upload"
          onChange={(e) => {
            const files = pdfs(e.currentTarget.files);
            e.currentTarget.value = '';
            if (files.length) void send.run(files);
          }}
        />
      </div>
      <label class="check">
        <input type="checkbox" checked={extract} onChange={(e) => setExtract(e.currentTarget.checked)} /> Extract the statements after adding
      </label>
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void fetchUrl.run();
        }}
      >
        <label>
          <span class="visually-hidden">Report URL</span>
          <input type="url" required placeholder="https://…/annual-report.pdf" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={fetchUrl.busy}>
          {fetchUrl.busy ? 'Fetching…' : 'Add from URL'}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => void discover.run()}
          disabled={!irUrl || discover.busy}
          title={irUrl ? `Scan ${irUrl} for reports` : 'Set the investor-relations page first (Edit)'}
        >
          Discover reports
        </button>
      </form>
      <InlineError message={send.error ?? fetchUrl.error ?? discover.error} />
      {notice && !send.error && !fetchUrl.error && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
    </section>
  );
}
