// The curated shapes of mail: what the tools return instead of Graph's message JSON, the $select lists
// that fill them, and the inputs several mail tools share.
import { z } from 'zod';
import { EmailAddress, formatAddress, type GraphRecipient } from '../content/addresses.js';
import { moreLine, NextCursor } from '../content/paging.js';
import { List, Text } from '../shapes.js';
import { withOffset } from '../user-zone.js';

export const MessageId = Text(1024)
  .refine((v) => /^[^/\\?#\s]+$/.test(v), 'must be a message id from mail_list_messages or mail_search_messages')
  .describe('Message id');
export const MessageIds = List(MessageId, 50, { min: 1 }).describe('Message ids, up to 50');
export const FolderRef = Text(400, { min: 1 })
  .describe('inbox, sentitems, drafts, archive..., a name, a path like "Inbox/Projects", or an id');
export const Recipients = (what: string) => List(EmailAddress, 100).optional().describe(`${what}: addresses or "Name <address>"`);

export type GraphMessage = Record<string, unknown> & {
  id: string;
  subject?: string | null;
  from?: GraphRecipient | null;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  bccRecipients?: GraphRecipient[];
  replyTo?: GraphRecipient[];
  receivedDateTime?: string | null;
  sentDateTime?: string | null;
  isRead?: boolean;
  isDraft?: boolean;
  hasAttachments?: boolean;
  importance?: string;
  flag?: { flagStatus?: string } | null;
  categories?: string[];
  bodyPreview?: string;
  conversationId?: string;
  body?: { contentType?: string; content?: string };
  uniqueBody?: { contentType?: string; content?: string };
};

export const SUMMARY_SELECT = ['id', 'subject', 'from', 'receivedDateTime', 'isRead', 'hasAttachments', 'importance', 'flag', 'categories', 'bodyPreview'];

export const MessageSummary = z.object({
  id: z.string(),
  subject: z.string(),
  from: z.string().optional(),
  to: z.array(z.string()).optional(),
  received: z.string().optional().describe('In your time zone, with its offset (UTC without a calendar permission)'),
  isRead: z.boolean().optional(),
  hasAttachments: z.boolean().optional(),
  importance: z.enum(['low', 'high']).optional(),
  flag: z.enum(['flagged', 'complete']).optional(),
  categories: z.array(z.string()).optional(),
  preview: z.string().optional(),
});
export type MessageSummaryOut = z.output<typeof MessageSummary>;

const PREVIEW_CHARS = 160;

/** The summary of a message, its time in `zone` (IANA; UTC when undefined); `to` only where the sender is the
 *  mailbox itself (sent items, drafts). */
export function summarize(m: GraphMessage, zone: string | undefined, withTo = false): z.input<typeof MessageSummary> {
  const flag = m.flag?.flagStatus;
  const preview = (m.bodyPreview ?? '').replace(/\s+/g, ' ').trim();
  return {
    id: m.id,
    subject: m.subject ?? '',
    ...(m.from ? { from: formatAddress(m.from) } : {}),
    ...(withTo ? { to: (m.toRecipients ?? []).map(formatAddress) } : {}),
    ...(m.receivedDateTime ? { received: withOffset(m.receivedDateTime, zone) } : {}),
    ...(m.isRead !== undefined ? { isRead: m.isRead } : {}),
    ...(m.hasAttachments !== undefined ? { hasAttachments: m.hasAttachments } : {}),
    ...(m.importance === 'low' || m.importance === 'high' ? { importance: m.importance } : {}),
    ...(flag === 'flagged' || flag === 'complete' ? { flag } : {}),
    ...(m.categories?.length ? { categories: m.categories } : {}),
    ...(preview ? { preview: preview.length > PREVIEW_CHARS ? `${preview.slice(0, PREVIEW_CHARS - 1)}…` : preview } : {}),
  };
}

/** "2026-11-20 09:14Z" or "2026-11-20 01:14 -08:00" from an ISO date-time. */
export const shortTime = (iso?: string) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}${/[+-]\d{2}:\d{2}$/.test(iso) ? ` ${iso.slice(-6)}` : 'Z'}` : '');

export function summaryText(m: MessageSummaryOut): string {
  const marks = [m.isRead === false && 'unread', m.hasAttachments && 'attachments', m.importance, m.flag, ...(m.categories ?? [])].filter(Boolean);
  const who = m.to ? `to ${m.to.join(', ')}` : m.from ?? '';
  return `- ${m.subject || '(no subject)'} | ${who} | ${shortTime(m.received)}${marks.length ? ` [${marks.join(', ')}]` : ''}\n  id: ${m.id}${m.preview ? `\n  ${m.preview}` : ''}`;
}

export const MessageList = z.object({ messages: z.array(MessageSummary), nextCursor: NextCursor });

export const listText = (r: z.output<typeof MessageList>, what = 'message(s)') =>
  `${r.messages.length} ${what}${r.messages.length ? '\n' : ''}${r.messages.map(summaryText).join('\n')}${moreLine(r.nextCursor)}`;
