// The read check for the plain HTTP routes (document download, statement CSV), which GraphQL's scope-auth
// does not see: 401 without a usable key when anonymous access is off, 403 for a key without the read scope.
import { rejections } from '../metrics.js';
import { requestState } from '../observability.js';
import { authenticate } from '../services/api-keys.js';

export type RouteGuard = (request: Request) => Promise<Response | null>;

export function requireRead(allowAnonymous: boolean): RouteGuard {
  return async (request) => {
    const access = await authenticate(request.headers.get('authorization'), allowAnonymous);
    if (access.apiKey) requestState(request).apiKeyName = access.apiKey.name;
    if (access.can('read')) return null;
    const unauthenticated = !access.apiKey;
    rejections.inc({ reason: unauthenticated ? 'unauthorized' : 'forbidden' });
    return new Response(unauthenticated ? 'An API key with the read scope is required\n' : 'The API key lacks the read scope\n', {
      status: unauthenticated ? 401 : 403,
      headers: {
        'content-type': 'text/plain; charset=utf-8',
        ...(unauthenticated ? { 'www-authenticate': 'Bearer' } : {}),
      },
    });
  };
}
