// What one LLM extraction cost and how far its answer held up, for logs, the job record and benchmarks.
import type { ChatCompletion } from 'openai/resources/chat/completions';

export interface LlmExtractionMetrics {
  /** the configured model */
  model: string;
  /** the model(s) the provider says answered (a gateway may route an alias to a dated model) */
  responseModels: string[];
  /** chat completions that succeeded, one per located statement (the SDK's retries are not counted) */
  requests: number;
  /** 1-based pages whose text was sent */
  pagesSent: number[];
  /** characters of page text sent (a page sent for two statements counts twice) */
  charactersSent: number;
  /** characters of every page's text, rendered the same way */
  charactersInDocument: number;
  /** charactersSent ÷ charactersInDocument */
  sentRatio: number;
  usage: { promptTokens: number; completionTokens: number; totalTokens: number };
  durationMs: number;
  grounding: { figures: number; grounded: number; dropped: number; signCorrected: number };
}

export function emptyMetrics(model: string, charactersInDocument: number): LlmExtractionMetrics {
  return {
    model,
    responseModels: [],
    requests: 0,
    pagesSent: [],
    charactersSent: 0,
    charactersInDocument,
    sentRatio: 0,
    usage: { promptTokens: 0, completionTokens: 0, totalTokens: 0 },
    durationMs: 0,
    grounding: { figures: 0, grounded: 0, dropped: 0, signCorrected: 0 },
  };
}

export function addUsage(metrics: LlmExtractionMetrics, completion: ChatCompletion): void {
  metrics.requests++;
  if (completion.model && !metrics.responseModels.includes(completion.model)) metrics.responseModels.push(completion.model);
  metrics.usage.promptTokens += completion.usage?.prompt_tokens ?? 0;
  metrics.usage.completionTokens += completion.usage?.completion_tokens ?? 0;
  metrics.usage.totalTokens += completion.usage?.total_tokens ?? 0;
}
