// MSAL's HTTP client: fetch with a timeout. For the sandbox tenant it maps the stable https authority
// name onto the sandbox's real URL (MSAL accepts only https authorities).
//
// A refresh that meets an identity platform that is briefly unreachable (a restarting proxy or
// container, a DNS hiccup) is retried for a few seconds instead of failing the tool call. A POST is
// only repeated when the connection was never made, so a token request is never sent twice.
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { SANDBOX_AUTHORITY_HOST } from './clouds.js';
import type { Logger } from '../log.js';
import { failureReason, neverSent } from '../net.js';

export interface NetworkClientOptions {
  sandboxUrl?: string;
  timeoutMs?: number;
  log?: Logger;
}

/** Pauses between attempts while the identity platform cannot be reached: about 8 s in all. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 4000];

export class UnreachableError extends Error {
  constructor(host: string, reason: string) {
    super(`could not reach the identity platform at ${host} (${reason})`);
  }
}

export class FetchNetworkClient implements INetworkModule {
  /** The last connection failure, so that MSAL's bare `network_error` can be explained. */
  lastFailure: UnreachableError | undefined;

  constructor(private readonly o: NetworkClientOptions = {}) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const { sandboxUrl } = this.o;
    const target = sandboxUrl && url.startsWith(SANDBOX_AUTHORITY_HOST) ? sandboxUrl.replace(/\/+$/, '') + url.slice(SANDBOX_AUTHORITY_HOST.length) : url;
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(target, {
          method,
          headers: options?.headers,
          body: method === 'POST' ? options?.body : undefined,
          signal: AbortSignal.timeout(timeout ?? this.o.timeoutMs ?? 30_000),
        });
      } catch (e) {
        const reason = failureReason(e);
        // A timeout already waited long; repeating it would keep a tool call hanging for minutes.
        const timedOut = (e as Error).name === 'TimeoutError';
        const repeatable = neverSent(e) || (method === 'GET' && !timedOut);
        if (repeatable && attempt < RETRY_DELAYS_MS.length) {
          this.o.log?.warn(`auth: identity platform at ${new URL(target).host} unreachable (${reason}), retrying`);
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        this.lastFailure = new UnreachableError(new URL(target).host, reason);
        throw this.lastFailure;
      }
      this.lastFailure = undefined;
      const headers: Record<string, string> = {};
      res.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
      const text = await res.text();
      let body: unknown = {};
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        body = { error: 'invalid_response', error_description: `non-JSON answer (HTTP ${res.status}) from the identity platform` };
      }
      return { headers, body: body as T, status: res.status };
    }
  }
}
