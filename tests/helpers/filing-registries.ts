// Local stand-ins for filings.xbrl.org and SEC EDGAR that answer with the recorded responses in
// ../shared/fixtures/xbrl/api/ (never the real services), on 127.0.0.1 with a random port.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export const XBRL_FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/xbrl');

export const ASML_LEI = '724500Y6DUVHQD6OXN27';
/** Any valid LEI: the recorded two-page list (filtered by country in the recording) stands for its filings. */
export const PAGED_LEI = '506700GE1G29325QX363';
export const TESLA_CIK = '1318605';
export const SEC_USER_AGENT = 'FDE tests ops@fde.example';

export interface FilingRegistries {
  url: (p: string) => string;
  /** request path + query → the User-Agent it came with */
  requests: { path: string; userAgent: string | undefined }[];
  /** path → bytes served there (a document download) */
  documents: Map<string, Uint8Array>;
  close: () => Promise<void>;
}

const json = async (name: string) => JSON.parse(await readFile(path.join(XBRL_FIXTURES, 'api', name), 'utf8'));

export async function startFilingRegistries(): Promise<FilingRegistries> {
  const asml = (await json('filings-xbrl-org-asml-2022.json')).body;
  const [page1, page2] = (await json('filings-xbrl-org-estonia-two-pages.json')).map((p: { body: unknown }) => p.body);
  const tesla = await json('sec-submissions-tesla.json');
  const requests: FilingRegistries['requests'] = [];
  const documents = new Map<string, Uint8Array>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    requests.push({ path: url.pathname + url.search, userAgent: req.headers['user-agent'] });
    const send = (body: unknown) => res.writeHead(200, { 'content-type': 'application/vnd.api+json' }).end(JSON.stringify(body));
    if (url.pathname === `/api/entities/${ASML_LEI}/filings`) return send(asml);
    if (url.pathname === `/api/entities/${PAGED_LEI}/filings`) return send(page1);
    // The recorded pages link to each other by absolute https://filings.xbrl.org URLs; we answer pages 2 and 3.
    if (url.pathname === '/api/filings' && url.searchParams.get('page[number]') === '2') return send(page2);
    if (url.pathname === '/api/filings' && url.searchParams.get('page[number]') === '3') return send({ data: [], links: {} });
    if (url.pathname === `/submissions/CIK${TESLA_CIK.padStart(10, '0')}.json`) {
      // SEC refuses clients that do not name their operator.
      if (req.headers['user-agent'] !== SEC_USER_AGENT) return res.writeHead(403).end('Undeclared automated tool');
      return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(tesla));
    }
    // An investor-relations page linking the same report as PDF, package and inline-XBRL document.
    if (url.pathname === '/ir') {
      return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>
        <a href="/reports/annual-report-2018.pdf">Annual report 2018 (PDF)</a>
        <a href="/reports/xii-2018-06-30.zip">Annual report 2018 (ESEF package)</a>
        <a href="/reports/nvda-2025.xhtml">Form 10-K 2025 (inline XBRL)</a>
        <a href="/downloads/photos.zip">Photo library</a>
      </body></html>`);
    }
    const doc = documents.get(url.pathname);
    if (doc) return res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': doc.length }).end(doc);
    res.writeHead(404).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (p) => `${base}${p}`,
    requests,
    documents,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
