// A fake OpenAI-compatible server on 127.0.0.1 for the LLM provider's tests. It checks the key and the model
// like the real API (401, 404), records every request it receives, and answers chat completions by a script
// each test sets: a JSON answer, a raw body, an HTTP error with headers, or a reply slower than the client waits.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
  /** the client hung up before the answer was sent (it gave up, or its work was cancelled) */
  clientGone?: boolean;
}

export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  /** a chat completion's message content (the model's JSON as text) */
  content?: string;
  /** a whole response body instead of a completion built from `content` */
  body?: unknown;
  /** wait this long before answering (the client may have given up by then) */
  delayMs?: number;
  finishReason?: 'stop' | 'length';
}

/** Decides the reply to a chat completion; `attempt` counts the requests this server has received, from 0. */
export type Script = (request: RecordedRequest, attempt: number) => Reply | Promise<Reply>;

export interface FakeOpenAi {
  baseURL: string;
  requests: RecordedRequest[];
  /** the most chat completions that were in progress at once */
  maxInFlight: number;
  script: Script;
  close(): Promise<void>;
}

export interface FakeOpenAiOptions {
  apiKey?: string;
  models?: string[];
}

export const FAKE_KEY = 'sk-test-key';
export const FAKE_MODEL = 'fake/model-1';

const openAiError = (message: string, type: string, code: string | null) => ({ error: { message, type, param: null, code } });

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const apiKey = options.apiKey ?? FAKE_KEY;
  const models = options.models ?? [FAKE_MODEL];
  let inFlight = 0;
  const fake: FakeOpenAi = {
    baseURL: '',
    requests: [],
    maxInFlight: 0,
    script: () => ({ status: 500, body: openAiError('no script set for this test', 'server_error', null) }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = {
      method: req.method ?? '',
      path: req.url ?? '',
      headers: req.headers,
      body: text ? JSON.parse(text) : null,
    };
    const attempt = fake.requests.length;
    fake.requests.push(request);
    res.on('close', () => {
      if (!res.writableEnded) request.clientGone = true;
    });

    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return send(res, 401, openAiError('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
    }
    if (request.method !== 'POST' || request.path !== '/v1/chat/completions') {
      return send(res, 404, openAiError(`Unknown route ${request.method} ${request.path}`, 'invalid_request_error', null));
    }
    if (!models.includes(request.body?.model)) {
      return send(res, 404, openAiError(`The model \`${request.body?.model}\` does not exist.`, 'invalid_request_error', 'model_not_found'));
    }

    inFlight++;
    fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
    try {
      const reply = await fake.script(request, attempt);
      if (reply.delayMs) await waitOrClientGone(res, reply.delayMs);
      const status = reply.status ?? 200;
      const body = reply.body ?? (status === 200 ? completion(request.body.model, reply.content ?? '', reply.finishReason) : openAiError('scripted error', 'server_error', null));
      send(res, status, body, reply.headers);
    } finally {
      inFlight--;
    }
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return fake;
}

function completion(model: string, content: string, finishReason: 'stop' | 'length' = 'stop') {
  return {
    id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
    usage: { prompt_tokens: 1000, completion_tokens: 200, total_tokens: 1200 },
  };
}

/** Resolves after `ms`, or as soon as the client hangs up (its timeout), so no timer outlives the test. */
function waitOrClientGone(res: ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.on('close', done);
    function done() {
      clearTimeout(timer);
      resolve();
    }
  });
}

/** Which statement a request asks for, from the response_format's name (`extract_income_statement`). */
export function requestedStatement(request: RecordedRequest): string {
  const name: string = request.body?.response_format?.json_schema?.name ?? '';
  return name.replace(/^extract_/, '').toUpperCase();
}

/** The page numbers whose text a request carries. */
export function pagesInRequest(request: RecordedRequest): number[] {
  const user = (request.body?.messages ?? []).map((m: { content: string }) => m.content).join('\n');
  return [...user.matchAll(/--- Page (\d+) ---/g)].map((m) => Number(m[1]));
}
