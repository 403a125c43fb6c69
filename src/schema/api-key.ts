// API keys over GraphQL: createApiKey (the secret is in its payload, once), revokeApiKey, apiKeys. All need admin.
// ApiKey is deliberately not a Node: `node(id)` needs only read, and key listings are for admins.
import { resolveArrayConnection } from '@pothos/plugin-relay';
import { NotFoundError, ValidationError } from '../errors.js';
import * as apiKeys from '../services/api-keys.js';
import { builder } from './builder.js';
import { parseGlobalId } from './ids.js';

export const ApiScope = builder.enumType('ApiScope', {
  description: 'read: queries; write: mutations (and read); admin: API keys (and write).',
  values: apiKeys.API_SCOPES,
});

const ApiKey = builder.objectRef<apiKeys.ApiKeyInfo>('ApiKey').implement({
  description: 'An API key. Its secret is shown only once, in CreateApiKeyPayload; the server keeps a hash.',
  fields: (t) => ({
    id: t.globalID({ resolve: (k) => ({ type: 'ApiKey', id: k.id }) }),
    name: t.exposeString('name'),
    prefix: t.exposeString('prefix', { description: 'The first characters of the secret, to tell keys apart.' }),
    scopes: t.field({ type: [ApiScope], resolve: (k) => k.scopes }),
    createdAt: t.expose('createdAt', { type: 'DateTime' }),
    lastUsedAt: t.expose('lastUsedAt', { type: 'DateTime', nullable: true, description: 'To the minute.' }),
    revokedAt: t.expose('revokedAt', { type: 'DateTime', nullable: true }),
  }),
});

const ApiKeyConnection = builder.connectionObject({ type: ApiKey, name: 'ApiKeyConnection' }, { name: 'ApiKeyEdge' });

builder.queryFields((t) => ({
  apiKeys: t.connection(
    {
      type: ApiKey,
      authScopes: { admin: true },
      description: 'Every key, revoked ones included, oldest first.',
      resolve: async (_root, args) => {
        const all = await apiKeys.listApiKeys();
        return { ...resolveArrayConnection({ args }, all), totalCount: all.length };
      },
    },
    ApiKeyConnection,
  ),
}));

const CreateApiKeyInput = builder.inputType('CreateApiKeyInput', {
  fields: (t) => ({
    name: t.string({ required: true, description: 'Who or what uses the key (shown in logs).' }),
    scopes: t.field({ type: [ApiScope], required: true }),
  }),
});

const CreateApiKeyPayload = builder.objectRef<{ apiKey: apiKeys.ApiKeyInfo; secret: string }>('CreateApiKeyPayload').implement({
  fields: (t) => ({
    apiKey: t.field({ type: ApiKey, resolve: (p) => p.apiKey }),
    secret: t.exposeString('secret', { description: 'Send as Authorization: Bearer <secret>. Shown only this once.' }),
  }),
});

const RevokeApiKeyInput = builder.inputType('RevokeApiKeyInput', { fields: (t) => ({ id: t.id({ required: true }) }) });
const RevokeApiKeyPayload = builder.objectRef<{ apiKey: apiKeys.ApiKeyInfo }>('RevokeApiKeyPayload').implement({
  fields: (t) => ({ apiKey: t.field({ type: ApiKey, resolve: (p) => p.apiKey }) }),
});

builder.mutationFields((t) => ({
  createApiKey: t.field({
    type: CreateApiKeyPayload,
    authScopes: { admin: true },
    args: { input: t.arg({ type: CreateApiKeyInput, required: true }) },
    errors: { types: [ValidationError], union: { name: 'CreateApiKeyResult' } },
    resolve: (_root, { input }) => apiKeys.createApiKey(input),
  }),
  revokeApiKey: t.field({
    type: RevokeApiKeyPayload,
    authScopes: { admin: true },
    description: 'Revoked keys are refused from the next request on; revoking twice is harmless.',
    args: { input: t.arg({ type: RevokeApiKeyInput, required: true }) },
    errors: { types: [NotFoundError], union: { name: 'RevokeApiKeyResult' } },
    resolve: async (_root, { input }) => ({ apiKey: await apiKeys.revokeApiKey(parseGlobalId('ApiKey', String(input.id))) }),
  }),
}));
