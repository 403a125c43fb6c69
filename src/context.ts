// Built per request: loaders (fresh caches), a logger bound to the request id.
import type { YogaInitialContext } from 'graphql-yoga';
import { createLoaders, type Loaders } from './loaders/index.js';
import { logger as rootLogger, type Logger } from './logger.js';

export interface Context extends YogaInitialContext {
  loaders: Loaders;
  logger: Logger;
  requestId: string;
}

export function createContext(initial: YogaInitialContext): Context {
  const requestId = initial.request.headers.get('x-request-id') ?? crypto.randomUUID();
  return {
    ...initial,
    requestId,
    loaders: createLoaders(),
    logger: rootLogger.child({ requestId }),
  };
}
