// Requests to the pre-authenticated URLs Graph hands out (upload sessions, copy monitors): no token is sent
// there, and outages are retried, as for Graph itself. GraphClient offers them to the tools.
import type { Logger } from '../log.js';
import { failureReason } from '../net.js';
import { graphErrorFrom, GraphError } from './errors.js';
import { backoff, RETRYABLE, retryAfterMs, sleep } from './retry.js';

/** What these requests need of the client's options. */
/** The caller's cancellation: all these requests take. */
type Opts = { signal?: AbortSignal };

export interface UploadChunkResult {
  /** The session finished with this chunk (201/200); `body` is what Graph returned then, if anything. */
  done: boolean;
  nextExpectedRanges?: string[];
  body?: unknown;
}

export interface Preauth {
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  log: Logger;
}

export async function getPreauthenticated<T>(o: Preauth, url: string, opts: Opts = {}): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    try {
      // Not followed: a finished copy's monitor may redirect to the new item, which needs a token.
      res = await o.fetch(url, { headers: { accept: 'application/json' }, signal, redirect: 'manual' });
    } catch (e) {
      if (opts.signal?.aborted) throw new GraphError(499, 'Cancelled', 'the request was cancelled');
      if (attempt < o.maxRetries) {
        await sleep(backoff(attempt), opts.signal);
        continue;
      }
      throw new GraphError(502, 'NetworkError', `could not reach Microsoft Graph (${failureReason(e)})`);
    }
    const text = await res.text();
    const body = text && /json/i.test(res.headers.get('content-type') ?? 'json') ? JSON.parse(text) : undefined;
    if (res.status >= 300 && res.status < 400) return { status: 'completed', resourceLocation: res.headers.get('location') ?? undefined } as T;
    if (res.ok) return body as T;
    if ((RETRYABLE.has(res.status) || res.status === 500) && attempt < o.maxRetries) {
      await sleep(retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt), opts.signal);
      continue;
    }
    throw graphErrorFrom(res.status, body, res.headers.get('request-id') ?? undefined);
  }
}

/** PUT of one byte range: idempotent (the same range again is harmless), so outages are retried. */

export async function uploadChunk(o: Preauth, uploadUrl: string, chunk: Uint8Array, start: number, total: number, opts: Opts = {}): Promise<UploadChunkResult> {
  const end = start + chunk.byteLength - 1;
  for (let attempt = 0; ; attempt++) {
    const timeout = AbortSignal.timeout(o.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res: Response;
    try {
      // No Authorization header: the session URL is pre-authenticated, and Graph refuses a token there.
      res = await o.fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${start}-${end}/${total}`, 'content-type': 'application/octet-stream' },
        body: chunk,
        signal,
      });
    } catch (e) {
      if (opts.signal?.aborted) throw new GraphError(499, 'Cancelled', 'the request was cancelled');
      if (attempt < o.maxRetries) {
        o.log.warn(`graph: PUT upload chunk ${start}-${end} network error, retrying`);
        await sleep(backoff(attempt), opts.signal);
        continue;
      }
      throw new GraphError(502, 'NetworkError', `could not reach the upload session (${(e as Error).message})`);
    }
    const text = await res.text();
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    if (res.ok) {
      o.log.debug(`graph: PUT upload chunk ${start}-${end}/${total} -> ${res.status}`);
      // Outlook's attachment sessions answer in v2.0 casing (NextExpectedRanges), OneDrive's in Graph's.
      const ranges = body?.nextExpectedRanges ?? body?.NextExpectedRanges;
      const done = res.status === 201 || (!(Array.isArray(ranges) && ranges.length) && end + 1 >= total);
      return { done, ...(Array.isArray(ranges) ? { nextExpectedRanges: ranges as string[] } : {}), ...(body !== undefined ? { body } : {}) };
    }
    const waitMs = retryAfterMs(res.headers.get('retry-after')) ?? backoff(attempt);
    if ((RETRYABLE.has(res.status) || res.status === 500) && attempt < o.maxRetries && waitMs <= o.maxRetryAfterMs) {
      o.log.info(`graph: PUT upload chunk -> ${res.status}, retrying in ${Math.round(waitMs)} ms`);
      await sleep(waitMs, opts.signal);
      continue;
    }
    throw graphErrorFrom(res.status, body, res.headers.get('request-id') ?? undefined);
  }
}
