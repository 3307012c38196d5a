// The sign-in front (MS365_MCP_HTTP_AUTH=entra): MCP clients of the official SDK, with its OAuth support and a
// client ID metadata document served over https, sign two people in through the built server and the sandbox's
// Entra sign-in page (401 -> metadata discovery -> /authorize -> Entra -> /callback -> code -> token) and get each
// person's own data; the front's refresh tokens turn once; tokens forged, expired or for another resource refused.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@modelcontextprotocol/client';
import { generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SANDBOX_SERVER_APP_ID } from '../../src/sandbox/testing.js';
import { graph, startTestSandbox, tempDir, tokenFor, type TestSandbox } from '../fixtures.js';
import { BrowserProvider, type ClientMetadata, connectThroughFront, serveClientMetadata } from '../support/front.js';
import { startCli, startEntraServer } from './process.js';

const ADELE = 'adele.vance@contoso.sandbox';
const MEGAN = 'megan.bowen@contoso.sandbox';
const ALEX = 'alex.wilber@contoso.sandbox';
const REDIRECT = 'http://127.0.0.1:33419/callback';

let sandbox: TestSandbox;
let proc: ReturnType<typeof startCli>;
let url: string;
let base: string;
let metadata: ClientMetadata;
let clientId: string;
let home: string;
const sandboxLog: string[] = [];

/** What a browser does for `upn`: follows the front to the sandbox's sign-in page, accepts there as that person,
 *  follows the redirects back, and hands the client the code its redirect URI received. */
async function browse(start: URL, upn: string): Promise<URLSearchParams> {
  const go = (u: string, init: RequestInit = {}) => fetch(u, { ...init, redirect: 'manual' });
  const toEntra = await go(start.toString());
  expect(toEntra.status, await toEntra.clone().text()).toBe(302);
  const signInPage = toEntra.headers.get('location')!;
  const html = await (await go(signInPage)).text();
  const query = /name="query" value="([^"]*)"/.exec(html)![1].replace(/&amp;/g, '&');
  const accepted = await go(signInPage.split('?')[0], { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query, user: upn, action: 'approve' }) });
  const callback = accepted.headers.get('location')!;
  expect(callback.startsWith(`${base}/callback?`)).toBe(true);
  const toClient = await go(callback);
  const final = new URL(toClient.headers.get('location')!);
  expect(final.origin + final.pathname).toBe(REDIRECT);
  return final.searchParams;
}

/** A connected client for `upn`, signed in through the front with the fetch-driven browser. */
async function signIn(upn: string): Promise<{ client: Client; provider: BrowserProvider }> {
  const provider = new BrowserProvider(metadata.clientId, REDIRECT, (u) => browse(u, upn));
  return { client: await connectThroughFront(url, provider), provider };
}

