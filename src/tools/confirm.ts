// Asks the user before a destructive tool acts, through MCP elicitation when the
// client supports it: a push-style elicitation on 2025-era connections, an input-required result that
// the client fulfils and retries with on 2026-07-28 requests. Clients without elicitation are not asked.
import { acceptedContent, CLIENT_CAPABILITIES_META_KEY, inputRequired, type InputRequiredResult, type McpServer, type ServerContext } from '@modelcontextprotocol/server';
import { z } from 'zod';
import type { AnyTool, ToolContext } from './define-tool.js';

const Confirmation = z.object({ confirm: z.boolean().describe('Yes: go ahead') });

export type Decision = { proceed: boolean; result?: InputRequiredResult };

/** `toolCtx` lets the tool look up what it is about to affect, to name it in the question. */
export async function confirmDestructive(server: McpServer, tool: AnyTool, args: unknown, ctx: ServerContext, toolCtx: ToolContext<'read'>): Promise<Decision> {
  // 2026-07-28 requests carry the client's capabilities themselves; 2025-era ones had them at initialize.
  const modern = ctx.mcpReq.envelope !== undefined;
  const caps = (modern ? (ctx.mcpReq.envelope as Record<string, unknown>)[CLIENT_CAPABILITIES_META_KEY] : server.server.getClientCapabilities()) as
    | { elicitation?: unknown }
    | undefined;
  if (!caps?.elicitation) return { proceed: true };
  const what = tool.confirm ? await tool.confirm(args, toolCtx) : `${tool.title}.`;
  if (what === undefined) return { proceed: true };
  const message = `${what} Go ahead?`;
  if (modern) {
    // 2026-07-28: the answer comes back with the retried request.
    const responses = ctx.mcpReq.inputResponses;
    if (responses && 'confirm' in responses) {
      return { proceed: acceptedContent(responses, 'confirm', Confirmation)?.confirm === true };
    }
    return { proceed: false, result: inputRequired({ inputRequests: { confirm: inputRequired.elicit({ message, requestedSchema: Confirmation }) } }) };
  }
  const answer = await ctx.mcpReq.elicitInput({
    mode: 'form',
    message,
    requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title: 'Confirm', description: 'Yes: go ahead' } }, required: ['confirm'] },
  });
  return { proceed: answer.action === 'accept' && answer.content?.confirm === true };
}
