// The sign-in front's access tokens: short-lived JWTs (ES256) for this server's MCP endpoint only (aud), naming the
// person and their MSAL account, signed with the front's own key. They carry no Microsoft token: the person's
// Entra tokens stay in the server's cache.
import { randomUUID } from 'node:crypto';
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { SigningKey } from './keys.js';
import type { Grant } from './store.js';

export const ACCESS_TOKEN_SECONDS = 3_600;

export function issueAccessToken(key: SigningKey, issuer: string, audience: string, g: Grant, scope: string): Promise<string> {
  return new SignJWT({ scp: scope, oid: g.oid, tid: g.tid, preferred_username: g.username, ...(g.name ? { name: g.name } : {}), client_id: g.clientId, hid: g.homeAccountId })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'at+jwt' })
    .setIssuer(issuer)
    .setAudience(audience)
    .setSubject(g.oid)
    .setIssuedAt()
    .setExpirationTime(`${ACCESS_TOKEN_SECONDS}s`)
    .setJti(randomUUID())
    .sign(key.privateKey);
}

export type FrontVerdict = { ok: true; claims: JWTPayload & Record<string, unknown> } | { ok: false; description: string };

export async function verifyAccessToken(key: SigningKey, issuer: string, audience: string, token: string): Promise<FrontVerdict> {
  try {
    const { payload } = await jwtVerify(token, key.publicKey, { issuer, audience, algorithms: ['ES256'], typ: 'at+jwt', requiredClaims: ['exp', 'oid', 'hid'] });
    return { ok: true, claims: payload };
  } catch (e) {
    if (e instanceof errors.JWTExpired) return { ok: false, description: 'the token has expired' };
    if (e instanceof errors.JWTClaimValidationFailed && e.claim === 'aud') return { ok: false, description: 'the token is for another audience' };
    if (e instanceof errors.JWSSignatureVerificationFailed) return { ok: false, description: 'the token is not signed by this server' };
    return { ok: false, description: 'the token is not valid' };
  }
}
