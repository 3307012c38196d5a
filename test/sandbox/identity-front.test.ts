// The identity platform's side of many users over HTTP, with MSAL Node as the client where it can be: the
// authorization code grant with PKCE (MSAL's own generator and acquireTokenByCode), tokens for the MCP server's
// API, on-behalf-of through MSAL's ConfidentialClientApplication (the Graph token then works on Graph), and
// Entra's refusals: a `resource` that does not match the scopes, a wrong verifier, a code used twice, a missing or
// wrong client secret, an assertion for another audience, a permission withheld from the admin consent.
import { ConfidentialClientApplication, CryptoProvider, PublicClientApplication } from '@azure/msal-node';
import { decodeJwt } from 'jose';
import { describe, expect, it } from 'vitest';
import { SANDBOX_AUTHORITY_HOST, sandboxMetadata } from '../../src/auth/clouds.js';
import { FetchNetworkClient } from '../../src/auth/network.js';
import { SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_SERVER_SECRET, SANDBOX_TENANT_ID } from '../../src/sandbox/testing.js';
import { ADELE, graph, startTestSandbox, useSandbox } from '../fixtures.js';

const sb = useSandbox({ autoApproveUser: 'default' });
const API_SCOPE = `api://${SANDBOX_SERVER_APP_ID}/access_as_user`;
const REDIRECT = 'http://127.0.0.1:33418/callback';
const authority = `${SANDBOX_AUTHORITY_HOST}/${SANDBOX_TENANT_ID}`;
const msalAuth = (clientId: string) => ({ clientId, authority, knownAuthorities: [new URL(SANDBOX_AUTHORITY_HOST).host], ...sandboxMetadata(authority) });
const net = (url: string) => ({ networkClient: new FetchNetworkClient({ sandboxUrl: url }) });

/** Follows /authorize (auto-approved) to the redirect; the code, state and error it carries. */
async function authorize(url: string, params: Record<string, string>): Promise<URLSearchParams> {
  const res = await fetch(`${url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize?${new URLSearchParams(params)}`, { redirect: 'manual' });
  expect(res.status, await res.clone().text()).toBe(302);
  return new URL(res.headers.get('location')!).searchParams;
}

