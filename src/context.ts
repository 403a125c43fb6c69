// Built per request: who is asking (API key or anonymous), loaders (fresh caches), a logger bound to the request id.
import type { YogaInitialContext } from 'graphql-yoga';
import type { IncomingMessage } from 'node:http';
import { createLoaders, type Loaders } from './loaders/index.js';
import { logger as rootLogger, type Logger } from './logger.js';
import { requestState } from './observability.js';
import type { SharedRateLimiter } from './rate-limit.js';
import { authenticate, type Access } from './services/api-keys.js';

export interface Context extends YogaInitialContext {
  loaders: Loaders;
  logger: Logger;
  requestId: string;
  access: Access;
  /** Takes one "start a job" token for this caller, or throws RateLimitedError. */
  takeJobToken(): Promise<void>;
  /** Takes one "add a document" token (upload or URL) for this caller, or throws RateLimitedError. */
  takeUploadToken(): Promise<void>;
}

export interface ContextSettings {
  allowAnonymous: boolean;
  jobRateLimiter: SharedRateLimiter;
  uploadRateLimiter: SharedRateLimiter;
}

export function contextFactory(settings: ContextSettings) {
  return async function createContext(initial: YogaInitialContext & { req?: IncomingMessage }): Promise<Context> {
    const state = requestState(initial.request);
    const access = await authenticate(initial.request.headers.get('authorization'), settings.allowAnonymous);
    if (access.apiKey) state.apiKeyName = access.apiKey.name;
    // Anonymous callers share a bucket per address (in-process test requests have none: "local").
    const caller = access.apiKey ? `key:${access.apiKey.id}` : `addr:${initial.req?.socket?.remoteAddress ?? 'local'}`;
    return {
      ...initial,
      requestId: state.id,
      access,
      takeJobToken: () => settings.jobRateLimiter.take(caller),
      takeUploadToken: () => settings.uploadRateLimiter.take(caller),
      loaders: createLoaders(),
      logger: rootLogger.child({ requestId: state.id, ...(access.apiKey ? { apiKey: access.apiKey.name } : {}) }),
    };
  };
}