const post = (token: string) => fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' }, body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: {} }) });
const tokenRequest = (fields: Record<string, string>) => fetch(`${base}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });

beforeAll(async () => {
  home = await tempDir();
  metadata = await serveClientMetadata(home, REDIRECT);
  clientId = metadata.clientId;
  // Graph tokens of 3 seconds: later calls show the server refreshing a person's Graph token itself.
  sandbox = await startTestSandbox({ tokenLifetimeSeconds: 3, log: (l) => sandboxLog.push(l) });
  // Registered without a port: a loopback redirect URI takes any port (RFC 8252), as desktop clients need.
  await fs.writeFile(path.join(home, 'clients.json'), JSON.stringify([{ client_id: 'contoso-desktop', client_name: 'Contoso Desktop', redirect_uris: [REDIRECT.replace(/:\d+\//, '/')] }]));
  ({ proc, url } = await startEntraServer(sandbox.url, { HOME: home, MS365_MCP_OAUTH_CLIENTS_FILE: path.join(home, 'clients.json'), NODE_EXTRA_CA_CERTS: metadata.caFile }));
  base = url.slice(0, -'/mcp'.length);
});
afterAll(async () => {
  const code = await proc?.stop();
  if (code !== 0) process.stderr.write(proc.stderrText().slice(-3000));
  expect(code).toBe(0);
  await sandbox?.close();
  metadata?.close();
});

describe('the sign-in front', () => {
  it('publishes itself as the first authorization server, with PKCE S256, client metadata documents and iss', async () => {
    const prm = (await (await fetch(`${base}/.well-known/oauth-protected-resource/mcp`)).json()) as { authorization_servers: string[] };
    expect(prm.authorization_servers[0]).toBe(base);
    const as = await (await fetch(`${base}/.well-known/oauth-authorization-server`)).json();
    expect(as).toMatchObject({ issuer: base, authorization_endpoint: `${base}/authorize`, token_endpoint: `${base}/token`, code_challenge_methods_supported: ['S256'], client_id_metadata_document_supported: true, authorization_response_iss_parameter_supported: true });
  });

  it('signs two people in through their MCP clients; each gets their own data, also after their Graph tokens expired', async () => {
    const [adele, megan] = await Promise.all([signIn(ADELE), signIn(MEGAN)]);
    try {
      const me = async (c: Client) => ((await c.callTool({ name: 'users_get_me', arguments: {} })).structuredContent as { userPrincipalName: string }).userPrincipalName;
      const calls = Array.from({ length: 20 }, (_, i) => (i % 2 ? megan : adele).client).map(async (c) => [c === adele.client ? ADELE : MEGAN, await me(c)]);
      for (const [who, answered] of await Promise.all(calls)) expect(answered).toBe(who);
      await new Promise((r) => setTimeout(r, 3_500));
      expect(await me(adele.client)).toBe(ADELE);
      const mail = await megan.client.callTool({ name: 'mail_list_messages', arguments: { limit: 2 } });
      expect(mail.isError, JSON.stringify(mail.content)).toBeFalsy();
      // The server refreshed the Graph token with the refresh token it keeps; the client never saw a Microsoft token.
      expect(sandboxLog.some((l) => l.includes(`issued tokens (refresh_token) to ${ADELE} for client ${SANDBOX_SERVER_APP_ID}`))).toBe(true);
      expect(JSON.stringify(adele.provider.saved)).not.toMatch(/login\.sandbox\.local/);

      // The front's refresh token gives a new pair once; used again, it is refused.
      const refresh = adele.provider.saved!.refresh_token!;
      const turned = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId });
      expect(turned.status).toBe(200);
      const fresh = (await turned.json()) as { access_token: string };
      expect((await post(fresh.access_token)).status).toBe(200);
      const again = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId });
      expect(again.status).toBe(400);
      expect(await again.json()).toMatchObject({ error: 'invalid_grant' });
    } finally {
      await Promise.all([adele.client.close(), megan.client.close()]);
    }
  });

  it('keeps a refresh token the identity platform could not honour just now, for the client to send again', async () => {
    const alex = await signIn(ALEX);
    try {
      // Alex's Graph token has expired: renewing the front's tokens needs Entra, which answers 503 for a while.
      await new Promise((r) => setTimeout(r, 3_500));
      sandbox.faults.add({ identity: true, path: '/oauth2/v2.0/token$', status: 503, times: 3 });
      const refresh = alex.provider.saved!.refresh_token!;
      const refused = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId });
      expect([refused.status, refused.headers.get('retry-after')]).toEqual([503, '5']);
      expect(await refused.json()).toMatchObject({ error: 'temporarily_unavailable', error_description: expect.stringMatching(/your sign-in is kept: try again/) });
      // As the answer says: sent again once Entra answers, the same refresh token works, once.
      sandbox.faults.clear();
      const turned = await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId });
      expect(turned.status).toBe(200);
      expect((await post(((await turned.json()) as { access_token: string }).access_token)).status).toBe(200);
      expect((await tokenRequest({ grant_type: 'refresh_token', refresh_token: refresh, client_id: clientId })).status).toBe(400);
    } finally {
      sandbox.faults.clear();
      await alex.client.close();
    }
  });

  it('serves 50 concurrent calls from 5 people, each answered with their own mailbox and name', async () => {
    const people = [ADELE, MEGAN, 'alex.wilber@contoso.sandbox', 'ben.walters@contoso.sandbox', 'patti.fernandez@contoso.sandbox'];
    const signedIn = await Promise.all(people.map((p) => signIn(p)));
    try {
      // Each person's inbox as Graph itself shows it to them: what their answers must hold, and nobody else's.
      const inboxes = await Promise.all(people.map(async (p) => {
        const t = await tokenFor(sandbox, p, 'Mail.Read');
        return ((await graph(sandbox, t, '/me/mailFolders/inbox/messages?$top=5&$select=id&$orderby=receivedDateTime desc')).body.value as { id: string }[]).map((m) => m.id);
      }));
      const calls = Array.from({ length: 50 }, async (_, i) => {
        const who = i % people.length;
        const c = signedIn[who].client;
        if (i % 2) return [who, 'me', ((await c.callTool({ name: 'users_get_me', arguments: {} })).structuredContent as { userPrincipalName: string }).userPrincipalName] as const;
        const r = await c.callTool({ name: 'mail_list_messages', arguments: { limit: 5 } });
        expect(r.isError, JSON.stringify(r.content)).toBeFalsy();
        return [who, 'mail', ((r.structuredContent as { messages: { id: string }[] }).messages.map((m) => m.id)).join(',')] as const;
      });
      for (const [who, kind, answer] of await Promise.all(calls)) {
        expect(answer).toBe(kind === 'me' ? people[who] : inboxes[who].join(','));
      }
    } finally {
      await Promise.all(signedIn.map((s) => s.client.close()));
    }
  });

  it('signs a person in through a client the administrator registered (no metadata document)', async () => {
    const provider = new BrowserProvider('contoso-desktop', REDIRECT, (u) => browse(u, MEGAN), true);
    const client = await connectThroughFront(url, provider);
    try {
      expect(((await client.callTool({ name: 'users_get_me', arguments: {} })).structuredContent as { userPrincipalName: string }).userPrincipalName).toBe(MEGAN);
      expect(proc.stderrText()).toContain('sign-in started for the client Contoso Desktop');
    } finally {
      await client.close();
    }
  });

  it('refuses a token signed by another key, an expired one, one for another resource, and one without its scope (403, step up)', async () => {
    const { privateKey } = await generateKeyPair('ES256');
    const claims = { scp: 'access_as_user', oid: randomUUID(), tid: 'x', hid: 'x.y' };
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).setIssuer(base).setAudience(url).setIssuedAt().setExpirationTime('1h').sign(privateKey);
    const refused = await post(forged);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toMatch(/error="invalid_token", error_description="the token is not signed by this server"/);
    expect(proc.stderrText()).not.toContain(forged);
    // The front's own key (0600, beside the token cache) signing an expired token, and one for another resource.
    const keyFile = (await fs.readdir(home, { recursive: true })).find((f) => f.endsWith('front-signing-key.json'))!;
    expect((await fs.stat(path.join(home, keyFile))).mode & 0o777).toBe(0o600);
    const realKey = await importJWK(JSON.parse(await fs.readFile(path.join(home, keyFile), 'utf8')), 'ES256');
    const signed = (aud: string, exp: number) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).setIssuer(base).setAudience(aud).setIssuedAt(exp - 3600).setExpirationTime(exp).sign(realKey);
    const now = Math.floor(Date.now() / 1000);
    const expired = await post(await signed(url, now - 60));
    expect([expired.status, expired.headers.get('www-authenticate')]).toEqual([401, expect.stringMatching(/the token has expired/)]);
    const elsewhere = await post(await signed('https://other.example/mcp', now + 600));
    expect([elsewhere.status, elsewhere.headers.get('www-authenticate')]).toEqual([401, expect.stringMatching(/the token is for another audience/)]);
    // Without this server's scope: 403, and the challenge names the scope to step up to.
    const narrow = await new SignJWT({ ...claims, scp: 'something.else' }).setProtectedHeader({ alg: 'ES256', typ: 'at+jwt' }).setIssuer(base).setAudience(url).setIssuedAt().setExpirationTime('10m').sign(realKey);
    const stepUp = await post(narrow);
    expect(stepUp.status).toBe(403);
    expect(stepUp.headers.get('www-authenticate')).toMatch(/scope="api:\/\/[^"]+\/access_as_user", error="insufficient_scope"/);
  });

  it('refuses bad sign-in requests with what to do', async () => {
    const q = (extra: Record<string, string>) => `${base}/authorize?${new URLSearchParams({ client_id: clientId, redirect_uri: REDIRECT, response_type: 'code', code_challenge: 'x'.repeat(43), code_challenge_method: 'S256', state: 's', ...extra })}`;
    const notHttps = await fetch(q({ client_id: 'http://example.com/client.json' }), { redirect: 'manual' });
    expect(notHttps.status).toBe(400);
    expect(await notHttps.text()).toMatch(/client_id must be an https URL/);
    const wrongRedirect = await fetch(q({ redirect_uri: 'http://127.0.0.1:1/elsewhere' }), { redirect: 'manual' });
    expect(await wrongRedirect.text()).toMatch(/redirect_uri is not one the client Front test client lists/);
    const noPkce = new URL((await fetch(q({ code_challenge_method: 'plain' }), { redirect: 'manual' })).headers.get('location')!);
    expect(Object.fromEntries(noPkce.searchParams)).toMatchObject({ error: 'invalid_request', state: 's', iss: base });
    const otherResource = new URL((await fetch(q({ resource: 'https://elsewhere.example/mcp' }), { redirect: 'manual' })).headers.get('location')!);
    expect(otherResource.searchParams.get('error')).toBe('invalid_target');
    const badCode = await tokenRequest({ grant_type: 'authorization_code', code: 'nope', redirect_uri: REDIRECT, client_id: clientId, code_verifier: 'v'.repeat(43) });
    expect(await badCode.json()).toMatchObject({ error: 'invalid_grant', error_description: expect.stringMatching(/sign in again/) });
  });
});
