// A small fetch-based Microsoft Graph client: retries for throttling and outages (never repeating a
// request that may have taken effect), timeouts, the caller's cancellation, paging with caps, $batch.
import type { Logger } from '../log.js';
import { currentCall } from './call-context.js';
import { graphErrorFrom, GraphError } from './errors.js';
import { failureReason, neverSent } from '../net.js';
import { getPreauthenticated, uploadChunk, type UploadChunkResult } from './preauthenticated.js';
import { backoff, RETRYABLE, retryAfterMs, sleep } from './retry.js';

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions {
  query?: Query;
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  /** Opaque cursor to continue where this page stopped. */
  nextCursor?: string;
  count?: number;
}

export interface BatchItem {
  id?: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: unknown;
  headers?: Record<string, string>;
  dependsOn?: string[];
}
export interface BatchResult {
  id: string;
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** What read tools may use. */
export interface GraphReader {
  get<T = unknown>(path: string, opts?: RequestOptions): Promise<T>;
  /** Raw bytes (e.g. an attachment's /$value), as a stream; retries and errors as for get(). */
  download(path: string, opts?: RequestOptions): Promise<Download>;
  list<T = unknown>(path: string, opts?: RequestOptions & { limit?: number; cursor?: string }): Promise<Page<T>>;
  /** GETs, and POST actions that only read (a search), in one $batch; retried as reads. */
  batchRead(items: (BatchItem & { method: 'GET' | 'POST' })[], opts?: RequestOptions): Promise<BatchResult[]>;
  /** A POST action that only reads (calendar getSchedule, findMeetingTimes); retried like a GET. */
  readAction<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
}
/** What write and destructive tools may use. */
export interface GraphWriter extends GraphReader {
  post<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  patch<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  /** A JSON body, or bytes (a Uint8Array, sent as they are with opts.headers' content-type: a file's /content). */
  put<T = unknown>(path: string, body: unknown, opts?: RequestOptions): Promise<T>;
  delete(path: string, opts?: RequestOptions): Promise<void>;
  /** A POST Graph answers 202 Accepted with a monitor URL in Location (a drive item's copy). */
  postAccepted(path: string, body: unknown, opts?: RequestOptions): Promise<{ location?: string }>;
  /** A GET of a pre-authenticated URL Graph handed out (an upload session's status, a copy monitor): no token is
   *  sent there, and outages are retried. */
  getPreauthenticated<T = unknown>(url: string, opts?: RequestOptions): Promise<T>;
  /** One chunk of an upload session; the session URL carries its own authorization. */
  uploadChunk(uploadUrl: string, chunk: Uint8Array, start: number, total: number, opts?: RequestOptions): Promise<UploadChunkResult>;
  batch(items: BatchItem[], opts?: RequestOptions): Promise<BatchResult[]>;
}

export interface Download {
  body: ReadableStream<Uint8Array>;
  contentType?: string;
  /** Bytes announced by Content-Length, when known. */
  size?: number;
}

export type { UploadChunkResult } from './preauthenticated.js';

export interface GraphClientOptions {
  /** Graph origin, e.g. https://graph.microsoft.com; requests go to `${baseUrl}/v1.0`. */
  baseUrl: string;
  /** forceRefresh: the token was just refused by Graph (revoked session, key rollover): get a new one. */
  getToken: (signal?: AbortSignal, forceRefresh?: boolean) => Promise<string>;
  log: Logger;
  /** Retries after 429/503/504 (and network errors for idempotent requests). */
  maxRetries?: number;
  /** Longest single wait honoured from Retry-After; longer asks fail at once with the advice. */
  maxRetryAfterMs?: number;
  timeoutMs?: number;
  /** All of one request's tries and waits together: a call answers within this (MCP clients give up
   *  around a minute), retries included. */
  totalBudgetMs?: number;
  /** Most pages one list() call follows. */
  maxPages?: number;
  fetch?: typeof fetch;
}

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

export class GraphClient implements GraphWriter {
  readonly root: string;
  private readonly o: Required<Omit<GraphClientOptions, 'fetch'>> & { fetch: typeof fetch };

