// Answering mail: reply, reply all or forward, with a comment above the quoted original, sent at once or
// saved as a draft to change and send later (mail_send_message with draftId).
import { z } from 'zod';
import { seg } from '../../graph/odata.js';
import { toRecipients } from '../content/addresses.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { Text } from '../shapes.js';
import { describeMessage } from './describe.js';
import { MAILBOX } from './mailbox.js';
import { sendOnce } from './send.js';
import { type GraphMessage, MessageId, Recipients } from './shapes.js';

const ACTIONS = { reply: ['reply', 'createReply'], replyAll: ['replyAll', 'createReplyAll'], forward: ['forward', 'createForward'] } as const;

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
  output: z.object({ sent: z.boolean(), mode: z.string(), draftId: z.string().optional(), subject: z.string().optional() }),
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
    await sendOnce(mode === 'forward' ? 'Forwarding' : 'Replying', () => ctx.graph.post(`${path}/${sendAction}`, body, { signal: ctx.signal }));
    return { sent: true, mode };
  },
  text: (r) => (r.sent ? `${r.mode} sent` : `${r.mode} draft saved${r.subject ? ` "${r.subject}"` : ''} (id ${r.draftId}); change or send it with mail_send_message and draftId`),
});

export default [replyMessage];
