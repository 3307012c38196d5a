// Everything about a tool lives in its definition; selection, scopes, annotations, the README table and
// --list-permissions are derived from it.
import type { z } from 'zod';
import type { GraphReader, GraphWriter } from '../graph/client.js';
import type { Group } from './groups.js';
import type { AuthService } from './auth-service.js';

export type ToolKind = 'read' | 'write' | 'destructive';

/** What a call touched, for its audit line (tools/audit.ts): as a tool names it, or derived from its arguments. */
export interface AuditFacts {
  /** Ids of the things the call read or changed (message, event, item, team ids); an address becomes its domain. */
  targets?: string[];
  /** Addresses the call sends to or invites; only their domains are logged. */
  recipients?: string[];
}

export interface ToolContext<K extends ToolKind> {
  /** Read tools get a handle without write methods, so a read tool that writes does not compile. */
  graph: K extends 'read' ? GraphReader : GraphWriter;
  signal: AbortSignal;
  auth: AuthService;
  orgMode: boolean;
  /** MS365_MCP_SITE_WRITES in organization mode: writes may reach SharePoint and others' files. */
  siteWrites: boolean;
  /** How the client reaches the server: local file paths (attachments) only make sense over stdio. */
  transport: 'stdio' | 'http';
  /** Sends an MCP progress notification when the client asked for progress. */
  progress(done: number, total?: number, message?: string): Promise<void>;
}

export interface ToolDef<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject, K extends ToolKind = ToolKind> {
  name: string;
  title: string;
  description: string;
  group: Group;
  kind: K;
  /** Delegated Graph permissions the tool needs (least privilege). */
  scopes: readonly string[];
  /** Extra permissions requested only in organization mode (e.g. Mail.Read.Shared for shared mailboxes). */
  orgScopes?: readonly string[];
  /** Only offered in organization mode (directory, Teams, SharePoint, org-wide search). */
  orgOnly?: boolean;
  /** Permissions beyond the deployment guide's (Files.ReadWrite.All, Sites.ReadWrite.All), requested only in
   *  organization mode with MS365_MCP_SITE_WRITES: the tool then also writes to SharePoint and others' files. */
  siteWriteScopes?: readonly string[];
  /** Offered only with MS365_MCP_SITE_WRITES in organization mode (it does nothing without those permissions). */
  needsSiteWrites?: boolean;
  /** Whether the tool talks to Microsoft 365 (openWorldHint); auth tools work on local sign-in state. */
  openWorld?: boolean;
  input: I;
  output: O;
  handler: (args: z.output<I>, ctx: ToolContext<K>) => Promise<z.input<O>>;
  /** What a destructive tool is about to do, for the confirmation question: what it affects, named as the
   *  user knows it (subject, recipients, title and time, looked up when only ids are given), and truthfully
   *  what follows (restorable or not). Undefined when these arguments change nothing (saving a draft). */
  confirm?: (args: z.output<I>, ctx: ToolContext<'read'>) => Promise<string | undefined> | string | undefined;
  /** Whether repeating a call with the same arguments has no further effect (idempotentHint). Default:
   *  true for read and destructive tools (deleting twice deletes once), false for write tools. */
  idempotent?: boolean;
  /** What the call touched, for its audit line (tools/audit.ts), when the default (ids and recipients among the
   *  arguments, a write's created id and reported recipients) misses it; cheap: no Graph request. */
  audit?: (args: z.output<I>, out?: z.output<O>) => AuditFacts;
  /** Compact text for the content block; defaults to JSON of the structured result. */
  text?: (out: z.output<O>) => string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTool = ToolDef<any, any, ToolKind>;

export function defineTool<I extends z.ZodObject, O extends z.ZodObject, K extends ToolKind>(def: ToolDef<I, O, K>): AnyTool {
  return def as AnyTool;
}

export { ToolError } from '../graph/errors.js';
