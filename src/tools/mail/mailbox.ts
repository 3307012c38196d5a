// Every mail tool works in the signed-in user's mailbox or, given `mailbox`, in a shared or delegated
// one. mailTool() adds that parameter, resolves it, and turns Graph's refusals into errors that name the
// mailbox and the access that is missing.
import { z } from 'zod';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { type AnyTool, defineTool, type ToolContext, ToolError, type ToolKind } from '../define-tool.js';
import { Mailbox } from '../shapes.js';
import { isSignedInUser, NO_SUCH_MAILBOX } from '../other-user.js';

/** What a tool does in the mailbox: decides the permission named when Graph refuses. */
export type Access = 'read' | 'write' | 'send';

export interface MailboxRef {
  /** '/me' or '/users/{id or address}', the root of every path the tool builds. */
  root: string;
  /** For messages: 'your mailbox' or the address / id given. */
  label: string;
  /** Someone else's mailbox (shared or delegated). */
  other: boolean;
}

const NEEDS: Record<Access, { delegation: string; scope: string }> = {
  read: { delegation: 'read access (full access or folder permission)', scope: 'Mail.Read.Shared' },
  write: { delegation: 'full access', scope: 'Mail.ReadWrite.Shared' },
  send: { delegation: 'send-as (or send on behalf) permission', scope: 'Mail.Send.Shared' },
};

const SCOPES: Record<Access, { scopes: string[]; orgScopes: string[] }> = {
  read: { scopes: ['Mail.Read'], orgScopes: ['Mail.Read.Shared'] },
  write: { scopes: ['Mail.ReadWrite'], orgScopes: ['Mail.ReadWrite.Shared'] },
  send: { scopes: ['Mail.Send'], orgScopes: ['Mail.Send.Shared'] },
};

type MailInput<S extends z.ZodRawShape> = z.ZodObject<S & { mailbox: z.ZodOptional<typeof Mailbox> }>;

export interface MailToolDef<S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind> {
  name: string;
  title: string;
  description: string;
  kind: K;
  /** What the tool does in the mailbox, the main thing first (it names the access a refusal lacks). */
  access: Access | Access[];
  input: S;
  output: O;
  handler: (args: z.output<MailInput<S>>, ctx: ToolContext<K>, mailbox: MailboxRef) => Promise<z.input<O>>;
  text?: (out: z.output<O>) => string;
  confirm?: (args: z.output<MailInput<S>>) => string | undefined;
  idempotent?: boolean;
}

export function mailTool<S extends z.ZodRawShape, O extends z.ZodObject, K extends ToolKind>(def: MailToolDef<S, O, K>): AnyTool {
  const access = Array.isArray(def.access) ? def.access : [def.access];
  const input = z.object(def.input).extend({ mailbox: Mailbox.optional() }) as unknown as MailInput<S>;
  return defineTool({
    name: def.name,
    title: def.title,
    description: def.description,
    group: 'mail',
    kind: def.kind,
    scopes: [...new Set(access.flatMap((a) => SCOPES[a].scopes))],
    orgScopes: [...new Set(access.flatMap((a) => SCOPES[a].orgScopes))],
    input,
    output: def.output,
    text: def.text,
    confirm: def.confirm,
    idempotent: def.idempotent,
    handler: async (args, ctx) => {
      const mb = await openMailbox((args as { mailbox?: string }).mailbox, ctx);
      try {
        return await def.handler(args, ctx, mb);
      } catch (e) {
        throw explain(e, mb, access[0]);
      }
    },
  });
}

async function openMailbox(mailbox: string | undefined, ctx: ToolContext<ToolKind>): Promise<MailboxRef> {
  if (!mailbox) return { root: '/me', label: 'your mailbox', other: false };
  if (await isSignedInUser(ctx.auth, mailbox)) return { root: '/me', label: 'your mailbox', other: false };
  if (!ctx.orgMode) {
    throw new ToolError(`The mailbox ${mailbox} is not yours: shared and delegated mailboxes need organization mode (start the server with --org-mode or MS365_MCP_ORG_MODE=true, then sign in again). Leave out mailbox for your own.`);
  }
  return { root: `/users/${seg(mailbox)}`, label: mailbox, other: true };
}

const BAD_ID = /^(ErrorInvalidIdMalformed|ErrorItemNotFound|ErrorInvalidId|ErrorInvalidIdNotAnItemAttachmentId|ErrorInvalidAttachmentId)$/i;

/** Graph's refusals, worded for the model: which mailbox, which access is missing, where ids come from. */
function explain(e: unknown, mb: MailboxRef, access: Access): unknown {
  if (!(e instanceof GraphError)) return e;
  if (mb.other && (e.status === 403 || e.code === 'ErrorAccessDenied')) {
    const need = NEEDS[access];
    return new ToolError(`No access to the mailbox ${mb.label}: ${e.graphMessage}. The signed-in user needs ${need.delegation} on ${mb.label}, granted by an Exchange admin, and the app needs the ${need.scope} permission.`);
  }
  if (mb.other && e.status === 404 && NO_SUCH_MAILBOX.test(e.code)) {
    return new ToolError(`The mailbox ${mb.label} was not found (Graph ${e.code}: ${e.graphMessage}). Check the address; users_list finds people.`);
  }
  if ((e.status === 404 || e.status === 400) && BAD_ID.test(e.code)) {
    return new ToolError(`${e.message}. Ids come from mail_list_messages, mail_search_messages, mail_get_message (attachments) or mail_list_folders, in the same mailbox.`);
  }
  return e;
}
