// The sandbox's identity platform over real HTTP, with MSAL Node itself as the client (configured the way
// src/auth/msal.ts configures it), plus raw requests where Entra's exact error answers matter.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { InteractionRequiredAuthError, PublicClientApplication, type AuthenticationResult } from '@azure/msal-node';
import { decodeJwt, decodeProtectedHeader, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { SANDBOX_AUTHORITY_HOST, sandboxMetadata } from '../../src/auth/clouds.js';
import { FetchNetworkClient } from '../../src/auth/network.js';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID, AUTHORITY_HOST, createIdentity, type IdentityOptions, type IdentityService, demoDirectory } from '../../src/sandbox/testing.js';

const ADELE = 'adele.vance@contoso.sandbox';
const PRADEEP = 'pradeep.gupta@contoso.sandbox';
const SCOPES = ['User.Read', 'Mail.Read'];

interface Running {
  url: string;
  identity: IdentityService;
  logs: string[];
  close(): Promise<void>;
}

const toClose: Running[] = [];
afterAll(async () => {
  for (const r of toClose) await r.close().catch(() => undefined);
});

/** The identity service alone behind node:http, as src/sandbox/index.ts mounts it. */
async function serve(opts: Partial<IdentityOptions> = {}): Promise<Running> {
  const logs: string[] = [];
  const identity = await createIdentity({
    directory: demoDirectory(),
    tokenLifetimeSeconds: 3600,
    deviceCodeIntervalSeconds: 1,
    log: (l) => logs.push(l),
    now: Date.now,
    ...opts,
  });
  let url = '';
  const server = http.createServer((req, res) => {
    identity.handle(req, res, url).then(
      (handled) => {
        if (!handled) res.writeHead(404).end();
      },
      (err: Error) => res.writeHead(500).end(err.message),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let closed = false;
  const running: Running = {
    url,
    identity,
    logs,
    close: async () => {
      if (closed) return;
      closed = true;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await identity.close();
    },
  };
  toClose.push(running);
  return running;
}

/** A PublicClientApplication built like src/auth/msal.ts builds it for the sandbox cloud. */
function msal(url: string, o: { clientId?: string; tenant?: string } = {}): PublicClientApplication {
  const authority = `${SANDBOX_AUTHORITY_HOST}/${o.tenant ?? SANDBOX_TENANT_ID}`;
  const host = new URL(SANDBOX_AUTHORITY_HOST).host;
  return new PublicClientApplication({
    auth: {
      clientId: o.clientId ?? SANDBOX_CLIENT_ID,
      authority,
      knownAuthorities: [host],
      ...sandboxMetadata(authority),
    },
    system: { networkClient: new FetchNetworkClient({ sandboxUrl: url }) },
  });
}

const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});

async function post(url: string, fields: Record<string, string>): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, form(fields));
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const tokenUrl = (r: Running, tenant = SANDBOX_TENANT_ID) => `${r.url}/${tenant}/oauth2/v2.0/token`;
const deviceUrl = (r: Running, tenant = SANDBOX_TENANT_ID) => `${r.url}/${tenant}/oauth2/v2.0/devicecode`;

function refreshTokensIn(pca: PublicClientApplication): string[] {
  const cache = JSON.parse(pca.getTokenCache().serialize()) as { RefreshToken?: Record<string, { secret: string }> };
  return Object.values(cache.RefreshToken ?? {}).map((t) => t.secret);
}

async function signInAutomatically(r: Running, pca: PublicClientApplication, scopes = SCOPES): Promise<AuthenticationResult> {
  const result = await pca.acquireTokenByDeviceCode({ scopes, deviceCodeCallback: () => undefined });
  if (!result) throw new Error('no result');
  return result;
}

