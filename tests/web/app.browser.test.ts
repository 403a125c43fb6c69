// The statement viewer in a real browser (Debian's chromium via puppeteer-core, every non-loopback request
// aborted) against a real server on this file's fresh database: create a company, upload a development-set PDF,
// watch the extraction and compilation finish, open the income statement, open a figure's source page, download
// the CSV. A screenshot of each step goes to artifacts/screenshots/ (CI keeps that folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { chromiumPath, launchBrowser, openPage, type GuardedPage } from '../helpers/browser.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PDF = path.resolve(ROOT, '../shared/fixtures/reports/pdfs/ace_saatchi_2024.pdf');
const SHOTS = path.join(ROOT, 'artifacts/screenshots');
// CI installs chromium and must run this; elsewhere it runs where chromium is installed.
const runs = !!chromiumPath() || !!process.env.CI;

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', COMPILE_DEBOUNCE_SECONDS: '1', RESPONSE_CACHE_TTL_MS: '60000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM'); // no stray server (and embedded database) after a failed start
      reject(new Error(`server did not start:\n${log}`));
    }, 90_000);
    const read = (chunk: Buffer) => {
      log += chunk;
      const ready = /"app":"(http:\/\/[^"]+)"/.exec(log);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]!.replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read); // pino writes to stderr
    child.once('exit', (code) => reject(new Error(`server exited ${code}:\n${log}`)));
  });
  return { url, child };
}

