// The API key, when the server requires one (production mode): asked for once, kept for the browser session
// (sessionStorage: gone when the tab closes, never written to disk by us), sent as Authorization: Bearer.
const STORAGE_KEY = 'fde.apiKey';

type Listener = (reason: string | null) => void;
const listeners = new Set<Listener>();
let pendingReason: string | null = null;

export function apiKey(): string | null {
  try {
    return sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage disabled: ask again each time
  }
}

export function authHeaders(): Record<string, string> {
  const key = apiKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

export function saveApiKey(key: string): void {
  sessionStorage.setItem(STORAGE_KEY, key.trim());
  pendingReason = null;
  for (const listener of listeners) listener(null);
}

export function forgetApiKey(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

/** The server refused us: a missing key, a revoked one, or one without the scope. The app shows the key form. */
export function requestApiKey(reason: string): void {
  pendingReason = reason;
  for (const listener of listeners) listener(reason);
}

export function onKeyRequest(listener: Listener): () => void {
  listeners.add(listener);
  if (pendingReason) listener(pendingReason);
  return () => listeners.delete(listener);
}
