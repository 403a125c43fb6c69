// API keys: random secrets shown once, stored only as a SHA-256 hash, with scopes read / write / admin.
// A key is 32 random bytes, so a fast hash is enough (nothing to brute-force); lookups go by the hash's unique index.
import { createHash, randomBytes } from 'node:crypto';
import { prisma } from '../db.js';
import { NotFoundError, ValidationError } from '../errors.js';
import type { ApiKey } from '../generated/prisma/client.js';
import type { ApiScope } from '../generated/prisma/enums.js';

export const API_SCOPES = ['read', 'write', 'admin'] as const satisfies readonly ApiScope[];
export type { ApiScope };

const KEY_PREFIX = 'fde_';
/** Characters kept in clear (`fde_` and 8 of the secret) to tell keys apart in listings and logs. */
const SHOWN_CHARS = KEY_PREFIX.length + 8;
/** lastUsedAt is written at most this often per key, so a busy key does not write on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Scopes nest: admin may do what write may, write what read may. */
export function grants(scopes: readonly ApiScope[], needed: ApiScope): boolean {
  const rank = (s: ApiScope) => API_SCOPES.indexOf(s);
  return scopes.some((s) => rank(s) >= rank(needed));
}

export type ApiKeyInfo = Omit<ApiKey, 'secretHash'>;
const INFO = { id: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

export async function createApiKey(input: { name: string; scopes: ApiScope[] }): Promise<{ apiKey: ApiKeyInfo; secret: string }> {
  const name = input.name.trim();
  if (!name || name.length > 100) throw ValidationError.field('name', 'must be 1 to 100 characters');
  const scopes = [...new Set(input.scopes)];
  if (!scopes.length) throw ValidationError.field('scopes', `give at least one of ${API_SCOPES.join(', ')}`);
  const invalid = scopes.find((s) => !(API_SCOPES as readonly string[]).includes(s));
  if (invalid) throw ValidationError.field('scopes', `unknown scope "${invalid}"; use ${API_SCOPES.join(', ')}`);
  const secret = KEY_PREFIX + randomBytes(32).toString('base64url');
  const apiKey = await prisma.apiKey.create({
    data: { name, scopes, prefix: secret.slice(0, SHOWN_CHARS), secretHash: hashSecret(secret) },
    select: INFO,
  });
  return { apiKey, secret };
}

export async function revokeApiKey(id: number): Promise<ApiKeyInfo> {
  const key = await prisma.apiKey.findUnique({ where: { id }, select: INFO });
  if (!key) throw new NotFoundError('ApiKey', String(id));
  if (key.revokedAt) return key;
  return prisma.apiKey.update({ where: { id }, data: { revokedAt: new Date() }, select: INFO });
}

export function listApiKeys(): Promise<ApiKeyInfo[]> {
  return prisma.apiKey.findMany({ select: INFO, orderBy: { id: 'asc' } });
}

/** Who a request acts as: an API key, or no one (anonymous). */
export interface Access {
  apiKey: { id: number; name: string; prefix: string; scopes: ApiScope[] } | null;
  /** Why the request has no key: none was sent, or the one sent is unknown, revoked or malformed. */
  failure: 'MISSING' | 'INVALID' | null;
  /** Whether this request may act with `scope`. */
  can(scope: ApiScope): boolean;
}

/**
 * Resolves an Authorization header. Without one, the request is anonymous and may do everything when
 * `allowAnonymous`; a header that names no live key grants nothing, whatever `allowAnonymous` says.
 */
export async function authenticate(authorization: string | null, allowAnonymous: boolean): Promise<Access> {
  if (!authorization) return { apiKey: null, failure: 'MISSING', can: () => allowAnonymous };
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  const key = match
    ? await prisma.apiKey.findUnique({ where: { secretHash: hashSecret(match[1]!) }, select: { ...INFO } })
    : null;
  if (!key || key.revokedAt) return { apiKey: null, failure: 'INVALID', can: () => false };
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await prisma.apiKey.update({ where: { id: key.id }, data: { lastUsedAt: new Date() } });
  }
  const apiKey = { id: key.id, name: key.name, prefix: key.prefix, scopes: key.scopes };
  return { apiKey, failure: null, can: (scope) => grants(key.scopes, scope) };
}
