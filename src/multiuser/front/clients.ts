// Who a client of the sign-in front is: its client ID is the https URL of its metadata document (OAuth Client ID
// Metadata Documents, as MCP's authorization spec has clients use), fetched here, checked (it names itself, lists
// its redirect URIs, is a public client) and kept for a few minutes. The fetch cannot be turned against the
// server's own network: https only, no redirects, no private or loopback addresses (loopback only for a server
// that itself listens there: development and tests), a small body and a short timeout. An organization may also
// pre-register clients in a file (MS365_MCP_OAUTH_CLIENTS_FILE), known by any client_id it gives them.
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

/** The pre-registered clients of a file: a JSON array of { client_id, client_name?, redirect_uris }. */
export function registeredClients(json: string, file: string): ClientInfo[] {
  const bad = (why: string) => new Error(`MS365_MCP_OAUTH_CLIENTS_FILE (${file}): ${why}. Write a JSON array such as [{"client_id": "contoso-desktop", "client_name": "Contoso Desktop", "redirect_uris": ["http://127.0.0.1/callback"]}].`);
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    throw bad('not JSON');
  }
  if (!Array.isArray(list)) throw bad('not an array');
  return list.map((c: { client_id?: unknown; client_name?: unknown; redirect_uris?: unknown }, i) => {
    if (typeof c?.client_id !== 'string' || !c.client_id) throw bad(`entry ${i + 1} has no client_id`);
    if (!Array.isArray(c.redirect_uris) || !c.redirect_uris.length || !c.redirect_uris.every((u) => typeof u === 'string' && URL.canParse(u))) throw bad(`entry ${i + 1} (${c.client_id}) needs redirect_uris, a list of URLs`);
    return { clientId: c.client_id, name: typeof c.client_name === 'string' ? c.client_name : c.client_id, redirectUris: c.redirect_uris as string[] };
  });
}

export function clientDirectory(o: { allowLoopback: boolean; registered?: ClientInfo[] }) {
  const known = new Map<string, { info: ClientInfo; until: number }>();
  const registered = new Map((o.registered ?? []).map((c) => [c.clientId, c]));

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
      const pre = registered.get(clientId);
      if (pre) return pre;
      const hit = known.get(clientId);
      if (hit && hit.until > Date.now()) return hit.info;
      let url: URL;
      try {
        url = new URL(clientId);
      } catch {
        throw new ClientRefused('client_id must be the https URL of the client\'s metadata document, or a client the administrator registered (MS365_MCP_OAUTH_CLIENTS_FILE)');
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
