// A cell's source: the PDF page it was printed on, rendered by pdf.js at that page, with the figure highlighted.
import type { PDFDocumentProxy } from 'pdfjs-dist';
import { useEffect, useRef, useState } from 'preact/hooks';
import { apiKey } from '../api/auth';
import { download } from '../api/client';
import type { Highlight } from '../lib/pdf';
import { ErrorState } from './states';

export interface SourceRef {
  url: string;
  page: number;
  /** The figure to highlight, as the API gives it (exact decimal string). */
  figure?: string | null;
  title: string;
  subtitle?: string;
  /** PDF pages are rendered here; an inline-XBRL filing is opened as the document it is. */
  format?: 'PDF' | 'IXBRL' | 'XBRL_PACKAGE';
}

export function SourceViewer({ source, onClose }: { source: SourceRef; onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const frame = useRef<HTMLDivElement>(null);
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [page, setPage] = useState(source.page);
  const [error, setError] = useState<string | null>(null);
  const [rendered, setRendered] = useState<{ highlights: Highlight[]; page: number } | null>(null);

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  const pdfSource = (source.format ?? 'PDF') === 'PDF';
  useEffect(() => {
    if (!pdfSource) return;
    setPage(source.page);
    setPdf(null);
    setError(null);
    let live = true;
    import('../lib/pdf')
      .then(({ openPdf }) => openPdf(source.url))
      .then((loaded) => live && setPdf(loaded))
      .catch((err: Error) => live && setError(`The PDF could not be opened: ${err.message}`));
    return () => {
      live = false;
    };
  }, [source.url, source.page, pdfSource]);

  useEffect(() => {
    if (!pdf || !canvas.current || !frame.current) return;
    let live = true;
    setRendered(null);
    const width = Math.min(frame.current.clientWidth - 2, 1000);
    import('../lib/pdf')
      .then(({ renderPage }) => renderPage(pdf, page, canvas.current!, width, page === source.page ? source.figure : null))
      .then((result) => {
        if (!live) return;
        setRendered({ highlights: result.highlights, page });
        requestAnimationFrame(() => frame.current?.querySelector('.highlight')?.scrollIntoView({ block: 'center' }));
      })
      .catch((err: Error) => live && setError(`Page ${page} could not be shown: ${err.message}`));
    return () => {
      live = false;
    };
  }, [pdf, page, source.figure, source.page]);

  const pages = pdf?.numPages ?? 0;
  return (
    <dialog ref={dialog} class="dialog source-viewer" aria-labelledby="source-title" onClose={onClose}>
      <header class="source-head">
        <div>
          <h2 id="source-title">{source.title}</h2>
          {source.subtitle && <p class="muted">{source.subtitle}</p>}
        </div>
        <div class="pager" role="group" aria-label="Pages">
          <button type="button" class="button" onClick={() => setPage((p) => Math.max(1, p - 1))} disabled={!pdf || page <= 1} aria-label="Previous page">
            ‹
          </button>
          <span aria-live="polite">
            Page {page}
            {pages ? ` of ${pages}` : ''}
          </span>
          <button type="button" class="button" onClick={() => setPage((p) => Math.min(pages, p + 1))} disabled={!pdf || page >= pages} aria-label="Next page">
            ›
          </button>
          {apiKey() ? (
            // A new tab would not carry the key: the file is fetched with it and saved instead.
            <button type="button" class="button" onClick={() => void download(source.url, 'report.pdf').catch((err: Error) => setError(err.message))}>
              Save PDF
            </button>
          ) : (
            <a class="button" href={source.url} target="_blank" rel="noopener">
              Open PDF
            </a>
          )}
          <button type="button" class="button" onClick={() => dialog.current?.close()} autoFocus>
            Close
          </button>
        </div>
      </header>
      {rendered && page === source.page && source.figure && (
        <p class="source-note" role="status">
          {rendered.highlights.length
            ? `The figure is highlighted on page ${page}.`
            : `Page ${page}: the figure is not found as printed text (it may be scaled or restated); the page is shown.`}
        </p>
      )}
      {!pdfSource ? (
        <div class="state">
          <strong>A tagged XBRL fact</strong>
          <p>This figure comes from an inline-XBRL filing, exact as filed; there is no PDF page to show.</p>
          <a class="button" href={source.url} target="_blank" rel="noopener">
            Open the filing
          </a>
        </div>
      ) : error ? (
        <ErrorState error={error} />
      ) : (
        <div class="page-frame" ref={frame}>
          {!rendered && <div class="page-loading" role="status">Rendering page {page}…</div>}
          <div class="page-canvas">
            <canvas ref={canvas} aria-label={`Page ${page} of the report`} role="img" />
            {rendered?.page === page &&
              rendered.highlights.map((h, i) => (
                <div key={i} class="highlight" style={{ left: `${h.left - 3}px`, top: `${h.top - 2}px`, width: `${h.width + 6}px`, height: `${h.height + 2}px` }} />
              ))}
          </div>
        </div>
      )}
    </dialog>
  );
}
