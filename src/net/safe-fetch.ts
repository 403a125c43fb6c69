// Outbound HTTP for documents and investor-relations pages, safe against SSRF: only http(s); every connection's
// resolved address is checked by request-filtering-agent (so DNS rebinding cannot slip through), refusing
// loopback, private, link-local and cloud-metadata addresses unless allowed; redirects are followed by hand and
// re-checked; one deadline covers the whole exchange, and bodies are capped by the caller.
import http from 'node:http';
import https from 'node:https';
import { Readable } from 'node:stream';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';
import { config } from '../config.js';
import { FetchError } from '../errors.js';

export interface FetchOptions {
  timeoutMs?: number;
  maxRedirects?: number;
  /** Refuse early when Content-Length says more than this. */
  maxBytes?: number;
  accept?: string;
  /** Instead of FETCH_USER_AGENT, e.g. the operator's name and address SEC EDGAR asks for. */
  userAgent?: string;
}

export interface FetchedResponse {
  url: string;
  status: number;
  contentType: string;
  contentLength: number | null;
  body: Readable;
}

const filtering = {
  allowPrivateIPAddress: config.fetch.allowPrivate,
  allowIPAddressList: config.fetch.allowAddresses,
};
const agents = {
  'http:': new RequestFilteringHttpAgent({ ...filtering, keepAlive: false }),
  'https:': new RequestFilteringHttpsAgent({ ...filtering, keepAlive: false }),
};

export function parseHttpUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('FORBIDDEN_ADDRESS', `Not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('FORBIDDEN_ADDRESS', `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

/** GET with redirects; resolves once the response headers of the final hop are in. */
export async function safeFetch(rawUrl: string, options: FetchOptions = {}): Promise<FetchedResponse> {
  const timeoutMs = options.timeoutMs ?? config.fetch.timeoutMs;
  const maxRedirects = options.maxRedirects ?? config.fetch.maxRedirects;
  const deadline = AbortSignal.timeout(timeoutMs);
  let url = parseHttpUrl(rawUrl);
  for (let hop = 0; ; hop++) {
    const res = await get(url, deadline, timeoutMs, options.accept, options.userAgent);
    const status = res.statusCode ?? 0;
    if (status >= 300 && status < 400 && res.headers.location) {
      res.resume();
      if (hop >= maxRedirects) throw new FetchError('HTTP_STATUS', `Too many redirects (more than ${maxRedirects})`, status);
      url = parseHttpUrl(new URL(res.headers.location, url).toString());
      continue;
    }
    if (status < 200 || status >= 300) {
      res.resume();
      throw new FetchError('HTTP_STATUS', `${url} answered HTTP ${status}`, status);
    }
    const contentLength = res.headers['content-length'] ? Number(res.headers['content-length']) : null;
    if (options.maxBytes != null && contentLength != null && contentLength > options.maxBytes) {
      res.destroy();
      throw new FetchError('TOO_LARGE', `${url} is ${contentLength} bytes, more than the ${options.maxBytes} allowed`);
    }
    // The deadline keeps running while the caller reads the body: a trickling server is cut off too.
    const body = res as Readable;
    deadline.addEventListener('abort', () => body.destroy(timeoutError(url, timeoutMs)), { once: true });
    return { url: url.toString(), status, contentType: res.headers['content-type'] ?? '', contentLength, body };
  }
}

function get(url: URL, signal: AbortSignal, timeoutMs: number, accept?: string, userAgent?: string): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(timeoutError(url, timeoutMs));
    const req = client.get(url, {
      agent: agents[url.protocol as 'http:' | 'https:'],
      headers: { 'user-agent': userAgent ?? config.fetch.userAgent, accept: accept ?? '*/*' },
      signal,
    });
    req.on('response', resolve);
    req.on('error', (err) => reject(toFetchError(err, url, signal, timeoutMs)));
  });
}

function timeoutError(url: URL, timeoutMs: number) {
  return new FetchError('TIMEOUT', `${url} did not answer within ${timeoutMs} ms`);
}

function toFetchError(err: Error, url: URL, signal: AbortSignal, timeoutMs: number): FetchError {
  if (err instanceof FetchError) return err;
  if (signal.aborted || err.name === 'AbortError') return timeoutError(url, timeoutMs);
  if (/is not allowed/.test(err.message)) {
    return new FetchError('FORBIDDEN_ADDRESS', `${url.hostname} resolves to an address that may not be fetched`);
  }
  return new FetchError('NETWORK', `${url}: ${err.message}`);
}

/** Reads a small text body (an HTML page), refusing more than `maxBytes`. */
export async function readText(response: FetchedResponse, maxBytes = 5 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response.body) {
    size += (chunk as Buffer).length;
    if (size > maxBytes) {
      response.body.destroy();
      throw new FetchError('TOO_LARGE', `${response.url} is larger than ${maxBytes} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
