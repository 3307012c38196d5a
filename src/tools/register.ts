// Tools -> McpServer.registerTool: annotations, structured result, errors the model can act on. The server
// registers manifest entries (what tools/list shows, from the build) whose schemas and handler load the
// tool's group on first use; validation, confirmation, progress and errors are the definition's own.
import type { McpServer, StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type { z } from 'zod';
import type { GraphWriter } from '../graph/client.js';
import type { Logger } from '../log.js';
import type { AuthService } from './auth-service.js';
import { confirmDestructive } from './confirm.js';
import type { AnyTool, ToolContext } from './define-tool.js';
import type { ManifestTool } from './manifest.js';
import { runTool } from './run-tool.js';

export interface ToolDeps {
  graph: GraphWriter;
  auth: AuthService;
  orgMode: boolean;
  siteWrites: boolean;
  transport: 'stdio' | 'http';
  /** Ask the user (MCP elicitation) before destructive tools act (MS365_MCP_CONFIRM_DESTRUCTIVE). */
  confirmDestructive: boolean;
  log: Logger;
  /** The person for the audit line of each call (tools/audit.ts): the request's in many-user mode. */
  person?: () => Promise<string | undefined>;
  /** The person's rate limit, checked before each call that talks to Microsoft 365 (tools/rate-limit.ts). */
  limit?: () => Promise<void>;
}

/** A manifest entry's definition, its group loaded on first need. */
export type ToolCode = (entry: ManifestTool) => Promise<AnyTool>;

type JsonSchemaOptions = Parameters<StandardSchemaWithJSON['~standard']['jsonSchema']['input']>[0];

/** How a definition is registered for listing; the manifest records what the SDK lists from this. */
export function toolListing(tool: AnyTool) {
  return {
    title: tool.title,
    description: tool.description,
    inputSchema: lean(tool.input),
    outputSchema: lean(tool.output),
    // The title is already the tool's own; repeating it in the annotations only costs tokens.
    annotations: {
      readOnlyHint: tool.kind === 'read',
      destructiveHint: tool.kind === 'destructive',
      idempotentHint: tool.idempotent ?? tool.kind !== 'write',
      openWorldHint: tool.openWorld ?? true,
    },
  };
}

export function registerTools(server: McpServer, entries: readonly ManifestTool[], code: ToolCode, deps: ToolDeps): void {
  for (const entry of entries) {
    const { title, description, annotations } = entry.listed as { title?: string; description?: string; annotations?: Record<string, boolean> };
    server.registerTool(
      entry.name,
      { title, description, inputSchema: deferred(entry, 'input', code), outputSchema: deferred(entry, 'output', code), annotations },
      async (args: unknown, extra) => {
        const tool = await code(entry);
        const progressToken = extra.mcpReq._meta?.progressToken;
        const ctx: ToolContext<'write'> = {
          graph: deps.graph,
          signal: extra.mcpReq.signal,
          auth: deps.auth,
          orgMode: deps.orgMode,
          siteWrites: deps.siteWrites,
          transport: deps.transport,
          progress: async (done, total, message) => {
            if (progressToken === undefined) return;
            await extra.mcpReq.notify({ method: 'notifications/progress', params: { progressToken, progress: done, ...(total !== undefined ? { total } : {}), ...(message ? { message } : {}) } });
          },
        };
        // Asked first, inside runTool: a look-up for the question that fails (a wrong id) answers as the tool would.
        const ask =
          tool.kind === 'destructive' && deps.confirmDestructive
            ? async () => {
                // The question only reads: the writer's reads serve it.
                const decision = await confirmDestructive(server, tool, args, extra, ctx as unknown as ToolContext<'read'>);
                if (decision.result) return decision.result;
                if (decision.proceed) return undefined;
                deps.log.info(`tool: ${tool.name} -> not confirmed by the user`);
                return { content: [{ type: 'text' as const, text: `Not done: the user did not confirm ${tool.name}. Nothing was changed.` }], isError: true };
              }
            : undefined;
        // The client's W3C trace context rides in the request's _meta (MCP's OpenTelemetry convention).
        return runTool(tool, args, ctx, deps.log, ask, { person: deps.person, traceparent: extra.mcpReq._meta?.traceparent, limit: deps.limit });
      },
    );
  }
}

/** A schema the SDK lists from the manifest (no zod involved) and validates with the definition's zod
 *  schema, loading the tool's group on the first validation: the SDK validates arguments before it
 *  calls the handler, so the issues it reports are zod's, as before. */
function deferred(entry: ManifestTool, io: 'input' | 'output', code: ToolCode): StandardSchemaWithJSON {
  const json = entry.listed[`${io}Schema`] as Record<string, unknown>;
  return {
    '~standard': {
      version: 1,
      vendor: 'ms-365-mcp-server',
      validate: async (value: unknown) => (await code(entry))[io]['~standard'].validate(value),
      jsonSchema: { input: () => json, output: () => json },
    },
  } as StandardSchemaWithJSON;
}

/** The tool's zod schema as the SDK sees it, but listed without the `$schema` URL that zod writes into every
 *  JSON Schema: about 15 tokens a schema, twice a tool, that tell a model nothing. Validation stays zod's. */
function lean(schema: z.ZodType): StandardSchemaWithJSON {
  const std = schema['~standard'] as StandardSchemaWithJSON['~standard'];
  const strip =
    (io: 'input' | 'output') =>
    (options: JsonSchemaOptions) => {
      const { $schema: _ignored, ...rest } = std.jsonSchema[io](options);
      return rest;
    };
  return { '~standard': { ...std, jsonSchema: { input: strip('input'), output: strip('output') } } };
}
