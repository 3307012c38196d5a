// Dispatch of the identity platform's paths: /{tenant}/oauth2/v2.0/{devicecode,token} (POST only, like Entra), the
// authorization endpoint (authorize.ts), the OpenID discovery documents and the signing keys (GET), and the
// /devicelogin page.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { jwksDocument, isAcceptedClientId, openIdConfiguration, openIdConfigurationV1, resolveTenant, type ResolvedTenant } from './authority.js';
import type { IdentityContext } from './context.js';
import { DEVICE_LOGIN_PATH, handleDeviceLogin } from './device-login.js';
import { DEVICE_CODE_LIFETIME_SECONDS } from './device-codes.js';
import * as E from './errors.js';
import type { AadError } from './errors.js';
import { approveDeviceCode, redeemDeviceCode, redeemRefreshToken } from './grants.js';
import { clientAuthError, redeemAuthCode, redeemOnBehalfOf } from './grants-code.js';
import { handleAuthorize } from './authorize.js';
import { BodyTooLarge, readForm, requestIds, requestOrigin, sendError, sendJson, sendMethodNotAllowed, type RequestIds } from './http.js';
import type { SigningKey } from './keys.js';
import { parseScopes } from './scopes.js';

type Endpoint = 'token' | 'devicecode' | 'authorize' | 'openid-v2' | 'openid-v1' | 'keys';

// Paths below /{tenant}, compared in lower case as Entra does.
const ENDPOINTS: Record<string, Endpoint> = {
  'oauth2/v2.0/token': 'token',
  'oauth2/v2.0/devicecode': 'devicecode',
  'oauth2/v2.0/authorize': 'authorize',
  'v2.0/.well-known/openid-configuration': 'openid-v2',
  '.well-known/openid-configuration': 'openid-v1',
  'discovery/v2.0/keys': 'keys',
  'discovery/keys': 'keys',
};

const DEVICE_CODE_GRANTS = new Set(['urn:ietf:params:oauth:grant-type:device_code', 'device_code']);

export async function routeIdentity(
  ctx: IdentityContext,
  key: SigningKey,
  req: IncomingMessage,
  res: ServerResponse,
  baseUrl: string,
): Promise<boolean> {
  const path = (req.url ?? '/').split('?')[0];
  if (path.toLowerCase() === DEVICE_LOGIN_PATH || path.toLowerCase() === `${DEVICE_LOGIN_PATH}/`) {
    await handleDeviceLogin(ctx, req, res);
    return true;
  }
  const slash = path.indexOf('/', 1);
  if (slash < 0) return false;
  const endpoint = ENDPOINTS[path.slice(slash + 1).toLowerCase()];
  if (!endpoint) return false;
  let tenantName: string;
  try {
    tenantName = decodeURIComponent(path.slice(1, slash));
  } catch {
    tenantName = path.slice(1, slash);
  }
  const ids = requestIds(req);
  const fail = (err: AadError, at: RequestIds = ids) => sendError(res, err, at, ctx.now());
  const tenant = resolveTenant(tenantName, ctx.directory.domain);
  const postOnly = endpoint === 'token' || endpoint === 'devicecode';
  if (!tenant) {
    req.resume();
    fail(E.tenantNotFound(tenantName, !postOnly));
    return true;
  }
  if (endpoint === 'authorize') {
    await handleAuthorize(ctx, req, res);
    return true;
  }
  if (!postOnly) {
    req.resume();
    if (req.method !== 'GET' && req.method !== 'HEAD') sendMethodNotAllowed(res, 'GET, HEAD');
    else sendJson(res, 200, document(endpoint, key, requestOrigin(req, baseUrl), tenant), ids);
    return true;
  }
  if (req.method === 'OPTIONS') {
    res.writeHead(204, { Allow: 'POST, OPTIONS' }).end();
    return true;
  }
  if (req.method !== 'POST') {
    req.resume();
    fail(E.postOnly(req.method ?? 'unknown'));
    return true;
  }
  let form: URLSearchParams;
  try {
    form = await readForm(req);
  } catch (err) {
    if (!(err instanceof BodyTooLarge)) throw err;
    fail(E.malformedRequest());
    return true;
  }
  const formIds = requestIds(req, form);
  const clientId = form.get('client_id');
  if (!clientId) fail(E.missingParameter('client_id'), formIds);
  else if (!isAcceptedClientId(clientId)) fail(E.unknownClient(clientId, tenant.id), formIds);
  else if (endpoint === 'devicecode') startDeviceCode(ctx, req, res, baseUrl, form, clientId, formIds);
  else await token(ctx, res, form, clientId, formIds);
  return true;
}

function document(endpoint: Endpoint, key: SigningKey, origin: string, tenant: ResolvedTenant): unknown {
  if (endpoint === 'openid-v2') return openIdConfiguration(origin, tenant);
  if (endpoint === 'openid-v1') return openIdConfigurationV1(origin, tenant);
  return jwksDocument(key.publicJwk);
}

function startDeviceCode(
  ctx: IdentityContext,
  req: IncomingMessage,
  res: ServerResponse,
  baseUrl: string,
  form: URLSearchParams,
  clientId: string,
  ids: RequestIds,
): void {
  const rawScope = form.get('scope');
  if (!rawScope?.trim()) return sendError(res, E.missingParameter('scope'), ids, ctx.now());
  const requested = parseScopes(rawScope);
  if (requested.invalid.length) return sendError(res, E.invalidScope(requested.invalid[0]), ids, ctx.now());
  const { entry, deviceCode } = ctx.deviceCodes.create(clientId, requested);
  if (ctx.autoApproveUser) approveDeviceCode(ctx, entry, ctx.autoApproveUser);
  // The page is opened by a person's browser, so it uses the origin the client reached us on.
  const verificationUri = `${requestOrigin(req, baseUrl)}${DEVICE_LOGIN_PATH}`;
  sendJson(
    res,
    200,
    {
      user_code: entry.userCode,
      device_code: deviceCode,
      verification_uri: verificationUri,
      expires_in: DEVICE_CODE_LIFETIME_SECONDS,
      interval: ctx.deviceCodeIntervalSeconds,
      message: `To sign in, use a web browser to open the page ${verificationUri} and enter the code ${entry.userCode} to authenticate.`,
    },
    ids,
  );
}

async function token(ctx: IdentityContext, res: ServerResponse, form: URLSearchParams, clientId: string, ids: RequestIds): Promise<void> {
  const grantType = form.get('grant_type');
  if (!grantType) return sendError(res, E.missingParameter('grant_type'), ids, ctx.now());
  const refused = await clientAuthError(ctx, form, clientId);
  if (refused) return sendError(res, refused, ids, ctx.now());
  let result;
  if (DEVICE_CODE_GRANTS.has(grantType)) result = await redeemDeviceCode(ctx, form, clientId);
  else if (grantType === 'refresh_token') result = await redeemRefreshToken(ctx, form, clientId);
  else if (grantType === 'authorization_code') result = await redeemAuthCode(ctx, form, clientId);
  else if (grantType === 'urn:ietf:params:oauth:grant-type:jwt-bearer') result = await redeemOnBehalfOf(ctx, form, clientId);
  else return sendError(res, E.unsupportedGrantType(grantType), ids, ctx.now());
  if (result.ok) sendJson(res, 200, result.body, ids);
  else {
    // Polling is the normal state of a device-code sign-in, not worth a log line.
    if (result.error.error !== 'authorization_pending') ctx.log(`identity: token request refused: ${result.error.error} (AADSTS${result.error.code})`);
    sendError(res, result.error, ids, ctx.now());
  }
}
