// One tool call run to its answer: the handler, the output checked against the tool's schema, and every
// failure turned into a text the model can act on. Shared by the MCP server and the stdio fast call, and
// free of the SDK so that the fast call does not load it.
import { callContextFrom, withinCall } from '../graph/call-context.js';
import { AuthRequiredError, GraphError } from '../graph/errors.js';
import { errorText, type Logger } from '../log.js';
import { type AuditLine, factsFromArgs, factsFromResult, recipientDomains, safeTargets } from './audit.js';
import { type AnyTool, type ToolContext, ToolError } from './define-tool.js';
import { RateLimited } from './rate-limit.js';

export type TextResult = { content: { type: 'text'; text: string }[]; isError?: boolean; structuredContent?: Record<string, unknown> };

/** Who calls and how to follow the call: for its audit line and Graph's client-request-id. */
export interface CallFacts {
  /** The person's object id (many users: the request's; one account: the signed-in one). */
  person?: () => Promise<string | undefined>;
  /** The W3C traceparent of the request's _meta, when the client sent one. */
  traceparent?: unknown;
  /** The person's rate limit (tools/rate-limit.ts): throws RateLimited over it. Asked only of a tool that talks to
   *  Microsoft 365, before anything else (the user is not asked to confirm a call that would then be refused). */
  limit?: () => Promise<void>;
}

/** `before`: a step that may answer instead of the tool (the user's confirmation); its failures are worded
 *  as the tool's. Every call ends with one audit line (tools/audit.ts) at info. */
export async function runTool<B extends object>(tool: AnyTool, args: unknown, ctx: ToolContext<'write'>, log: Logger, before?: () => Promise<B | undefined>, facts: CallFacts = {}): Promise<TextResult | B> {
  const started = performance.now();
  const call = callContextFrom(facts.traceparent);
  let out: Record<string, unknown> | undefined;
  let outcome: AuditLine['outcome'] = 'ok';
  let error: string | undefined;
  try {
    // Graph requests made for this call carry its correlation id (graph/call-context.ts).
    return await withinCall(call, async () => {
      if (tool.openWorld !== false) await facts.limit?.();
      const answered = await before?.();
      if (answered) {
        outcome = 'not_done';
        return answered;
      }
      const raw = await tool.handler(args, ctx);
      out = tool.output.parse(raw) as Record<string, unknown>;
      log.debug(`tool: ${tool.name} ok in ${Math.round(performance.now() - started)} ms`);
      return { content: [{ type: 'text' as const, text: tool.text ? tool.text(out) : JSON.stringify(out) }], structuredContent: out };
    });
  } catch (e) {
    const text = errorMessage(tool, e);
    if (e instanceof RateLimited) {
      outcome = 'rate_limited';
      log.info(`tool: ${tool.name} -> rate limited for ${Math.ceil(e.waitMs / 1000)} s`);
      return { content: [{ type: 'text', text }], isError: true };
    }
    outcome = 'error';
    error = e instanceof GraphError ? `${e.status} ${e.code}` : e instanceof ToolError || e instanceof AuthRequiredError ? e.constructor.name : 'unexpected';
    if (!(e instanceof ToolError || e instanceof GraphError || e instanceof AuthRequiredError)) {
      log.error(`tool: ${tool.name} failed unexpectedly: ${errorText(e)}`);
    } else {
      log.info(`tool: ${tool.name} -> error: ${error}`);
    }
    return { content: [{ type: 'text', text }], isError: true };
  } finally {
    await audit(tool, args, out, log, facts, { outcome, error, durationMs: Math.round(performance.now() - started), clientRequestId: call.clientRequestId, traceId: call.traceId });
  }
}

/** Writes the call's audit line; a failure to name the person or the targets never fails the call. */
async function audit(tool: AnyTool, args: unknown, out: unknown, log: Logger, facts: CallFacts, end: Pick<AuditLine, 'outcome' | 'error' | 'durationMs' | 'clientRequestId' | 'traceId'>): Promise<void> {
  if (!log.record) return;
  try {
    const named = tool.audit?.(args, out) ?? factsFromArgs(args);
    const produced = factsFromResult(tool, out);
    const person = (await facts.person?.().catch(() => undefined)) ?? null;
    const line: AuditLine = {
      event: 'tool_call',
      person,
      tool: tool.name,
      kind: tool.kind,
      targets: safeTargets([...(named.targets ?? []), ...(produced.targets ?? [])]),
      recipientDomains: recipientDomains([...(named.recipients ?? []), ...(produced.recipients ?? [])]),
      outcome: end.outcome,
      ...(end.error ? { error: end.error } : {}),
      durationMs: end.durationMs,
      clientRequestId: end.clientRequestId,
      ...(end.traceId ? { traceId: end.traceId } : {}),
    };
    log.record('info', { ...line });
  } catch (e) {
    log.warn(`tool: ${tool.name}: no audit line (${errorText(e)})`);
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
