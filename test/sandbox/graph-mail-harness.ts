// Wiring for the mail tests: one sandbox (one tenant, so mail sent by one person reaches the others) and
// access tokens for any demo user, each approved on the sandbox's /devicelogin page the way a person would.
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID, startSandbox, type Sandbox } from '../../src/sandbox/index.js';
import { graph, type GraphCall } from './graph-harness.js';

export const upn = (key: string) => `${key}@contoso.sandbox`;

export async function startMailSandbox(): Promise<Sandbox> {
  return startSandbox({});
}

/** A token for `user` (a seed key like 'adele.vance' or a UPN) with exactly these delegated scopes. */
export async function tokenFor(sandbox: Sandbox, user: string, scope: string): Promise<string> {
  const base = `${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0`;
  const form = (fields: Record<string, string>) => ({
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  const dc = (await (await fetch(`${base}/devicecode`, form({ client_id: SANDBOX_CLIENT_ID, scope }))).json()) as { device_code: string; user_code: string };
  const approved = await fetch(`${sandbox.url}/devicelogin`, form({ otc: dc.user_code, action: 'approve', user: user.includes('@') ? user : upn(user) }));
  if (approved.status !== 200) throw new Error(`devicelogin: ${approved.status}`);
  const tok = await fetch(`${base}/token`, form({ grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: SANDBOX_CLIENT_ID, device_code: dc.device_code }));
  if (tok.status !== 200) throw new Error(`token: ${tok.status} ${await tok.text()}`);
  return ((await tok.json()) as { access_token: string }).access_token;
}

/** Every item of a collection, following @odata.nextLink. */
export async function allPages(sandbox: Sandbox, token: string, path: string): Promise<any[]> {
  const out: any[] = [];
  for (let url: string | undefined = path; url; ) {
    const r: GraphCall = await graph(sandbox, token, url);
    if (r.status !== 200) throw new Error(`${url}: ${r.status} ${r.text}`);
    out.push(...r.body.value);
    url = r.body['@odata.nextLink'];
  }
  return out;
}

/** Messages of a mailbox ('me' or a user id/UPN) folder with a given subject (quoted for OData). */
export async function bySubject(sandbox: Sandbox, token: string, mailbox: string, folder: string, subject: string): Promise<any[]> {
  const filter = encodeURIComponent(`subject eq '${subject.replace(/'/g, "''")}'`);
  const root = mailbox === 'me' ? '/me' : `/users/${mailbox}`;
  return allPages(sandbox, token, `${root}/mailFolders/${folder}/messages?$filter=${filter}`);
}
