// The stdio fast path's tools/call: a signed-in process runs the called tool through the same runtime
// and the same runTool as the MCP server, without loading the MCP SDK (about a quarter of a fresh
// process's first call). Anything this does not take plainly is left, untouched, to the full server.
//
// Left to the full server (answer undefined, nothing done): a configuration config.ts refuses or that
// starts more (the sandbox tenant, HTTP), no signed-in account (the full server starts the sign-in and
// answers with its code), a destructive tool that must ask for confirmation (elicitation is the SDK's),
// and arguments the tool's schema refuses (the SDK words that error). Once the tool runs, its answer is
// final here, as it would be there: runTool catches everything, so a write is never made twice.
import { cacheHasAccount } from '../auth/token-cache.js';
import { buildConfig } from '../config.js';
import type { Logger } from '../log.js';
import { createToolRuntime } from '../runtime.js';
import type { ManifestTool } from '../tools/manifest.js';
import { accountPerson } from '../tools/audit.js';
import { runTool } from '../tools/run-tool.js';

/** The call's JSON-RPC result, serialized; undefined: the full server must answer it. */
export async function fastCall(entry: ManifestTool, args: Record<string, unknown>, env: NodeJS.ProcessEnv, log: Logger): Promise<string | undefined> {
  let config;
  try {
    config = buildConfig('serve', {}, env);
  } catch {
    return undefined;
  }
  if (config.sandbox || config.http) return undefined;
  if (entry.kind === 'destructive' && config.confirmDestructive) return undefined;
  if (!(await cacheHasAccount(config.tokenCachePath))) return undefined;
  const rt = await createToolRuntime(config, log);
  try {
    const tool = await rt.code(entry);
    const parsed = await tool.input['~standard'].validate(args);
    if (parsed.issues) return undefined;
    const ctx = { graph: rt.graph, signal: new AbortController().signal, auth: rt.auth, orgMode: rt.selection.orgMode, siteWrites: !!(rt.selection.orgMode && rt.selection.siteWrites), transport: 'stdio' as const, progress: async () => undefined };
    return JSON.stringify(await runTool(tool, parsed.value, ctx, log, undefined, { person: accountPerson(rt.auth) }));
  } finally {
    await rt.close();
  }
}
