// Loading, empty and error states, shared by every screen so each looks and reads the same.
import type { ComponentChildren } from 'preact';
import { Link } from 'wouter-preact';
import type { ApiError } from '../api/client';

/** Placeholder lines of the size of the content to come: the page does not jump when it arrives. */
export function Skeleton({ lines = 4, label = 'Loading' }: { lines?: number; label?: string }) {
  return (
    <div class="skeleton" role="status" aria-live="polite" aria-label={label}>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton-line" />
      ))}
    </div>
  );
}

export function ErrorState({ error, retry, title }: { error: ApiError | Error | string; retry?: () => void; title?: string }) {
  const message = typeof error === 'string' ? error : error.message;
  const kind = typeof error === 'object' && 'kind' in error ? error.kind : undefined;
  const heading = title ?? (kind === 'network' ? 'Server unreachable' : kind === 'auth' ? 'API key needed' : 'Something went wrong');
  return (
    <div class="state state-error" role="alert">
      <strong>{heading}</strong>
      <p>{message}</p>
      {retry && (
        <button type="button" class="button" onClick={retry}>
          Try again
        </button>
      )}
    </div>
  );
}

export function Empty({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <strong>{title}</strong>
      {children && <div>{children}</div>}
    </div>
  );
}

/** A company id that names no company (deleted, or mistyped in the address): the server's message and a way back. */
export function UnknownCompany({ message }: { message: string }) {
  return (
    <Empty title="Unknown company">
      <p>{message}</p>
      <Link href="/">Back to the companies</Link>
    </Empty>
  );
}

export function InlineError({ message }: { message: string | null }) {
  return message ? (
    <p class="inline-error" role="alert">
      {message}
    </p>
  ) : null;
}
