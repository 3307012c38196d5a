// The MCP server as an OAuth protected resource (MCP authorization, RFC 9728): its metadata document, the
// WWW-Authenticate challenge that sends a client to sign in, and the check of each request's bearer token: an
// Entra v2 token for this server's API (api://{client id}/access_as_user), its signature against the tenant's
// published keys, issuer, audience, lifetime and scope, with jose; or a token of the server's own sign-in front
// (front/), checked against the front's key. No such token is ever sent on to Graph.
import { createRemoteJWKSet, decodeJwt, errors, jwtVerify, type JWTPayload } from 'jose';
import type { SigningKey } from './front/keys.js';
import { verifyAccessToken } from './front/tokens.js';

export const API_SCOPE_NAME = 'access_as_user';

export interface ResourceServerOptions {
  /** Where clients reach the server, e.g. https://mcp.contoso.com (the resource is {publicUrl}/mcp); without it,
   *  the address the server listens on, once it does (listening()). */
  publicUrl?: string;
  clientId: string;
  tenantId: string;
  /** The identity platform's https name (login.microsoftonline.com, or the sandbox's stable name). */
  authorityHost: string;
  /** Where that name is reached over the network (the sandbox's real URL), when not itself. */
  reachAt?: string;
  /** The sign-in front's key, when it runs: its tokens are accepted too, and it is the first authorization server. */
  frontKey?: SigningKey;
}

/** The person a request acts for. */
export interface RequestUser {
  oid: string;
  tid: string;
  username: string;
  name?: string;
  /** The bearer token as it came (for an Entra token, the on-behalf-of assertion). */
  assertion: string;
  scopes: string[];
  /** Signed in through the front: the MSAL account whose Graph tokens the server keeps. */
  homeAccountId?: string;
}

export type Verdict = { ok: true; user: RequestUser } | { ok: false; status: 401 | 403; error: 'invalid_request' | 'invalid_token' | 'insufficient_scope'; description: string };

export function resourceServer(o: ResourceServerOptions) {
  let base = o.publicUrl;
  const resource = () => `${base}/mcp`;
  const apiScope = `api://${o.clientId}/${API_SCOPE_NAME}`;
  const metadataUrl = () => `${base}/.well-known/oauth-protected-resource/mcp`;
  let discovered: Promise<{ issuer: string; keys: ReturnType<typeof createRemoteJWKSet> }> | undefined;
  const reach = (url: string) => (o.reachAt ? url.replace(o.authorityHost, o.reachAt) : url);

  /** The tenant's issuer and signing keys, from its OpenID configuration (once; retried after a failure). */
  const discover = () =>
    (discovered ??= (async () => {
      const res = await fetch(reach(`${o.authorityHost}/${o.tenantId}/v2.0/.well-known/openid-configuration`));
      if (!res.ok) throw new Error(`the identity platform's OpenID configuration answered ${res.status}`);
      const doc = (await res.json()) as { issuer: string; jwks_uri: string };
      return { issuer: doc.issuer, keys: createRemoteJWKSet(new URL(reach(doc.jwks_uri))) };
    })().catch((e: unknown) => {
      discovered = undefined;
      throw e;
    }));

  async function fromFront(key: SigningKey, token: string): Promise<Verdict> {
    const v = await verifyAccessToken(key, base!, resource(), token);
    if (!v.ok) return { ok: false, status: 401, error: 'invalid_token', description: v.description };
    const c = v.claims;
    const scopes = String(c.scp ?? '').split(' ').filter(Boolean);
    if (!scopes.includes(API_SCOPE_NAME)) return { ok: false, status: 403, error: 'insufficient_scope', description: `the token lacks the scope ${apiScope}` };
    return { ok: true, user: { oid: String(c.oid), tid: String(c.tid), username: String(c.preferred_username ?? c.oid), ...(c.name ? { name: String(c.name) } : {}), assertion: token, scopes, homeAccountId: String(c.hid) } };
  }

  return {
    apiScope,
    /** The origin the server listens on, the public URL when none was configured. */
    listening(origin: string) {
      base ??= origin;
    },
    /** RFC 9728's document, at /.well-known/oauth-protected-resource and its path-aware form for /mcp. */
    /** The front's issuer (this server's address), when the front runs. */
    frontIssuer: () => (o.frontKey ? base : undefined),
    resource,
    metadata: () => ({
      resource: resource(),
      // Clients take the first: the front serves every MCP client; clients registered in Entra may use Entra.
      authorization_servers: [...(o.frontKey ? [base] : []), `${o.authorityHost}/${o.tenantId}/v2.0`],
      scopes_supported: [apiScope],
      bearer_methods_supported: ['header'],
      resource_name: 'Microsoft 365 MCP Server',
    }),
    /** The WWW-Authenticate value of a refusal. */
    challenge: (v?: Extract<Verdict, { ok: false }>) =>
      `Bearer resource_metadata="${metadataUrl()}", scope="${apiScope}"${v && v.error !== 'invalid_request' ? `, error="${v.error}", error_description="${v.description.replace(/"/g, "'")}"` : ''}`,
    /** For readiness at start: the tenant's OpenID configuration fetched, so that tokens can be checked (throws while
     *  the identity platform cannot be reached). Once fetched it is kept: a later outage does not unready a replica. */
    warmUp: async (): Promise<void> => {
      await discover();
    },
    async verify(authorization: string | undefined): Promise<Verdict> {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
      if (!m) return { ok: false, status: 401, error: 'invalid_request', description: 'sign in: this server needs a bearer token for its API' };
      if (o.frontKey && issuerOf(m[1]) === base) return fromFront(o.frontKey, m[1]);
      const { issuer, keys } = await discover();
      let claims: JWTPayload;
      try {
        claims = (await jwtVerify(m[1], keys, { issuer, audience: [o.clientId, `api://${o.clientId}`], algorithms: ['RS256'], requiredClaims: ['exp', 'oid', 'tid'] })).payload;
      } catch (e) {
        return { ok: false, status: 401, error: 'invalid_token', description: tokenProblem(e) };
      }
      const scopes = String(claims.scp ?? '').split(' ').filter(Boolean);
      if (!scopes.includes(API_SCOPE_NAME)) return { ok: false, status: 403, error: 'insufficient_scope', description: `the token lacks the scope ${apiScope}` };
      return { ok: true, user: { oid: String(claims.oid), tid: String(claims.tid), username: String(claims.preferred_username ?? claims.upn ?? claims.oid), ...(claims.name ? { name: String(claims.name) } : {}), assertion: m[1], scopes } };
    },
  };
}
export type ResourceServer = ReturnType<typeof resourceServer>;

function issuerOf(token: string): string | undefined {
  try {
    return decodeJwt(token).iss;
  } catch {
    return undefined;
  }
}

function tokenProblem(e: unknown): string {
  if (e instanceof errors.JWTExpired) return 'the token has expired';
  if (e instanceof errors.JWTClaimValidationFailed) return e.claim === 'aud' ? 'the token is for another audience' : e.claim === 'iss' ? 'the token is from another issuer' : `the token's ${e.claim} claim is not valid`;
  if (e instanceof errors.JWSSignatureVerificationFailed || e instanceof errors.JWKSNoMatchingKey) return 'the token is not signed by the tenant\'s keys';
  return 'the token is not a valid JWT';
}
