// Reading mail: a folder's messages with intent filters, Outlook-syntax search, one message in full, and
// the thread it belongs to.
import { z } from 'zod';
import { andFilter, kqlSearch, odataDateTime, odataString, SearchSyntaxError, seg } from '../../graph/odata.js';
import { Address, formatAddress } from '../content/addresses.js';
import { Cursor, Limit, nextCursor, NextCursor } from '../content/paging.js';
import { readBody, Truncated } from '../content/text.js';
import { ToolError } from '../define-tool.js';
import { ownerTool } from '../owner.js';
import { DateInput, Text } from '../shapes.js';
import { resolveFolder } from './folders.js';
import { MAILBOX } from './mailbox.js';
import { FolderRef, type GraphMessage, listText, MessageId, MessageList, MessageSummary, shortTime, summarize, SUMMARY_SELECT } from './shapes.js';
import { userIanaZone, withOffset } from '../user-zone.js';

// Graph sorts filtered messages only when the $orderby property also leads the $filter, so every
// filtered list starts with a receivedDateTime bound (the earliest possible one when none was asked).
const EPOCH = '1900-01-01T00:00:00Z';
// Search results never list recipients (that is for sent items and drafts).
const SearchResult = z.object({ messages: z.array(MessageSummary.omit({ to: true })), nextCursor: NextCursor });

export const listMessages = ownerTool(MAILBOX, {
  name: 'mail_list_messages',
  title: 'List mail messages',
  description: 'Messages in a folder, newest first, filtered by unread, sender, dates, attachments, importance or flag. Returns summaries; mail_get_message reads one.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: {
    folder: FolderRef.default('inbox'),
    unreadOnly: z.boolean().optional().describe('Only unread messages'),
    from: Address.optional().describe("Sender's address"),
    since: DateInput.optional().describe('Received on or after (date, or UTC date-time)'),
    until: DateInput.optional().describe('Received up to (a date includes that day)'),
    hasAttachments: z.boolean().optional().describe('With or without attachments'),
    importance: z.enum(['low', 'normal', 'high']).optional().describe('Importance'),
    flagged: z.boolean().optional().describe('Flagged or not'),
    limit: Limit(100, 25),
    cursor: Cursor,
  },
  output: MessageList,
  handler: async (a, ctx, mb) => {
    const { graph, signal } = ctx;
    const zone = userIanaZone(ctx);
    const folder = await resolveFolder(graph, mb, a.folder, signal);
    const withTo = folder === 'sentitems' || folder === 'drafts';
    const filters = [
      a.until && `receivedDateTime lt ${odataDateTime(a.until, true)}`,
      a.unreadOnly && 'isRead eq false',
      a.from && `from/emailAddress/address eq ${odataString(a.from)}`,
      a.hasAttachments !== undefined && `hasAttachments eq ${a.hasAttachments}`,
      a.importance && `importance eq ${odataString(a.importance)}`,
      a.flagged === true && "flag/flagStatus eq 'flagged'",
      a.flagged === false && "flag/flagStatus ne 'flagged'",
    ];
    const filter = a.since || filters.some(Boolean) ? andFilter([`receivedDateTime ge ${a.since ? odataDateTime(a.since) : EPOCH}`, ...filters]) : undefined;
    const page = await graph.list<GraphMessage>(`${mb.root}/mailFolders/${seg(folder)}/messages`, {
      query: { $select: [...SUMMARY_SELECT, ...(withTo ? ['toRecipients'] : [])].join(','), $filter: filter, $orderby: 'receivedDateTime desc', $top: a.limit },
      limit: a.limit,
      cursor: a.cursor,
      signal,
    });
    const z = await zone;
    return { messages: page.items.map((m) => summarize(m, z, withTo)), ...nextCursor(page) };
  },
  text: (r) => listText(r),
});

