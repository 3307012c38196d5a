// createServer: the MCP server shared by both transports; registers the selected tools from the manifest
// and loads a group's code when one of its tools is first validated or called.
import { McpServer } from '@modelcontextprotocol/server';
import type { GraphWriter } from './graph/client.js';
import type { Logger } from './log.js';
import type { AuthService } from './tools/auth-service.js';
import { groupLoader, selectedTools } from './tools/catalog.js';
import { serverInstructions } from './tools/groups.js';
import { type Manifest, SERVER_NAME } from './tools/manifest.js';
import { registerTools, type ToolCode } from './tools/register.js';
import type { Selection } from './tools/select.js';
import { VERSION } from './version.js';

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
}

/** A factory: the SDK asks for a fresh instance per connection (stdio) or per request (HTTP). */
export function createServerFactory(deps: ServerDeps): () => McpServer {
  const tools = selectedTools(deps.selection, deps.manifest);
  const code = deps.code ?? groupLoader(deps.log);
  return () => {
    const server = new McpServer({ name: SERVER_NAME, version: VERSION }, { capabilities: { tools: {} }, instructions: serverInstructions(deps.selection.groups) });
    registerTools(server, tools, code, { graph: deps.graph, auth: deps.auth, orgMode: deps.selection.orgMode, siteWrites: !!(deps.selection.orgMode && deps.selection.siteWrites), transport: deps.transport, confirmDestructive: deps.confirmDestructive, log: deps.log });
    return server;
  };
}
