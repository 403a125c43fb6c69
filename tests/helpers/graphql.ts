// A typed `execute(document, variables)` over `yoga.fetch`: in-process HTTP, no port.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type GraphQLFormattedError } from 'graphql';
import { onQuery } from '../../src/db.js';
import { buildYoga } from '../../src/yoga.js';

export const yoga = buildYoga();

export interface ExecutionResult<R> {
  data?: R | null;
  errors?: GraphQLFormattedError[];
}

export async function execute<R, V>(
  document: TypedDocumentNode<R, V>,
  ...[variables, headers]: V extends Record<string, never> ? [V?, Record<string, string>?] : [V, Record<string, string>?]
): Promise<ExecutionResult<R>> {
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
    body: JSON.stringify({ query: print(document), variables }),
  });
  return (await response.json()) as ExecutionResult<R>;
}

/** Like execute, but fails on GraphQL errors and returns `data`. */
export async function executeOk<R, V>(
  document: TypedDocumentNode<R, V>,
  ...rest: V extends Record<string, never> ? [V?, Record<string, string>?] : [V, Record<string, string>?]
): Promise<R> {
  const result = await execute(document, ...rest);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as R;
}

/** Counts the SQL statements Prisma sends while `fn` runs. */
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const statements: string[] = [];
  const stop = onQuery((sql) => statements.push(sql));
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    stop();
  }
}

/** A GraphQL multipart request (the upload spec) with one file bound to `variables.input.file`. */
export async function executeUpload<R, V>(
  document: TypedDocumentNode<R, V>,
  variables: V,
  file: { bytes: Uint8Array; name: string; type?: string },
  headers: Record<string, string> = {},
): Promise<ExecutionResult<R> & { status: number }> {
  const form = new FormData();
  form.append('operations', JSON.stringify({ query: print(document), variables }));
  form.append('map', JSON.stringify({ 0: ['variables.input.file'] }));
  form.append('0', new Blob([Buffer.from(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'x-graphql-yoga-csrf': '1', ...headers },
    body: form,
  });
  const text = await response.text();
  try {
    return { ...(JSON.parse(text) as ExecutionResult<R>), status: response.status };
  } catch {
    return { errors: [{ message: text }], status: response.status };
  }
}
