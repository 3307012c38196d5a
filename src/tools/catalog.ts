// The tool catalog without the MCP SDK: the build's manifest, the selected tools, and each group's code
// loaded on first need. Shared by the MCP server (server.ts) and the stdio fast call (fast-call.ts).
import type { Logger } from '../log.js';
import { VERSION } from '../version.js';
import { GROUP_CODE } from './code.js';
import type { AnyTool } from './define-tool.js';
import type { Group } from './groups.js';
import { type Manifest, type ManifestTool, readManifest } from './manifest.js';
import type { ToolCode } from './register.js';
import { selectTools, type Selection } from './select.js';

/** The manifest of this build (dist/), or, running from src/ (tests), one built now from the definitions. */
export async function toolManifest(): Promise<Manifest> {
  const built = readManifest(VERSION);
  if (built) return built;
  const [{ ALL_TOOLS }, { buildManifest }] = await Promise.all([import('./index.js'), import('./manifest-build.js')]);
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
export function groupLoader(log: Logger): ToolCode {
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
