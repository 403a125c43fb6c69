// Subscriptions with graphql-sse (`@financial-data-extractor/sdk/sse`, apart from the main entry so that a client
// without graphql-sse installed never meets its types): the typed document in, results typed from it out.
//   const client = createClient({ url: 'http://localhost:4000/graphql' });
//   for await (const { data } of sseSubscription(client, FollowJobDocument, { id })) console.log(data?.jobProgress.status);
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import type { Client, ExecutionResult } from 'graphql-sse';

/**
 * A subscription over a graphql-sse client (either mode; the server speaks "distinct connections"): yields each
 * result, `data` typed by the document, until the server completes the stream (jobProgress does once the job has
 * finished). Breaking out of the loop closes the connection.
 */
export function sseSubscription<R, V, S extends boolean = false>(
  client: Client<S>,
  document: TypedDocumentNode<R, V>,
  variables: V,
): AsyncIterableIterator<ExecutionResult<R, unknown>> {
  return client.iterate<R, unknown>({ query: print(document), variables: variables as Record<string, unknown> });
}

export type { ExecutionResult };