  constructor(opts: GraphClientOptions) {
    this.o = { maxRetries: 3, maxRetryAfterMs: 30_000, timeoutMs: 30_000, totalBudgetMs: 55_000, maxPages: 10, fetch: globalThis.fetch, ...opts };
    this.root = `${opts.baseUrl.replace(/\/+$/, '')}/v1.0`;
  }

  get<T>(path: string, opts?: RequestOptions): Promise<T> {
    return this.call<T>('GET', path, undefined, opts);
  }
  post<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return this.call<T>('POST', path, body, opts);
  }
  patch<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return this.call<T>('PATCH', path, body, opts);
  }
  put<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return this.call<T>('PUT', path, body, opts);
  }
  async delete(path: string, opts?: RequestOptions): Promise<void> {
    await this.call('DELETE', path, undefined, opts);
  }
  async postAccepted(path: string, body: unknown, opts?: RequestOptions): Promise<{ location?: string }> {
    const res = await this.call<Response>('POST', path, body, opts, false, true);
    await res.body?.cancel();
    return { location: res.headers.get('location') ?? undefined };
  }

  async download(path: string, opts?: RequestOptions): Promise<Download> {
    const res = await this.call<Response>('GET', path, undefined, { ...opts, headers: { accept: '*/*', ...opts?.headers } }, true, true);
    const length = Number(res.headers.get('content-length') ?? NaN);
    return {
      body: res.body ?? new ReadableStream({ start: (c) => c.close() }),
      contentType: res.headers.get('content-type') ?? undefined,
      ...(Number.isFinite(length) ? { size: length } : {}),
    };
  }

  getPreauthenticated<T>(url: string, opts?: RequestOptions): Promise<T> {
    return getPreauthenticated<T>(this.o, url, opts);
  }

  uploadChunk(uploadUrl: string, chunk: Uint8Array, start: number, total: number, opts?: RequestOptions): Promise<UploadChunkResult> {
    return uploadChunk(this.o, uploadUrl, chunk, start, total, opts);
  }

  async list<T>(path: string, opts: RequestOptions & { limit?: number; cursor?: string } = {}): Promise<Page<T>> {
    const limit = opts.limit ?? 100;
    const resume = opts.cursor ? this.decodeCursor(opts.cursor) : { link: this.url(path, opts.query), skip: 0 };
    let url: string | undefined = resume.link;
    let skip = resume.skip;
    const items: T[] = [];
    let count: number | undefined;
    let next: string | undefined;
    for (let page = 0; url && page < this.o.maxPages; page++) {
      const body: { value?: T[]; '@odata.nextLink'?: string; '@odata.count'?: number } = await this.call('GET', url, undefined, { ...opts, query: undefined });
      if (count === undefined && typeof body['@odata.count'] === 'number') count = body['@odata.count'];
      const value = (body.value ?? []).slice(skip);
      const room = limit - items.length;
      items.push(...value.slice(0, room));
      // Graph's pages may be shorter than $top (it decides their size): a page with more than fits is
      // resumed from its own link, past what was returned, so nothing between two calls is skipped.
      if (value.length > room) {
        next = this.encodeCursor(url, skip + room);
        url = undefined;
        break;
      }
      skip = 0;
      url = body['@odata.nextLink'];
      if (items.length >= limit) break;
    }
    next ??= url ? this.encodeCursor(url) : undefined;
    return { items, nextCursor: next, ...(count !== undefined ? { count } : {}) };
  }

  batchRead(items: (BatchItem & { method: 'GET' | 'POST' })[], opts?: RequestOptions): Promise<BatchResult[]> {
    return this.batch(items, opts, true);
  }

  readAction<T>(path: string, body: unknown, opts?: RequestOptions): Promise<T> {
    return this.call<T>('POST', path, body, opts, true);
  }

  /** JSON batching in chunks of 20 (Graph's limit); results in the order of `items`. */
  async batch(items: BatchItem[], opts?: RequestOptions, readsOnly = false): Promise<BatchResult[]> {
    const withIds = items.map((it, i) => ({ ...it, id: it.id ?? String(i + 1) }));
    const results: BatchResult[] = [];
    for (let i = 0; i < withIds.length; i += 20) {
      const chunk = withIds.slice(i, i + 20);
      const allReads = readsOnly || chunk.every((c) => c.method === 'GET');
      const body = await this.call<{ responses: BatchResult[] }>('POST', '/$batch', { requests: chunk }, opts, allReads);
      const byId = new Map(body.responses.map((r) => [String(r.id), r]));
      for (const c of chunk) results.push(byId.get(c.id) ?? { id: c.id, status: 500, body: { error: { code: 'MissingResponse', message: 'no response in batch' } } });
    }
    return results;
  }

  url(path: string, query?: Query): string {
    const u = new URL(path.startsWith('http') ? path : `${this.root}${path.startsWith('/') ? '' : '/'}${path}`);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) u.searchParams.set(k, String(v));
    // Graph reads '+' in a query as a space only when encoded; URLSearchParams writes spaces as '+'.
    return u.toString().replace(/\+/g, '%20');
  }

  /** A page's link and how many of its items were already returned. */
  encodeCursor(link: string, skip = 0): string {
    return Buffer.from(skip ? `${link}\n${skip}` : link).toString('base64url');
  }

  /** A cursor is only ever a link of this Graph origin: a forged one must not carry our token away. */
  decodeCursor(cursor: string): { link: string; skip: number } {
    try {
      const [link, skipText] = Buffer.from(cursor, 'base64url').toString('utf8').split('\n');
      const skip = skipText === undefined ? 0 : Number(skipText);
      if (new URL(link).origin === new URL(this.root).origin && link.startsWith(this.root) && Number.isInteger(skip) && skip >= 0) return { link, skip };
    } catch {
      // fall through
    }
    throw new GraphError(400, 'InvalidCursor', 'the cursor is not one this server returned; call the list tool again without a cursor');
  }

  /** `raw`: resolve with the successful Response itself (its body unread) instead of parsed JSON. */
  private async call<T>(method: string, path: string, body: unknown, opts: RequestOptions = {}, idempotent = IDEMPOTENT.has(method), raw = false): Promise<T> {
    const url = this.url(path, opts.query);
    // The tool call's correlation id (its client's trace id when it sent one): Graph logs it and echoes it back.
    const clientRequestId = currentCall()?.clientRequestId;
    const ids = (requestId: string | undefined) => `request-id ${requestId ?? '-'}${clientRequestId ? ` client-request-id ${clientRequestId}` : ''}`;
    let retried401 = false;
    let forceRefresh = false;
    const started = Date.now();
    const deadline = started + this.o.totalBudgetMs;
    /** Another try fits when its wait leaves time for an answer (a second at least) before the deadline. */
    const fits = (waitMs: number) => Date.now() + waitMs + 1000 < deadline;
    const tried = (attempt: number) => (attempt ? `; tried ${attempt + 1} times over ${Math.round((Date.now() - started) / 1000)} s` : '');
    for (let attempt = 0; ; attempt++) {
      const token = await this.o.getToken(opts.signal, forceRefresh);
      forceRefresh = false;
      const attemptMs = Math.max(1000, Math.min(this.o.timeoutMs, deadline - Date.now()));
      const timeout = AbortSignal.timeout(attemptMs);
      const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
      const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json', ...(clientRequestId ? { 'client-request-id': clientRequestId } : {}), ...opts.headers };
      const bytes = body instanceof Uint8Array;
      if (body !== undefined && !bytes) headers['content-type'] = 'application/json';
      if (bytes) headers['content-type'] ??= 'application/octet-stream';
      let res: Response;
      try {
        res = await this.o.fetch(url, { method, headers, body: body === undefined ? undefined : bytes ? body : JSON.stringify(body), signal });
      } catch (e) {
        if (opts.signal?.aborted) throw new GraphError(499, 'Cancelled', 'the request was cancelled');
        const timedOut = timeout.aborted;
        // A request that may have reached Graph is only repeated when repeating it is harmless.
        if ((idempotent || (!timedOut && neverSent(e))) && attempt < this.o.maxRetries && fits(backoff(attempt))) {
          this.o.log.warn(`graph: ${method} ${redactPath(url)} ${timedOut ? 'timed out' : `network error (${failureReason(e)})`}, retrying`);
          await sleep(backoff(attempt), opts.signal);
          continue;
        }
        const lost = !idempotent && (timedOut || !neverSent(e));
        const err = new GraphError(timedOut ? 504 : 502, timedOut ? 'Timeout' : 'NetworkError',
          (timedOut ? `no answer from Microsoft Graph within ${Math.round(attemptMs / 1000)} s` : lost ? `the connection to Microsoft Graph broke before its answer (${failureReason(e)})` : `could not reach Microsoft Graph (${failureReason(e)})`) + tried(attempt));
        err.unknownOutcome = lost;
        throw err;
      }
      const requestId = res.headers.get('request-id') ?? undefined;
      if (res.ok) {
        this.o.log.debug(`graph: ${method} ${redactPath(url)} -> ${res.status} ${ids(requestId)}`);
        if (raw) return res as T;
        if (res.status === 204 || res.status === 202 || res.headers.get('content-length') === '0') return undefined as T;
        const text = await res.text();
        return (text ? JSON.parse(text) : undefined) as T;
      }
      const errBody = await res.json().catch(() => undefined);
      // Graph refused a token MSAL still thought valid: one fresh token, one more try (nothing was done).
      if (res.status === 401 && !retried401) {
        retried401 = forceRefresh = true;
        this.o.log.info(`graph: ${method} ${redactPath(url)} -> 401, getting a fresh token and retrying once`);
        continue;
      }
      // 429 means Graph refused the request without acting on it, so even a POST may be sent again.
      const retryable = RETRYABLE.has(res.status) && (res.status === 429 || idempotent);
      const waitMs = retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt);
      if (retryable && attempt < this.o.maxRetries && waitMs <= this.o.maxRetryAfterMs && fits(waitMs)) {
        this.o.log.info(`graph: ${method} ${redactPath(url)} -> ${res.status}, retrying in ${Math.round(waitMs)} ms (attempt ${attempt + 1} of ${this.o.maxRetries})`);
        await sleep(waitMs, opts.signal);
        continue;
      }
      this.o.log.warn(`graph: ${method} ${redactPath(url)} -> ${res.status} ${ids(requestId)}`);
      const err = graphErrorFrom(res.status, errBody, requestId);
      if (retryable) {
        // Throttled or unavailable to the end: say what was tried and how long Graph asks to wait.
        const asked = retryAfterMs(res.headers.get('retry-after'));
        const wait = asked !== undefined ? `Graph asks to wait ${Math.max(1, Math.ceil(asked / 1000))} s before trying again` : 'try again in a minute';
        throw new GraphError(err.status, err.code, `${err.graphMessage}${tried(attempt)}; ${wait}`, requestId);
      }
      if (RETRYABLE.has(res.status) && !idempotent && res.status !== 429) {
        const lost = new GraphError(err.status, err.code, `${err.graphMessage}; not repeated automatically because it may already have taken effect: check before trying again`, requestId);
        lost.unknownOutcome = true;
        throw lost;
      }
      throw err;
    }
  }
}

/** Paths name people (UPNs, addresses); logs keep only the route shape and drop the query. A path segment
 *  holds an address as the tools build it (`%40`, seg() encodes) or as a caller wrote it (`@`). */
function redactPath(url: string): string {
  const u = new URL(url);
  return u.pathname.replace(/\/[^/]*(@|%40)[^/]*/gi, '/{address}');
}
