// Shared wiring of the Graph sandbox tests: a sandbox on a loopback port, access tokens minted through its
// real device-code and token endpoints (so scope checks see exactly what a client would get), and a small
// fetch wrapper that keeps status, headers and the parsed body.
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { demoUsers, sharedMailbox, TENANT_DOMAIN } from '../../src/sandbox/testing.js';

/** A demo person's id and address, from the seed (the sandbox's testing entry), by the part before the @. */
function person(name: string): { id: string; upn: string } {
  const upn = `${name}@${TENANT_DOMAIN}`;
  const user = demoUsers().find((u) => u.userPrincipalName === upn);
  if (user) return { id: user.id, upn };
  const shared = sharedMailbox();
  if (shared.upn === upn) return { id: shared.userId, upn };
  throw new Error(`no ${upn} in the demo organization`);
}

export const ADELE = person('adele.vance');
export const PATTI = person('patti.fernandez');
export const ALEX = person('alex.wilber');
export const SUPPORT = person('support');

export async function startGraphSandbox(opts: { tokenLifetimeSeconds?: number; user?: string } = {}): Promise<Sandbox> {
  return startSandbox({ autoApproveUser: opts.user ?? 'default', tokenLifetimeSeconds: opts.tokenLifetimeSeconds });
}

/** An access token for the auto-approved user with exactly these delegated scopes. */
export async function mintToken(sandbox: Sandbox, scope: string): Promise<string> {
  const base = `${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0`;
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const dc = await fetch(`${base}/devicecode`, form({ client_id: SANDBOX_CLIENT_ID, scope }));
  if (dc.status !== 200) throw new Error(`devicecode: ${dc.status} ${await dc.text()}`);
  const { device_code } = (await dc.json()) as { device_code: string };
  const tok = await fetch(
    `${base}/token`,
    form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: SANDBOX_CLIENT_ID, device_code }),
  );
  if (tok.status !== 200) throw new Error(`token: ${tok.status} ${await tok.text()}`);
  return ((await tok.json()) as { access_token: string }).access_token;
}

export interface GraphCall {
  status: number;
  headers: Headers;
  text: string;
  // Tests read arbitrary Graph JSON; `any` keeps the assertions short.
  body: any;
}

export async function graph(
  sandbox: Sandbox,
  token: string | undefined,
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: unknown } = {},
): Promise<GraphCall> {
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

export const EVENTUAL = { ConsistencyLevel: 'eventual' };