describe.skipIf(!runs)('the statement viewer in a browser', () => {
  let server: { url: string; child: ChildProcess };
  let browser: Browser;
  let guarded: GuardedPage;
  let page: Page;
  const downloads = mkdtempSync(path.join(os.tmpdir(), 'fde-downloads-'));
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    [server, browser] = await Promise.all([startServer(), launchBrowser()]);
    guarded = await openPage(browser);
    page = guarded.page;
    // Layout shifts not caused by input, summed per page load (Cumulative Layout Shift).
    await page.evaluateOnNewDocument(() => {
      const w = window as unknown as { layoutShift: number };
      w.layoutShift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
          if (!entry.hadRecentInput) w.layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const cdp = await page.createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
  }, 120_000);

  afterAll(async () => {
    await prisma.$disconnect();
    await browser?.close();
    server?.child.kill('SIGTERM');
    rmSync(downloads, { recursive: true, force: true });
  });

  it('lists the seeded companies and creates one', async () => {
    await page.goto(server.url, { waitUntil: 'networkidle0' });
    await page.waitForSelector('.companies-table');
    expect(await page.$eval('.companies-table', (t) => t.textContent)).toContain('AstraZeneca');
    await shot('01-companies');

    await page.click('::-p-text(New company)');
    await page.type('input[name=name]', 'Ace Saatchi & Saatchi Advertising');
    await page.type('input[name=country]', 'PH');
    await page.type('input[name=tickers]', 'PSE:ACE');
    await page.click('button[type=submit]::-p-text(Create company)');
    await page.waitForSelector('h1::-p-text(Ace Saatchi)');
    expect(page.url()).toMatch(/\/companies\/[^/]+$/);
    await shot('02-company');
  });

  it('uploads a report and follows its extraction and compilation to the end', async () => {
    const input = await page.waitForSelector('input[type=file]');
    await input!.uploadFile(PDF);
    await page.waitForSelector('[data-kind=EXTRACT_DOCUMENT]', { timeout: 30_000 });
    // A picture of the bar moving, when the run is slow enough to catch it (not asserted: it may be done already).
    await page.waitForSelector('[data-kind=EXTRACT_DOCUMENT]:not([data-status=QUEUED])', { timeout: 30_000 });
    await shot('03-progress');
    await page.waitForSelector('[data-kind=EXTRACT_DOCUMENT][data-status=SUCCEEDED]', { timeout: 90_000 });
    await page.waitForSelector('[data-kind=COMPILE_COMPANY][data-status=SUCCEEDED]', { timeout: 60_000 });
    expect(await page.$eval('[data-kind=EXTRACT_DOCUMENT] .progress', (bar) => bar.getAttribute('aria-valuenow'))).toBe('100');
    await page.waitForSelector('.extraction.verdict-ok, .extraction.verdict-warn');
    expect(await page.$$eval('.document', (docs) => docs.length)).toBe(1);
    await shot('04-extracted');

    // A document's title, kind and fiscal year can be corrected.
    await page.click('.document button[aria-label^="Edit "]');
    await page.click('.document-edit input[name=title]', { clickCount: 3 });
    await page.type('.document-edit input[name=title]', 'Ace annual report 2024');
    await page.click('.document-edit button[type=submit]');
    await page.waitForSelector('.document strong::-p-text(Ace annual report 2024)');
    expect(await page.$('.document-edit')).toBeNull();
  });

  it('shows the income statement, a figure on its source page, and the CSV', async () => {
    await page.click('a::-p-text(Statements)');
    await page.waitForSelector('.statement-table button.figure');
    const table = await page.$eval('.statement-table', (t) => t.textContent ?? '');
    expect(table).toMatch(/FY 2024/);
    expect(await page.$eval('[data-testid=unit]', (u) => u.textContent)).toMatch(/PHP|in /);
    expect(await page.$$eval('.statement-table tr.total', (rows) => rows.length)).toBeGreaterThan(0);
    await shot('05-statement');

    const figure = await page.$('.statement-table tr.total button.figure');
    const printed = await figure!.evaluate((b) => b.textContent);
    await figure!.click();
    await page.waitForSelector('dialog.source-viewer[open] .source-note');
    expect(await page.$eval('.source-viewer h2', (h) => h.textContent)).toContain(printed!);
    expect(await page.$$eval('.source-viewer .highlight', (boxes) => boxes.length)).toBeGreaterThan(0);
    const painted = await page.$eval('.source-viewer canvas', (c) => (c as HTMLCanvasElement).width);
    expect(painted).toBeGreaterThan(300);
    await shot('06-source-page');
    await page.click('.source-viewer button::-p-text(Close)');

    await page.click('button::-p-text(Download CSV)');
    const csv = await waitForFile(downloads, '.csv');
    const text = readFileSync(path.join(downloads, csv), 'utf8');
    expect(text.split('\n')[0]).toMatch(/2024/);
    expect(text.split('\n').length).toBeGreaterThan(5);
    await shot('07-csv-downloaded');
  });

  it('is usable by keyboard: tabs with the arrow keys, a figure with Enter, the viewer closes with Escape', async () => {
    await page.focus('[role=tab][aria-selected=true]');
    await page.keyboard.press('ArrowRight');
    await page.waitForSelector('h1::-p-text(Balance sheet)');
    expect(page.url()).toMatch(/\/statements\/balance-sheet$/);
    // Focus follows the selected tab (set on the next frame, after the route has rendered).
    await page.waitForFunction(() => document.activeElement?.id === 'tab-balance-sheet');
    await page.waitForSelector('.statement-table button.figure');
    await page.focus('.statement-table button.figure');
    await page.keyboard.press('Enter');
    await page.waitForSelector('dialog.source-viewer[open]');
    await page.keyboard.press('Escape');
    await page.waitForSelector('dialog.source-viewer', { hidden: true });
  });

  it('loads a statement without layout shift', async () => {
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('.statement-table button.figure');
    await page.waitForSelector('.chart svg');
    const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
    expect(shift).toBeLessThan(0.1); // "good" Cumulative Layout Shift
  });

  it('reads on a phone and says so when a company does not exist', async () => {
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await page.reload({ waitUntil: 'networkidle0' });
    await page.waitForSelector('.statement-table');
    await shot('08-phone-statement');
    await page.setViewport({ width: 1366, height: 900 });
    await page.goto(`${server.url}companies/Q29tcGFueTo5OTk5OQ==`, { waitUntil: 'networkidle0' });
    await page.waitForSelector('::-p-text(Unknown company)');
    await shot('09-unknown-company');
    // Nothing left the machine, and no CSP violation or script error happened on the way.
    expect(guarded.blocked).toEqual([]);
    expect(guarded.errors).toEqual([]);
  });

  it('lists jobs by status, shows a failed one with its error, retries it and cancels a queued one', async () => {
    const company = await prisma.company.findFirstOrThrow({ where: { name: { startsWith: 'Ace Saatchi' } } });
    const failed = await prisma.job.create({
      data: { kind: 'COMPILE_COMPANY', status: 'FAILED', companyId: company.id, attempts: 3, errorCode: 'INTERNAL', errorMessage: 'Compilation stopped halfway', finishedAt: new Date() },
    });
    // A queued row with no queue entry: no worker takes it, so it is still queued when cancelled.
    const queued = await prisma.job.create({ data: { kind: 'DISCOVER_DOCUMENTS', status: 'QUEUED', companyId: company.id, dedupeKey: 'browser-test' } });
    const card = (id: number) => `[data-job-card="${Buffer.from(`Job:${id}`).toString('base64')}"]`;

    await page.click('nav a::-p-text(Jobs)');
    await page.waitForSelector('.job-list');
    await page.select('select:first-of-type', 'FAILED');
    await page.waitForSelector(`${card(failed.id)} [role=alert]`);
    expect(await page.$$eval('.job-card', (cards) => cards.length)).toBe(1);
    expect(await page.$eval(card(failed.id), (c) => c.textContent)).toContain('INTERNAL: Compilation stopped halfway');
    await shot('10-jobs-failed');
    await page.click(`${card(failed.id)} button::-p-text(Retry)`);
    await expect.poll(() => prisma.job.count({ where: { kind: 'COMPILE_COMPANY', createdAt: { gt: failed.createdAt } } }), { timeout: 10_000 }).toBe(1);

    await page.select('select:first-of-type', 'QUEUED');
    await page.waitForSelector(`${card(queued.id)} button::-p-text(Cancel)`);
    await page.click(`${card(queued.id)} button::-p-text(Cancel)`);
    await expect.poll(async () => (await prisma.job.findUniqueOrThrow({ where: { id: queued.id } })).status, { timeout: 10_000 }).toBe('CANCELLED');
    await page.waitForSelector(card(queued.id), { hidden: true });

    // A job whose company was deleted stays as history: it says what it was about and offers no retry.
    const orphan = await prisma.job.create({
      data: { kind: 'COMPILE_COMPANY', status: 'CANCELLED', subjectLabel: 'Gone plc (company 999)', input: { companyId: 999 }, finishedAt: new Date() },
    });
    await page.select('select:first-of-type', 'CANCELLED');
    await page.waitForSelector(card(orphan.id));
    expect(await page.$eval(card(orphan.id), (c) => c.textContent)).toContain('Gone plc (company 999) (deleted)');
    expect(await page.$$(`${card(orphan.id)} button`)).toHaveLength(0);
    expect(await page.$$(`${card(queued.id)} button::-p-text(Retry)`)).toHaveLength(1);
  });

  it('says so when the server is down', async () => {
    const exited = new Promise((resolve) => server.child.once('exit', resolve));
    server.child.kill('SIGTERM');
    await exited;
    await page.waitForSelector('.connection-banner'); // the jobs screen polls: the next poll finds nobody
    await page.click('nav a::-p-text(Companies)');
    await page.waitForSelector('::-p-text(Server unreachable)');
    expect(await page.$eval('[role=alert]', (alert) => alert.textContent)).toMatch(/cannot be reached/);
    await shot('11-server-down');
  });
});

async function waitForFile(dir: string, extension: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const done = readdirSync(dir).find((f) => f.endsWith(extension));
    if (done) return done;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${extension} file was downloaded`);
}
