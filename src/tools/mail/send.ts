// Writing mail: send a new message, or save it as a draft, or change and send a saved draft. Sending cannot be undone, and a
// send that met an outage is never repeated by itself: it may already have gone out.
import { z } from 'zod';
import type { GraphWriter } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { formatAddress, toRecipients } from '../content/addresses.js';
import { type ToolContext, ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import type { LocalFile } from '../content/file-input.js';
import { AttachmentsInput, attachToDraft, inlineAttachment, LARGE, prepareFiles } from './attach.js';
import { draftRecipients } from './describe.js';
import { MAILBOX, type MailboxRef } from './mailbox.js';
import { type GraphMessage, MessageId, Recipients } from './shapes.js';

const Subject = Text(998, { trim: false });
const Body = Text(500_000, { trim: false });
const BODY = 'Message text, or HTML when bodyType is html';
const Compose = {
  to: Recipients('To'),
  cc: Recipients('Cc'),
  bcc: Recipients('Bcc'),
  subject: Subject.optional().describe('Subject'),
  body: Body.optional().describe(BODY),
  bodyType: z.enum(['text', 'html']).default('text').describe('Format of body'),
  importance: z.enum(['low', 'normal', 'high']).optional().describe('Importance'),
  attachments: AttachmentsInput,
};
type ComposeArgs = { subject?: string; body?: string; bodyType: 'text' | 'html'; to?: string[]; cc?: string[]; bcc?: string[]; importance?: string };

/** The Graph message for the fields given (undefined fields are left out, so a PATCH keeps them). */
function message(a: ComposeArgs): Record<string, unknown> {
  return {
    ...(a.subject !== undefined ? { subject: a.subject } : {}),
    ...(a.body !== undefined ? { body: { contentType: a.bodyType === 'html' ? 'HTML' : 'Text', content: a.body } } : {}),
    ...(a.to ? { toRecipients: toRecipients(a.to) } : {}),
    ...(a.cc ? { ccRecipients: toRecipients(a.cc) } : {}),
    ...(a.bcc ? { bccRecipients: toRecipients(a.bcc) } : {}),
    ...(a.importance ? { importance: a.importance } : {}),
  };
}

/** A send that met an outage or a timeout: say it may have gone out, and how to check. */
export async function sendOnce<T>(what: string, fn: () => Promise<T>, draftId?: string): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof GraphError && [502, 503, 504].includes(e.status)) {
      throw new ToolError(`${what} met an error (Graph ${e.status} ${e.code}) and was not repeated, because the mail may already have gone out. Check Sent Items (mail_list_messages with folder sentitems) before trying again${draftId ? `; if it is not there, mail_send_message with draftId ${draftId} sends the draft` : ''}.`);
    }
    throw e;
  }
}

/** Attaches the files; when that fails, a draft made by this call is removed (a retry would make a second
 *  one), and the answer says what became of it. A caller's own draft stays, named, for a retry with draftId. */
async function attachOrClean(ctx: Pick<ToolContext<'write'>, 'graph' | 'signal' | 'progress'>, mb: MailboxRef, id: string, files: LocalFile[], madeHere: boolean): Promise<void> {
  try {
    await attachToDraft(ctx.graph, mb, id, files, ctx);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (!madeHere) throw new ToolError(`Attaching failed (${why}). The draft ${id} keeps what was attached before; nothing was sent. Try again with draftId ${id}.`);
    const removed = await ctx.graph.delete(`${mb.root}/messages/${seg(id)}`, { signal: ctx.signal }).then(() => true, () => false);
    throw new ToolError(
      removed
        ? `Attaching failed (${why}), so nothing was sent or saved: the draft made for it was removed, and calling again starts afresh.`
        : `Attaching failed (${why}), so nothing was sent; the draft made for it (id ${id}) could not be removed: give draftId ${id} to reuse it, or delete it with mail_delete_message.`,
    );
  }
}

const Result = z.object({
  sent: z.boolean(),
  id: z.string().optional(),
  from: z.string(),
  subject: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()).optional(),
  attachments: z.number().optional(),
});
type ResultIn = z.input<typeof Result>;

/** A draft as it stands now, for the result (and a check that it still is a draft). */
async function draftState(graph: GraphWriter, mb: MailboxRef, id: string, signal: AbortSignal): Promise<ResultIn & { bcc: number }> {
  const d = await graph.get<GraphMessage>(`${mb.root}/messages/${seg(id)}`, { query: { $select: 'id,subject,toRecipients,ccRecipients,bccRecipients,hasAttachments,isDraft' }, signal });
  if (d.isDraft === false) throw new ToolError(`The message ${id} is not a draft (it was sent); only drafts can be changed or sent.`);
  const count = d.hasAttachments ? (await graph.list(`${mb.root}/messages/${seg(id)}/attachments`, { query: { $select: 'id' }, limit: 100, signal })).items.length : 0;
  return {
    sent: false, id: d.id, from: mb.label, subject: d.subject ?? '', to: (d.toRecipients ?? []).map(formatAddress),
    ...(d.ccRecipients?.length ? { cc: d.ccRecipients.map(formatAddress) } : {}),
    ...(count ? { attachments: count } : {}),
    bcc: d.bccRecipients?.length ?? 0,
  };
}

