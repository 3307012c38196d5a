// Entra tokens for this server's API, as a client registered in the tenant gets them: the sandbox's sign-in page
// approved as a person, the code redeemed with PKCE by the tenant's own MCP client registration.
import { CryptoProvider } from '@azure/msal-node';
import { SANDBOX_ORG_CLIENT_ID, SANDBOX_SERVER_APP_ID, SANDBOX_TENANT_ID } from '../../src/sandbox/testing.js';

export const API_SCOPE = `api://${SANDBOX_SERVER_APP_ID}/access_as_user`;
const REDIRECT = 'http://127.0.0.1:33418/callback';

export async function apiToken(sandbox: { url: string }, upn: string, scope = API_SCOPE): Promise<string> {
  const pkce = await new CryptoProvider().generatePkceCodes();
  const q = new URLSearchParams({ client_id: SANDBOX_ORG_CLIENT_ID, response_type: 'code', redirect_uri: REDIRECT, scope, code_challenge: pkce.challenge, code_challenge_method: 'S256' });
  const approved = await fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/authorize`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: q.toString(), user: upn, action: 'approve' }) });
  const code = new URL(approved.headers.get('location')!).searchParams.get('code')!;
  const tok = await fetch(`${sandbox.url}/${SANDBOX_TENANT_ID}/oauth2/v2.0/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: SANDBOX_ORG_CLIENT_ID, grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: pkce.verifier, scope }) });
  return ((await tok.json()) as { access_token: string }).access_token;
}
