// createServer: the MCP server shared by both transports; registers the selected tools.
import { McpServer } from '@modelcontextprotocol/server';
import type { GraphWriter } from './graph/client.js';
import type { Logger } from './log.js';
import type { AuthService } from './tools/auth-service.js';
import type { AnyTool } from './tools/define-tool.js';
import { serverInstructions } from './tools/groups.js';
import { ALL_TOOLS } from './tools/index.js';
import { registerTools } from './tools/register.js';
import { selectTools, type Selection } from './tools/select.js';
import { VERSION } from './version.js';

export { ALL_TOOLS, selectTools };

export interface ServerDeps {
  selection: Selection;
  graph: GraphWriter;
  auth: AuthService;
  transport: 'stdio' | 'http';
  confirmDestructive: boolean;
  log: Logger;
}

/** Enabled groups that have no tools in this version (toggles accepted for groups still to come). */
export function groupsWithoutTools(selection: Selection): string[] {
  return [...selection.groups].filter((g) => !ALL_TOOLS.some((t) => t.group === g));
}

export function selectedTools(selection: Selection): AnyTool[] {
  return selectTools(ALL_TOOLS, selection);
}

/** A factory: the SDK asks for a fresh instance per connection (stdio) or per request (HTTP). */
export function createServerFactory(deps: ServerDeps): () => McpServer {
  const tools = selectedTools(deps.selection);
  return () => {
    const server = new McpServer({ name: 'ms-365-mcp-server', version: VERSION }, { capabilities: { tools: {} }, instructions: serverInstructions(deps.selection.groups) });
    registerTools(server, tools, { graph: deps.graph, auth: deps.auth, orgMode: deps.selection.orgMode, transport: deps.transport, confirmDestructive: deps.confirmDestructive, log: deps.log });
    return server;
  };
}
