// The LLM-backed provider: the engine locates the statements, the model reads only those pages into the
// contract's shape (JSON-schema structured output), and grounding plus the engine's checks judge the answer.
import OpenAI from 'openai';
import type { ChatCompletion } from 'openai/resources/chat/completions';
import { z } from 'zod';
import { LlmError } from '../../errors.js';
import type { ExtractOptions, PdfDocument, StatementExtractor, StatementType } from '../types.js';
import { indexPageFigures, type PageFigures } from './grounding.js';
import { fetchCappingRetryAfter, toLlmError } from './llm-errors.js';
import { llmOptionsSchema, type LlmOptions, type LlmOptionsInput } from './options.js';
import { locateStatements, readPages, type LocatedStatement } from './pages.js';
import { pagesBlock, SYSTEM_PROMPT, userPrompt } from './prompt.js';
import { checkedStatementAnswerSchema, responseFormatFor, type StatementAnswer } from './schema.js';
import { Semaphore } from './semaphore.js';
import { toStatement, type LlmExtractedStatement } from './to-statement.js';
import type { LlmExtractionMetrics } from './metrics.js';
import { emptyMetrics, addUsage } from './metrics.js';

export interface LlmExtraction {
  statements: LlmExtractedStatement[];
  metrics: LlmExtractionMetrics;
}

export class LlmStatementExtractor implements StatementExtractor {
  readonly name = 'llm';
  readonly options: Readonly<LlmOptions>;
  private readonly client: OpenAI;
  private readonly slots: Semaphore;

  constructor(options: LlmOptionsInput) {
    this.options = llmOptionsSchema.parse(options);
    this.client = new OpenAI({
      baseURL: this.options.baseURL,
      apiKey: this.options.apiKey,
      timeout: this.options.timeoutMs,
      maxRetries: this.options.maxRetries,
      fetch: fetchCappingRetryAfter(this.options.maxRetryAfterSeconds),
    });
    this.slots = new Semaphore(this.options.concurrency);
  }

  async extract(doc: PdfDocument, options: ExtractOptions = {}): Promise<LlmExtractedStatement[]> {
    return (await this.extractWithMetrics(doc, options)).statements;
  }

  /** The statements plus what it cost: characters and tokens sent, timing, and how much grounding dropped. */
  async extractWithMetrics(doc: PdfDocument, options: ExtractOptions = {}): Promise<LlmExtraction> {
    const started = performance.now();
    const pages = readPages(doc);
    const located = locateStatements(pages.lines);
    const metrics = emptyMetrics(this.options.model, [...pages.texts.values()].reduce((n, t) => n + t.length, 0));
    const pageText = (page: number) => pages.texts.get(page) ?? '';
    const figures = new Map<number, PageFigures>();
    const figuresOnPage = (page: number) => {
      const index = doc.pages.findIndex((p) => p.number === page);
      if (index < 0) return undefined;
      if (!figures.has(page)) figures.set(page, indexPageFigures(doc.pages[index], pages.lines[index]));
      return figures.get(page);
    };

    // One failed statement fails the extraction; the others' requests are cancelled rather than paid for.
    const cancel = new AbortController();
    const signal = options.signal ? AbortSignal.any([options.signal, cancel.signal]) : cancel.signal;
    let done = 0;
    const report = () => options.onProgress?.({ step: 'llm', current: done, total: located.length });
    report();
    const answers = await Promise.all(
      located.map(async (statement) => {
        const text = pagesBlock(statement.pages, pageText);
        metrics.charactersSent += statement.pages.reduce((n, p) => n + pageText(p).length, 0);
        for (const p of statement.pages) if (!metrics.pagesSent.includes(p)) metrics.pagesSent.push(p);
        try {
          const completion = await this.slots.run(() => this.requestStatement(statement.type, text, signal), signal);
          addUsage(metrics, completion);
          done++;
          report();
          return { statement, answer: parseAnswer(completion) };
        } catch (error) {
          cancel.abort(error);
          throw options.signal?.aborted ? options.signal.reason : toLlmError(error, this.options.model);
        }
      }),
    );

    const statements: LlmExtractedStatement[] = [];
    for (const { statement, answer } of answers) {
      const extracted = toStatement(statement.type, answer, statement.pages, figuresOnPage);
      if (!extracted) continue;
      statements.push(extracted);
      metrics.grounding.figures += extracted.grounding.figures;
      metrics.grounding.grounded += extracted.grounding.grounded;
      metrics.grounding.dropped += extracted.grounding.dropped;
      metrics.grounding.signCorrected += extracted.grounding.signCorrected;
    }
    metrics.pagesSent.sort((a, b) => a - b);
    metrics.sentRatio = metrics.charactersInDocument === 0 ? 0 : metrics.charactersSent / metrics.charactersInDocument;
    metrics.durationMs = Math.round(performance.now() - started);
    return { statements, metrics };
  }

  private requestStatement(type: StatementType, pagesText: string, signal: AbortSignal): Promise<ChatCompletion> {
    return this.client.chat.completions.create(
      {
        model: this.options.model,
        messages: [
          { role: 'system', content: SYSTEM_PROMPT },
          { role: 'user', content: userPrompt(type, pagesText) },
        ],
        response_format: responseFormatFor(type),
      },
      { signal },
    );
  }
}

/** The first choice's JSON, validated against the statement schema; any defect is a BAD_RESPONSE. */
export function parseAnswer(completion: ChatCompletion): StatementAnswer {
  const choice = completion.choices?.[0];
  if (!choice) throw new LlmError('BAD_RESPONSE', 'The LLM response has no choices.');
  if (choice.finish_reason === 'length') {
    throw new LlmError('BAD_RESPONSE', 'The LLM answer was cut off at the token limit before its JSON was complete.');
  }
  if (choice.message.refusal) throw new LlmError('BAD_RESPONSE', `The model refused: ${choice.message.refusal}`);
  const content = choice.message.content;
  if (!content) throw new LlmError('BAD_RESPONSE', 'The LLM answer is empty.');
  let json: unknown;
  try {
    // Some gateways ignore response_format and fence the JSON as Markdown.
    json = JSON.parse(content.trim().replace(/^```(?:json)?\s*|\s*```$/g, ''));
  } catch {
    throw new LlmError('BAD_RESPONSE', `The LLM answer is not valid JSON: ${content.slice(0, 120)}`);
  }
  const parsed = checkedStatementAnswerSchema.safeParse(json);
  if (!parsed.success) {
    throw new LlmError('BAD_RESPONSE', `The LLM answer does not match the statement schema: ${z.prettifyError(parsed.error)}`);
  }
  return parsed.data;
}

export type { LocatedStatement };
