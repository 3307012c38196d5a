// createServer: the MCP server shared by both transports; registers the selected tools from the manifest
// and loads a group's code when one of its tools is first validated or called.
import { McpServer } from '@modelcontextprotocol/server';
import type { GraphWriter } from './graph/client.js';
import type { Logger } from './log.js';
import type { AuthService } from './tools/auth-service.js';
import { GROUP_CODE } from './tools/code.js';
import type { AnyTool } from './tools/define-tool.js';
import { type Group, serverInstructions } from './tools/groups.js';
import { type Manifest, type ManifestTool, readManifest, SERVER_NAME } from './tools/manifest.js';
import { registerTools, type ToolCode } from './tools/register.js';
import { selectTools, type Selection } from './tools/select.js';
import { VERSION } from './version.js';

export interface ServerDeps {
  manifest: Manifest;
  selection: Selection;
  graph: GraphWriter;
  auth: AuthService;
  transport: 'stdio' | 'http';
  confirmDestructive: boolean;
  log: Logger;
}

/** The manifest of this build (dist/), or, running from src/ (tests), one built now from the definitions. */
export async function toolManifest(): Promise<Manifest> {
  const built = readManifest(VERSION);
  if (built) return built;
  const [{ ALL_TOOLS }, { buildManifest }] = await Promise.all([import('./tools/index.js'), import('./tools/manifest-build.js')]);
  return buildManifest(ALL_TOOLS, VERSION);
}

/** Enabled groups that have no tools in this version (toggles accepted for groups still to come). */
export function groupsWithoutTools(selection: Selection, manifest: Manifest): string[] {
  return [...selection.groups].filter((g) => !manifest.tools.some((t) => t.group === g));
}

export function selectedTools(selection: Selection, manifest: Manifest): ManifestTool[] {
  return selectTools(manifest.tools, selection);
}

/** Loads each group's code once per process (HTTP builds a server per request) and finds the tool in it. */
function groupLoader(log: Logger): ToolCode {
  const groups = new Map<Group, Promise<Map<string, AnyTool>>>();
  return async (entry) => {
    let group = groups.get(entry.group);
    if (!group) {
      const load = GROUP_CODE[entry.group];
      if (!load) throw new Error(`No code for the group ${entry.group}`);
      const started = performance.now();
      group = load().then((tools) => {
        log.debug(`server: loaded the ${entry.group} tools in ${Math.round(performance.now() - started)} ms`);
        return new Map(tools.map((t) => [t.name, t]));
      });
      groups.set(entry.group, group);
    }
    const tool = (await group).get(entry.name);
    if (!tool) throw new Error(`The manifest lists ${entry.name}, which the ${entry.group} code does not define: rebuild (npm run build)`);
    return tool;
  };
}

/** A factory: the SDK asks for a fresh instance per connection (stdio) or per request (HTTP). */
export function createServerFactory(deps: ServerDeps): () => McpServer {
  const tools = selectedTools(deps.selection, deps.manifest);
  const code = groupLoader(deps.log);
  return () => {
    const server = new McpServer({ name: SERVER_NAME, version: VERSION }, { capabilities: { tools: {} }, instructions: serverInstructions(deps.selection.groups) });
    registerTools(server, tools, code, { graph: deps.graph, auth: deps.auth, orgMode: deps.selection.orgMode, transport: deps.transport, confirmDestructive: deps.confirmDestructive, log: deps.log });
    return server;
  };
}
