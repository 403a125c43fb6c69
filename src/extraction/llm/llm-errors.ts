// The SDK's errors, after its own retries, translated once into the domain's LlmError.
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
} from 'openai';
import { LlmError } from '../../errors.js';

/** A LlmError for a provider failure; anything else (an abort, a bug) is returned unchanged to be rethrown. */
export function toLlmError(error: unknown, model: string): unknown {
  if (error instanceof LlmError || error instanceof APIUserAbortError) return error;
  if (error instanceof APIConnectionTimeoutError) return new LlmError('TIMEOUT', 'The LLM provider did not answer in time (after retries).');
  if (error instanceof APIConnectionError) {
    return new LlmError('CONNECTION', `Could not reach the LLM provider: ${error.message}`);
  }
  if (!(error instanceof APIError) || error.status === undefined) return error;
  const status = error.status;
  const detail = error.message;
  if (status === 401 || status === 403) {
    return new LlmError('UNAUTHORIZED', `The LLM provider rejected the API key (${status}): ${detail}`, status);
  }
  if (status === 404 || (status === 400 && namesUnknownModel(error))) {
    return new LlmError('MODEL_NOT_FOUND', `Model "${model}" was not found at the LLM base URL (${status}): ${detail}`, status);
  }
  if (status === 429) {
    const retryAfter = retryAfterSeconds(error.headers?.get('retry-after') ?? null);
    return new LlmError(
      'RATE_LIMITED',
      `The LLM provider is rate limiting us (429): ${detail}`,
      status,
      retryAfter !== undefined && retryAfter >= 0 ? retryAfter : undefined,
    );
  }
  if (status === 408) return new LlmError('TIMEOUT', `The LLM provider timed out the request (408): ${detail}`, status);
  if (status >= 500 || status === 409) {
    return new LlmError('SERVER_ERROR', `The LLM provider failed (${status}) after retries: ${detail}`, status);
  }
  return new LlmError('REQUEST_REJECTED', `The LLM provider rejected the request (${status}): ${detail}`, status);
}

// OpenRouter and some gateways answer an unknown model with 400 rather than 404.
function namesUnknownModel(error: APIError): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'model_not_found' || /\bmodel\b.*\b(not (a )?valid|not found|does not exist|unknown)\b|invalid model/i.test(error.message);
}

/**
 * A fetch that turns a 429 asking for a long wait into a final answer: the SDK would otherwise sleep for any
 * Retry-After it is sent, holding a worker and a concurrency slot for as long as the provider likes.
 */
export function fetchCappingRetryAfter(maxSeconds: number, inner: typeof fetch = fetch): typeof fetch {
  return async (input, init) => {
    const response = await inner(input, init);
    if (response.status !== 429) return response;
    const ms = Number(response.headers.get('retry-after-ms'));
    const seconds = Number.isFinite(ms) && response.headers.has('retry-after-ms') ? ms / 1000 : retryAfterSeconds(response.headers.get('retry-after'));
    if (seconds === undefined || seconds <= maxSeconds) return response;
    const headers = new Headers(response.headers);
    headers.set('x-should-retry', 'false');
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  };
}

function retryAfterSeconds(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return seconds;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : (date - Date.now()) / 1000;
}
