// HTML to PDF with Debian's chromium (puppeteer-core, every network request refused), cached by the HTML's hash
// so a second run measures only the extractor.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
const cacheDir = join(tmpdir(), 'fde-robustness-pdfs');

export function chromiumPath(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;

  async print(html: string): Promise<Uint8Array> {
    mkdirSync(cacheDir, { recursive: true });
    const file = join(cacheDir, `${createHash('sha256').update(html).digest('hex').slice(0, 32)}.pdf`);
    if (existsSync(file)) return new Uint8Array(readFileSync(file));
    this.browser ??= puppeteer.launch({
      executablePath: chromiumPath() ?? undefined,
      headless: true,
      args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-extensions'],
    });
    const page = await (await this.browser).newPage();
    try {
      await page.setRequestInterception(true);
      page.on('request', (r) => void (r.url().startsWith('data:') || r.url() === 'about:blank' ? r.continue() : r.abort('blockedbyclient')));
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      writeFileSync(file, pdf);
      return new Uint8Array(pdf);
    } finally {
      await page.close();
    }
  }

  async close(): Promise<void> {
    if (this.browser) await (await this.browser).close();
  }
}
