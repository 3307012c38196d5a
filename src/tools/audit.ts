// The audit line of a tool call: who (an object id, never an address), which tool, what it touched (ids), to which
// recipient domains, how it ended and how long it took. Never contents, tokens or addresses: a log collector keeps
// these lines longer and shows them to more people than the mailbox they describe.
import type { AuthService } from './auth-service.js';
import type { AnyTool, AuditFacts } from './define-tool.js';

export interface AuditLine {
  event: 'tool_call';
  person: string | null;
  tool: string;
  kind: AnyTool['kind'];
  targets: string[];
  recipientDomains: string[];
  /** not_done: the user declined it; rate_limited: refused by the person's limit (tools/rate-limit.ts), nothing sent. */
  outcome: 'ok' | 'error' | 'not_done' | 'rate_limited';
  /** For an error: Graph's status and code, or the kind of failure; never its message (it may quote content). */
  error?: string;
  durationMs: number;
  clientRequestId: string;
  traceId?: string;
}

/** Argument names that hold an id of something the call works on (messageId, eventId, itemIds, id). */
const ID_KEY = /^(id|ids)$|Ids?$/;
/** Argument and result names that hold people a write sends to or invites. */
const RECIPIENT_KEYS = new Set(['to', 'cc', 'bcc', 'attendees', 'optionalAttendees', 'people', 'recipients', 'forwardTo']);
const ADDRESS = /[^\s<>"',;]+@([a-z0-9-]+(?:\.[a-z0-9-]+)+)/i;
const MAX_LISTED = 20;

const strings = (v: unknown): string[] => (typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' && 'address' in v ? strings((v as { address: unknown }).address) : []);

/** The default facts: ids and recipients among the arguments (top level and one object down, as { mailbox: { id } }). */
export function factsFromArgs(args: unknown): AuditFacts {
  const targets: string[] = [];
  const recipients: string[] = [];
  const visit = (o: unknown, depth: number) => {
    if (!o || typeof o !== 'object' || Array.isArray(o)) return;
    for (const [k, v] of Object.entries(o)) {
      if (RECIPIENT_KEYS.has(k)) recipients.push(...strings(v));
      else if (ID_KEY.test(k)) targets.push(...strings(v));
      else if (depth === 0) visit(v, 1);
    }
  };
  visit(args, 0);
  return { targets, recipients };
}

/** What a write reports in its result: the id it created, the recipients of a draft it sent by id. A read's result
 *  is not looked at: it lists other people's mail and events, which the call did not send to. */
export function factsFromResult(tool: AnyTool, out: unknown): AuditFacts {
  if (tool.kind === 'read' || !out || typeof out !== 'object') return {};
  const o = out as Record<string, unknown>;
  return { targets: typeof o.id === 'string' ? [o.id] : [], recipients: Object.entries(o).flatMap(([k, v]) => (RECIPIENT_KEYS.has(k) ? strings(v) : [])) };
}

export const domainOf = (text: string): string | undefined => ADDRESS.exec(text)?.[1]?.toLowerCase();

/** Ids as they are, but never an address: a mailbox or user named by address is logged as its domain. */
export function safeTargets(ids: readonly string[]): string[] {
  const out = ids.map((id) => {
    const domain = domainOf(id);
    return domain ? `@${domain}` : id.slice(0, 300);
  });
  return [...new Set(out)].slice(0, MAX_LISTED);
}

export function recipientDomains(addresses: readonly string[]): string[] {
  return [...new Set(addresses.map(domainOf).filter((d): d is string => !!d))].sort().slice(0, MAX_LISTED);
}

/** The person an account stands for in the log: the object id of MSAL's home account id (`oid.tid`). */
export const oidOf = (homeAccountId: string | undefined): string | undefined => homeAccountId?.split('.')[0] || undefined;

/** The signed-in account's object id for a server of one account, asked of the sign-in at most once a minute: an
 *  audit line must not cost a cache read per call, and a change of account shows within the minute. */
export function accountPerson(auth: Pick<AuthService, 'status'>, ttlMs = 60_000): () => Promise<string | undefined> {
  let known: { at: number; oid: Promise<string | undefined> } | undefined;
  return () => {
    if (!known || Date.now() - known.at > ttlMs) known = { at: Date.now(), oid: auth.status().then((s) => oidOf(s.account?.homeAccountId), () => undefined) };
    return known.oid;
  };
}
