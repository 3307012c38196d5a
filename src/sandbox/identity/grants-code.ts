// The grants a server in front of its users needs: the authorization code (from /authorize, with PKCE S256) and
// on-behalf-of (a confidential client trading a user's token for its API for a Graph token), with client
// authentication as Entra checks it: a confidential client must show its secret, a public one must not.

import { createHash, timingSafeEqual } from 'node:crypto';
import { appOf } from './apps.js';
import { assertionError } from './client-assertion.js';
import { appDisplayName } from './authority.js';
import type { IdentityContext } from './context.js';
import * as E from './errors.js';
import type { AadError } from './errors.js';
import { issue, scopesToGrant, usableUser, type GrantResult } from './grants.js';
import { parseScopes } from './scopes.js';

const failure = (error: AadError): GrantResult => ({ ok: false, error });
const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Entra's client authentication: a registered secret or certificate for a confidential client, nothing for a
 *  public one. */
export async function clientAuthError(ctx: IdentityContext, form: URLSearchParams, clientId: string): Promise<AadError | undefined> {
  const app = appOf(clientId);
  const secret = form.get('client_secret');
  const assertion = form.get('client_assertion');
  const certificates = ctx.certificates.get(clientId) ?? [];
  if (!app?.secrets.length && !certificates.length) return secret || assertion ? E.publicClientSecret() : undefined;
  if (!secret && !assertion) return E.clientSecretMissing();
  if (assertion) return assertionError(certificates, form, clientId, ctx.now());
  return app?.secrets.some((s) => same(s, secret!)) ? undefined : E.clientSecretInvalid(clientId);
}

export async function redeemAuthCode(ctx: IdentityContext, form: URLSearchParams, clientId: string): Promise<GrantResult> {
  const code = form.get('code');
  if (!code) return failure(E.missingParameter('code'));
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) return failure(E.missingParameter('redirect_uri'));
  if (form.get('resource')) return failure(E.resourceMismatch());
  const entry = ctx.authCodes.find(code);
  if (!entry || entry.clientId !== clientId) return failure(E.codeInvalid());
  if (entry.redeemed) return failure(E.codeRedeemed());
  if (ctx.authCodes.isExpired(entry)) return failure(E.codeExpired());
  if (entry.redirectUri !== redirectUri) return failure(E.redirectMismatch());
  const verifier = form.get('code_verifier');
  if (entry.challenge) {
    if (!verifier) return failure(E.missingParameter('code_verifier'));
    if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) return failure(E.codeVerifierMismatch());
  } else if (!appOf(clientId)?.secrets.length) return failure(E.pkceRequired());
  // Marked before anything is awaited: two redemptions racing get one success.
  entry.redeemed = true;
  const user = usableUser(ctx, entry.user.oid, entry.user.upn);
  if (!user.ok) return user;
  const { requested } = entry;
  if (requested.api) return issue(ctx, form, 'authorization_code', user.user, clientId, requested.api.scopes, requested.oidc, undefined, requested.api.appId);
  return issue(ctx, form, 'authorization_code', user.user, clientId, scopesToGrant(ctx, requested, user.user.userPrincipalName, clientId), requested.oidc);
}

/** On-behalf-of: the assertion is a user's token for this client's own API; the answer a Graph token for that
 *  user with the scopes asked, if an admin consented them for this app. */
export async function redeemOnBehalfOf(ctx: IdentityContext, form: URLSearchParams, clientId: string): Promise<GrantResult> {
  if (form.get('requested_token_use') !== 'on_behalf_of') return failure(E.missingParameter('requested_token_use'));
  const assertion = form.get('assertion');
  if (!assertion) return failure(E.missingParameter('assertion'));
  const rawScope = form.get('scope');
  if (!rawScope?.trim()) return failure(E.missingParameter('scope'));
  const requested = parseScopes(rawScope);
  if (requested.invalid.length) return failure(E.invalidScope(requested.invalid[0]));
  if (requested.mixed) return failure(E.multipleResources());
  const checked = await ctx.issuer.verifyApiToken(assertion, clientId);
  if (!checked.ok) return failure(checked.reason === 'expired' ? E.assertionExpired() : checked.reason === 'audience' ? E.assertionAudience() : E.refreshTokenInvalid());
  const user = usableUser(ctx, String(checked.claims.oid), String(checked.claims.preferred_username ?? ''));
  if (!user.ok) return user;
  const wanted = requested.wantsDefault || !requested.graph.length ? [] : requested.graph;
  const missing = ctx.consents.missing(clientId, wanted);
  if (missing.length) return failure(E.consentRequired(clientId, appDisplayName(clientId), missing));
  return issue(ctx, form, 'on_behalf_of', user.user, clientId, wanted.length ? wanted : ['User.Read'], requested.oidc);
}
