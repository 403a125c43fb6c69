// Creates the schema builder and registers plugins and scalars; defines no domain types.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin, { AuthScopeFailureType, type AuthFailure } from '@pothos/plugin-scope-auth';
import { Decimal } from 'decimal.js';
import { GraphQLError, Kind } from 'graphql';
import type { Context } from '../context.js';
import { prisma } from '../db.js';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { rejections } from '../metrics.js';
import { isUploadedFile } from '../http/misplaced-files.js';
import { accessError } from '../security.js';
import type { ApiScope } from '../services/api-keys.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';

export const builder = new SchemaBuilder<{
  Context: Context;
  AuthScopes: { read: boolean; write: boolean; admin: boolean };
  PrismaTypes: PrismaTypes;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: false;
  DefaultNodeNullability: false;
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    /** Exact decimals: Prisma's Decimal (decimal.js-compatible) out, a validated decimal string in. */
    Decimal: { Input: string; Output: { toString(): string } | string };
    File: { Input: File; Output: never };
    JSON: { Input: unknown; Output: unknown };
  };
}>({
  // Errors first, as it must wrap every other plugin's resolvers: a failed scope check throws
  // UnauthorizedError/ForbiddenError, which the errors plugin turns into a member of the mutation's result union.
  // Scope-auth next, so no loader or Prisma query runs for a caller who may not see the field.
  plugins: [ErrorsPlugin, ScopeAuthPlugin, DataloaderPlugin, PrismaPlugin, RelayPlugin],
  scopeAuth: {
    // Scopes are set on the root types (Query/Subscription: read, Mutation: write) and on admin fields.
    authScopes: (ctx) => ({ read: ctx.access.can('read'), write: ctx.access.can('write'), admin: ctx.access.can('admin') }),
    authorizeOnSubscribe: true,
    unauthorizedError: (_parent, ctx, info, result) => accessDenied(ctx, info.parentType.name, result.failure),
  },
  defaultFieldNullability: false,
  prisma: {
    client: prisma,
    dmmf: getDatamodel(),
    exposeDescriptions: true,
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === 'production' ? null : 'warn',
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: false },
    nodeFieldOptions: { nullable: false },
  },
  errors: {
    // Every mutation's result union can carry an access failure.
    defaultTypes: [UnauthorizedError, ForbiddenError],
    directResult: true,
  },
});

builder.queryType({ authScopes: { read: true } });
builder.mutationType({ authScopes: { write: true } });

builder.scalarType('DateTime', {
  description: 'An instant, ISO 8601 (e.g. 2026-11-26T13:40:00.000Z).',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(value).toISOString()),
  parseValue: (value) => {
    const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime must be an ISO 8601 string');
    return date;
  },
});

const DECIMAL = /^-?\d+(\.\d+)?$/;

builder.scalarType('Decimal', {
  description: 'An exact decimal number serialised as a string (e.g. "-1234.50"); never a binary float.',
  serialize: (value) => new Decimal(value.toString()).toFixed(),
  parseValue: (value) => {
    if (typeof value !== 'string' || !DECIMAL.test(value)) throw new GraphQLError('Decimal must be a string like "-1234.5"');
    return value;
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING || !DECIMAL.test(ast.value)) throw new GraphQLError('Decimal must be a string like "-1234.5"');
    return ast.value;
  },
});

builder.scalarType('JSON', {
  description: 'Arbitrary JSON (job results, provider metrics).',
  serialize: (value) => value,
});

const FILE_ONLY = 'File takes the file of a GraphQL multipart request (its map names this variable), not a value';

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
  },
  // A string or object in its place would reach the upload as if it were a file.
  parseValue: (value) => {
    if (!isUploadedFile(value)) throw new GraphQLError(FILE_ONLY);
    return value as File;
  },
  parseLiteral: () => {
    throw new GraphQLError(FILE_ONLY);
  },
});

export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

// Every connection has totalCount; the prisma plugin hands the connection a count or a function computing it.
builder.globalConnectionField('totalCount', (t) =>
  t.int({
    resolve: (connection) => {
      const { totalCount } = connection as { totalCount?: number | (() => number | Promise<number>) };
      return typeof totalCount === 'function' ? totalCount() : (totalCount ?? 0);
    },
  }),
);

function missingScope(failure: AuthFailure): ApiScope | undefined {
  if (failure.kind === AuthScopeFailureType.AuthScope) return failure.scope as ApiScope;
  if (failure.kind === AuthScopeFailureType.AnyAuthScopes || failure.kind === AuthScopeFailureType.AllAuthScopes) {
    for (const f of failure.failures) {
      const scope = missingScope(f);
      if (scope) return scope;
    }
  }
  return undefined;
}

/**
 * No key where one is needed, or a bad one: UnauthorizedError; a good key without the scope: ForbiddenError.
 * Mutations return them in their result union (domain errors); query and subscription fields fail with a
 * GraphQL error carrying extensions.code UNAUTHENTICATED or FORBIDDEN.
 */
function accessDenied(ctx: Context, parentType: string, failure: AuthFailure): Error {
  const scope = missingScope(failure) ?? 'read';
  const unauthenticated = !ctx.access.apiKey;
  rejections.inc({ reason: unauthenticated ? 'unauthorized' : 'forbidden' });
  const message = unauthenticated
    ? ctx.access.failure === 'INVALID'
      ? 'The API key is unknown or revoked'
      : `An API key with the "${scope}" scope is required: send Authorization: Bearer <key>`
    : `The API key "${ctx.access.apiKey!.name}" lacks the "${scope}" scope`;
  if (parentType === 'Mutation') return unauthenticated ? new UnauthorizedError(message) : new ForbiddenError(message);
  return accessError(unauthenticated ? 'UNAUTHENTICATED' : 'FORBIDDEN', message);
}
