// The sandbox's identity platform: an imitation of Microsoft Entra's device-code sign-in and token service for
// the demo tenant, close enough that MSAL Node talks to it unmodified.

import type { Directory, DirectoryUser } from '../directory/directory.js';
import type { IdentityContext } from './context.js';
import { Consents } from './apps.js';
import { registeredCertificate } from './client-assertion.js';
import { AuthCodeStore } from './auth-codes.js';
import { DeviceCodeStore } from './device-codes.js';
import { loadOrCreateSigningKey } from './keys.js';
import { RefreshTokenStore } from './refresh-tokens.js';
import { routeIdentity } from './routes.js';
import type { IdentityOptions, IdentityService } from './service.js';
import { ensureStateDir } from './state-file.js';
import { TokenIssuer } from './tokens.js';

export type { AccessCheck, IdentityOptions, IdentityService } from './service.js';
export { AUTHORITY_HOST } from './authority.js';

export async function createIdentity(opts: IdentityOptions): Promise<IdentityService> {
  // A wrong auto-approve user is a configuration mistake: refuse to start rather than fail every sign-in later.
  const autoApproveUser = opts.autoApproveUser === undefined ? undefined : resolveAutoApproveUser(opts.directory, opts.autoApproveUser);
  if (opts.stateDir) await ensureStateDir(opts.stateDir);
  const key = await loadOrCreateSigningKey(opts.stateDir, opts.log);
  const refreshTokens = await RefreshTokenStore.open(opts.stateDir, opts.now, opts.log, { strict: opts.strictRefreshRotation ?? false });
  const ctx: IdentityContext = {
    directory: opts.directory,
    issuer: new TokenIssuer(key, opts.tokenLifetimeSeconds, opts.now),
    refreshTokens,
    deviceCodes: new DeviceCodeStore(opts.now),
    authCodes: new AuthCodeStore(opts.now),
    consents: new Consents(),
    certificates: new Map(Object.entries(opts.appCertificates ?? {}).map(([app, pems]) => [app, pems.map(registeredCertificate)])),
    deviceCodeIntervalSeconds: opts.deviceCodeIntervalSeconds,
    autoApproveUser,
    log: opts.log,
    now: opts.now,
  };
  if (autoApproveUser) opts.log(`identity: device codes are approved at once as ${autoApproveUser.userPrincipalName}`);

  return {
    handle: (req, res, baseUrl) => routeIdentity(ctx, key, req, res, baseUrl),
    verifyAccessToken: (token) => ctx.issuer.verify(token, (oid) => opts.directory.findUser(oid)),
    withholdConsent: (appId, scopes) => ctx.consents.withhold(appId, scopes),
    revokeRefreshTokens: (upn) => {
      const count = refreshTokens.revoke(upn);
      opts.log(`identity: revoked ${count} refresh token(s)${upn ? ` of ${upn}` : ''}`);
      return count;
    },
    close: () => refreshTokens.flush(),
  };
}

function resolveAutoApproveUser(directory: Directory, wanted: string): DirectoryUser {
  const upn = wanted === 'default' ? directory.defaultUser.userPrincipalName : wanted.trim();
  const user = directory.findUser(upn);
  const enabled = directory.users.filter((u) => u.accountEnabled).map((u) => u.userPrincipalName);
  if (!user) {
    throw new Error(`sandbox: auto-approve user '${upn}' is not a user of the demo tenant; use 'default' or one of: ${enabled.join(', ')}`);
  }
  if (!user.accountEnabled) {
    throw new Error(`sandbox: auto-approve user '${upn}' cannot sign in (the account is disabled); use 'default' or one of: ${enabled.join(', ')}`);
  }
  return user;
}
