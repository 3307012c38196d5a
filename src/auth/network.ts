// MSAL's HTTP client: fetch with a timeout. For the sandbox tenant it maps the stable https authority
// name onto the sandbox's real URL (MSAL accepts only https authorities).
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import { SANDBOX_AUTHORITY_HOST } from './clouds.js';

export class FetchNetworkClient implements INetworkModule {
  constructor(private readonly sandboxUrl?: string, private readonly timeoutMs = 30_000) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>('GET', url, options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>('POST', url, options);
  }

  private async send<T>(method: string, url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    const target = this.sandboxUrl && url.startsWith(SANDBOX_AUTHORITY_HOST) ? this.sandboxUrl.replace(/\/+$/, '') + url.slice(SANDBOX_AUTHORITY_HOST.length) : url;
    const res = await fetch(target, {
      method,
      headers: options?.headers,
      body: method === 'POST' ? options?.body : undefined,
      signal: AbortSignal.timeout(timeout ?? this.timeoutMs),
    });
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
