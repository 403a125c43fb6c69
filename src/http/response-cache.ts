// Query answers kept in memory, and never served once the data behind them may have changed.
//
// Yoga's response cache (keyed by document, variables and the "session" below) answers a repeated query without
// building a context or touching the database. What makes it safe to keep on:
// - Every committed write to a table the API reads is announced by a database trigger (channel fde_change, see
//   src/db/notifications.ts), whoever wrote it: a mutation, a job worker in another process, the CLI. Each
//   announcement drops the answers that contain a GraphQL type read from that table (src/http/cache-dependencies.ts:
//   a job's progress write drops job answers, not a company's); a write to ApiKey, or to a table not mapped there,
//   drops every answer.
// - A mutation run by this process clears the whole cache before its response is sent, so its caller's next query
//   is fresh without waiting for the notification.
// - An answer computed while a change arrived is not stored if the change touched one of its types: each request
//   records the change count it started at, and an answer holding a type changed since is dropped (it may have read
//   rows from before the change).
// - While the notification connection is down (and until it is back), the cache is bypassed and cleared.
// - Answers are per caller: the session is the Authorization header (an API key's answers are never served to
//   another key or to anonymous callers) and the origin (download URLs are built from it). A revoked key changes
//   the ApiKey table, which clears the cache, so a revoked key is refused from its next request on. Answers with
//   errors (refused access among them) are never stored.
// - `Cache-Control: no-cache` on a request bypasses the cache.
// The TTL (RESPONSE_CACHE_TTL_MS) only bounds how long an unchanged answer is kept; 0 turns the cache off.
import { createInMemoryCache, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { getOperationAST, type GraphQLSchema } from 'graphql';
import { isAsyncIterable, type Plugin } from 'graphql-yoga';
import { followChanges, type ChangeFollower } from '../db/notifications.js';
import { responseCacheEvents } from '../metrics.js';
import { typesByTable } from './cache-dependencies.js';

export interface ResponseCacheSettings {
  /** How long an answer may be kept when nothing changes; 0 disables the cache. */
  ttlMs: number;
  /** Answers kept per process (least recently used are dropped first). */
  maxEntries: number;
}

type CachedEntity = { typename: string; id?: number | string };

/**
 * The in-memory cache, with a count of changes. A request records the count it started at; its answer is stored
 * only if no change since touched a type it holds (`storeFor` then `set`).
 */
export class ChangeAwareCache implements Cache {
  private inner: Cache;
  private changes = 0;
  private clearedAt = 0;
  /** The change count at each type's latest change. */
  private readonly changedAt = new Map<string, number>();
  private readonly startedIn = new WeakMap<Request, number>();
  /** The types in each request's answer (Yoga's plugin records only those with an id, and null or empty fields). */
  private readonly typesIn = new WeakMap<Request, readonly string[]>();
  /** The request whose answer `set` is about to store (see storeFor). */
  private storing: Request | undefined;

  constructor(private readonly maxEntries: number) {
    this.inner = createInMemoryCache({ max: maxEntries });
  }

  get(key: string) {
    return this.inner.get(key);
  }

  set(key: string, result: Parameters<Cache['set']>[1], entities: Iterable<CachedEntity>, ttl: number) {
    const request = this.storing;
    this.storing = undefined;
    const started = request && this.startedIn.get(request);
    const held = [...entities, ...(request ? this.typesIn.get(request) ?? [] : []).map((typename) => ({ typename }))];
    const changed = (e: CachedEntity) => (this.changedAt.get(e.typename) ?? 0) > started!;
    if (started === undefined || started < this.clearedAt || held.some(changed)) {
      responseCacheEvents.inc({ event: 'not_stored_changed' });
      return;
    }
    responseCacheEvents.inc({ event: 'stored' });
    return this.inner.set(key, result, held, ttl);
  }

  invalidate(entities: Iterable<CachedEntity>) {
    return this.inner.invalidate(entities);
  }

  /** Drops the answers holding any of `types`; answers being computed now that hold one will not be stored. */
  changed(types: readonly string[]) {
    this.changes++;
    for (const typename of types) this.changedAt.set(typename, this.changes);
    return this.inner.invalidate(types.map((typename) => ({ typename })));
  }

  /** Drops every answer; answers being computed now will not be stored. */
  clear() {
    this.changes++;
    this.clearedAt = this.changes;
    this.changedAt.clear();
    this.inner = createInMemoryCache({ max: this.maxEntries });
  }

  /** Called before the request reads anything. */
  begin(request: Request) {
    this.startedIn.set(request, this.changes);
  }

  /**
   * Called with the request whose answer the next `set` stores: Yoga's plugin calls `onTtl` and then `set` in one
   * synchronous step, and `set` is not told the request. An answer of a request that never began is not stored.
   */
  storeFor(request: Request) {
    this.storing = request;
  }

  /** Records the object types found in the request's answer, before they are stripped from it. */
  answered(request: Request, types: readonly string[]) {
    this.typesIn.set(request, types);
  }
}

/** Every __typename in an answer (the cache plugin adds one to each selection, aliased). */
function typenamesIn(data: unknown): string[] {
  const found = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (value === null || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const typename = record.__responseCacheTypeName ?? record.__typename;
    if (typeof typename === 'string') found.add(typename);
    for (const key in record) visit(record[key]);
  };
  visit(data);
  return [...found];
}

/** Yoga plugins for the response cache, or none when `settings.ttlMs` is 0. */
export function responseCachePlugins(settings: ResponseCacheSettings, schema: GraphQLSchema): Plugin[] {
  if (settings.ttlMs <= 0) return [];
  const cache = new ChangeAwareCache(settings.maxEntries);
  const typesOf = typesByTable(schema);
  let live = false;
  let unfollow: (() => void) | undefined;
  const clear = (reason: string) => {
    cache.clear();
    responseCacheEvents.inc({ event: `cleared_by_${reason}` });
  };
  const follower: ChangeFollower = {
    changed: (table) => {
      const types = table === 'ApiKey' ? undefined : typesOf.get(table);
      if (!types) return clear('database_change'); // who may see what changed, or a table not mapped
      cache.changed(types);
      responseCacheEvents.inc({ event: `dropped_by_${table}` });
    },
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
      if (getOperationAST(args.document, args.operationName)?.operation === 'mutation') return { onExecuteDone: () => clear('mutation') };
      // Runs before the cache plugin's own hook, while the answer still holds the __typename it added everywhere.
      return {
        onExecuteDone: ({ result }) => {
          if (!isAsyncIterable(result)) cache.answered((args.contextValue as { request: Request }).request, typenamesIn(result.data));
        },
      };
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
      // Whole-cache clears after mutations do the invalidation; entity bookkeeping of mutations would only repeat it.
      invalidateViaMutation: false,
      // The cache checks, as it stores the answer, that nothing it holds changed while it was computed.
      onTtl: ({ ttl, context }) => {
        cache.storeFor((context as { request: Request }).request);
        return ttl;
      },
    }),
  ];
}
