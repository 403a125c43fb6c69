// The LLM provider against a fake OpenAI-compatible server: what it sends, what it keeps, what it drops.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { readPdf } from '../../src/extraction/pdf/read-pdf.js';
import { extractStatements, stringifyContract } from '../../src/extraction/index.js';
import { LlmStatementExtractor, GROUNDING_CHECK, type LlmExtractedStatement } from '../../src/extraction/llm/index.js';
import { readPages } from '../../src/extraction/llm/pages.js';
import type { StatementAnswer } from '../../src/extraction/llm/schema.js';
import type { PdfDocument } from '../../src/extraction/types.js';
import { FAKE_KEY, FAKE_MODEL, pagesInRequest, requestedStatement, startFakeOpenAi, type FakeOpenAi } from '../helpers/fake-openai.js';
import { BALANCE_PAGE, faithfulAnswer, INCOME_PAGE, makeStatementReport, NOT_FOUND_ANSWER, NOTES_ONLY_FIGURE } from './statement-report.js';

let fake: FakeOpenAi;
let doc: PdfDocument;

beforeAll(async () => {
  fake = await startFakeOpenAi();
  doc = await readPdf(await makeStatementReport());
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.maxInFlight = 0;
});

const extractor = (concurrency = 2) =>
  new LlmStatementExtractor({ baseURL: fake.baseURL, apiKey: FAKE_KEY, model: FAKE_MODEL, timeoutMs: 5_000, maxRetries: 0, concurrency });

/** Answers each statement faithfully, after letting a test edit the answer. */
function answerWith(edit: (type: string, answer: StatementAnswer) => StatementAnswer = (_, a) => a) {
  fake.script = (request) => {
    const type = requestedStatement(request);
    const answer = type === 'INCOME_STATEMENT' || type === 'BALANCE_SHEET' ? faithfulAnswer(type) : NOT_FOUND_ANSWER;
    return { content: JSON.stringify(edit(type, answer)) };
  };
}

const byType = (statements: LlmExtractedStatement[], type: string) => statements.find((s) => s.type === type)!;
const line = (s: LlmExtractedStatement, label: string) => s.lineItems.find((l) => l.label === label)!;

describe('LlmStatementExtractor with a faithful model', () => {
  it('returns the statements with exact decimal values, mapped concepts and passing checks', async () => {
    answerWith();
    const { statements, metrics } = await extractor().extractWithMetrics(doc);

    expect(statements.map((s) => s.type)).toEqual(['INCOME_STATEMENT', 'BALANCE_SHEET']);
    const income = byType(statements, 'INCOME_STATEMENT');
    expect(income).toMatchObject({ pages: [INCOME_PAGE], currency: 'USD', unit: 'thousands', scale: 1000, confidence: 'high' });
    expect(income.columns.map((c) => c.fiscalYear)).toEqual([2023, 2022]);
    expect(line(income, 'Revenue')).toMatchObject({ concept: 'revenue', values: ['12345', '11200'], page: INCOME_PAGE });
    expect(line(income, 'Cost of sales')).toMatchObject({ concept: 'cost_of_sales', values: ['-7000', '-6500'] });
    expect(line(income, 'Net income').concept).toBe('net_income');
    expect(income.checks.filter((c) => c.name !== GROUNDING_CHECK).length).toBeGreaterThan(0);
    expect(income.checks.every((c) => c.passed)).toBe(true);

    const balance = byType(statements, 'BALANCE_SHEET');
    expect(balance.confidence).toBe('high');
    expect(line(balance, 'Total assets')).toMatchObject({ concept: 'total_assets', values: ['10000', '9000'], isTotal: true });
    expect(balance.checks.find((c) => c.name === 'assets = liabilities and equity' && c.column === 0)?.passed).toBe(true);

    expect(metrics.grounding).toEqual({ figures: 32, grounded: 32, dropped: 0, signCorrected: 0 });
    expect(metrics).toMatchObject({ model: FAKE_MODEL, responseModels: [FAKE_MODEL], requests: 2 });
    expect(metrics.usage).toEqual({ promptTokens: 2000, completionTokens: 400, totalTokens: 2400 });
    expect(metrics.durationMs).toBeGreaterThanOrEqual(0);
  });

  it('sends only the located statement pages, and reports their share of the document', async () => {
    answerWith();
    const { metrics } = await extractor().extractWithMetrics(doc);

    expect(fake.requests).toHaveLength(2);
    const sent = Object.fromEntries(fake.requests.map((r) => [requestedStatement(r), pagesInRequest(r)]));
    expect(sent).toEqual({ INCOME_STATEMENT: [INCOME_PAGE], BALANCE_SHEET: [BALANCE_PAGE] });
    const everything = JSON.stringify(fake.requests.map((r) => r.body));
    expect(everything).not.toContain(NOTES_ONLY_FIGURE);
    expect(everything).not.toContain('Annual Report 2023');

    // Measured on what the server received: the text after each page marker.
    const received = fake.requests
      .flatMap((r) => r.body.messages.map((m: { content: string }) => m.content))
      .flatMap((content: string) => content.split(/--- Page \d+ ---\n/).slice(1))
      .reduce((n: number, text: string) => n + text.replace(/\n\n$/, '').length, 0);
    const { texts } = readPages(doc);
    const documentChars = [...texts.values()].reduce((n, t) => n + t.length, 0);
    expect(metrics.pagesSent).toEqual([INCOME_PAGE, BALANCE_PAGE]);
    expect(metrics.charactersSent).toBe(received);
    expect(metrics.charactersInDocument).toBe(documentChars);
    expect(metrics.sentRatio).toBeCloseTo((texts.get(INCOME_PAGE)!.length + texts.get(BALANCE_PAGE)!.length) / documentChars, 10);
    expect(metrics.sentRatio).toBeLessThan(1);
    console.info(`characters sent ÷ document: ${metrics.charactersSent}/${metrics.charactersInDocument} = ${metrics.sentRatio.toFixed(3)}`);
  });

  it('asks for JSON-schema structured output in strict mode', async () => {
    answerWith();
    await extractor().extract(doc);
    const format = fake.requests[0].body.response_format;
    expect(format.type).toBe('json_schema');
    expect(format.json_schema.strict).toBe(true);
    expect(format.json_schema.schema.additionalProperties).toBe(false);
    expect(format.json_schema.schema.required).toEqual(['found', 'title', 'currency', 'unit', 'columns', 'lineItems']);
  });

  it('accepts figures written differently from the page, and takes a missing sign from the page', async () => {
    answerWith((type, answer) => {
      if (type !== 'INCOME_STATEMENT') return answer;
      answer.lineItems[0].values = ['12345', '$11,200'];
      answer.lineItems[1].values = ['-7000', '(6,500)'];
      answer.lineItems[5].values = ['745', '600'];
      return answer;
    });
    const { statements, metrics } = await extractor().extractWithMetrics(doc);
    const income = byType(statements, 'INCOME_STATEMENT');
    expect(line(income, 'Revenue').values).toEqual(['12345', '11200']);
    expect(line(income, 'Cost of sales').values).toEqual(['-7000', '-6500']);
    expect(line(income, 'Income tax expense').values).toEqual(['-745', '-600']);
    expect(metrics.grounding).toMatchObject({ dropped: 0, signCorrected: 2 });
    expect(income.confidence).toBe('high');
  });

  it('plugs into extractStatements and prints as the CLI contract', async () => {
    answerWith();
    const progress: number[] = [];
    const output = await extractStatements(doc, { extractor: extractor(), onProgress: (p) => progress.push(p.current) });
    expect(output.provider).toBe('llm');
    const printed = JSON.parse(stringifyContract(output));
    expect(printed.statements[0].lineItems[1]).toMatchObject({ label: 'Cost of sales', values: [-7000, -6500], page: INCOME_PAGE });
    expect(progress).toEqual([0, 1, 2]);
  });

  it('omits a statement the model says is not on the pages', async () => {
    answerWith((type, answer) => (type === 'BALANCE_SHEET' ? NOT_FOUND_ANSWER : answer));
    const statements = await extractor().extract(doc);
    expect(statements.map((s) => s.type)).toEqual(['INCOME_STATEMENT']);
  });
});

