// What operators see: a request id on every request (x-request-id in and out), one structured log line per
// request, Prometheus metrics at /metrics, liveness at /health (Yoga's) and readiness at /ready.
import { usePrometheus } from '@graphql-yoga/plugin-prometheus';
import type { Plugin } from 'graphql-yoga';
import { useReadiness } from './http/readiness.js';
import { logger } from './logger.js';
import { createMetricsRegistry, graphqlErrors, rejections } from './metrics.js';

interface RequestState {
  id: string;
  started: number;
  operationName?: string;
  apiKeyName?: string;
}

const states = new WeakMap<Request, RequestState>();

const REQUEST_REJECTIONS: Record<string, string> = { BAD_REQUEST: 'bad_request', REQUEST_ENTITY_TOO_LARGE: 'upload_size' };

// Accepted from a proxy or client only if it looks like an id, so logs cannot be forged with newlines or floods.
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** The request's id and the slots the context fills in; created on first sight of the request. */
export function requestState(request: Request): RequestState {
  let state = states.get(request);
  if (!state) {
    const given = request.headers.get('x-request-id');
    state = { id: given && REQUEST_ID.test(given) ? given : crypto.randomUUID(), started: performance.now() };
    states.set(request, state);
  }
  return state;
}

function useRequestLog(): Plugin {
  return {
    onRequest({ request }) {
      requestState(request);
    },
    onParams({ params, request }) {
      const state = requestState(request);
      if (params.operationName) state.operationName = params.operationName;
    },
    onExecute({ args }) {
      // The operation name from the document when the request did not name it.
      const op = args.document.definitions.find((d: { kind: string }) => d.kind === 'OperationDefinition');
      const state = requestState((args.contextValue as { request: Request }).request);
      if (!state.operationName && op && 'name' in op && op.name) state.operationName = op.name.value;
    },
    onResultProcess({ result }) {
      if (Symbol.asyncIterator in Object(result)) return; // a subscription stream: counted per request only
      for (const r of Array.isArray(result) ? result : [result]) {
        for (const error of (r as { errors?: readonly { extensions?: Record<string, unknown> }[] }).errors ?? []) {
          const http = error.extensions?.http as { status?: number } | undefined;
          const status = http?.status ?? 200;
          const code = (error.extensions?.code as string | undefined) ?? (status === 403 ? 'CSRF' : status >= 400 ? 'BAD_REQUEST' : 'UNKNOWN');
          // Malformed JSON, wrong content types, batches (Yoga's BAD_REQUEST) and oversize uploads are rejections too.
          if (code in REQUEST_REJECTIONS) rejections.inc({ reason: REQUEST_REJECTIONS[code]! });
          graphqlErrors.inc({ code });
        }
      }
    },
    onResponse({ request, response }) {
      const state = requestState(request);
      response.headers.set('x-request-id', state.id);
      const url = new URL(request.url);
      if (url.pathname === '/health' || url.pathname === '/metrics') return;
      const ms = Math.round((performance.now() - state.started) * 10) / 10;
      logger.info(
        {
          requestId: state.id,
          method: request.method,
          path: url.pathname,
          status: response.status,
          operationName: state.operationName,
          apiKey: state.apiKeyName,
          ms,
        },
        'request',
      );
    },
  };
}

export function observabilityPlugins(): Plugin[] {
  return [
    useRequestLog(),
    useReadiness('/ready'),
    usePrometheus({
      endpoint: '/metrics',
      registry: createMetricsRegistry(),
      // Requests (count and duration) by operation and status; errors by phase; the url label is left out so
      // document ids in download paths cannot blow up the series count.
      metrics: {
        graphql_yoga_http_duration: true,
        graphql_envelop_request_duration: true,
        graphql_envelop_error_result: true,
        graphql_envelop_phase_parse: false,
        graphql_envelop_phase_validate: false,
        graphql_envelop_phase_context: false,
        graphql_envelop_phase_execute: false,
        graphql_envelop_phase_subscribe: false,
        graphql_envelop_request_time_summary: false,
        graphql_envelop_deprecated_field: false,
        graphql_envelop_schema_change: false,
      },
      labels: { operationName: true, operationType: true, method: true, statusCode: true, url: false, phase: true },
    }),
  ];
}
