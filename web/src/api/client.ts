// The app's GraphQL calls, on the SDK's typed helpers (execute, subscribe) with the API key added, errors turned
// into one ApiError the screens can show, and uploads as GraphQL multipart requests (which the SDK leaves out).
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { execute, GraphQLRequestError, subscribe as sdkSubscribe } from '@financial-data-extractor/sdk';
import { print } from 'graphql';
import { authHeaders, requestApiKey } from './auth';

export type ErrorKind = 'network' | 'auth' | 'graphql' | 'http' | 'not-found' | 'invalid';

export class ApiError extends Error {
  constructor(message: string, readonly kind: ErrorKind, readonly code?: string) {
    super(message);
  }
}

const ENDPOINT = '/graphql';

// Whether the last request reached the server: the app shows a banner while it does not (data on screen may be old).
type ConnectionListener = (reachable: boolean) => void;
const connectionListeners = new Set<ConnectionListener>();
let reachable = true;
function setReachable(now: boolean) {
  if (now === reachable) return;
  reachable = now;
  for (const listener of connectionListeners) listener(now);
}
export function onConnectionChange(listener: ConnectionListener): () => void {
  connectionListeners.add(listener);
  listener(reachable);
  return () => connectionListeners.delete(listener);
}

/** Any failure of a request, as an ApiError; a refused key also brings up the key form. */
function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  if (err instanceof GraphQLRequestError) {
    const denied = err.errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED' || e.extensions?.code === 'FORBIDDEN');
    if (err.status === 401 || denied) {
      const message = denied?.message ?? 'An API key is required';
      requestApiKey(message);
      return new ApiError(message, 'auth', denied?.extensions?.code as string | undefined);
    }
    const message = err.errors.map((e) => e.message).join('; ') || `The server answered ${err.status} without data`;
    return new ApiError(message, 'graphql', err.errors[0]?.extensions?.code as string | undefined);
  }
  if (err instanceof SyntaxError) return new ApiError('The server sent an answer that is not GraphQL (is a proxy in the way?)', 'http');
  if (err instanceof TypeError) return new ApiError('The server cannot be reached. Is it running?', 'network');
  return new ApiError(err instanceof Error ? err.message : String(err), 'http');
}

export async function request<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<R> {
  try {
    const data = await execute(ENDPOINT, document, (variables ?? {}) as V, { headers: authHeaders() });
    setReachable(true);
    return data;
  } catch (err) {
    const error = toApiError(err);
    setReachable(error.kind !== 'network');
    throw error;
  }
}

/** The GraphQL multipart request spec, with the file bound to variables.input.file. */
export async function upload<R, V extends { input: object }>(document: TypedDocumentNode<R, V>, variables: V, file: File): Promise<R> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', file, file.name);
  try {
    // Yoga's CSRF prevention asks multipart requests for this header.
    const response = await fetch(ENDPOINT, { method: 'POST', headers: { 'x-graphql-yoga-csrf': '1', ...authHeaders() }, body: form });
    const body = (await response.json()) as { data?: R | null; errors?: GraphQLRequestError['errors'] };
    if (body.errors?.length || body.data == null) throw new GraphQLRequestError(response.status, body.errors ?? []);
    return body.data;
  } catch (err) {
    throw toApiError(err);
  }
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

/** Follows a subscription over SSE until the server completes it; returns the function that stops it. */
export function subscribe<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  on: { next: (data: R) => void; error: (error: ApiError) => void; complete: () => void },
): () => void {
  const abort = new AbortController();
  void (async () => {
    try {
      for await (const result of sdkSubscribe(ENDPOINT, document, variables, { headers: authHeaders(), signal: abort.signal })) {
        if (result.errors?.length) on.error(new ApiError(result.errors.map((e) => e.message).join('; '), 'graphql'));
        else if (result.data) on.next(result.data);
      }
      on.complete();
    } catch (err) {
      if (!abort.signal.aborted) on.error(toApiError(err));
    }
  })();
  return () => abort.abort();
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
