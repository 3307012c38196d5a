// createServer: the MCP server shared by both transports; registers the selected tools from the manifest
// and loads a group's code when one of its tools is first validated or called.
import { McpServer } from '@modelcontextprotocol/server';
import type { GraphWriter } from './graph/client.js';
import type { Logger } from './log.js';
import type { AuthService } from './tools/auth-service.js';
import { accountPerson } from './tools/audit.js';
import { groupLoader, selectedTools } from './tools/catalog.js';
import { serverInstructions } from './tools/groups.js';
import { rateCheck, type RateLimiter } from './tools/rate-limit.js';
import { type Manifest, SERVER_CAPABILITIES, SERVER_NAME } from './tools/manifest.js';
import { registerTools, type ToolCode } from './tools/register.js';
import type { Selection } from './tools/select.js';
import { VERSION } from './version.js';
import type { RequestUser } from './multiuser/resource-server.js';

export interface ServerDeps {
  manifest: Manifest;
  selection: Selection;
  graph: GraphWriter;
  auth: AuthService;
  transport: 'stdio' | 'http';
  confirmDestructive: boolean;
  log: Logger;
  /** The group loader the process shares (runtime.ts); a fresh one when not given. */
  code?: ToolCode;
  /** Many users over HTTP: the Graph client and sign-in view of the request's person (from its authInfo). */
  perUser?: (user: RequestUser) => { graph: GraphWriter; auth: AuthService };
  /** Each person's limit on tool calls (MS365_MCP_RATE_LIMIT), in this process's memory or shared in Redis. */
  rateLimiter?: RateLimiter;
}

/** What the HTTP transport puts in the SDK's authInfo for a verified request (its `extra.user`). */
export const userOf = (ctx?: { authInfo?: { extra?: Record<string, unknown> } }): RequestUser | undefined => ctx?.authInfo?.extra?.user as RequestUser | undefined;

/** A factory: the SDK asks for a fresh instance per connection (stdio) or per request (HTTP). */
/** 2026-07-28 cache hints: the tool list and the server's description follow from the configuration alone, the
 *  same for every person of a deployment, so any cache may keep them a few minutes (a restart with other toggles
 *  is seen within that time). Tool results carry people's data and are never marked cacheable. */
const CACHE_HINTS = {
  'tools/list': { ttlMs: 300_000, cacheScope: 'public' },
  'server/discover': { ttlMs: 300_000, cacheScope: 'public' },
} as const;

export function createServerFactory(deps: ServerDeps): (ctx?: { authInfo?: { extra?: Record<string, unknown> } }) => McpServer {
  const tools = selectedTools(deps.selection, deps.manifest);
  const code = deps.code ?? groupLoader(deps.log);
  // One account: the audit lines name it by its object id, looked up once a minute, shared by every connection.
  const accountOf = accountPerson(deps.auth);
  return (ctx) => {
    const user = deps.perUser ? userOf(ctx) : undefined;
    // A request without its person is never served with the server's own account in many-user mode.
    if (deps.perUser && !user) throw new Error('a request reached the MCP server without a verified person');
    const mine = user ? deps.perUser!(user) : { graph: deps.graph, auth: deps.auth };
    const server = new McpServer({ name: SERVER_NAME, version: VERSION }, { capabilities: SERVER_CAPABILITIES, instructions: serverInstructions(deps.selection.groups), cacheHints: CACHE_HINTS });
    const person = user ? async () => user.oid : accountOf;
    const limit = deps.rateLimiter ? rateCheck(deps.rateLimiter, person) : undefined;
    registerTools(server, tools, code, { graph: mine.graph, auth: mine.auth, orgMode: deps.selection.orgMode, siteWrites: !!(deps.selection.orgMode && deps.selection.siteWrites), transport: deps.transport, confirmDestructive: deps.confirmDestructive, log: deps.log, person, ...(limit ? { limit } : {}) });
    return server;
  };
}
