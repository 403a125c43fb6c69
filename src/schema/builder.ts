// Creates the schema builder and registers plugins and scalars; defines no domain types.
import SchemaBuilder from '@pothos/core';
import DataloaderPlugin from '@pothos/plugin-dataloader';
import ErrorsPlugin from '@pothos/plugin-errors';
import PrismaPlugin from '@pothos/plugin-prisma';
import RelayPlugin from '@pothos/plugin-relay';
import { Decimal } from 'decimal.js';
import { GraphQLError, Kind } from 'graphql';
import type { Context } from '../context.js';
import { prisma } from '../db.js';
import type PrismaTypes from '../generated/pothos-types.js';
import { getDatamodel } from '../generated/pothos-types.js';

export const builder = new SchemaBuilder<{
  Context: Context;
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
  // Errors before prisma and dataloader, as the errors plugin must wrap their resolvers.
  plugins: [ErrorsPlugin, DataloaderPlugin, PrismaPlugin, RelayPlugin],
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
    defaultTypes: [],
    directResult: true,
  },
});

builder.queryType({});
builder.mutationType({});

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

builder.scalarType('File', {
  description: 'A file sent with the GraphQL multipart request spec.',
  serialize: () => {
    throw new GraphQLError('File is an input-only scalar');
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