describe('device code sign-in through the /devicelogin page', () => {
  it('MSAL signs in as the user a person picks and approves in the browser form', async () => {
    const r = await serve();
    const pca = msal(r.url);
    let announced!: (v: { userCode: string; verificationUri: string; message: string }) => void;
    const codeShown = new Promise<{ userCode: string; verificationUri: string; message: string }>((res) => (announced = res));
    const done = pca.acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: (d) => announced(d) });
    const { userCode, verificationUri, message } = await codeShown;
    expect(verificationUri).toBe(`${r.url}/devicelogin`);
    expect(message).toBe(`To sign in, use a web browser to open the page ${verificationUri} and enter the code ${userCode} to authenticate.`);

    const page = await fetch(verificationUri);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    const pageHtml = await page.text();
    expect(pageHtml).toMatch(/<form method="post" action="\/devicelogin">/);
    expect(pageHtml).not.toMatch(/<script|https?:\/\//);

    // Still pending: nobody approved yet, so MSAL keeps polling.
    await new Promise((res) => setTimeout(res, 300));
    const consent = await fetch(verificationUri, form({ otc: userCode.toLowerCase() }));
    const consentHtml = await consent.text();
    expect(consent.status).toBe(200);
    expect(consentHtml).toContain('Mail.Read');
    expect(consentHtml).toContain(`<option value="${ADELE}" selected>`);
    expect(consentHtml).not.toContain('support@contoso.sandbox'); // the shared mailbox cannot sign in

    const approved = await fetch(verificationUri, form({ otc: userCode, user: PRADEEP, action: 'approve' }));
    expect(approved.status).toBe(200);
    expect(await approved.text()).toMatch(/You have signed in .* as pradeep\.gupta@contoso\.sandbox\. You may now close this window\./);

    const result = await done;
    expect(result?.account?.username).toBe(PRADEEP);
    expect(result?.account?.tenantId).toBe(SANDBOX_TENANT_ID);
    expect(result?.scopes).toEqual(expect.arrayContaining(['User.Read', 'Mail.Read']));
    const claims = decodeJwt(result!.accessToken);
    expect(claims).toMatchObject({
      aud: '00000003-0000-0000-c000-000000000000',
      iss: `https://sts.windows.net/${SANDBOX_TENANT_ID}/`,
      ver: '1.0',
      idtyp: 'user',
      upn: PRADEEP,
      appid: SANDBOX_CLIENT_ID,
      tid: SANDBOX_TENANT_ID,
      scp: 'User.Read Mail.Read',
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(3600);
    expect(decodeProtectedHeader(result!.accessToken)).toMatchObject({ alg: 'RS256', typ: 'JWT' });
    const id = decodeJwt(result!.idToken);
    expect(id).toMatchObject({ aud: SANDBOX_CLIENT_ID, iss: `${AUTHORITY_HOST}/${SANDBOX_TENANT_ID}/v2.0`, ver: '2.0', preferred_username: PRADEEP });

    const check = await r.identity.verifyAccessToken(result!.accessToken);
    expect(check.ok && check.principal.user.userPrincipalName).toBe(PRADEEP);
    expect(check.ok && check.principal.scopes).toEqual(['User.Read', 'Mail.Read']);

    const again = await fetch(verificationUri, form({ otc: userCode }));
    expect(again.status).toBe(400);
    expect(await again.text()).toContain('That code has already been used');
    expect(r.logs.join('\n')).not.toContain(result!.accessToken.slice(0, 40));
  });

  it('answers every state of a device code the way Entra does', async () => {
    const r = await serve();
    const start = await post(deviceUrl(r), { client_id: SANDBOX_CLIENT_ID, scope: 'User.Read openid profile offline_access' });
    expect(start.status).toBe(200);
    expect(start.body).toMatchObject({ expires_in: 900, interval: 1 });
    const poll = (code = start.body.device_code as string) =>
      post(tokenUrl(r), { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', client_id: SANDBOX_CLIENT_ID, device_code: code });

    const pending = await poll();
    expect(pending.status).toBe(400);
    expect(pending.body).toMatchObject({ error: 'authorization_pending', error_codes: [70016] });
    expect(pending.body.error_description).toMatch(/^AADSTS70016: /);

    expect((await poll('not-a-code')).body).toMatchObject({ error: 'bad_verification_code', error_codes: [70018] });

    const declined = await fetch(`${r.url}/devicelogin`, form({ otc: start.body.user_code, action: 'decline' }));
    expect(await declined.text()).toContain('You have declined');
    expect((await poll()).body).toMatchObject({ error: 'authorization_declined', error_codes: [65004] });

    // A second code, approved and redeemed (with the short grant type name), then replayed.
    const second = await post(deviceUrl(r), { client_id: SANDBOX_CLIENT_ID, scope: 'User.Read offline_access' });
    await fetch(`${r.url}/devicelogin`, form({ otc: second.body.user_code, user: ADELE, action: 'approve' }));
    const ok = await post(tokenUrl(r), { grant_type: 'device_code', client_id: SANDBOX_CLIENT_ID, device_code: second.body.device_code });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ token_type: 'Bearer', scope: 'User.Read offline_access', expires_in: 3600, ext_expires_in: 3600 });
    expect(ok.body.refresh_token).toEqual(expect.any(String));
    expect(ok.body.id_token).toBeUndefined(); // openid was not asked for
    expect(ok.body.client_info).toBeUndefined(); // nor client_info=1
    const replay = await post(tokenUrl(r), { grant_type: 'device_code', client_id: SANDBOX_CLIENT_ID, device_code: second.body.device_code });
    expect(replay.body).toMatchObject({ error: 'invalid_grant', error_codes: [54005] });

    const bad = await fetch(`${r.url}/devicelogin`, form({ otc: '<b>nope</b>' }));
    const badHtml = await bad.text();
    expect(bad.status).toBe(400);
    expect(badHtml).toContain('That code didn&#39;t work');
    expect(badHtml).toContain('&lt;b&gt;nope&lt;/b&gt;');
    expect(badHtml).not.toContain('<b>nope');
  });

  it('device codes expire after 15 minutes', async () => {
    let now = Date.now();
    const r = await serve({ now: () => now });
    const start = await post(deviceUrl(r), { client_id: SANDBOX_CLIENT_ID, scope: 'User.Read' });
    now += 901_000;
    const res = await post(tokenUrl(r), { grant_type: 'device_code', client_id: SANDBOX_CLIENT_ID, device_code: start.body.device_code });
    expect(res.body).toMatchObject({ error: 'expired_token', error_codes: [70019] });
    const page = await fetch(`${r.url}/devicelogin`, form({ otc: start.body.user_code }));
    expect(await page.text()).toContain('That code has expired');
  });
});

describe('auto-approved sign-in', () => {
  it("approves at once as the tenant's default user with the requested scopes", async () => {
    const r = await serve({ autoApproveUser: 'default' });
    const result = await signInAutomatically(r, msal(r.url));
    expect(result.account?.username).toBe(ADELE);
    expect(result.account?.homeAccountId).toBe(`${demoDirectory().findUser(ADELE)!.id}.${SANDBOX_TENANT_ID}`);
    expect(decodeJwt(result.accessToken).scp).toBe('User.Read Mail.Read');
  });

  it('refuses to start with an unknown or disabled auto-approve user', async () => {
    await expect(serve({ autoApproveUser: 'nobody@contoso.sandbox' })).rejects.toThrow(/nobody@contoso\.sandbox' is not a user/);
    await expect(serve({ autoApproveUser: 'support@contoso.sandbox' })).rejects.toThrow(/cannot sign in/);
  });
});

describe('refresh tokens', () => {
  it('as Entra: a redeemed refresh token stays valid, and the state file stays small however often clients refresh', async () => {
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-identity-'));
    const r = await serve({ autoApproveUser: PRADEEP, stateDir });
    const pca = msal(r.url);
    const first = await signInAutomatically(r, pca);
    const [oldRt] = refreshTokensIn(pca);
    await pca.acquireTokenSilent({ account: first.account!, scopes: SCOPES, forceRefresh: true });
    const [newRt] = refreshTokensIn(pca);
    expect(newRt).not.toBe(oldRt);
    const reuse = await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: oldRt, scope: 'User.Read offline_access' });
    expect(reuse.status).toBe(200);
    for (let i = 0; i < 40; i++) await pca.acquireTokenSilent({ account: first.account!, scopes: SCOPES, forceRefresh: true });
    await r.identity.close();
    const saved = JSON.parse(await fs.readFile(path.join(stateDir, 'refresh-tokens.json'), 'utf8')) as { tokens: unknown[] };
    expect(saved.tokens.length).toBeLessThanOrEqual(10);
    // The newest still works after the pruning.
    const [latest] = refreshTokensIn(pca);
    expect((await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: latest, scope: 'User.Read offline_access' })).status).toBe(200);
  });

  it('rotate strictly when asked to (a fault): after a forced refresh the old refresh token is rejected', async () => {
    const r = await serve({ autoApproveUser: PRADEEP, strictRefreshRotation: true });
    const pca = msal(r.url);
    const first = await signInAutomatically(r, pca);
    const [oldRt] = refreshTokensIn(pca);
    const refreshed = await pca.acquireTokenSilent({ account: first.account!, scopes: SCOPES, forceRefresh: true });
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    const [newRt] = refreshTokensIn(pca);
    expect(newRt).not.toBe(oldRt);

    const reuse = await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: oldRt, scope: 'User.Read offline_access' });
    expect(reuse.status).toBe(400);
    expect(reuse.body).toMatchObject({ error: 'invalid_grant', suberror: 'bad_token', error_codes: [70000] });

    // A subset of the consented scopes is fine; more than consented needs consent.
    const more = await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: newRt, scope: 'Calendars.Read offline_access' });
    expect(more.body).toMatchObject({ error: 'invalid_grant', suberror: 'consent_required', error_codes: [65001] });
    const other = await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: randomUUID(), refresh_token: newRt, scope: 'User.Read' });
    expect(other.body).toMatchObject({ error: 'invalid_grant', suberror: 'client_mismatch' });
    const subset = await post(tokenUrl(r), { grant_type: 'refresh_token', client_id: SANDBOX_CLIENT_ID, refresh_token: newRt, scope: 'User.Read openid offline_access', client_info: '1' });
    expect(subset.status).toBe(200);
    expect(subset.body.scope).toBe('User.Read Mail.Read openid email offline_access');
    expect(JSON.parse(Buffer.from(subset.body.client_info, 'base64url').toString())).toEqual({ uid: first.account!.localAccountId, utid: SANDBOX_TENANT_ID });
    expect(r.logs.some((l) => /issued tokens \(refresh_token\) to pradeep\.gupta@contoso\.sandbox .*rotated/.test(l))).toBe(true);
    for (const secret of [oldRt, newRt, first.accessToken]) expect(r.logs.join('\n')).not.toContain(secret);
  });

  it('survive a restart with the same state directory, in owner-only files', async () => {
    const stateDir = await fs.mkdtemp(path.join(os.tmpdir(), 'sandbox-identity-'));
    const r1 = await serve({ stateDir, autoApproveUser: 'default' });
    const pca1 = msal(r1.url);
    const first = await signInAutomatically(r1, pca1);
    const cache = pca1.getTokenCache().serialize();
    await r1.close();

    for (const f of ['signing-key.json', 'refresh-tokens.json']) {
      expect((await fs.stat(path.join(stateDir, f))).mode & 0o777, f).toBe(0o600);
    }
    expect((await fs.stat(stateDir)).mode & 0o777).toBe(0o700);

    const r2 = await serve({ stateDir });
    // An access token issued before the restart still verifies: the signing key was kept.
    expect((await r2.identity.verifyAccessToken(first.accessToken)).ok).toBe(true);
    const pca2 = msal(r2.url); // the port changed; the cache travels
    await pca2.getTokenCache().deserialize(cache);
    const [account] = await pca2.getTokenCache().getAllAccounts();
    const refreshed = await pca2.acquireTokenSilent({ account, scopes: SCOPES, forceRefresh: true });
    expect(refreshed.fromCache).toBe(false);
    expect(refreshed.account?.username).toBe(ADELE);
  });

  it('once revoked, make MSAL ask for interaction', async () => {
    const r = await serve({ autoApproveUser: 'default' });
    const pca = msal(r.url);
    const first = await signInAutomatically(r, pca);
    expect(r.identity.revokeRefreshTokens(PRADEEP)).toBe(0);
    expect(r.identity.revokeRefreshTokens(ADELE)).toBe(1);
    const err = await pca.acquireTokenSilent({ account: first.account!, scopes: SCOPES, forceRefresh: true }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InteractionRequiredAuthError);
    expect(err).toMatchObject({ errorCode: 'invalid_grant', subError: 'bad_token' });
    expect((err as Error).message).toMatch(/AADSTS50173/);
  });
});

