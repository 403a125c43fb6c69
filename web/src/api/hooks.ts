// Data for a screen: useQuery runs a typed query, refetches when its variables change, when any mutation or
// finished job announces new data (invalidate), and when an API key is entered.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { onKeyRequest } from './auth';
import { ApiError, request } from './client';

const listeners = new Set<() => void>();

/** Something changed on the server: every mounted query fetches again. */
export function invalidate(): void {
  for (const listener of listeners) listener();
}

export interface QueryState<R> {
  data?: R;
  error?: ApiError;
  /** True while a request is in flight (the previous data stays on screen, so nothing jumps). */
  loading: boolean;
  refetch: () => void;
}

export function useQuery<R, V>(document: TypedDocumentNode<R, V>, variables: V, options: { pollMs?: number } = {}): QueryState<R> {
  const key = JSON.stringify(variables);
  const [state, setState] = useState<{ key: string; data?: R; error?: ApiError; loading: boolean }>({ key, loading: true });
  const [tick, setTick] = useState(0);
  const refetch = useCallback(() => setTick((t) => t + 1), []);
  const variablesRef = useRef(variables);
  variablesRef.current = variables;

  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    request(document, variablesRef.current).then(
      (data) => live && setState({ key, data, loading: false }),
      (error: ApiError) => live && setState((s) => ({ key, data: s.key === key ? s.data : undefined, error, loading: false })),
    );
    return () => {
      live = false;
    };
  }, [document, key, tick]);

  useEffect(() => {
    listeners.add(refetch);
    const stopKey = onKeyRequest((reason) => reason === null && refetch());
    return () => {
      listeners.delete(refetch);
      stopKey();
    };
  }, [refetch]);

  useEffect(() => {
    if (!options.pollMs) return;
    const timer = setInterval(refetch, options.pollMs);
    return () => clearInterval(timer);
  }, [options.pollMs, refetch]);

  // Data of other variables is not shown as if it were this one's.
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: state.loading || !current, refetch };
}

/** Runs an action (a mutation), tracking whether it is busy and its error; invalidates queries on success. */
export function useAction<A extends unknown[], T>(action: (...args: A) => Promise<T>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (...args: A): Promise<T | undefined> => {
      setBusy(true);
      setError(null);
      try {
        const result = await action(...args);
        invalidate();
        return result;
      } catch (err) {
        setError(err instanceof Error ? err.message : String(err));
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, clearError: () => setError(null) };
}
