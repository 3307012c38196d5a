// The JWTs the token service hands out and Graph accepts. Access tokens look like Entra's delegated Graph tokens
// (v1 format even from the v2 endpoint: sts.windows.net issuer, `scp`, `upn`, `appid`); id tokens are v2 with
// the claims MSAL builds an account from (oid, tid, preferred_username, name). Both are RS256 with the tenant key.

import { createHash, randomBytes } from 'node:crypto';
import { errors, jwtVerify, SignJWT } from 'jose';
import { SANDBOX_TENANT_ID } from '../contract.js';
import type { DirectoryUser } from '../directory/directory.js';
import { ACCESS_TOKEN_ISSUER, GRAPH_APP_ID, GRAPH_AUDIENCES, ID_TOKEN_ISSUER, appDisplayName } from './authority.js';
import type { SigningKey } from './keys.js';
import type { AccessCheck } from './service.js';

/** Entra's subject is pairwise: stable per user and application, useless for correlating across apps. */
const pairwiseSubject = (oid: string, audience: string): string =>
  createHash('sha256').update(`${oid}:${audience}`).digest('base64url').slice(0, 43);

/** Token identifier (`uti`), opaque like Entra's. */
const tokenId = (): string => randomBytes(16).toString('base64url');

/** `client_info` as Entra sends it: base64url JSON of the home object id and tenant (MSAL's homeAccountId). */
export const clientInfo = (user: DirectoryUser): string =>
  Buffer.from(JSON.stringify({ uid: user.id, utid: SANDBOX_TENANT_ID })).toString('base64url');

export class TokenIssuer {
  constructor(
    private readonly key: SigningKey,
    private readonly lifetimeSeconds: number,
    private readonly now: () => number,
  ) {}

  get accessTokenLifetime(): number {
    return this.lifetimeSeconds;
  }

  async accessToken(user: DirectoryUser, clientId: string, scopes: readonly string[]): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return this.sign({
      aud: GRAPH_APP_ID,
      iss: ACCESS_TOKEN_ISSUER,
      iat,
      nbf: iat,
      exp: iat + this.lifetimeSeconds,
      acct: 0,
      acr: '1',
      amr: ['pwd'],
      app_displayname: appDisplayName(clientId),
      appid: clientId,
      appidacr: '0',
      ...(user.surname ? { family_name: user.surname } : {}),
      ...(user.givenName ? { given_name: user.givenName } : {}),
      idtyp: 'user',
      name: user.displayName,
      oid: user.id,
      scp: scopes.join(' '),
      sub: pairwiseSubject(user.id, GRAPH_APP_ID),
      tid: SANDBOX_TENANT_ID,
      unique_name: user.userPrincipalName,
      upn: user.userPrincipalName,
      uti: tokenId(),
      ver: '1.0',
    });
  }

  /** A v2 access token for an API registered in the tenant (the MCP server's): audience its app id, issuer the v2
   *  authority, `azp` the client that asked, `scp` the API's scopes. */
  async apiAccessToken(user: DirectoryUser, apiAppId: string, clientId: string, confidential: boolean, scopes: readonly string[]): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return this.sign({
      aud: apiAppId,
      iss: ID_TOKEN_ISSUER,
      iat,
      nbf: iat,
      exp: iat + this.lifetimeSeconds,
      azp: clientId,
      azpacr: confidential ? '1' : '0',
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      scp: scopes.join(' '),
      sub: pairwiseSubject(user.id, apiAppId),
      tid: SANDBOX_TENANT_ID,
      uti: tokenId(),
      ver: '2.0',
    });
  }

  /** The claims of a v2 token this service issued for `audience` (an on-behalf-of assertion), or why not. */
  async verifyApiToken(token: string, audience: string): Promise<{ ok: true; claims: Record<string, unknown> } | { ok: false; reason: 'audience' | 'expired' | 'invalid' }> {
    try {
      const { payload } = await jwtVerify(token, this.key.publicKey, { algorithms: ['RS256'], issuer: ID_TOKEN_ISSUER, currentDate: new Date(this.now()), requiredClaims: ['exp', 'oid', 'tid', 'aud'] });
      if (payload.aud !== audience) return { ok: false, reason: 'audience' };
      return { ok: true, claims: payload };
    } catch (err) {
      return { ok: false, reason: err instanceof errors.JWTExpired ? 'expired' : 'invalid' };
    }
  }

  async idToken(user: DirectoryUser, clientId: string, oidc: ReadonlySet<string>): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    // Entra's id tokens live an hour whatever the access-token policy says.
    return this.sign({
      aud: clientId,
      iss: ID_TOKEN_ISSUER,
      iat,
      nbf: iat,
      exp: iat + 3600,
      ...(oidc.has('email') && user.mail ? { email: user.mail } : {}),
      name: user.displayName,
      oid: user.id,
      preferred_username: user.userPrincipalName,
      sub: pairwiseSubject(user.id, clientId),
      tid: SANDBOX_TENANT_ID,
      uti: tokenId(),
      ver: '2.0',
    });
  }

  /** What Graph does with a bearer token, with Graph's error texts. `findUser` looks the `oid` up. */
  async verify(token: string, findUser: (oid: string) => DirectoryUser | undefined): Promise<AccessCheck> {
    const fail = (message: string): AccessCheck => ({ ok: false, code: 'InvalidAuthenticationToken', message });
    if (!token) return fail('Access token is empty.');
    if (token.split('.').length !== 3) {
      return fail('IDX14100: JWT is not well formed, there are no dots (.). The token needs to be in JWS or JWE Compact Serialization Format.');
    }
    let claims: Record<string, unknown>;
    try {
      const verified = await jwtVerify(token, this.key.publicKey, {
        algorithms: ['RS256'],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: GRAPH_AUDIENCES,
        currentDate: new Date(this.now()),
        requiredClaims: ['exp', 'oid', 'tid'],
      });
      claims = verified.payload;
    } catch (err) {
      return fail(verificationFailure(err));
    }
    if (claims.tid !== SANDBOX_TENANT_ID) return fail('Access token validation failure. Invalid tenant.');
    if (claims.idtyp !== 'user' || typeof claims.scp !== 'string') {
      return fail('Access token validation failure. The sandbox accepts delegated (user) tokens only.');
    }
    const user = typeof claims.oid === 'string' ? findUser(claims.oid) : undefined;
    if (!user) return fail('Access token validation failure. The user of the token does not exist in the tenant.');
    if (!user.accountEnabled) return fail('Access token validation failure. The user account is disabled.');
    return {
      ok: true,
      principal: { user, scopes: claims.scp.split(' ').filter(Boolean), appId: String(claims.appid ?? '') },
    };
  }

  private sign(claims: Record<string, unknown>): Promise<string> {
    return new SignJWT(claims)
      .setProtectedHeader({ typ: 'JWT', alg: 'RS256', x5t: this.key.kid, kid: this.key.kid })
      .sign(this.key.privateKey);
  }
}

function verificationFailure(err: unknown): string {
  if (err instanceof errors.JWTExpired) return 'Lifetime validation failed, the token is expired.';
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'nbf' || err.claim === 'iat') return 'Lifetime validation failed, the token is not yet valid.';
    if (err.claim === 'aud') return 'Access token validation failure. Invalid audience.';
    if (err.claim === 'iss') return 'Access token validation failure. Invalid issuer.';
    return `Access token validation failure. Missing or invalid claim '${err.claim}'.`;
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return 'Access token validation failure. Invalid signature.';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'Access token validation failure. Unsupported signing algorithm.';
  return 'IDX14102: Unable to decode the token. The token needs to be in JWS Compact Serialization Format.';
}
