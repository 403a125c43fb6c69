// GraphiQL in a real browser (Debian's chromium driven by puppeteer-core) with every request that leaves this
// machine blocked: the page must load from our server alone, open on the example operations, and run them.
// Screenshots go to artifacts/graphiql/ (CI keeps that folder). Outside CI, a machine without chromium skips this
// file with a message; in CI (which installs chromium) it always runs.
import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '../../src/db.js';
import { stopListening } from '../../src/db/notifications.js';
import { buildYoga } from '../../src/yoga.js';
import { chromiumPath, launchBrowser, openPage } from '../helpers/browser.js';

const CHROMIUM = chromiumPath();
const SCREENSHOTS = path.resolve('artifacts/graphiql');
if (!CHROMIUM && !process.env.CI) {
  console.warn('tests/graphiql/browser.test.ts skipped: no chromium (apt-get install -y chromium); CI always runs it');
}

let server: Server;
let browser: Browser;
let page: Page;
let origin: string;
let blocked: string[] = [];

/** The text Monaco shows in an editor (its visible lines), with its non-breaking spaces made plain. */
async function editorText(selector: string): Promise<string> {
  return page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\u00a0/g, ' '));
}

async function screenshot(name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`) as `${string}.png` });
}

describe.skipIf(!CHROMIUM && !process.env.CI)('GraphiQL in chromium, outside network blocked', () => {
  beforeAll(async () => {
    await prisma.company.create({
      data: { name: 'Browser Test Holdings plc', tickers: { create: [{ ticker: 'BRWS', exchange: 'LSE', isPrimary: true }] } },
    });
    const yoga = buildYoga({ graphiql: true });
    server = createServer(yoga);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    if (!CHROMIUM) throw new Error('chromium is not installed (CI installs it with apt-get install -y chromium)');
    browser = await launchBrowser();
    // Every request that leaves this machine is aborted and recorded (tests/helpers/browser.ts).
    ({ page, blocked } = await openPage(browser, { width: 1400, height: 900 }));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await stopListening();
  });

  it('loads from our server alone and opens on the example operations', async () => {
    await page.goto(`${origin}/graphql`, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-query-editor .view-lines', { timeout: 60_000 });
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('ListCompanies'), {
      timeout: 30_000,
    });
    await screenshot('1-opened');
    const text = await editorText('.graphiql-query-editor .view-lines');
    expect(text).toContain('query ListCompanies');
    expect(text).not.toMatch(/Welcome to GraphiQL/i);
    expect(await page.title()).toBe('Financial Data Extractor');
    expect(blocked).toEqual([]);
  });

  it('runs ListCompanies and shows its data', async () => {
    await page.click('.graphiql-execute-button');
    await page.waitForSelector('.graphiql-dropdown-item', { timeout: 10_000 });
    const items = await page.$$('.graphiql-dropdown-item');
    const names = await Promise.all(items.map((item) => item.evaluate((el) => el.textContent?.trim())));
    expect(names).toEqual(expect.arrayContaining(['ListCompanies', 'CompanyWithDocuments', 'FollowJob', 'CompiledStatementTable']));
    await items[names.indexOf('ListCompanies')]!.click();
    await page.waitForFunction(
      () => document.querySelector('.graphiql-response')?.textContent?.replace(/\u00a0/g, ' ').includes('Browser Test Holdings plc'),
      { timeout: 30_000 },
    );
    await screenshot('2-list-companies');
    const response = await editorText('.graphiql-response');
    expect(response).toContain('"totalCount"');
    expect(response).toContain('Browser Test Holdings plc');
    expect(blocked).toEqual([]);
  });

  it('follows a job with a subscription over SSE (GET, no CSRF header needed for it)', async () => {
    const job = await prisma.job.create({ data: { kind: 'COMPILE_COMPANY', status: 'SUCCEEDED', finishedAt: new Date() } });
    const id = Buffer.from(`Job:${job.id}`).toString('base64');
    const subscription = `subscription FollowFinishedJob { jobProgress(id: "${id}") { id status } }`;
    await page.goto(`${origin}/graphql?query=${encodeURIComponent(subscription)}`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.querySelector('.graphiql-query-editor')?.textContent?.includes('FollowFinishedJob'), {
      timeout: 60_000,
    });
    await page.click('.graphiql-execute-button');
    await page.waitForFunction(() => document.querySelector('.graphiql-response')?.textContent?.includes('SUCCEEDED'), {
      timeout: 30_000,
    });
    await screenshot('3-follow-job');
    const response = await editorText('.graphiql-response');
    expect(response).toContain(`"id": "${id}"`);
    expect(response).not.toMatch(/CSRF|error/i);
    expect(blocked).toEqual([]);
  });
});
