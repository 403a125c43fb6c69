// A real browser for UI tests: Debian's chromium (installed by .ci/run) driven by puppeteer-core, with every
// request to anything but loopback aborted, so a page that reaches for the internet fails its test.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The browser binary, or null where none is installed (outside CI the UI tests are then skipped). */
export function chromiumPath(): string | null {
  return CANDIDATES.find((p): p is string => !!p && existsSync(p)) ?? null;
}

const LOOPBACK = /^(https?|wss?):\/\/(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?\//;

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath();
  if (!executablePath) throw new Error('No chromium found: apt-get install chromium (or set CHROMIUM_PATH)');
  return puppeteer.launch({
    executablePath,
    headless: true,
    // --no-sandbox: CI runs as root; the rest keeps a 2-core machine quiet.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-extensions'],
  });
}

export interface GuardedPage {
  page: Page;
  /** Requests that were refused because they left the machine. */
  blocked: string[];
  /** Console errors and uncaught page errors (CSP violations show up here). */
  errors: string[];
}

export async function openPage(browser: Browser, viewport = { width: 1366, height: 900 }): Promise<GuardedPage> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const blocked: string[] = [];
  const errors: string[] = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (LOOPBACK.test(url) || url.startsWith('data:') || url.startsWith('blob:')) return void request.continue();
    blocked.push(url);
    void request.abort('blockedbyclient');
  });
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, blocked, errors };
}
