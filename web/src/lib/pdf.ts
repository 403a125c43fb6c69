// pdf.js from npm (pdfjs-dist), loaded only when a source page is opened. Its worker, standard fonts and CMaps are
// served by our server (web/vite.config.ts copies them), so it works with no network.
import { getDocument, GlobalWorkerOptions, Util, type PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { authHeaders } from '../api/auth';
import { figureMatches } from './figure-match';

GlobalWorkerOptions.workerSrc = workerUrl;

const documents = new Map<string, Promise<PDFDocumentProxy>>();

export function openPdf(url: string): Promise<PDFDocumentProxy> {
  let loading = documents.get(url);
  if (!loading) {
    loading = getDocument({
      url,
      httpHeaders: authHeaders(),
      isEvalSupported: false, // our CSP allows no eval
      standardFontDataUrl: '/pdfjs/standard_fonts/',
      cMapUrl: '/pdfjs/cmaps/',
      cMapPacked: true,
    }).promise;
    loading.catch(() => documents.delete(url));
    documents.set(url, loading);
  }
  return loading;
}

export interface Highlight {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Renders one page into the canvas at the given CSS width; returns the boxes where `figure` is printed. */
export async function renderPage(pdf: PDFDocumentProxy, pageNumber: number, canvas: HTMLCanvasElement, cssWidth: number, figure?: string | null) {
  const page = await pdf.getPage(pageNumber);
  const base = page.getViewport({ scale: 1 });
  const viewport = page.getViewport({ scale: cssWidth / base.width });
  const ratio = window.devicePixelRatio || 1;
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  canvas.style.width = `${Math.floor(viewport.width)}px`;
  canvas.style.height = `${Math.floor(viewport.height)}px`;
  await page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] }).promise;
  const highlights: Highlight[] = [];
  if (figure) {
    const text = await page.getTextContent();
    for (const item of text.items) {
      if (!('str' in item) || !figureMatches(item.str, figure)) continue;
      const [, , c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
      const height = Math.hypot(c!, d!);
      highlights.push({ left: e!, top: f! - height, width: item.width * viewport.scale, height: height * 1.2 });
    }
  }
  return { width: viewport.width, height: viewport.height, highlights };
}
