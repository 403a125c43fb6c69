// The domain's error vocabulary. No GraphQL imports: src/schema/errors.ts maps each class once to a GraphQL type.

export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFoundError extends DomainError {
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} was not found`);
  }
}

export interface FieldError {
  path: string[];
  message: string;
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }

  static field(path: string | string[], message: string): ValidationError {
    const p = Array.isArray(path) ? path : [path];
    return new ValidationError(`${p.join('.')}: ${message}`, [{ path: p, message }]);
  }
}

export class ConflictError extends DomainError {}

/** A job's stored input does not fit its kind (written by hand or by another version): it fails, never retried. */
export class InvalidJobInputError extends DomainError {
  constructor(
    readonly kind: string,
    readonly detail: string,
  ) {
    super(`The input of this ${kind} job is not valid: ${detail}`);
  }
}

export class UnauthorizedError extends DomainError {
  constructor(message = 'Missing or invalid API key') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'The API key lacks the scope this operation needs') {
    super(message);
  }
}

/**
 * Why a file could not be read: as a PDF with a text layer, or as inline XBRL (a report package or an (X)HTML
 * document). The XBRL reasons name the hostile or broken input that was refused, so an upload can say why.
 */
export const UNREADABLE_REASONS = [
  'NOT_PDF',
  'EMPTY',
  'ENCRYPTED',
  'TRUNCATED',
  'NO_TEXT_LAYER',
  /** a zip over the entry-count, total-size or compression-ratio limits */
  'ZIP_BOMB',
  /** a zip entry with an absolute path or a `..` segment */
  'UNSAFE_PATH',
  /** a zip that cannot be read as one */
  'MALFORMED_ZIP',
  /** XML with a DOCTYPE or entity declaration (refused, never resolved) */
  'XML_DTD',
  /** markup that is not well-formed XML, or nested deeper than any real report */
  'MALFORMED_XML',
  /** readable, but not inline XBRL (no ix:header, no report in the package) */
  'NOT_XBRL',
] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

export class DocumentUnreadableError extends DomainError {
  constructor(
    readonly reason: UnreadableReason,
    message: string,
  ) {
    super(message);
  }
}

export type FetchFailure = 'HTTP_STATUS' | 'TIMEOUT' | 'TOO_LARGE' | 'FORBIDDEN_ADDRESS' | 'NETWORK' | 'NOT_PDF';

export class FetchError extends DomainError {
  constructor(
    readonly failure: FetchFailure,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Why a call to the LLM provider failed. */
export type LlmFailure =
  | 'UNAUTHORIZED'
  | 'MODEL_NOT_FOUND'
  | 'REQUEST_REJECTED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'CONNECTION'
  | 'SERVER_ERROR'
  | 'BAD_RESPONSE';

// Transient failures may succeed if the job is tried again later; permanent ones need a changed setting
// (key, model) or, for BAD_RESPONSE, a different model or prompt.
const TRANSIENT_LLM_FAILURES: ReadonlySet<LlmFailure> = new Set(['RATE_LIMITED', 'TIMEOUT', 'CONNECTION', 'SERVER_ERROR']);

export class LlmError extends DomainError {
  readonly transient: boolean;

  constructor(
    readonly code: LlmFailure,
    message: string,
    readonly status?: number,
    /** seconds the provider asked us to wait before trying again (429) */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.transient = TRANSIENT_LLM_FAILURES.has(code);
  }
}

export class RateLimitedError extends DomainError {
  constructor(
    message: string,
    /** seconds until the caller may try again */
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}
