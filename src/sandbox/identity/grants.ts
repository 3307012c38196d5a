// The token endpoint's two grants, device_code and refresh_token, with Entra's answers for every way they fail.
// Each function returns either the success body or the AadError to send; HTTP is the caller's business.

import type { DirectoryUser } from '../directory/directory.js';
import type { DeviceCodeEntry } from './device-codes.js';
import type { IdentityContext } from './context.js';
import * as E from './errors.js';
import type { AadError } from './errors.js';
import { hasScope, parseScopes, responseScope, unionScopes, type ParsedScopes } from './scopes.js';
import { appDisplayName } from './authority.js';
import { appOf } from './apps.js';
import { clientInfo } from './tokens.js';

export type GrantResult = { ok: true; body: Record<string, unknown> } | { ok: false; error: AadError };

const failure = (error: AadError): GrantResult => ({ ok: false, error });

/** When only OpenID scopes are asked for, Entra still issues a Graph token for the user's own profile. */
const BASELINE_SCOPE = 'User.Read';

/** What a person consents to when approving a device code: exactly the Graph permissions asked for (`.default`
 *  adds what they already granted this app). Earlier grants are deliberately not merged in otherwise, so a
 *  sign-in with fewer permissions yields a token with fewer permissions and least privilege stays testable. */
export function scopesToGrant(ctx: IdentityContext, requested: ParsedScopes, upn: string, clientId: string): string[] {
  const granted = unionScopes(requested.graph, requested.wantsDefault ? ctx.refreshTokens.consented(upn, clientId) : []);
  return granted.length ? granted : [BASELINE_SCOPE];
}

export function approveDeviceCode(ctx: IdentityContext, entry: DeviceCodeEntry, user: DirectoryUser): void {
  entry.state = 'approved';
  entry.user = { upn: user.userPrincipalName, oid: user.id };
  entry.granted = scopesToGrant(ctx, entry.requested, user.userPrincipalName, entry.clientId);
  ctx.log(`identity: device code approved as ${user.userPrincipalName} for client ${entry.clientId} (${entry.granted.length} Graph scope(s))`);
}

export function declineDeviceCode(ctx: IdentityContext, entry: DeviceCodeEntry): void {
  entry.state = 'declined';
  ctx.log(`identity: device code declined for client ${entry.clientId}`);
}

export async function redeemDeviceCode(ctx: IdentityContext, form: URLSearchParams, clientId: string): Promise<GrantResult> {
  const code = form.get('device_code');
  if (!code) return failure(E.missingParameter('device_code'));
  const entry = ctx.deviceCodes.byDeviceCode(code);
  if (!entry || entry.clientId !== clientId) return failure(E.badVerificationCode());
  if (entry.state === 'redeemed') return failure(E.deviceCodeRedeemed());
  if (entry.state === 'declined') return failure(E.deviceCodeDeclined());
  if (ctx.deviceCodes.isExpired(entry)) return failure(E.deviceCodeExpired());
  if (entry.state === 'pending' || !entry.user || !entry.granted) return failure(E.authorizationPending());
  // Marked before anything is awaited, so two polls racing for the same code cannot both redeem it.
  entry.state = 'redeemed';
  const user = usableUser(ctx, entry.user.oid, entry.user.upn);
  if (!user.ok) return user;
  return issue(ctx, form, 'device_code', user.user, clientId, entry.granted, entry.requested.oidc);
}

