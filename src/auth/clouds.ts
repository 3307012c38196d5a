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
