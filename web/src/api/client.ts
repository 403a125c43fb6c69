// A small typed GraphQL client over fetch for the SDK's TypedDocumentNodes: queries and mutations as JSON,
// uploads as GraphQL multipart requests, subscriptions over SSE (graphql-sse, Yoga's distinct-connections mode).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import { createClient, type Client } from 'graphql-sse';
import { authHeaders, requestApiKey } from './auth';

export type ErrorKind = 'network' | 'auth' | 'graphql' | 'http' | 'not-found' | 'invalid';

export class ApiError extends Error {
  constructor(message: string, readonly kind: ErrorKind, readonly code?: string) {
    super(message);
  }
}

const printed = new WeakMap<DocumentNode, string>();
function source(document: DocumentNode): string {
  let text = printed.get(document);
  if (!text) printed.set(document, (text = print(document)));
  return text;
}

interface GraphQLBody<R> {
  data?: R | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function send<R>(init: RequestInit): Promise<R> {
  let response: Response;
  try {
    response = await fetch('/graphql', { method: 'POST', ...init });
  } catch {
    throw new ApiError('The server cannot be reached. Is it running?', 'network');
  }
  let body: GraphQLBody<R>;
  try {
    body = (await response.json()) as GraphQLBody<R>;
  } catch {
    throw new ApiError(`The server answered ${response.status} ${response.statusText}`.trim(), 'http');
  }
  const denied = body.errors?.find((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN');
  if (response.status === 401 || denied) {
    const message = denied?.message ?? 'An API key is required';
    requestApiKey(message);
    throw new ApiError(message, 'auth', denied?.extensions?.code);
  }
  if (body.errors?.length) {
    throw new ApiError(body.errors.map((e) => e.message).join('; '), 'graphql', body.errors[0]!.extensions?.code);
  }
  if (!body.data) throw new ApiError(`The server answered ${response.status} without data`, 'http');
  return body.data;
}

export function request<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<R> {
  return send<R>({
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...authHeaders() },
    body: JSON.stringify({ query: source(document), variables: variables ?? {} }),
  });
}

/** The GraphQL multipart request spec, with the file bound to variables.input.file. */
export function upload<R, V extends { input: object }>(document: TypedDocumentNode<R, V>, variables: V, file: File): Promise<R> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: source(document), variables }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  // Yoga's CSRF prevention asks multipart requests for this header.
  return send<R>({ headers: { 'x-graphql-yoga-csrf': '1', ...authHeaders() }, body: form });
}

type Typed = { __typename?: string; message?: string };

/**
 * A mutation's result union: the payload of the given type, or an ApiError carrying the typed error's message
 * (an Unauthorized/Forbidden error also brings up the key form).
 */
export function payload<T extends Typed, N extends string>(result: T, typename: N): Extract<T, { __typename?: N }> {
  if (result.__typename === typename) return result as Extract<T, { __typename?: N }>;
  const message = result.message ?? `Unexpected answer ${result.__typename}`;
  if (result.__typename === 'UnauthorizedError' || result.__typename === 'ForbiddenError') {
    requestApiKey(message);
    throw new ApiError(message, 'auth');
  }
  throw new ApiError(message, result.__typename === 'NotFoundError' ? 'not-found' : 'invalid', result.__typename);
}

let sse: Client | undefined;
function sseClient(): Client {
  sse ??= createClient({ url: '/graphql', headers: () => authHeaders(), retryAttempts: 3 });
  return sse;
}

/** Follows a subscription; returns the function that stops it. */
export function subscribe<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  on: { next: (data: R) => void; error: (error: ApiError) => void; complete: () => void },
): () => void {
  return sseClient().subscribe<R>(
    { query: source(document), variables: variables as Record<string, unknown> },
    {
      next: (result) => {
        if (result.errors?.length) on.error(new ApiError(result.errors.map((e) => e.message).join('; '), 'graphql'));
        else if (result.data) on.next(result.data);
      },
      error: (err) => on.error(new ApiError(err instanceof Error ? err.message : 'The progress stream was lost', 'network')),
      complete: on.complete,
    },
  );
}

/** Saves a server file (CSV) through fetch, so the API key goes along as a header, never in the URL. */
export async function download(url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: authHeaders() });
  } catch {
    throw new ApiError('The server cannot be reached. Is it running?', 'network');
  }
  if (response.status === 401) {
    requestApiKey('An API key is required');
    throw new ApiError('An API key is required', 'auth');
  }
  if (!response.ok) throw new ApiError(`Download failed: ${response.status} ${(await response.text()).trim()}`, 'http');
  const href = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement('a'), { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
