// Server hardening in one place: what a single request may cost, and what is turned away before it runs.
// Every rejection is a clear error with extensions.code and is counted in fde_rejections_total{reason}.
//
// Query limits (graphql-armor, static analysis at validation, before any resolver runs). Our deepest real query,
// company → documents → edges → node → latestExtraction → lineItems → values, is depth 7; a compiled statement
// with cell sources is depth 8. The heaviest real documents are catalogue pages: companies with their documents
// (bench/load.ts) cost ~5,100, with three extractions per document (bench/graphql-overhead.ts) ~4,100; a compiled
// statement ~60. Cost is static (list sizes are not counted), so it bounds the shape; `first` is capped per field.
//   maxDepth        10    selection-set nesting (fragments are followed; introspection is exempt)
//   maxAliases      15    aliases per operation (an alias bomb repeats one costly field under many names)
//   maxTokens     2000    lexer tokens per document (the parser stops at 2001: a huge document costs little; a
//                         refused one is counted, up to 100x the limit, for the message)
//   maxCost      20000    objectCost 2, scalarCost 1, each level multiplied by depthCostFactor 1.5 (4× the heaviest)
//   maxDirectives   20    directives per operation (@include/@skip repeated thousands of times)
// HTTP limits:
//   request body        MAX_REQUEST_KB (1024 KB) for non-multipart bodies: 413; chunked JSON bodies: 411
//   uploads             MAX_DOCUMENT_MB per file, one file, 20 parts, 1 MB per field (src/yoga.ts, formDataLimits);
//                       a multipart body over MAX_DOCUMENT_MB + 3 MB: 413 UPLOAD_TOO_LARGE (Yoga's own 25 MB default
//                       is raised to the same bound)
//   batching            off: a JSON array of operations is a 400 (Yoga's default, set explicitly)
//   CSRF                multipart, form and GET requests need the x-graphql-yoga-csrf header: 403 without it;
//                       except a GET subscription asking for text/event-stream (read-only: GraphiQL's FollowJob)
//   introspection       off in production (INTROSPECTION=true enables it), field suggestions off with it
//   job mutations       per API key (or client address when anonymous): a token bucket of JOB_RATE_LIMIT_BURST (20)
//                       refilled at JOB_RATE_LIMIT_PER_MINUTE (60) per minute, kept in PostgreSQL so it holds across
//                       API processes (src/rate-limit.ts)
//   documents added     uploadDocument and addDocumentFromUrl, per caller the same way: UPLOAD_RATE_LIMIT_BURST (20),
//                       refilled at UPLOAD_RATE_LIMIT_PER_MINUTE (30) per minute
import { EnvelopArmor } from '@escape.tech/graphql-armor';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { getOperationAST, GraphQLError, Lexer, parse, Source, TokenKind, type ValidationContext, type ValidationRule } from 'graphql';
import { createGraphQLError, type Plugin } from 'graphql-yoga';
import { useInputChecks } from './http/input-checks.js';
import { rejections } from './metrics.js';

export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxCost: 20_000,
  objectCost: 2,
  scalarCost: 1,
  depthCostFactor: 1.5,
  maxDirectives: 20,
} as const;

export interface SecuritySettings {
  introspection: boolean;
  maxRequestBytes: number;
  maxDocumentBytes: number;
}

/** What a multipart upload may carry besides its file: the operation and the map (1 MB each at most) and framing. */
export const MULTIPART_OVERHEAD_BYTES = 3 * 1024 * 1024;

/** The largest multipart body: one document of MAX_DOCUMENT_MB plus its operation (also Yoga's body limit). */
export const maxUploadRequestBytes = (settings: { maxDocumentBytes: number }) => settings.maxDocumentBytes + MULTIPART_OVERHEAD_BYTES;

/** What each armor limit measures, and what a client can do about it: the message says both. */
const LIMIT_ADVICE = {
  depth: { label: 'Query too deep', unit: 'depth', advice: 'select fewer nested levels, or fetch deeper objects by id in a second query' },
  aliases: { label: 'Too many aliases', unit: 'aliases', advice: 'send several smaller requests' },
  tokens: { label: 'Document too large', unit: 'tokens', advice: 'send a shorter document (one operation, fewer fields)' },
  directives: { label: 'Too many directives', unit: 'directives', advice: 'use fewer @include/@skip directives' },
  cost: {
    label: 'Query too costly',
    unit: 'cost',
    advice: 'ask for fewer items per page (a smaller `first`) or fewer nested fields, or split the query',
  },
} as const;

