// @vitest-environment happy-dom
// Production mode: the first refusal brings up the key form, the key entered is kept for the tab's session and sent
// as a Bearer header from then on, and queries waiting for it run again.
import { ListCompaniesDocument } from '@financial-data-extractor/sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { apiKey, forgetApiKey, onKeyRequest, saveApiKey } from '../../../web/src/api/auth';
import { ApiError, request } from '../../../web/src/api/client';

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const refused = () => json({ errors: [{ message: 'An API key with the read scope is required', extensions: { code: 'UNAUTHENTICATED' } }] }, 401);
const listed = () => json({ data: { companies: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } } });

describe('API key for a server that requires one', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    forgetApiKey();
  });

  it('asks once, keeps the key in sessionStorage and sends it with every request', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>().mockResolvedValueOnce(refused()).mockResolvedValueOnce(listed());
    vi.stubGlobal('fetch', fetch);
    const asked: (string | null)[] = [];
    const stop = onKeyRequest((reason) => asked.push(reason));

    const first = await request(ListCompaniesDocument, {}).catch((e: unknown) => e);
    expect(first).toBeInstanceOf(ApiError);
    expect((first as ApiError).kind).toBe('auth');
    expect(asked).toEqual(['An API key with the read scope is required']);

    saveApiKey(' fde_secret ');
    expect(asked).toEqual(['An API key with the read scope is required', null]); // queries waiting for a key refetch
    expect(sessionStorage.getItem('fde.apiKey')).toBe('fde_secret');
    expect(apiKey()).toBe('fde_secret');

    const data = await request(ListCompaniesDocument, {});
    expect(data.companies.totalCount).toBe(0);
    const headers = fetch.mock.calls[1]![1]!.headers as Record<string, string>;
    expect(headers.authorization).toBe('Bearer fde_secret');
    stop();
  });

  it('says the server is unreachable when it is down', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const error = (await request(ListCompaniesDocument, {}).catch((e: unknown) => e)) as ApiError;
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/cannot be reached/);
  });
});