export const searchMessages = ownerTool(MAILBOX, {
  name: 'mail_search_messages',
  title: 'Search mail',
  description: 'Search with Outlook syntax, e.g. budget from:megan subject:"q3 plan" received>=2026-11-01. Summaries, newest first; mail_get_message reads one.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: {
    query: Text(1000, { min: 1 }).describe('Words, "phrases", from: to: cc: subject: body: attachment: category: hasattachments: importance: received>= received<=; AND OR NOT'),
    folder: FolderRef.optional().describe('Only this folder; default: the whole mailbox'),
    limit: Limit(100, 25),
    cursor: Cursor,
  },
  output: SearchResult,
  handler: async ({ query, folder, limit, cursor }, ctx, mb) => {
    const { graph, signal } = ctx;
    const zone = userIanaZone(ctx);
    let search: string;
    try {
      search = kqlSearch(query);
    } catch (e) {
      if (e instanceof SearchSyntaxError) throw new ToolError(`Cannot search for that: ${e.message}.`);
      throw e;
    }
    const base = folder ? `${mb.root}/mailFolders/${seg(await resolveFolder(graph, mb, folder, signal))}/messages` : `${mb.root}/messages`;
    const page = await graph.list<GraphMessage>(base, { query: { $search: search, $select: SUMMARY_SELECT.join(','), $top: limit }, limit, cursor, signal });
    const z = await zone;
    return { messages: page.items.map((m) => summarize(m, z)), ...nextCursor(page) };
  },
  text: (r) => listText(r, 'message(s) found'),
});

const Attachment = z.object({
  id: z.string(),
  name: z.string(),
  contentType: z.string().optional(),
  size: z.number().optional(),
  inline: z.boolean().optional(),
});
type GraphAttachment = { id: string; name?: string; contentType?: string | null; size?: number; isInline?: boolean };
export const attachmentOut = (a: GraphAttachment): z.input<typeof Attachment> => ({
  id: a.id,
  name: a.name ?? '',
  ...(a.contentType ? { contentType: a.contentType } : {}),
  ...(a.size !== undefined ? { size: a.size } : {}),
  ...(a.isInline ? { inline: true } : {}),
});

const Body = {
  body: z.string(),
  bodyFormat: z.enum(['text', 'html']),
  truncated: Truncated,
};
const BodyFormat = z.enum(['text', 'html']).default('text').describe('Plain text, or the original HTML');
const MaxChars = (dflt: number) => z.number().int().min(200).max(200_000).default(dflt).describe('Longest body, in characters');

const FullMessage = MessageSummary.omit({ preview: true }).extend({
  to: z.array(z.string()),
  cc: z.array(z.string()).optional(),
  bcc: z.array(z.string()).optional(),
  isDraft: z.boolean().optional(),
  ...Body,
  attachments: z.array(Attachment).optional(),
  /** Outlook on the web's link to the message, for the person to open it. */
  webLink: z.string().optional(),
});

const FULL_SELECT = [...SUMMARY_SELECT.filter((f) => f !== 'bodyPreview'), 'toRecipients', 'ccRecipients', 'bccRecipients', 'isDraft', 'body', 'webLink'];
const list = (rs?: GraphMessage['toRecipients']) => (rs ?? []).map(formatAddress);

export const getMessage = ownerTool(MAILBOX, {
  name: 'mail_get_message',
  title: 'Read a mail message',
  description: 'One message: sender, recipients, date, body and attachments. mail_get_thread reads the conversation, mail_download_attachment an attachment.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: { id: MessageId, bodyFormat: BodyFormat, maxChars: MaxChars(20_000) },
  output: FullMessage,
  handler: async ({ id, bodyFormat, maxChars }, ctx, mb) => {
    const { graph, signal } = ctx;
    const zone = userIanaZone(ctx);
    const path = `${mb.root}/messages/${seg(id)}`;
    const m = await graph.get<GraphMessage>(path, { query: { $select: FULL_SELECT.join(',') }, signal });
    const attachments = m.hasAttachments || /cid:/i.test(m.body?.content ?? '')
      ? (await graph.list<GraphAttachment>(`${path}/attachments`, { query: { $select: 'id,name,contentType,size,isInline' }, limit: 100, signal })).items
      : [];
    const { preview: _, ...summary } = summarize(m, await zone);
    return {
      ...summary,
      to: list(m.toRecipients),
      ...(m.ccRecipients?.length ? { cc: list(m.ccRecipients) } : {}),
      ...(m.bccRecipients?.length ? { bcc: list(m.bccRecipients) } : {}),
      ...(m.isDraft ? { isDraft: true } : {}),
      ...(await readBody(m.body, bodyFormat, maxChars)),
      ...(attachments.length ? { attachments: attachments.map(attachmentOut) } : {}),
      ...(typeof m.webLink === 'string' && m.webLink ? { webLink: m.webLink } : {}),
    };
  },
  text: (m) => [
    `subject: ${m.subject || '(no subject)'}`,
    `from: ${m.from ?? ''}`,
    `to: ${m.to.join(', ')}`,
    m.cc && `cc: ${m.cc.join(', ')}`,
    m.bcc && `bcc: ${m.bcc.join(', ')}`,
    `date: ${shortTime(m.received)}${m.isRead === false ? ' (unread)' : ''}${m.isDraft ? ' (draft)' : ''}${m.importance ? ` (${m.importance} importance)` : ''}${m.flag ? ` (${m.flag})` : ''}`,
    m.categories && `categories: ${m.categories.join(', ')}`,
    `id: ${m.id}`,
    m.webLink && `open in Outlook: ${m.webLink}`,
    ...(m.attachments ?? []).map((a) => `attachment: ${a.name} (${a.contentType ?? 'unknown type'}, ${a.size ?? '?'} bytes${a.inline ? ', inline' : ''}) id ${a.id}`),
    '',
    m.body,
    m.truncated ? `[body cut at ${m.body.length - 1} characters; ask for a larger maxChars to read more]` : '',
  ].filter((l): l is string => typeof l === 'string').join('\n').trim(),
});