describe('access tokens as Graph checks them', () => {
  it('accepts a fresh token and rejects it once expired, forged or malformed', async () => {
    const r = await serve({ autoApproveUser: 'default', tokenLifetimeSeconds: 1 });
    const { accessToken } = await signInAutomatically(r, msal(r.url));
    const fresh = await r.identity.verifyAccessToken(accessToken);
    expect(fresh.ok && fresh.principal).toMatchObject({ user: { userPrincipalName: ADELE }, scopes: SCOPES, appId: SANDBOX_CLIENT_ID });

    expect(await r.identity.verifyAccessToken('garbage')).toMatchObject({ ok: false, code: 'InvalidAuthenticationToken', message: expect.stringMatching(/^IDX14100/) });
    const [h, p, s] = accessToken.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...claims, scp: 'Mail.ReadWrite' })).toString('base64url')}.${s}`;
    expect(await r.identity.verifyAccessToken(tampered)).toMatchObject({ ok: false, message: expect.stringMatching(/Invalid signature/) });
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(accessToken).kid }).sign(privateKey);
    expect((await r.identity.verifyAccessToken(forged)).ok).toBe(false);

    await new Promise((res) => setTimeout(res, 2100));
    expect(await r.identity.verifyAccessToken(accessToken)).toEqual({
      ok: false,
      code: 'InvalidAuthenticationToken',
      message: 'Lifetime validation failed, the token is expired.',
    });
  });
});

type Json = Record<string, unknown>;

describe('discovery, keys and refusals', () => {
  it('serves the OpenID configuration and public keys only', async () => {
    const r = await serve();
    expect(AUTHORITY_HOST).toBe(SANDBOX_AUTHORITY_HOST);
    for (const tenant of [SANDBOX_TENANT_ID, 'contoso.sandbox', 'Contoso.Sandbox']) {
      const doc = (await (await fetch(`${r.url}/${tenant}/v2.0/.well-known/openid-configuration`)).json()) as Json;
      expect(doc.issuer).toBe(`${AUTHORITY_HOST}/${SANDBOX_TENANT_ID}/v2.0`);
      expect(doc.token_endpoint).toBe(`${r.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`);
    }
    const orgs = (await (await fetch(`${r.url}/organizations/v2.0/.well-known/openid-configuration`)).json()) as Json;
    expect(orgs.issuer).toBe(`${AUTHORITY_HOST}/{tenantid}/v2.0`);
    const doc = (await (await fetch(`${r.url}/common/v2.0/.well-known/openid-configuration`)).json()) as { jwks_uri: string };
    const jwks = (await (await fetch(doc.jwks_uri)).json()) as { keys: Json[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', kid: expect.any(String), n: expect.any(String), e: 'AQAB' });
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(jwks.keys[0]).not.toHaveProperty(secret);
    expect((await fetch(doc.jwks_uri, { method: 'POST' })).status).toBe(405);

    const get = await fetch(tokenUrl(r));
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject({ error: 'invalid_request', error_codes: [900561] });
  });

  it('refuses unknown tenants, non-GUID client ids and foreign scopes like Entra', async () => {
    const r = await serve();
    const unknown = await post(deviceUrl(r, 'fabrikam.example'), { client_id: SANDBOX_CLIENT_ID, scope: 'User.Read' });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ error: 'invalid_request', error_codes: [90002] });
    expect(unknown.body.error_description).toMatch(/^AADSTS90002: Tenant 'fabrikam\.example' not found/);
    const discovery = await fetch(`${r.url}/fabrikam.example/v2.0/.well-known/openid-configuration`);
    expect(await discovery.json()).toMatchObject({ error: 'invalid_tenant', error_codes: [90002] });

    const badClient = await post(deviceUrl(r), { client_id: 'my-app', scope: 'User.Read' });
    expect(badClient.body).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect((await post(deviceUrl(r), { client_id: randomUUID(), scope: 'User.Read' })).status).toBe(200);
    expect((await post(deviceUrl(r), { client_id: SANDBOX_CLIENT_ID, scope: 'https://outlook.office.com/Mail.Read' })).body).toMatchObject({ error: 'invalid_scope' });
    expect((await post(tokenUrl(r), { client_id: SANDBOX_CLIENT_ID, grant_type: 'password' })).body).toMatchObject({ error: 'unsupported_grant_type' });

    // MSAL surfaces both as failed sign-ins.
    const viaUnknownTenant = msal(r.url, { tenant: 'fabrikam.example' }).acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: () => undefined });
    await expect(viaUnknownTenant).rejects.toMatchObject({ errorMessage: expect.stringContaining('invalid_request') });
    const viaBadClient = msal(r.url, { clientId: 'my-app' }).acquireTokenByDeviceCode({ scopes: SCOPES, deviceCodeCallback: () => undefined });
    await expect(viaBadClient).rejects.toMatchObject({ errorMessage: expect.stringContaining('unauthorized_client') });
  });
});