describe('authorization code with PKCE', () => {
  it("gives an MCP client a token for the server's API, and MSAL redeems it", async () => {
    const pkce = await new CryptoProvider().generatePkceCodes();
    const back = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: `${API_SCOPE} offline_access openid`, state: 'xyz', code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    expect(back.get('state')).toBe('xyz');
    const app = new PublicClientApplication({ auth: msalAuth(SANDBOX_ORG_CLIENT_ID), system: net(sb.url) });
    const result = await app.acquireTokenByCode({ code: back.get('code')!, redirectUri: REDIRECT, scopes: [API_SCOPE], codeVerifier: pkce.verifier });
    const claims = decodeJwt(result.accessToken);
    expect(claims).toMatchObject({ aud: SANDBOX_SERVER_APP_ID, scp: 'access_as_user', azp: SANDBOX_ORG_CLIENT_ID, tid: SANDBOX_TENANT_ID, ver: '2.0', preferred_username: ADELE });
    // The same code again: Entra's 54005.
    await expect(app.acquireTokenByCode({ code: back.get('code')!, redirectUri: REDIRECT, scopes: [API_SCOPE], codeVerifier: pkce.verifier })).rejects.toThrow(/AADSTS54005/);
    // The refresh token renews the API token, not a Graph one.
    const renewed = await app.acquireTokenSilent({ account: result.account!, scopes: [API_SCOPE], forceRefresh: true });
    expect(decodeJwt(renewed.accessToken).aud).toBe(SANDBOX_SERVER_APP_ID);
  });

  it('refuses a wrong verifier, and a resource parameter that is not the API of the scopes', async () => {
    const pkce = await new CryptoProvider().generatePkceCodes();
    const back = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: API_SCOPE, code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    const token = (fields: Record<string, string>) => fetch(`${sb.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
    const wrong = await token({ client_id: SANDBOX_ORG_CLIENT_ID, grant_type: 'authorization_code', code: back.get('code')!, redirect_uri: REDIRECT, code_verifier: 'x'.repeat(43) });
    expect(((await wrong.json()) as { error_codes: number[] }).error_codes).toEqual([501481]);
    const mismatch = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: API_SCOPE, resource: 'https://mcp.contoso.example/mcp', state: 's' });
    expect(mismatch.get('error')).toBe('invalid_target');
    expect(mismatch.get('error_description')).toMatch(/^AADSTS9010010/);
    expect(mismatch.get('state')).toBe('s');
    const matching = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: API_SCOPE, resource: `api://${SANDBOX_SERVER_APP_ID}` });
    expect(matching.get('code')).toBeTruthy();
    const twoResources = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: `${API_SCOPE} Mail.Read` });
    expect(twoResources.get('error_description')).toMatch(/^AADSTS28000/);
  });

  it('without auto-approval shows a sign-in page whose Accept redirects with a code', async () => {
    const manual = await startTestSandbox();
    try {
      const q = new URLSearchParams({ client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: API_SCOPE, state: 'p' });
      const pageRes = await fetch(`${manual.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize?${q}`);
      const html = await pageRes.text();
      expect(html).toMatch(/Sign in to Contoso MCP client/);
      expect(html).toMatch(/access_as_user/);
      const posted = await fetch(`${manual.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: q.toString(), user: 'megan.bowen@contoso.sandbox', action: 'approve' }) });
      expect(posted.status).toBe(302);
      const to = new URL(posted.headers.get('location')!);
      expect(to.origin + to.pathname).toBe(REDIRECT);
      expect(to.searchParams.get('code')).toBeTruthy();
      expect(to.searchParams.get('state')).toBe('p');
    } finally {
      await manual.close();
    }
  });
});

describe('on behalf of', () => {
  async function apiToken(): Promise<string> {
    const pkce = await new CryptoProvider().generatePkceCodes();
    const back = await authorize(sb.url, { client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope: API_SCOPE, code_challenge: pkce.challenge, code_challenge_method: 'S256' });
    const app = new PublicClientApplication({ auth: msalAuth(SANDBOX_ORG_CLIENT_ID), system: net(sb.url) });
    return (await app.acquireTokenByCode({ code: back.get('code')!, redirectUri: REDIRECT, scopes: [API_SCOPE], codeVerifier: pkce.verifier })).accessToken;
  }
  const server = (secret = SANDBOX_SERVER_SECRET) => new ConfidentialClientApplication({ auth: { ...msalAuth(SANDBOX_SERVER_APP_ID), clientSecret: secret }, system: net(sb.url) });

  it("trades the user's API token for a Graph token through MSAL, and Graph answers as that user", async () => {
    const obo = await server().acquireTokenOnBehalfOf({ oboAssertion: await apiToken(), scopes: ['User.Read', 'Mail.Read'] });
    expect(obo).not.toBeNull();
    expect(decodeJwt(obo!.accessToken)).toMatchObject({ aud: '00000003-0000-0000-c000-000000000000', appid: SANDBOX_SERVER_APP_ID, upn: ADELE });
    const me = await graph(sb, obo!.accessToken, '/me');
    expect(me.body.userPrincipalName).toBe(ADELE);
  });

  it('refuses a wrong secret, an assertion for another audience, and a permission the admin did not consent', async () => {
    const assertion = await apiToken();
    await expect(server('wrong').acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['User.Read'] })).rejects.toThrow(/AADSTS7000215/);
    // A Graph token is not a token for the server's API.
    const graphToken = (await server().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['User.Read'] }))!.accessToken;
    await expect(server().acquireTokenOnBehalfOf({ oboAssertion: graphToken, scopes: ['Mail.Read'] })).rejects.toThrow(/AADSTS(50013|70000)/);
    await fetch(`${sb.url}/_sandbox/consent`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ appId: SANDBOX_SERVER_APP_ID, withhold: ['Mail.Send'] }) });
    await expect(server().acquireTokenOnBehalfOf({ oboAssertion: assertion, scopes: ['Mail.Send'] })).rejects.toThrow(/AADSTS65001/);
  });
});
