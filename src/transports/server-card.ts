// The MCP Server Card (SEP-2127, the experimental server-card extension): what a client may learn about this
// deployment before it connects (identity, endpoint, protocol revisions, the authorization /mcp needs). Built
// from the package, the tool manifest and the configuration at each request, never written by hand.
import type http from 'node:http';
import { type Group, GROUP_TABLE } from '../tools/groups.js';
import { SERVER_NAME } from '../tools/manifest.js';
import { VERSION } from '../version.js';

/** /.well-known/mcp/server-card.json, where discovery tools look today, and `<streamable-http-url>/server-card`,
 *  the location the extension reserves; the same card at both. */
export const SERVER_CARD_PATHS = new Set(['/.well-known/mcp/server-card.json', '/mcp/server-card']);
export const SERVER_CARD_MEDIA_TYPE = 'application/mcp-server-card+json';
const SCHEMA = 'https://static.modelcontextprotocol.io/schemas/v1/server-card.schema.json';
/** The card's own _meta namespace (a reverse-DNS-free label: SEP-2127 reserves the mcp/modelcontextprotocol ones). */
const META = SERVER_NAME;

/** What the card says, from the manifest and the configuration (cli.ts gathers them). */
export interface CardFacts {
  /** The selected tools: their count and groups (the names are left to tools/list, behind the endpoint's
   *  authorization). Groups come from the tools, so a group the tool filter emptied is not claimed. */
  tools: readonly { name: string; group: Group }[];
  readOnly: boolean;
  orgMode: boolean;
  /** Every revision served, newest first: the 2026-era ones (server/discover) and the 2025-era ones (initialize). */
  protocolVersions: readonly string[];
  /** The configured public address (MS365_MCP_PUBLIC_URL); else the request's own Host, once checked. */
  publicUrl?: string;
}

/** How /mcp is guarded in this HTTP mode (transports/http.ts decides). */
export type CardAccess =
  | { kind: 'loopback' }
  | { kind: 'proxy' }
  | { kind: 'token' }
  | { kind: 'oauth'; metadata: { resource: string; authorization_servers: readonly (string | undefined)[]; scopes_supported: readonly string[] } };

/** At most 100 characters (the schema's limit): the enabled groups, as many as fit. */
function describeGroups(facts: CardFacts, groups: readonly Group[]): string {
  const head = `Microsoft 365 over Microsoft Graph${facts.readOnly ? ', read-only' : ''}: `;
  const titles = GROUP_TABLE.filter((g) => g.id !== 'auth' && groups.includes(g.id)).map((g) => g.title);
  let text = head + titles.join(', ');
  for (let n = titles.length - 1; text.length > 100 && n > 0; n--) text = `${head}${titles.slice(0, n).join(', ')} and more`;
  return text;
}

/** Reverse DNS of the host clients reach (com.contoso.mcp for mcp.contoso.com); `localhost` for a loopback or
 *  IP address, which names no domain. */
function namespaceOf(base: URL): string {
  const host = base.hostname;
  if (host === 'localhost' || host.startsWith('[') || /^[\d.]+$/.test(host)) return 'localhost';
  return host.split('.').reverse().join('.');
}

function authorization(access: CardAccess): { headers?: Record<string, unknown>[]; meta: Record<string, unknown> } {
  switch (access.kind) {
    case 'loopback':
      return { meta: { scheme: 'none', description: 'Bound to loopback: only this machine reaches it, without a token.' } };
    case 'proxy':
      return { meta: { scheme: 'proxy', description: 'No authentication at this server: the authenticating proxy in front of it decides.' } };
    case 'token': {
      const token = { description: "The deployment's shared token (MS365_MCP_HTTP_TOKEN), from its administrator.", isRequired: true, isSecret: true };
      return {
        headers: [{ name: 'Authorization', description: 'Bearer token shared by the clients of this deployment.', isRequired: true, isSecret: true, value: 'Bearer {token}', variables: { token } }],
        meta: { scheme: 'bearer', description: 'One token shared by every client; all act as the one signed-in Microsoft 365 account.' },
      };
    }
    case 'oauth': {
      // RFC 9728's path-aware location of the resource's metadata (the 401 names it too).
      const resource = new URL(access.metadata.resource);
      return {
        meta: {
          scheme: 'oauth2',
          description: 'Each person signs in with their own Microsoft 365 (Entra ID) account and works on their own data only.',
          resource: access.metadata.resource,
          protectedResourceMetadata: `${resource.origin}/.well-known/oauth-protected-resource${resource.pathname}`,
          authorizationServers: access.metadata.authorization_servers.filter(Boolean),
          scopes: access.metadata.scopes_supported,
        },
      };
    }
  }
}

export function serverCard(facts: CardFacts, access: CardAccess, base: string): Record<string, unknown> {
  const origin = new URL(base);
  const { headers, meta } = authorization(access);
  const groups = GROUP_TABLE.map((g) => g.id).filter((g) => facts.tools.some((t) => t.group === g));
  return {
    $schema: SCHEMA,
    name: `${namespaceOf(origin)}/${SERVER_NAME}`,
    version: VERSION,
    title: 'Microsoft 365',
    description: describeGroups(facts, groups),
    remotes: [{ type: 'streamable-http', url: `${origin.origin}/mcp`, ...(headers ? { headers } : {}), supportedProtocolVersions: [...facts.protocolVersions] }],
    _meta: {
      [`${META}/authorization`]: meta,
      [`${META}/tools`]: { count: facts.tools.length, groups, readOnly: facts.readOnly, organizationMode: facts.orgMode },
    },
  };
}

/** Answers GET/HEAD with the card: public metadata, so any origin may read it (CORS) and caches may keep it five
 *  minutes, as long as clients may keep the tool list (a restart with other settings is seen within that time). */
export function answerServerCard(req: http.IncomingMessage, res: http.ServerResponse, card: Record<string, unknown>): void {
  const cors = { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD', 'access-control-allow-headers': 'Content-Type' };
  if (req.method === 'OPTIONS') {
    res.writeHead(204, cors).end();
    return;
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...cors, allow: 'GET, HEAD', 'content-type': 'text/plain' }).end('The server card is read with GET.\n');
    return;
  }
  // The card's media type when the client asks for it (SEP-2127), plain JSON otherwise.
  const type = (req.headers.accept ?? '').includes(SERVER_CARD_MEDIA_TYPE) ? SERVER_CARD_MEDIA_TYPE : 'application/json';
  const body = JSON.stringify(card);
  res.writeHead(200, { ...cors, 'content-type': type, 'cache-control': 'public, max-age=300', vary: 'Accept', 'content-length': Buffer.byteLength(body) });
  res.end(req.method === 'HEAD' ? undefined : body);
}
