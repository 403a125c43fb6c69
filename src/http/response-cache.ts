// Query answers kept in memory, and never served once the data behind them may have changed.
//
// Yoga's response cache (keyed by document, variables and the "session" below) answers a repeated query without
// building a context or touching the database. What makes it safe to keep on:
// - Every committed write to a table the API reads is announced by a database trigger (channel fde_change, see
//   src/db/notifications.ts), whoever wrote it: a mutation, a job worker in another process, the CLI. Each
//   announcement drops every cached answer of this process: coarse, but no answer can outlive its data, and reads
//   far outnumber writes (a running job clears the cache at each progress step; that costs misses, not staleness).
// - A mutation run by this process clears the cache before its response is sent, so its caller's next query is
//   fresh without waiting for the notification.
// - An answer computed while a change arrived is not stored: each request records the cache generation it started
//   in, and an answer whose generation has moved on since is dropped (it may have read rows from before the change).
// - While the notification connection is down (and until it is back), the cache is bypassed and cleared.
// - Answers are per caller: the session is the Authorization header (an API key's answers are never served to
//   another key or to anonymous callers) and the origin (download URLs are built from it). A revoked key changes
//   the ApiKey table, which clears the cache, so a revoked key is refused from its next request on. Answers with
//   errors (refused access among them) are never stored.
// - `Cache-Control: no-cache` on a request bypasses the cache.
// The TTL (RESPONSE_CACHE_TTL_MS) only bounds how long an unchanged answer is kept; 0 turns the cache off.
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { followChanges, type ChangeFollower } from '../db/notifications.js';
import { responseCacheEvents } from '../metrics.js';

export interface ResponseCacheSettings {
  /** How long an answer may be kept when nothing changes; 0 disables the cache. */
  ttlMs: number;
  /** Answers kept per process (least recently used are dropped first). */
  maxEntries: number;
}

/**
 * The in-memory cache, cleared whole, with a generation that each clear moves on. A request records the
 * generation it started in; its answer is stored only if no clear came since (`isCurrent`).
 */
export class ClearableCache implements Cache {
  private inner: Cache;
  private generation = 0;
  private readonly startedIn = new WeakMap<Request, number>();

  constructor(private readonly maxEntries: number) {
    this.inner = createInMemoryCache({ max: maxEntries });
  }

  get(key: string) {
    return this.inner.get(key);
  }

  set(...args: Parameters<Cache['set']>) {
    responseCacheEvents.inc({ event: 'stored' });
    return this.inner.set(...args);
  }

  invalidate(entities: Parameters<Cache['invalidate']>[0]) {
    return this.inner.invalidate(entities);
  }

  /** Drops every answer; answers being computed now will not be stored. */
  clear() {
    this.generation++;
    this.inner = createInMemoryCache({ max: this.maxEntries });
  }

  /** Called before the request reads anything. */
  begin(request: Request) {
    this.startedIn.set(request, this.generation);
  }

  /** Whether no clear came since the request began (so what it read may still be current). */
  isCurrent(request: Request): boolean {
    return this.startedIn.get(request) === this.generation;
  }
}

/** Yoga plugins for the response cache, or none when `settings.ttlMs` is 0. */
export function responseCachePlugins(settings: ResponseCacheSettings): Plugin[] {
  if (settings.ttlMs <= 0) return [];
  const cache = new ClearableCache(settings.maxEntries);
  let live = false;
  let unfollow: (() => void) | undefined;
  const clear = (reason: string) => {
    cache.clear();
    responseCacheEvents.inc({ event: `cleared_by_${reason}` });
  };
  const follower: ChangeFollower = {
    changed: () => clear('database_change'),
    connected: () => {
      clear('connected'); // changes while the connection was down (or before it was up) went unheard
      live = true;
    },
    lost: () => {
      live = false;
      clear('connection_lost');
    },
  };
  const enabled = (request: Request) => live && !/\bno-cache\b/i.test(request.headers.get('cache-control') ?? '');

  const clearAfterMutations: Plugin = {
    onYogaInit() {
      unfollow ??= followChanges(follower);
    },
    onDispose() {
      unfollow?.();
      unfollow = undefined;
      live = false;
    },
    onRequest({ request }) {
      cache.begin(request);
    },
    onExecute({ args }) {
      if (getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      return { onExecuteDone: () => clear('mutation') };
    },
    onResultProcess({ result }) {
      if ((result as Record<symbol, unknown>)[Symbol.for('servedFromResponseCache')]) responseCacheEvents.inc({ event: 'hit' });
    },
  };
  return [
    clearAfterMutations,
    useResponseCache({
      cache,
      ttl: settings.ttlMs,
      enabled,
      session: (request) => `${new URL(request.url).origin} ${request.headers.get('authorization') ?? ''}`,
      // Whole-cache clears do the invalidation; entity bookkeeping of mutations would only repeat it.
      invalidateViaMutation: false,
      // A TTL of 0 means "do not store": for an answer computed while a change arrived.
      onTtl: ({ ttl, context }) => (cache.isCurrent((context as { request: Request }).request) ? ttl : 0),
    }),
  ];
}