/**
 * Labels an armor rejection with a code clients can switch on, counts it, and reports it as a validation error
 * (a 400 like any invalid document) rather than letting it be thrown out of validation. Armor words every
 * rejection as a "Syntax Error"; ours names the limit, the value found and what to do. maxTokens rejects while
 * parsing, where there is no validation context: that one is thrown (also a 400).
 */
function limitError(reason: keyof typeof LIMIT_ADVICE, code: string, limit: number, found: string | undefined, nodes?: GraphQLError['nodes']) {
  const { label, unit, advice } = LIMIT_ADVICE[reason];
  const measured = found ? `${unit} ${found}, limit ${limit}` : `over the limit of ${limit} ${unit}`;
  return new GraphQLError(`${label} (${measured}): ${advice}.`, {
    nodes,
    extensions: { code, limit, ...(found && /^\d+$/.test(found) ? { found: Number(found) } : {}) },
  });
}

function armorRejected(reason: keyof typeof LIMIT_ADVICE, code: string, limit: number) {
  return {
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, armorError: GraphQLError) => {
        const found = /found (\d+)/.exec(armorError.message)?.[1];
        const error = limitError(reason, code, limit, found, armorError.nodes);
        rejections.inc({ reason });
        if (ctx) ctx.reportError(error);
        else throw error;
      },
    ],
  };
}

function armorPlugins(settings: SecuritySettings) {
  const armor = new EnvelopArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, ...armorRejected('depth', 'QUERY_TOO_DEEP', QUERY_LIMITS.maxDepth) },
    maxAliases: { n: QUERY_LIMITS.maxAliases, ...armorRejected('aliases', 'TOO_MANY_ALIASES', QUERY_LIMITS.maxAliases) },
    maxTokens: { n: QUERY_LIMITS.maxTokens, ...armorRejected('tokens', 'DOCUMENT_TOO_LARGE', QUERY_LIMITS.maxTokens) },
    maxDirectives: {
      n: QUERY_LIMITS.maxDirectives,
      ...armorRejected('directives', 'TOO_MANY_DIRECTIVES', QUERY_LIMITS.maxDirectives),
    },
    costLimit: {
      maxCost: QUERY_LIMITS.maxCost,
      objectCost: QUERY_LIMITS.objectCost,
      scalarCost: QUERY_LIMITS.scalarCost,
      depthCostFactor: QUERY_LIMITS.depthCostFactor,
      ...armorRejected('cost', 'QUERY_TOO_COSTLY', QUERY_LIMITS.maxCost),
    },
    // "Did you mean ...?" would reveal the schema that disabled introspection hides.
    blockFieldSuggestion: { enabled: !settings.introspection },
  });
  return [...(armor.protect().plugins as Plugin[]), useMeasuredTokenLimit()];
}

/** Tokens counted past which the count stops ("over 200000"): a refused document is bounded by the body limit anyway. */
const TOKENS_COUNTED = 100 * QUERY_LIMITS.maxTokens;

/** How many lexer tokens a document has (a syntax error ends the count where it is). */
export function countTokens(source: string): string {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) if (++count > TOKENS_COUNTED) return `over ${TOKENS_COUNTED}`;
  } catch {
    // not lexable further: the count so far
  }
  return String(count);
}

/**
 * maxTokens stops the parser at the limit (so a huge document costs little), and so cannot say how long the
 * document is: a refused document's tokens are counted here, for the message's measured value.
 */
function useMeasuredTokenLimit(): Plugin {
  return {
    onParse({ params }) {
      return ({ result, replaceParseResult }) => {
        if (!(result instanceof GraphQLError) || result.extensions.code !== 'DOCUMENT_TOO_LARGE' || result.extensions.found) return;
        const source = typeof params.source === 'string' ? params.source : params.source.body;
        replaceParseResult(limitError('tokens', 'DOCUMENT_TOO_LARGE', QUERY_LIMITS.maxTokens, countTokens(source), result.nodes));
      };
    },
  };
}

/** graphql-js' NoSchemaIntrospectionCustomRule, with a code and a count. __typename stays allowed. */
const noIntrospection: ValidationRule = (context) => ({
  Field(node) {
    if (node.name.value !== '__schema' && node.name.value !== '__type') return;
    rejections.inc({ reason: 'introspection' });
    context.reportError(
      new GraphQLError('GraphQL introspection is disabled on this server', {
        nodes: node,
        extensions: { code: 'INTROSPECTION_DISABLED' },
      }),
    );
  },
});