export const sendMessage = ownerTool(MAILBOX, {
  name: 'mail_send_message',
  title: 'Send mail or save a draft',
  description: 'Send a new mail or save it as a draft (asDraft); with draftId, change and send a saved draft (also a reply draft). Sending cannot be undone.',
  kind: 'destructive',
  scopes: ['Mail.Send', 'Mail.ReadWrite'],
  orgScopes: ['Mail.Send.Shared', 'Mail.ReadWrite.Shared'],
  input: {
    ...Compose,
    asDraft: z.boolean().default(false).describe('Save as a draft, do not send'),
    draftId: MessageId.optional().describe('Saved draft to change and send'),
  },
  output: Result,
  idempotent: false,
  confirm: async (a, { graph, signal }, mb) => {
    if (a.asDraft) return undefined;
    // A saved draft's own subject and recipients, with what this call changes.
    const draft = a.draftId ? await draftRecipients(graph, mb, a.draftId, signal) : undefined;
    const subject = a.subject ?? draft?.subject ?? '';
    const to = a.to || a.cc || a.bcc ? [...(a.to ?? []), ...(a.cc ?? []), ...(a.bcc ?? [])] : (draft?.to ?? []);
    const files = a.attachments?.length ? ` with ${a.attachments.map((f) => f.path ?? f.name).join(', ')}` : '';
    return `Send "${subject || '(no subject)'}" to ${to.join(', ') || '(no one yet)'}${mb.other ? ` from ${mb.label}` : ''}${files}. Sending cannot be undone.`;
  },
  handler: async (a, ctx, mb) => {
    const files = await prepareFiles(a.attachments, ctx.transport);
    const msg = message(a);
    const total = files.reduce((n, f) => n + f.size, 0);
    if (!a.draftId && !a.asDraft) {
      if (!a.to?.length && !a.cc?.length && !a.bcc?.length) throw new ToolError('Give at least one recipient in to, cc or bcc.');
      if (a.subject === undefined && a.body === undefined) throw new ToolError('Give a subject or a body.');
      if (total < LARGE) {
        const attachments = await Promise.all(files.map(inlineAttachment));
        await sendOnce('Sending', () => ctx.graph.post(`${mb.root}/sendMail`, { message: { ...msg, ...(attachments.length ? { attachments } : {}) }, saveToSentItems: true }, { signal: ctx.signal }));
        return {
          sent: true, from: mb.label, subject: a.subject ?? '', to: a.to ?? [], ...(a.cc?.length ? { cc: a.cc } : {}), ...(files.length ? { attachments: files.length } : {}),
        };
      }
    }
    // A draft: new, or the given one changed; large attachments go through upload sessions.
    let id = a.draftId;
    if (id) {
      await draftState(ctx.graph, mb, id, ctx.signal);
      if (Object.keys(msg).length) await ctx.graph.patch(`${mb.root}/messages/${seg(id)}`, msg, { signal: ctx.signal });
    } else {
      id = (await ctx.graph.post<GraphMessage>(`${mb.root}/messages`, msg, { signal: ctx.signal })).id;
    }
    if (files.length) await attachOrClean(ctx, mb, id, files, !a.draftId);
    const { bcc, ...state } = await draftState(ctx.graph, mb, id, ctx.signal);
    if (a.asDraft) return state;
    if (!state.to.length && !state.cc?.length && !bcc) throw new ToolError(`The draft has no recipients, so it was not sent (draft id ${id}); add them with draftId and to.`);
    await sendOnce('Sending', () => ctx.graph.post(`${mb.root}/messages/${seg(id)}/send`, undefined, { signal: ctx.signal }), id);
    const { id: _draft, ...sent } = state;
    return { ...sent, sent: true };
  },
  text: (r) => r.sent
    ? `sent "${r.subject}" from ${r.from} to ${[...r.to, ...(r.cc ?? [])].join(', ') || 'bcc recipients'}${r.attachments ? ` with ${r.attachments} attachment(s)` : ''}`
    : `draft "${r.subject}" to ${r.to.join(', ') || '(nobody yet)'}${r.attachments ? `, ${r.attachments} attachment(s)` : ''} saved (id ${r.id}); send it with mail_send_message and draftId`,
});

export default [sendMessage];
