// Who the sandbox's token service is: its authority host, which tenant names it answers to, which client ids it
// accepts, and the discovery documents that describe it.

import type { JWK } from 'jose';
import { SANDBOX_CLIENT_ID, SANDBOX_TENANT_ID } from '../contract.js';
import { appOf } from './apps.js';
import { isGuid } from './http.js';

/** MSAL only accepts https authorities, so clients address the sandbox by this stable name and map it onto the
 *  sandbox's real URL (the product's src/auth/clouds.ts has the same constant; a test keeps them equal). Tokens
 *  are issued under this name so that they look the same whichever port the sandbox happens to listen on. */
export const AUTHORITY_HOST = 'https://login.sandbox.local';

/** Entra issues Graph tokens in the v1 format whatever endpoint was used: v1 issuer, `ver` 1.0. */
export const ACCESS_TOKEN_ISSUER = `https://sts.windows.net/${SANDBOX_TENANT_ID}/`;
export const ID_TOKEN_ISSUER = `${AUTHORITY_HOST}/${SANDBOX_TENANT_ID}/v2.0`;

/** Microsoft Graph's application id: the `aud` of tokens requested with v2 scope names such as "Mail.Read". */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
/** Tokens requested with the resource URI carry it as audience instead; Graph accepts both. */
export const GRAPH_AUDIENCES = [GRAPH_APP_ID, 'https://graph.microsoft.com'];

export interface ResolvedTenant {
  /** The tenant's GUID. */
  id: string;
  /** What the request's path said, as it goes into endpoint URLs: the GUID for a tenant named by domain,
   *  `organizations`/`common` as given (their documents speak for any tenant). */
  pathSegment: string;
  multiTenant: boolean;
}

export function resolveTenant(segment: string, domain: string): ResolvedTenant | undefined {
  const lower = segment.toLowerCase();
  if (lower === SANDBOX_TENANT_ID || lower === domain.toLowerCase()) return { id: SANDBOX_TENANT_ID, pathSegment: SANDBOX_TENANT_ID, multiTenant: false };
  if (lower === 'organizations' || lower === 'common') return { id: SANDBOX_TENANT_ID, pathSegment: lower, multiTenant: true };
  return undefined;
}

/** The sandbox has one app registration of its own (SANDBOX_CLIENT_ID). Any other GUID is accepted as well, as if
 *  registered in the demo tenant, so that a configuration carrying the user's real app registration id works
 *  against the sandbox unchanged. A client id that is not a GUID cannot be an app id and is refused like Entra does. */
export const isAcceptedClientId = (clientId: string): boolean => clientId === SANDBOX_CLIENT_ID || isGuid(clientId);

/** The name shown on the consent page and in consent errors. */
export const appDisplayName = (clientId: string): string => appOf(clientId)?.displayName ?? `App ${clientId}`;

/** The v2.0 OpenID configuration. Endpoints point at the origin the request came in on, so anything that reads
 *  the document can reach them; the issuer stays the stable authority name the tokens carry. Multi-tenant
 *  documents keep Entra's `{tenantid}` placeholder in the issuer. */
export function openIdConfiguration(origin: string, tenant: ResolvedTenant): Record<string, unknown> {
  const base = `${origin}/${tenant.pathSegment}`;
  return {
    token_endpoint: `${base}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${origin}/${tenant.pathSegment}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: tenant.multiTenant ? `${AUTHORITY_HOST}/{tenantid}/v2.0` : ID_TOKEN_ISSUER,
    request_uri_parameter_supported: false,
    authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${base}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${base}/oauth2/v2.0/logout`,
    claims_supported: [
      'sub', 'iss', 'aud', 'exp', 'iat', 'auth_time', 'acr', 'nonce', 'preferred_username', 'name', 'tid', 'ver',
      'at_hash', 'c_hash', 'email',
    ],
    tenant_region_scope: 'NA',
    cloud_instance_name: 'login.sandbox.local',
    cloud_graph_host_name: 'graph.windows.net',
    msgraph_host: 'graph.microsoft.com',
    rbac_url: 'https://pas.windows.net',
  };
}

/** The v1 document: its issuer is the one in access tokens, for anything that validates those. */
export function openIdConfigurationV1(origin: string, tenant: ResolvedTenant): Record<string, unknown> {
  const base = `${origin}/${tenant.pathSegment}`;
  return {
    token_endpoint: `${base}/oauth2/token`,
    jwks_uri: `${origin}/${tenant.pathSegment}/discovery/keys`,
    issuer: tenant.multiTenant ? 'https://sts.windows.net/{tenantid}/' : ACCESS_TOKEN_ISSUER,
    id_token_signing_alg_values_supported: ['RS256'],
    subject_types_supported: ['pairwise'],
    tenant_region_scope: 'NA',
  };
}

export function jwksDocument(publicJwk: JWK): { keys: JWK[] } {
  // Entra lists `x5t` equal to `kid`; there is no certificate chain to offer, so no x5c.
  return { keys: [{ ...publicJwk, x5t: publicJwk.kid, issuer: ID_TOKEN_ISSUER } as JWK] };
}
