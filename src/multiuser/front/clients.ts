// Who a client of the sign-in front is: its client ID is the https URL of its metadata document (OAuth Client ID
// Metadata Documents, as MCP's authorization spec has clients use), fetched here, checked (it names itself, lists
// its redirect URIs, is a public client) and kept for a few minutes. The fetch cannot be turned against the
// server's own network: https only, no redirects, no private or loopback addresses (loopback only for a server
// that itself listens there: development and tests), a small body and a short timeout.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

export interface ClientInfo {
  clientId: string;
  name: string;
  redirectUris: string[];
}

export class ClientRefused extends Error {}

const MAX_BYTES = 5_120;
const CACHE_MS = 5 * 60_000;

function isPrivate(ip: string): boolean {
  if (isIP(ip) === 6) {
    const v = ip.toLowerCase();
    if (v.startsWith('::ffff:')) return isPrivate(v.slice(7));
    return v === '::1' || v === '::' || v.startsWith('fc') || v.startsWith('fd') || v.startsWith('fe80');
  }
  const [a, b] = ip.split('.').map(Number);
  return a === 10 || a === 127 || a === 0 || (a === 169 && b === 254) || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 100 && b >= 64 && b <= 127);
}
const isLoopback = (ip: string) => ip === '::1' || ip.startsWith('127.') || ip === '::ffff:127.0.0.1';

export function clientDirectory(o: { allowLoopback: boolean }) {
  const known = new Map<string, { info: ClientInfo; until: number }>();

  async function fetchDocument(url: URL): Promise<unknown> {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const addresses = isIP(host) ? [host] : (await lookup(host, { all: true }).catch(() => [])).map((a) => a.address);
    if (!addresses.length) throw new ClientRefused(`the client's metadata host ${host} does not resolve`);
    for (const ip of addresses) {
      if (isPrivate(ip) && !(o.allowLoopback && isLoopback(ip))) throw new ClientRefused(`the client's metadata document is on a private address (${host}); it must be on the public internet`);
    }
    const res = await fetch(url, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(5_000) }).catch((e: Error) => {
      throw new ClientRefused(`the client's metadata document could not be fetched (${e.cause instanceof Error ? e.cause.message : e.message})`);
    });
    if (res.status !== 200) throw new ClientRefused(`the client's metadata document answered HTTP ${res.status}`);
    const text = await res.text();
    if (Buffer.byteLength(text) > MAX_BYTES) throw new ClientRefused(`the client's metadata document is larger than ${MAX_BYTES} bytes`);
    try {
      return JSON.parse(text);
    } catch {
      throw new ClientRefused('the client\'s metadata document is not JSON');
    }
  }

  return {
    async resolve(clientId: string): Promise<ClientInfo> {
      const hit = known.get(clientId);
      if (hit && hit.until > Date.now()) return hit.info;
      let url: URL;
      try {
        url = new URL(clientId);
      } catch {
        throw new ClientRefused('client_id must be the https URL of the client\'s metadata document (this server does not register clients)');
      }
      if (url.protocol !== 'https:' || url.pathname === '/' || url.hash || url.username) throw new ClientRefused('client_id must be an https URL with a path, the address of the client\'s metadata document');
      const doc = (await fetchDocument(url)) as { client_id?: unknown; client_name?: unknown; redirect_uris?: unknown; token_endpoint_auth_method?: unknown };
      if (doc.client_id !== clientId) throw new ClientRefused('the client\'s metadata document names another client_id than its own URL');
      if (!Array.isArray(doc.redirect_uris) || !doc.redirect_uris.length || !doc.redirect_uris.every((u) => typeof u === 'string')) throw new ClientRefused('the client\'s metadata document lists no redirect_uris');
      if (doc.token_endpoint_auth_method !== undefined && doc.token_endpoint_auth_method !== 'none') throw new ClientRefused(`this server takes public clients only (token_endpoint_auth_method "none"), not "${String(doc.token_endpoint_auth_method)}"`);
      const info = { clientId, name: typeof doc.client_name === 'string' ? doc.client_name.slice(0, 100) : url.host, redirectUris: doc.redirect_uris as string[] };
      known.set(clientId, { info, until: Date.now() + CACHE_MS });
      return info;
    },
  };
}
export type ClientDirectory = ReturnType<typeof clientDirectory>;
