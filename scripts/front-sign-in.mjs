// A person's whole sign-in through the server's sign-in front, as an MCP client and a browser do it, for the tests and
// the bench: /authorize at the front (to the sandbox's sign-in page), the person accepts there, the front's /callback,
// and the code redeemed with PKCE at /token. `route(step)` may point each step at another replica (a test's proxy), or
// do something between the steps (it is awaited); `authorizeOrigin` sends /authorize straight to one replica;
// `reach(url)` turns the identity platform's address as the server knows it into one this client reaches (a
// container's name on a Docker network, seen from the host).
import { createHash, randomBytes } from 'node:crypto';

/**
 * @param {string} publicUrl the front's public URL (MS365_MCP_PUBLIC_URL)
 * @param {{ upn: string, clientId: string, redirectUri: string, route?: (step: 'authorize' | 'callback' | 'token') => void | Promise<void>, authorizeOrigin?: string, reach?: (url: string) => string }} o
 * @returns {Promise<{ access_token: string, refresh_token: string, expires_in: number }>}
 */
export async function signInThroughFront(publicUrl, o) {
  const go = (/** @type {string} */ u, /** @type {RequestInit} */ init = {}) => fetch(u, { ...init, redirect: 'manual' });
  const fail = async (/** @type {string} */ step, /** @type {Response} */ res) => new Error(`sign-in of ${o.upn}: ${step} answered ${res.status}: ${(await res.text()).slice(0, 500)}`);
  const verifier = randomBytes(32).toString('base64url');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  await o.route?.('authorize');
  const query = new URLSearchParams({ client_id: o.clientId, redirect_uri: o.redirectUri, response_type: 'code', code_challenge: challenge, code_challenge_method: 'S256', state: randomBytes(8).toString('hex'), resource: `${publicUrl}/mcp` });
  const toEntra = await go(`${o.authorizeOrigin ?? publicUrl}/authorize?${query}`);
  if (toEntra.status !== 302) throw await fail('/authorize', toEntra);
  const signInPage = (o.reach ?? ((u) => u))(/** @type {string} */ (toEntra.headers.get('location')));
  const html = await (await go(signInPage)).text();
  const entraQuery = /name="query" value="([^"]*)"/.exec(html)?.[1].replace(/&amp;/g, '&');
  if (!entraQuery) throw new Error(`sign-in of ${o.upn}: the sign-in page has no form:\n${html.slice(0, 500)}`);
  const accepted = await go(signInPage.split('?')[0], { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ query: entraQuery, user: o.upn, action: 'approve' }) });
  const callback = accepted.headers.get('location') ?? '';
  if (!callback.startsWith(`${publicUrl}/callback?`)) throw await fail('the sign-in page', accepted);
  await o.route?.('callback');
  const toClient = await go(callback);
  const back = new URL(toClient.headers.get('location') ?? 'http://none/');
  if (back.origin + back.pathname !== o.redirectUri || query.get('state') !== back.searchParams.get('state')) throw await fail('/callback', toClient);
  await o.route?.('token');
  const res = await fetch(`${publicUrl}/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: o.clientId, grant_type: 'authorization_code', code: back.searchParams.get('code') ?? '', redirect_uri: o.redirectUri, code_verifier: verifier }) });
  if (res.status !== 200) throw await fail('/token', res);
  return /** @type {any} */ (await res.json());
}
