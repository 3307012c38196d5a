// Answering mail: reply, reply all or forward, with a comment above the quoted original, sent at once or
// saved as a draft to change and send later (mail_send_message with draftId).
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { formatAddress, toRecipients } from '../content/addresses.js';
import { type ToolContext, ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { describeMessage } from './describe.js';
import { MAILBOX, type MailboxRef } from './mailbox.js';
import { sendOnce } from './send.js';
import { type GraphMessage, MessageId, Recipients } from './shapes.js';

const ACTIONS = { reply: ['reply', 'createReply'], replyAll: ['replyAll', 'createReplyAll'], forward: ['forward', 'createForward'] } as const;

const PREFIX = { reply: 'RE: ', replyAll: 'RE: ', forward: 'FW: ' } as const;

/** The subject and recipients of a reply, reply-all or forward of `original`: the sender (and, for reply all,
 *  everyone else but the mailbox itself), plus those added; a forward goes only to those given. */
async function outgoing(ctx: { auth: ToolContext<'read'>['auth'] }, mb: MailboxRef, original: GraphMessage, mode: keyof typeof PREFIX, to: string[], cc: string[]) {
  const subject = original.subject ?? '';
  const prefix = PREFIX[mode];
  const own = (mb.other ? mb.label : (await ctx.auth.status()).account?.username ?? '').toLowerCase();
  const others = (list: GraphMessage['toRecipients']) => (list ?? []).map(formatAddress).filter((a) => a && !a.toLowerCase().includes(own || '\u0000'));
  const from = formatAddress(original.from);
  const toAll = mode === 'forward' ? to : [...new Set([from, ...(mode === 'replyAll' ? others(original.toRecipients) : []), ...to].filter(Boolean))];
  const ccAll = [...(mode === 'replyAll' ? others(original.ccRecipients) : []), ...cc];
  return {
    subject: subject.toUpperCase().startsWith(prefix.trim()) ? subject : `${prefix}${subject}`,
    to: toAll,
    ...(ccAll.length ? { cc: ccAll } : {}),
  };
}

export const replyMessage = ownerTool(MAILBOX, {
  name: 'mail_reply_message',
  title: 'Reply to or forward mail',
  description: 'Reply, reply all or forward, with your comment above the original. Sends at once (cannot be undone) unless asDraft, which saves a draft for mail_send_message.',
  kind: 'destructive',
  scopes: ['Mail.Send', 'Mail.ReadWrite'],
  orgScopes: ['Mail.Send.Shared', 'Mail.ReadWrite.Shared'],
  input: {
    id: MessageId.describe('The message to answer or forward'),
    mode: z.enum(['reply', 'replyAll', 'forward']).default('reply').describe('reply (sender only), replyAll, or forward'),
    comment: Text(100_000, { trim: false }).default('').describe('Your text above the original'),
    to: Recipients('Forward to (required for forward), or extra To for a reply'),
    cc: Recipients('Cc'),
    asDraft: z.boolean().default(false).describe('Save as a draft instead of sending'),
  },
  output: z.object({ sent: z.boolean(), mode: z.string(), draftId: z.string().optional(), subject: z.string().optional(), to: z.array(z.string()).optional(), cc: z.array(z.string()).optional() }),
  idempotent: false,
  confirm: async (a, { graph, signal }, mb) => {
    if (a.asDraft) return undefined;
    const original = await describeMessage(graph, mb, a.id, signal);
    const extra = [...(a.to ?? []), ...(a.cc ?? [])];
    const what = a.mode === 'forward' ? `Forward ${original} to ${extra.join(', ')}` : `${a.mode === 'replyAll' ? 'Reply to all on' : 'Reply to'} ${original}${extra.length ? `, adding ${extra.join(', ')}` : ''}`;
    return `${what}${mb.other ? `, from ${mb.label}` : ''}. Sending cannot be undone.`;
  },
  handler: async ({ id, mode, comment, to, cc, asDraft }, ctx, mb) => {
    if (mode === 'forward' && !to?.length && !asDraft) throw new ToolError('A forward needs recipients: give to (or asDraft to add them later).');
    const [sendAction, draftAction] = ACTIONS[mode];
    const extra = {
      ...(to?.length ? { toRecipients: toRecipients(to) } : {}),
      ...(cc?.length ? { ccRecipients: toRecipients(cc) } : {}),
    };
    // forward takes its recipients at the top level; reply and replyAll take additions in `message`.
    const body = mode === 'forward'
      ? { comment, ...(extra.toRecipients ? { toRecipients: extra.toRecipients } : {}), ...(extra.ccRecipients ? { message: { ccRecipients: extra.ccRecipients } } : {}) }
      : { comment, ...(Object.keys(extra).length ? { message: extra } : {}) };
    const path = `${mb.root}/messages/${seg(id)}`;
    if (asDraft) {
      const draft = await ctx.graph.post<GraphMessage>(`${path}/${draftAction}`, body, { signal: ctx.signal });
      return { sent: false, mode, draftId: draft.id, ...(draft.subject ? { subject: draft.subject } : {}) };
    }
    // What will go out, worked out as Exchange does, so the answer can say to whom and under which subject.
    const original = await ctx.graph.get<GraphMessage>(path, { query: { $select: 'subject,from,toRecipients,ccRecipients' }, signal: ctx.signal });
    const sent = await outgoing(ctx, mb, original, mode, to ?? [], cc ?? []);
    await sendOnce(mode === 'forward' ? 'Forwarding' : 'Replying', () => ctx.graph.post(`${path}/${sendAction}`, body, { signal: ctx.signal }));
    return { sent: true, mode, ...sent };
  },
  text: (r) =>
    r.sent
      ? `${r.mode} "${r.subject}" sent to ${[...(r.to ?? []), ...(r.cc ?? [])].join(', ')}`
      : `${r.mode} draft saved${r.subject ? ` "${r.subject}"` : ''} (id ${r.draftId}); change or send it with mail_send_message and draftId`,
});

export default [replyMessage];