function useIntrospectionSwitch(settings: SecuritySettings): Plugin {
  return {
    onValidate({ addValidationRule }) {
      if (!settings.introspection) addValidationRule(noIntrospection);
    },
  };
}

/**
 * Refuses oversized bodies before they are read. Multipart uploads are bounded while streaming (formDataLimits);
 * any other body must declare its length (all GraphQL clients do) and stay under maxRequestBytes.
 */
function useBodyLimit(settings: SecuritySettings): Plugin {
  return {
    onRequest({ request, endResponse, fetchAPI }) {
      if (request.method === 'GET' || request.method === 'HEAD') return;
      const length = request.headers.get('content-length');
      const refuse = (status: number, code: string, message: string) => {
        rejections.inc({ reason: 'body_size' });
        endResponse(
          new fetchAPI.Response(JSON.stringify({ errors: [{ message, extensions: { code } }] }), {
            status,
            headers: { 'content-type': 'application/json; charset=utf-8' },
          }),
        );
      };
      if ((request.headers.get('content-type') ?? '').toLowerCase().startsWith('multipart/form-data')) {
        // A file within MAX_DOCUMENT_MB but a body beyond it (a few bytes over) gets the mutation's typed error.
        if (length !== null && Number(length) > maxUploadRequestBytes(settings)) {
          const mb = Math.round(settings.maxDocumentBytes / 1024 / 1024);
          return refuse(413, 'UPLOAD_TOO_LARGE', `The upload is larger than the largest document accepted (MAX_DOCUMENT_MB: ${mb} MB)`);
        }
        return;
      }
      if (length !== null && !(Number(length) <= settings.maxRequestBytes)) {
        return refuse(413, 'REQUEST_TOO_LARGE', `Request body exceeds ${settings.maxRequestBytes} bytes`);
      }
      if (length === null && /chunked/i.test(request.headers.get('transfer-encoding') ?? '')) {
        return refuse(411, 'LENGTH_REQUIRED', 'Request body must declare its Content-Length');
      }
    },
  };
}

/**
 * A GET that asks for an event stream and runs a subscription: what GraphiQL (and EventSource) send to follow a job.
 * Subscriptions only read, and Yoga never runs a mutation over GET, so such a request cannot change state even when
 * another site makes it; everything else sent as GET, multipart or form still needs the CSRF header.
 */
function isReadOnlySubscriptionOverSse(request: Request): boolean {
  if (request.method !== 'GET' || !(request.headers.get('accept') ?? '').includes('text/event-stream')) return false;
  const params = new URL(request.url).searchParams;
  try {
    const document = parse(params.get('query') ?? '', { maxTokens: QUERY_LIMITS.maxTokens });
    return getOperationAST(document, params.get('operationName'))?.operation === 'subscription';
  } catch {
    return false; // not a single well-formed operation: let CSRF prevention (then the parser) answer
  }
}

const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** Yoga's CSRF prevention, counted; read-only subscriptions over SSE pass without the header. */
function useCountedCsrfPrevention(): Plugin {
  const csrf = useCSRFPrevention({ requestHeaders: [CSRF_HEADER] });
  return {
    onRequestParse(payload) {
      if (isReadOnlySubscriptionOverSse(payload.request)) return;
      try {
        return csrf.onRequestParse!(payload as never);
      } catch (err) {
        rejections.inc({ reason: 'csrf' });
        if (!(err instanceof GraphQLError)) throw err;
        // Yoga's words say what is missing, not what to send (urql, for one, sends short queries as GET).
        throw createGraphQLError(`${err.message}: send the header ${CSRF_HEADER}: 1 with GET, multipart and form requests, or POST the query as application/json`, {
          extensions: { ...err.extensions, code: 'CSRF_HEADER_REQUIRED' },
        });
      }
    },
  };
}

export function securityPlugins(settings: SecuritySettings): Plugin[] {
  return [
    useBodyLimit(settings),
    useCountedCsrfPrevention(),
    ...armorPlugins(settings),
    useIntrospectionSwitch(settings),
    useInputChecks(QUERY_LIMITS.maxTokens),
  ];
}

/** The GraphQL error a query field's failed access check becomes (mutations return typed errors instead). */
export function accessError(kind: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string): GraphQLError {
  return createGraphQLError(message, { extensions: { code: kind } });
}
