// Maps each domain error class of src/errors.ts once to a GraphQL type implementing `interface Error`.
import {
  ConflictError,
  DocumentUnreadableError,
  UNREADABLE_REASONS,
  FetchError,
  ForbiddenError,
  NotFoundError,
  RateLimitedError,
  UnauthorizedError,
  ValidationError,
} from '../errors.js';
import type { ObjectRef } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { builder, type BuilderTypes } from './builder.js';

export const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'Every expected failure implements Error; select `... on Error { message }` to handle any.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString('entity', { description: 'The kind of thing that was looked up.' }),
    identifier: t.exposeString('id', { description: 'The identifier (ID, ticker, ...) that matched nothing.' }),
  }),
});

const FieldErrorRef = builder.objectRef<{ path: string[]; message: string }>('FieldError').implement({
  fields: (t) => ({
    path: t.exposeStringList('path', { description: 'Path of the offending input field, e.g. ["tickers", "0", "ticker"].' }),
    message: t.exposeString('message'),
  }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ fieldErrors: t.field({ type: [FieldErrorRef], resolve: (e) => e.fieldErrors }) }),
});

builder.objectType(ConflictError, { name: 'ConflictError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(UnauthorizedError, { name: 'UnauthorizedError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(ForbiddenError, { name: 'ForbiddenError', interfaces: [ErrorInterface], fields: () => ({}) });
builder.objectType(RateLimitedError, {
  name: 'RateLimitedError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ retryAfterSeconds: t.exposeInt('retryAfterSeconds', { description: 'Seconds until a job may be started again.' }) }),
});

const UnreadableReason = builder.enumType('DocumentUnreadableReason', {
  values: UNREADABLE_REASONS,
});

builder.objectType(DocumentUnreadableError, {
  name: 'DocumentUnreadableError',
  interfaces: [ErrorInterface],
  fields: (t) => ({ reason: t.field({ type: UnreadableReason, resolve: (e) => e.reason }) }),
});

const FetchFailure = builder.enumType('FetchFailure', {
  values: ['HTTP_STATUS', 'TIMEOUT', 'TOO_LARGE', 'FORBIDDEN_ADDRESS', 'NETWORK', 'NOT_PDF'] as const,
});

builder.objectType(FetchError, {
  name: 'FetchError',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    failure: t.field({ type: FetchFailure, resolve: (e) => e.failure }),
    status: t.int({ nullable: true, description: 'The HTTP status, when the server answered.', resolve: (e) => e.status ?? null }),
  }),
});

// graphql-js treats any Error instance a resolver *returns* as a thrown error, so a miss travels as a plain copy.
const LOOKUP_MISS = Symbol('lookup miss');

/**
 * `<Entity>Result = <Entity> | NotFoundError` for single-entity lookups. A hand-made union (rather than the errors
 * plugin's per-field one) so that several lookups, e.g. `company` and `companyByTicker`, share one result type.
 */
export function lookupResult<T extends object>(name: string, entity: ObjectRef<BuilderTypes, T>, entityName: string) {
  return builder.unionType(name, {
    types: [entity, NotFoundError],
    resolveType: (value) => (LOOKUP_MISS in value ? 'NotFoundError' : entityName),
  });
}

/**
 * Runs a lookup, returning a NotFoundError as a member of the result union rather than throwing it. `identifier`
 * is what the client asked for (its global ID or ticker), reported instead of the internal id.
 */
export async function orNotFound<T>(identifier: string, lookup: () => Promise<T>): Promise<T | NotFoundError> {
  try {
    return await lookup();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    const miss = { message: `${err.entity} ${identifier} was not found`, entity: err.entity, id: identifier, [LOOKUP_MISS]: true };
    return miss as unknown as NotFoundError;
  }
}

/**
 * For fields whose type the contract fixes without a result union (Subscription.jobProgress): a lookup miss becomes
 * a GraphQL error with code NOT_FOUND naming what the client asked for, instead of a masked "Unexpected error.".
 */
export async function orNotFoundError<T>(identifier: string, lookup: () => Promise<T>): Promise<T> {
  try {
    return await lookup();
  } catch (err) {
    if (!(err instanceof NotFoundError)) throw err;
    throw new GraphQLError(`${err.entity} ${identifier} was not found`, {
      extensions: { code: 'NOT_FOUND', entity: err.entity, identifier },
    });
  }
}
