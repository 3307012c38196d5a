// Endpoints of the national clouds (and of the sandbox tenant) the server can sign in to.
export const CLOUDS = ['global', 'china', 'usgov', 'usgovdod', 'sandbox'] as const;
export type Cloud = (typeof CLOUDS)[number];

export interface CloudEndpoints {
  /** https origin MSAL uses as authority host. */
  authorityHost: string;
  /** Graph origin; requests go to `${graphBase}/v1.0/...`. */
  graphBase: string;
}

/** MSAL insists on https authorities, so the sandbox gets a stable https name that our network client
 *  maps onto the sandbox's real (http, loopback) URL; stable also keeps cache keys stable across ports. */
export const SANDBOX_AUTHORITY_HOST = 'https://login.sandbox.local';

export function cloudEndpoints(cloud: Cloud, sandboxUrl?: string): CloudEndpoints {
  switch (cloud) {
    case 'global':
      return { authorityHost: 'https://login.microsoftonline.com', graphBase: 'https://graph.microsoft.com' };
    case 'china':
      return { authorityHost: 'https://login.chinacloudapi.cn', graphBase: 'https://microsoftgraph.chinacloudapi.cn' };
    case 'usgov':
      return { authorityHost: 'https://login.microsoftonline.us', graphBase: 'https://graph.microsoft.us' };
    case 'usgovdod':
      return { authorityHost: 'https://login.microsoftonline.us', graphBase: 'https://dod-graph.microsoft.us' };
    case 'sandbox':
      if (!sandboxUrl) throw new Error('MS365_MCP_CLOUD=sandbox needs MS365_MCP_SANDBOX_URL (or use --sandbox)');
      return { authorityHost: SANDBOX_AUTHORITY_HOST, graphBase: sandboxUrl.replace(/\/+$/, '') };
  }
}

/** The sandbox's endpoints, given up front so MSAL needs no discovery round trip. */
export function sandboxMetadata(authority: string) {
  const host = new URL(SANDBOX_AUTHORITY_HOST).host;
  return {
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${authority}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      device_authorization_endpoint: `${authority}/oauth2/v2.0/devicecode`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      issuer: `${authority}/v2.0`,
      response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
      response_mode_supported: ['query', 'fragment', 'form_post'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
      http_logout_supported: true,
      frontchannel_logout_supported: true,
      request_uri_parameter_supported: false,
    }),
  };
}
