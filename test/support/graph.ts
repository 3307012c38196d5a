// Direct Graph access for tests: tokens minted through the sandbox's real device-code and token endpoints (the
// person approves on its /devicelogin page, so scope checks see exactly what a client would get), and a small
// fetch wrapper that keeps status, headers and the parsed body.
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../../src/sandbox/index.js';
import { approvalForm } from './server.js';

/** A person's token for Graph, with the scopes it was granted. */
export interface GraphAs {
  upn: string;
  scopes: string;
  token: string;
}

export interface GraphCall {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary Graph JSON; `any` keeps the assertions short.
  body: any;
}

export interface GraphInit {
  method?: string;
  headers?: Record<string, string>;
  body?: unknown;
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

/** A token for `upn` with exactly these delegated scopes, its device code approved on the sandbox's page. */
export async function tokenFor(sandbox: { url: string }, upn: string, scopes: string): Promise<GraphAs> {
  const base = `${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0`;
  const dc = await fetch(`${base}/devicecode`, form({ client_id: SANDBOX_CLIENT_ID, scope: scopes }));
  if (dc.status !== 200) throw new Error(`devicecode: ${dc.status} ${await dc.text()}`);
  const { device_code, user_code } = (await dc.json()) as { device_code: string; user_code: string };
  const approved = await fetch(`${sandbox.url}/devicelogin`, approvalForm(user_code, upn));
  if (approved.status !== 200) throw new Error(`devicelogin: ${approved.status}`);
  const tok = await fetch(`${base}/token`, form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: SANDBOX_CLIENT_ID, device_code }));
  if (tok.status !== 200) throw new Error(`token: ${tok.status} ${await tok.text()}`);
  return { upn, scopes, token: ((await tok.json()) as { access_token: string }).access_token };
}

/** One Graph request: `who` is a person's token (graphAs), a raw access token, or undefined for none. */
export async function graph(sandbox: { url: string }, who: GraphAs | string | undefined, path: string, init: GraphInit = {}): Promise<GraphCall> {
  const token = typeof who === 'object' ? who.token : who;
  const url = path.startsWith('http') ? path : `${sandbox.url}/v1.0${path}`;
  const headers: Record<string, string> = { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...init.headers };
  let body: string | undefined;
  if (init.body !== undefined) {
    body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(url, { method: init.method ?? 'GET', headers, body });
  const text = await res.text();
  let parsed: unknown = text;
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(text);
  return { status: res.status, headers: res.headers, text, body: parsed };
}

/** Every item of a collection, following @odata.nextLink. */
export async function allPages(sandbox: { url: string }, who: GraphAs | string, path: string, headers: Record<string, string> = {}): Promise<any[]> {
  const out: any[] = [];
  for (let url: string | undefined = path; url; ) {
    const r = await graph(sandbox, who, url, { headers });
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text}`);
    out.push(...r.body.value);
    url = r.body['@odata.nextLink'];
  }
  return out;
}

/** Directory queries that need Graph's advanced query mode ($count, $search, some $filter). */
export const EVENTUAL = { ConsistencyLevel: 'eventual' };
