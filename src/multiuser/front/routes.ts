// The sign-in front's endpoints (OAuth 2.1 authorization server for MCP clients that Entra cannot serve): its
// metadata (RFC 8414), /authorize (a client known by its metadata document, PKCE S256 required, `resource` checked
// against this server's), /callback (the person back from Entra), and /token (codes and refresh tokens for this
// server's own tokens). Answers that go back to a client carry `iss` (RFC 9207); errors say what to do.
import { createHash } from 'node:crypto';
import type http from 'node:http';
import type { Logger } from '../../log.js';
import { type ClientDirectory, ClientRefused } from './clients.js';
import { type EntraSignIn, SignInServiceUnavailable } from './entra.js';
import type { SigningKey } from './keys.js';
import { SharedStateUnavailable } from '../replicated/unavailable.js';
import type { FrontStore, Grant, Redeemable } from './store.js';
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from './tokens.js';

export interface FrontDeps {
  base: () => string;
  /** The MCP endpoint, the one resource the front issues tokens for. */
  resource: () => string;
  apiScope: string;
  scopeName: string;
  clients: ClientDirectory;
  entra: EntraSignIn;
  store: FrontStore;
  key: SigningKey;
  log: Logger;
}

const FORM_LIMIT = 16_384;

function readForm(req: http.IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > FORM_LIMIT) reject(new Error('too large'));
      else chunks.push(c);
    });
    req.on('end', () => resolve(new URLSearchParams(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

function page(res: http.ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(`${text}\n`);
}
function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' }).end(JSON.stringify(body));
}
/** Whether a redirect URI is one the client lists: exactly, or (RFC 8252, native apps) a loopback http address
 *  with any port, as a desktop client listens on whatever port is free at sign-in. */
function redirectAllowed(listed: string[], given: string): boolean {
  if (listed.includes(given)) return true;
  let g: URL;
  try {
    g = new URL(given);
  } catch {
    return false;
  }
  const loopback = (u: URL) => u.protocol === 'http:' && ['127.0.0.1', '[::1]'].includes(u.hostname);
  if (!loopback(g)) return false;
  return listed.some((l) => {
    const u = URL.canParse(l) ? new URL(l) : undefined;
    return !!u && loopback(u) && u.hostname === g.hostname && u.pathname === g.pathname && u.search === g.search;
  });
}

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

export function frontRoutes(d: FrontDeps) {
  const back = (res: http.ServerResponse, redirectUri: string, params: Record<string, string | undefined>): void => {
    const url = new URL(redirectUri);
    for (const [k, v] of Object.entries({ ...params, iss: d.base() })) if (v !== undefined) url.searchParams.set(k, v);
    res.writeHead(302, { location: url.toString(), 'cache-control': 'no-store' }).end();
  };
  /** The scopes a client may ask: this server's API (under either name), and nothing it cannot have. */
  const knownScope = (s: string) => s === d.apiScope || s === d.scopeName || s === 'offline_access' || s === 'openid';

  const metadata = () => ({
    issuer: d.base(),
    authorization_endpoint: `${d.base()}/authorize`,
    token_endpoint: `${d.base()}/token`,
    response_types_supported: ['code'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: [d.apiScope, 'offline_access'],
    client_id_metadata_document_supported: true,
    authorization_response_iss_parameter_supported: true,
  });

  async function authorize(url: URL, res: http.ServerResponse): Promise<void> {
    const q = url.searchParams;
    const clientId = q.get('client_id') ?? '';
    let client;
    try {
      client = await d.clients.resolve(clientId);
    } catch (e) {
      if (e instanceof ClientRefused) return page(res, 400, `Sign-in refused: ${e.message}.`);
      throw e;
    }
    const redirectUri = q.get('redirect_uri') ?? '';
    if (!redirectAllowed(client.redirectUris, redirectUri)) return page(res, 400, `Sign-in refused: the redirect_uri is not one the client ${client.name} lists in its metadata document or registration.`);
    const state = q.get('state') ?? undefined;
    const fail = (error: string, description: string) => back(res, redirectUri, { error, error_description: description, state });
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'response_type must be code');
    const challenge = q.get('code_challenge');
    if (!challenge || q.get('code_challenge_method') !== 'S256') return fail('invalid_request', 'PKCE is required: send code_challenge with code_challenge_method S256');
    const resource = q.get('resource');
    if (resource !== null && resource.replace(/\/+$/, '') !== d.resource()) return fail('invalid_target', `this server issues tokens for ${d.resource()} only`);
    const scopes = (q.get('scope') ?? '').split(' ').filter(Boolean);
    const unknown = scopes.find((s) => !knownScope(s));
    if (unknown) return fail('invalid_scope', `unknown scope ${unknown}; this server's scope is ${d.apiScope}`);
    const pkce = await d.entra.pkce();
    const id = await d.store.startSignIn({ clientId, redirectUri, ...(state !== undefined ? { state } : {}), codeChallenge: challenge, scope: d.scopeName, entraVerifier: pkce.verifier });
    d.log.info(`http: sign-in started for the client ${client.name}`);
    res.writeHead(302, { location: await d.entra.authUrl(id, pkce.challenge), 'cache-control': 'no-store' }).end();
  }

  async function callback(url: URL, res: http.ServerResponse): Promise<void> {
    const q = url.searchParams;
    const pending = await d.store.finishSignIn(q.get('state') ?? '');
    if (!pending) return page(res, 400, 'This sign-in has expired or was already finished. Start again from your MCP client.');
    const fail = (error: string, description: string) => back(res, pending.redirectUri, { error, error_description: description, state: pending.state });
    if (q.get('error')) return fail(q.get('error') === 'access_denied' ? 'access_denied' : 'server_error', `Microsoft sign-in: ${q.get('error_description') ?? q.get('error')}`);
    let who;
    try {
      who = await d.entra.redeem(q.get('code') ?? '', pending.entraVerifier);
    } catch (e) {
      if (e instanceof SharedStateUnavailable) throw e;
      const x = e as { errorCode?: string; errorMessage?: string; message?: string };
      d.log.warn(`http: the Microsoft sign-in could not be completed (${x.errorCode ?? 'error'})`);
      return fail('access_denied', `Microsoft sign-in could not be completed: ${(x.errorMessage ?? x.message ?? '').split('\n')[0].slice(0, 300)}`);
    }
    const code = await d.store.issueCode({ clientId: pending.clientId, redirectUri: pending.redirectUri, codeChallenge: pending.codeChallenge, scope: pending.scope, ...who });
    d.log.info('http: sign-in completed; code issued to the client');
    back(res, pending.redirectUri, { code, state: pending.state });
  }

  /** The tokens for a grant, the code or refresh token it came from used in the same step as its successor is
   *  written: the last thing before the answer, so that a failure before it leaves the client's secret valid. */
  async function tokens(kind: Redeemable, secret: string, grant: Grant, res: http.ServerResponse): Promise<void> {
    const access = await issueAccessToken(d.key, d.base(), d.resource(), grant, grant.scope);
    const refresh = await d.store.exchange(kind, secret, grant);
    if (!refresh) return json(res, 400, { error: 'invalid_grant', error_description: `the ${kind === 'code' ? 'code' : 'refresh token'} was used meanwhile: sign in again` });
    json(res, 200, { access_token: access, token_type: 'Bearer', expires_in: ACCESS_TOKEN_SECONDS, refresh_token: refresh, scope: d.apiScope });
  }

  async function token(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let f: URLSearchParams;
    try {
      f = await readForm(req);
    } catch {
      return json(res, 400, { error: 'invalid_request', error_description: 'the form is too large' });
    }
    const err = (error: string, description: string) => json(res, 400, { error, error_description: description });
    const resource = f.get('resource');
    if (resource !== null && resource.replace(/\/+$/, '') !== d.resource()) return err('invalid_target', `this server issues tokens for ${d.resource()} only`);
    const clientId = f.get('client_id') ?? '';
    if (f.get('grant_type') === 'authorization_code') {
      const secret = f.get('code') ?? '';
      const code = await d.store.peekCode(secret);
      if (!code || code.clientId !== clientId) return err('invalid_grant', 'the code is not valid, has expired or was used: sign in again');
      if (code.redirectUri !== f.get('redirect_uri')) return err('invalid_grant', 'redirect_uri differs from the one of the sign-in');
      if (s256(f.get('code_verifier') ?? '') !== code.codeChallenge) return err('invalid_grant', 'code_verifier does not match the code_challenge');
      const { redirectUri: _r, codeChallenge: _c, expires: _e, ...grant } = code;
      return tokens('code', secret, grant, res);
    }
    if (f.get('grant_type') === 'refresh_token') {
      const secret = f.get('refresh_token') ?? '';
      const grant = await d.store.peekRefresh(secret);
      if (!grant || grant.clientId !== clientId) return err('invalid_grant', 'the refresh token is not valid, has expired or was used: sign in again');
      // A person whose Microsoft sign-in is gone gets no new token here: their client signs them in again. One the
      // identity platform could not renew just now keeps their refresh token for a retry.
      try {
        await d.entra.graphToken(grant.homeAccountId);
      } catch (e) {
        if (e instanceof SharedStateUnavailable) throw e;
        if (e instanceof SignInServiceUnavailable) {
          res.setHeader('retry-after', '5');
          return json(res, 503, { error: 'temporarily_unavailable', error_description: e.message });
        }
        return err('invalid_grant', (e as Error).message);
      }
      return tokens('refresh', secret, grant, res);
    }
    return err('unsupported_grant_type', 'grant_type must be authorization_code or refresh_token');
  }

  return {
    metadata,
    /** Serves the front's paths; false for any other path. */
    async handle(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean> {
      try {
        return await serve(req, res, path);
      } catch (e) {
        if (!(e instanceof SharedStateUnavailable) || res.headersSent) throw e;
        // Replicas' shared state is away: a clear answer the client may retry, never a half-made sign-in.
        res.setHeader('retry-after', '5');
        if (path === '/token') json(res, 503, { error: 'temporarily_unavailable', error_description: e.message });
        else page(res, 503, `Sign-in is not possible right now: ${e.message}`);
        return true;
      }
    },
  };

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<boolean> {
    const url = new URL(req.url ?? '/', 'http://front');
    if (path === '/.well-known/oauth-authorization-server' || path === '/.well-known/oauth-authorization-server/mcp') {
      res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'cache-control': 'max-age=3600' }).end(JSON.stringify(metadata()));
    } else if (path === '/authorize' && req.method === 'GET') await authorize(url, res);
    else if (path === '/callback' && req.method === 'GET') await callback(url, res);
    else if (path === '/token' && req.method === 'POST') await token(req, res);
    else if (path === '/token' && req.method === 'OPTIONS') res.writeHead(204, { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'POST', 'access-control-allow-headers': 'content-type' }).end();
    else return false;
    return true;
  }
}
export type FrontRoutes = ReturnType<typeof frontRoutes>;