const ThreadMessage = z.object({
  id: z.string(),
  from: z.string().optional(),
  to: z.array(z.string()),
  cc: z.array(z.string()).optional(),
  received: z.string().optional(),
  isRead: z.boolean().optional(),
  isDraft: z.boolean().optional(),
  hasAttachments: z.boolean().optional(),
  ...Body,
});

export const getThread = ownerTool(MAILBOX, {
  name: 'mail_get_thread',
  title: 'Read a mail conversation',
  description: 'The conversation of a message, oldest first, each with only its new text (no quoted history). mail_reply_message answers.',
  kind: 'read',
  scopes: ['Mail.Read'],
  orgScopes: ['Mail.Read.Shared'],
  input: { id: MessageId.describe('Id of any message in the conversation'), limit: Limit(50, 25), maxChars: MaxChars(4000).describe('Longest text per message') },
  output: z.object({ subject: z.string(), messages: z.array(ThreadMessage), more: z.boolean().optional() }),
  handler: async ({ id, limit, maxChars }, ctx, mb) => {
    const { graph, signal } = ctx;
    const zone = userIanaZone(ctx);
    const m = await graph.get<GraphMessage>(`${mb.root}/messages/${seg(id)}`, { query: { $select: 'id,subject,conversationId' }, signal });
    if (!m.conversationId) throw new ToolError('This message belongs to no conversation; mail_get_message reads it.');
    // Filtering on conversationId cannot be combined with an $orderby in Graph: sort here instead.
    const page = await graph.list<GraphMessage>(`${mb.root}/messages`, {
      query: { $filter: `conversationId eq ${odataString(m.conversationId)}`, $select: 'id,from,toRecipients,ccRecipients,receivedDateTime,isRead,isDraft,hasAttachments,uniqueBody,body', $top: 100 },
      limit: 250,
      signal,
    });
    const all = page.items.sort((x, y) => String(x.receivedDateTime ?? x.sentDateTime ?? '').localeCompare(String(y.receivedDateTime ?? y.sentDateTime ?? '')));
    const kept = all.slice(-limit);
    const z = await zone;
    return {
      subject: m.subject ?? '',
      messages: await Promise.all(kept.map(async (t) => ({
        id: t.id,
        ...(t.from ? { from: formatAddress(t.from) } : {}),
        to: list(t.toRecipients),
        ...(t.ccRecipients?.length ? { cc: list(t.ccRecipients) } : {}),
        ...(t.receivedDateTime ? { received: withOffset(t.receivedDateTime, z) } : {}),
        ...(t.isRead === false ? { isRead: false } : {}),
        ...(t.isDraft ? { isDraft: true } : {}),
        ...(t.hasAttachments ? { hasAttachments: true } : {}),
        ...(await readBody(t.uniqueBody?.content ? t.uniqueBody : t.body, 'text', maxChars)),
      }))),
      ...(all.length > kept.length || page.nextCursor ? { more: true } : {}),
    };
  },
  text: (r) => `${r.subject || '(no subject)'}: ${r.messages.length} message(s)${r.more ? ' (older ones left out)' : ''}\n${r.messages
    .map((t) => `\n--- ${t.from ?? ''} | ${shortTime(t.received)}${t.isDraft ? ' (draft)' : ''}${t.isRead === false ? ' (unread)' : ''}${t.hasAttachments ? ' (attachments)' : ''}\nid: ${t.id}\n${t.body}`)
    .join('\n')}`,
});

export default [listMessages, searchMessages, getMessage, getThread];