export async function redeemRefreshToken(ctx: IdentityContext, form: URLSearchParams, clientId: string): Promise<GrantResult> {
  const token = form.get('refresh_token');
  if (!token) return failure(E.missingParameter('refresh_token'));
  const record = ctx.refreshTokens.lookup(token);
  if (!record) return failure(E.refreshTokenInvalid());
  if (record.rotatedAt) {
    return failure(E.refreshTokenInvalid('The refresh token was already redeemed; use the one issued in its place.'));
  }
  if (record.revokedAt) return failure(E.refreshTokenRevoked(record.issuedAt, record.revokedAt));
  if (ctx.refreshTokens.isExpired(record)) {
    const inactiveDays = Math.floor((ctx.now() - record.issuedAt) / 86_400_000);
    return failure(E.refreshTokenExpired(record.issuedAt, inactiveDays));
  }
  if (record.clientId !== clientId) return failure(E.refreshTokenClientMismatch());
  const requested = parseScopes(form.get('scope'));
  if (requested.invalid.length) return failure(E.invalidScope(requested.invalid[0]));
  const missing = record.resource ? (requested.api?.scopes ?? []).filter((s) => !hasScope(record.scopes, s)) : requested.graph.filter((s) => !hasScope(record.scopes, s));
  if (missing.length) return failure(E.consentRequired(clientId, appDisplayName(clientId), missing));
  const user = usableUser(ctx, record.oid, record.upn);
  if (!user.ok) return user;
  // Rotation starts (and the old token dies) before anything is awaited: two requests racing with the same
  // refresh token get one success and one invalid_grant, never two successors.
  const successor = ctx.refreshTokens.rotate(record);
  return issue(ctx, form, 'refresh_token', user.user, clientId, record.scopes, requested.oidc, successor, record.resource);
}

export function usableUser(ctx: IdentityContext, oid: string, upn: string): { ok: true; user: DirectoryUser } | { ok: false; error: AadError } {
  const user = ctx.directory.findUser(oid);
  if (!user) return { ok: false, error: E.userNotFound(upn) };
  if (!user.accountEnabled) return { ok: false, error: E.userDisabled() };
  return { ok: true, user };
}

/** Builds Entra's success body. The access token carries every permission of the grant (Entra puts all consented
 *  scopes of the resource into `scp`, not only the ones asked for this time). */
export async function issue(
  ctx: IdentityContext,
  form: URLSearchParams,
  grantType: 'device_code' | 'refresh_token' | 'authorization_code' | 'on_behalf_of',
  user: DirectoryUser,
  clientId: string,
  graphScopes: string[],
  oidc: ReadonlySet<string>,
  rotated?: Promise<string>,
  /** An API registered in the tenant (its app id): the token is for it, `graphScopes` are its scopes. */
  resource?: string,
): Promise<GrantResult> {
  const lifetime = ctx.issuer.accessTokenLifetime;
  const api = resource ? appOf(resource) : undefined;
  const body: Record<string, unknown> = {
    token_type: 'Bearer',
    scope: api ? [...graphScopes.map((s) => `${api.api!.identifierUri}/${s}`), ...responseScope([], oidc).split(' ').filter(Boolean)].join(' ') : responseScope(graphScopes, oidc),
    expires_in: lifetime,
    ext_expires_in: lifetime,
    access_token: api ? await ctx.issuer.apiAccessToken(user, api.appId, clientId, !!appOf(clientId)?.secrets.length, graphScopes) : await ctx.issuer.accessToken(user, clientId, graphScopes),
  };
  // A refresh grant always answers with the successor: the old token is dead whatever scopes were asked.
  if (rotated) body.refresh_token = await rotated;
  else if (oidc.has('offline_access')) {
    body.refresh_token = await ctx.refreshTokens.issue({ upn: user.userPrincipalName, oid: user.id, clientId, scopes: graphScopes, ...(api ? { resource: api.appId } : {}) });
  }
  if (oidc.has('openid')) body.id_token = await ctx.issuer.idToken(user, clientId, oidc);
  if (form.get('client_info') === '1') body.client_info = clientInfo(user);
  ctx.log(
    `identity: issued tokens (${grantType}) to ${user.userPrincipalName} for client ${clientId}: ` +
      `${graphScopes.length} Graph scope(s)${body.refresh_token ? ', refresh token ' + (rotated ? 'rotated' : 'issued') : ''}`,
  );
  return { ok: true, body };
}
