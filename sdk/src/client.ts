// Typed requests with nothing but fetch (Node >= 18, browsers): the result type comes from the document.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

export interface ExecutionResult<R> {
  data?: R | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export interface RequestOptions {
  /** e.g. { authorization: 'Bearer fde_…' } */
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

/** The server answered with GraphQL errors (or no data); `errors` holds them. */
export class GraphQLRequestError extends Error {
  constructor(
    readonly status: number,
    readonly errors: NonNullable<ExecutionResult<unknown>['errors']>,
  ) {
    super(`GraphQL request failed (${status}): ${errors.map((e) => e.message).join('; ')}`);
  }
}

/** A query or mutation (POST, JSON). Returns `data`; throws GraphQLRequestError when the server reports errors. */
export async function execute<R, V>(url: string, document: TypedDocumentNode<R, V>, variables: V, options?: RequestOptions): Promise<R> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...options?.headers },
    body: JSON.stringify({ query: print(document), variables }),
    signal: options?.signal,
  });
  const body = (await response.json()) as ExecutionResult<R>;
  if (body.errors?.length || body.data == null) throw new GraphQLRequestError(response.status, body.errors ?? []);
  return body.data;
}

/**
 * A subscription over Server-Sent Events (GraphQL over SSE, "distinct connections" mode, as the server speaks it):
 * yields each result until the server completes the stream (jobProgress does once the job has finished).
 */
export async function* subscribe<R, V>(
  url: string,
  document: TypedDocumentNode<R, V>,
  variables: V,
  options?: RequestOptions,
): AsyncGenerator<ExecutionResult<R>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', ...options?.headers },
    body: JSON.stringify({ query: print(document), variables }),
    signal: options?.signal,
  });
  if (!response.ok || !response.body) throw new GraphQLRequestError(response.status, [{ message: await response.text() }]);
  const decoder = new TextDecoder();
  let buffered = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffered += decoder.decode(chunk, { stream: true });
    let end: number;
    while ((end = buffered.indexOf('\n\n')) >= 0) {
      const event = parseEvent(buffered.slice(0, end));
      buffered = buffered.slice(end + 2);
      if (event.name === 'complete') return;
      if (event.data) yield JSON.parse(event.data) as ExecutionResult<R>;
    }
  }
}

function parseEvent(block: string): { name: string; data: string } {
  let name = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) name = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
  }
  return { name, data: data.join('\n') };
}