describe('grounding', () => {
  it('drops invented figures, figures from pages not sent and figures claimed on the wrong page, and counts them', async () => {
    answerWith((type, answer) => {
      if (type === 'INCOME_STATEMENT') {
        answer.lineItems[0].values = ['88,888', '11,200']; // invented
        answer.lineItems[6].values = ['2,500', NOTES_ONLY_FIGURE]; // printed only in the notes
      } else {
        answer.lineItems[5].page = INCOME_PAGE; // "Total assets" is not printed on the income statement's page
      }
      return answer;
    });
    const { statements, metrics } = await extractor().extractWithMetrics(doc);

    const income = byType(statements, 'INCOME_STATEMENT');
    expect(line(income, 'Revenue').values).toEqual([null, '11200']);
    expect(line(income, 'Net income').values).toEqual(['2500', null]);
    expect(income.confidence).toBe('low');
    expect(income.checks.filter((c) => c.name === GROUNDING_CHECK)).toEqual([
      { name: GROUNDING_CHECK, column: 0, expected: '7', actual: '6', difference: '-1', passed: false },
      { name: GROUNDING_CHECK, column: 1, expected: '7', actual: '6', difference: '-1', passed: false },
    ]);
    expect(income.grounding.droppedFigures).toEqual([
      { label: 'Revenue', column: 0, page: INCOME_PAGE, printed: '88,888', reason: 'not on page' },
      { label: 'Net income', column: 1, page: INCOME_PAGE, printed: NOTES_ONLY_FIGURE, reason: 'not on page' },
    ]);

    const balance = byType(statements, 'BALANCE_SHEET');
    expect(line(balance, 'Total assets').values).toEqual([null, null]);
    expect(balance.confidence).toBe('low');
    expect(metrics.grounding).toEqual({ figures: 32, grounded: 28, dropped: 4, signCorrected: 0 });
  });

  it('marks a statement low confidence when a grounded figure breaks an arithmetic check', async () => {
    // 9,000 is printed on the page (last year's total), so grounding keeps it; the balance check does not.
    answerWith((type, answer) => {
      if (type === 'BALANCE_SHEET') answer.lineItems[5].values = ['9,000', '9,000'];
      return answer;
    });
    const statements = await extractor().extract(doc);
    const balance = byType(statements, 'BALANCE_SHEET');
    expect(balance.grounding.dropped).toBe(0);
    expect(balance.checks.find((c) => c.name === 'assets = liabilities and equity' && c.column === 0)).toMatchObject({ passed: false, difference: '1000' });
    expect(balance.confidence).toBe('low');
    expect(byType(statements, 'INCOME_STATEMENT').confidence).toBe('high');
  });
});

describe('concurrency', () => {
  it('never has more requests in flight than the limit', async () => {
    answerWith();
    const slow = fake.script;
    fake.script = async (request, attempt) => ({ ...(await slow(request, attempt)), delayMs: 300 });
    const one = extractor(1);
    await Promise.all([one.extract(doc), one.extract(doc)]);
    expect(fake.requests).toHaveLength(4);
    expect(fake.maxInFlight).toBe(1);

    fake.maxInFlight = 0;
    await extractor(4).extract(doc);
    expect(fake.maxInFlight).toBe(2);
  });
});
