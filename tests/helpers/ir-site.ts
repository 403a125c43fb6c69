// A local investor-relations site for fetch and discovery tests, on 127.0.0.1 with a random port.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { makeAnnualReport } from './report-pdf.js';

export interface IrSite {
  url: (p: string) => string;
  hits: Map<string, number>;
  close: () => Promise<void>;
}

export const DEV_REPORTS = path.resolve(import.meta.dirname, '../../../shared/fixtures/reports/pdfs');

export async function startIrSite(company = 'Acme Industries plc'): Promise<IrSite> {
  const pdfs: Record<string, Uint8Array> = {
    '/reports/annual-report-2023.pdf': await makeAnnualReport({ company, year: 2023, base: 3 }),
    '/reports/annual-report-2022.pdf': await makeAnnualReport({ company, year: 2022, base: 2 }),
    '/download': await makeAnnualReport({ company, year: 2021, base: 1 }),
  };
  const xpPower = await readFile(path.join(DEV_REPORTS, 'xp_power_h1_2025.pdf')).catch(() => null);
  const hits = new Map<string, number>();
  let base = '';
  const pages: Record<string, string> = {
    '/ir': `<html><body><h1>Investors</h1>
      <a href="/reports/annual-report-2023.pdf">Annual Report 2023</a>
      <a href="reports/annual-report-2022.pdf">Annual Report 2022 (PDF)</a>
      <a href="/download?id=2021">Annual report 2021</a>
      <a href="/results">Results, reports and presentations</a>
      <a href="/redirect.pdf">Annual report 2023 (mirror)</a>
      <a href="/missing.pdf">Annual report 2019</a>
      <a href="/fake.pdf">Annual report 2018</a>
      <a href="/about">About us</a>
      <a href="mailto:ir@example.com">Contact</a>
      <a href="http://169.254.169.254/latest/annual-report.pdf">Cloud copy</a>
    </body></html>`,
    '/results': `<html><body><a href="/files/interim-results-h1-2025.pdf">Interim results H1 2025</a>
      <a href="/ir">Back</a></body></html>`,
    '/about': '<html><body>We make things. <a href="/careers.pdf">Careers brochure</a></body></html>',
  };
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hits.set(url.pathname, (hits.get(url.pathname) ?? 0) + 1);
    const pdf = pdfs[url.pathname];
    if (pdf) return res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length }).end(pdf);
    if (url.pathname === '/files/interim-results-h1-2025.pdf' && xpPower) {
      return res.writeHead(200, { 'content-type': 'application/pdf' }).end(xpPower);
    }
    if (pages[url.pathname]) return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(pages[url.pathname]);
    if (url.pathname === '/redirect.pdf') return res.writeHead(302, { location: `${base}/reports/annual-report-2023.pdf` }).end();
    if (url.pathname === '/redirect-to-metadata.pdf') {
      return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data' }).end();
    }
    if (url.pathname === '/fake.pdf') return res.writeHead(200, { 'content-type': 'application/pdf' }).end('<html>Not really</html>');
    if (url.pathname === '/slow.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.write('%PDF-1.7\n');
      const timer = setTimeout(() => res.end(), 10_000);
      res.on('close', () => clearTimeout(timer));
      return;
    }
    if (url.pathname === '/huge.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' }); // no length: the cap must hold while streaming
      res.write('%PDF-1.7\n');
      const chunk = Buffer.alloc(64 * 1024, 32);
      let sent = 0;
      const pump = () => {
        while (sent < 50 && res.write(chunk)) sent++;
        if (sent >= 50) res.end();
        else res.once('drain', pump);
      };
      res.on('error', () => {});
      return pump();
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (p: string) => `${base}${p}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
