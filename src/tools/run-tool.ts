// One tool call run to its answer: the handler, the output checked against the tool's schema, and every
// failure turned into a text the model can act on. Shared by the MCP server and the stdio fast call, and
// free of the SDK so that the fast call does not load it.
import { AuthRequiredError, GraphError } from '../graph/errors.js';
import { errorText, type Logger } from '../log.js';
import { type AnyTool, type ToolContext, ToolError } from './define-tool.js';

export type TextResult = { content: { type: 'text'; text: string }[]; isError?: boolean; structuredContent?: Record<string, unknown> };

/** `before`: a step that may answer instead of the tool (the user's confirmation); its failures are worded
 *  as the tool's. */
export async function runTool<B extends object>(tool: AnyTool, args: unknown, ctx: ToolContext<'write'>, log: Logger, before?: () => Promise<B | undefined>): Promise<TextResult | B> {
  const started = performance.now();
  try {
    const answered = await before?.();
    if (answered) return answered;
    const raw = await tool.handler(args, ctx);
    const out = tool.output.parse(raw) as Record<string, unknown>;
    log.debug(`tool: ${tool.name} ok in ${Math.round(performance.now() - started)} ms`);
    return { content: [{ type: 'text', text: tool.text ? tool.text(out) : JSON.stringify(out) }], structuredContent: out };
  } catch (e) {
    const text = errorMessage(tool, e);
    if (!(e instanceof ToolError || e instanceof GraphError || e instanceof AuthRequiredError)) {
      log.error(`tool: ${tool.name} failed unexpectedly: ${errorText(e)}`);
    } else {
      log.info(`tool: ${tool.name} -> error: ${e instanceof GraphError ? `${e.status} ${e.code}` : e.constructor.name}`);
    }
    return { content: [{ type: 'text', text }], isError: true };
  }
}

/** Where to look whether a write whose answer was lost took effect, by group. */
const CHECK_WHERE: Partial<Record<string, string>> = {
  mail: 'mail_list_messages on the folder it changes (Drafts, Sent Items, the destination)',
  calendar: 'calendar_list_events around that time',
  tasks: 'tasks_list or tasks_planner_list',
};

function errorMessage(tool: AnyTool, e: unknown): string {
  if (e instanceof GraphError && e.unknownOutcome && tool.kind !== 'read') {
    return `${e.message}. The change may have taken effect before the answer was lost: check with ${CHECK_WHERE[tool.group] ?? 'the matching list tool'} before calling ${tool.name} again.`;
  }
  if (e instanceof GraphError) {
    if (e.status === 403) {
      return `${e.message}. This tool needs the delegated permission ${tool.scopes.join(', ') || '(none)'}${tool.orgScopes?.length ? ` (and ${tool.orgScopes.join(', ')} for other people's data)` : ''}: an admin must grant it to the app, then sign in again (auth_login with force).`;
    }
    if (e.status === 404 && e.code !== 'InvalidCursor') return `${e.message}. Check the id or address.`;
    return e.message;
  }
  if (e instanceof ToolError || e instanceof AuthRequiredError) return e.message;
  return `Internal error in ${tool.name}: ${errorText(e)}`;
}
