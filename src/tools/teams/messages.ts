// A Teams message as the teams tools answer it: who wrote it, when (in the user's zone), its text with mentions as
// @Name, and what else it holds summarised (reactions counted, files by name, cards by title, system events in a
// few words), never Graph's whole chatMessage.
import { z } from 'zod';
import { htmlToText, clip } from '../content/text.js';
import { withOffset } from '../user-zone.js';

export interface GraphChatMessage {
  id: string;
  replyToId?: string | null;
  messageType?: string;
  createdDateTime: string;
  lastModifiedDateTime?: string | null;
  lastEditedDateTime?: string | null;
  deletedDateTime?: string | null;
  subject?: string | null;
  importance?: string;
  webUrl?: string | null;
  chatId?: string | null;
  from?: { user?: { id?: string; displayName?: string | null } | null; application?: { displayName?: string | null } | null } | null;
  body?: { contentType?: string; content?: string };
  attachments?: { id?: string; contentType?: string; contentUrl?: string | null; content?: string | null; name?: string | null }[];
  mentions?: { mentionText?: string; mentioned?: { user?: { displayName?: string | null } | null } | null }[];
  reactions?: { reactionType?: string }[];
  eventDetail?: { '@odata.type'?: string } | null;
  replies?: GraphChatMessage[];
  'replies@odata.count'?: number;
}

export const Message = z.object({
  id: z.string(),
  thread: z.string().optional().describe('Id of the thread this replies in'),
  from: z.string(),
  at: z.string(),
  subject: z.string().optional(),
  text: z.string(),
  truncated: z.boolean().optional(),
  importance: z.string().optional(),
  mentions: z.array(z.string()).optional(),
  reactions: z.string().optional(),
  attachments: z.array(z.string()).optional(),
  replies: z.number().int().optional(),
  edited: z.boolean().optional(),
  deleted: z.boolean().optional(),
  webUrl: z.string().optional(),
});
export type MessageOut = z.output<typeof Message>;

const MAX_TEXT = 4000;

/** Last activity of a message: edits and deletions count, reactions do not. */
export const activityMs = (m: GraphChatMessage) => Date.parse(m.lastModifiedDateTime ?? m.createdDateTime);

function cardTitle(content: string | null | undefined): string | undefined {
  try {
    const card = JSON.parse(content ?? '') as { title?: string; body?: { type?: string; text?: string }[] };
    return card.title ?? card.body?.find((b) => b.type === 'TextBlock' && b.text)?.text;
  } catch {
    return undefined;
  }
}

function attachmentLine(a: NonNullable<GraphChatMessage['attachments']>[number]): string {
  if (a.contentType === 'reference') return `file: ${a.name ?? a.contentUrl ?? 'a file'}`;
  if (a.contentType === 'messageReference') return 'quoted message';
  if (a.contentType?.startsWith('application/vnd.microsoft.card.')) {
    const title = cardTitle(a.content);
    return `card${title ? `: ${title}` : ''}`;
  }
  return `${a.contentType ?? 'attachment'}${a.name ? `: ${a.name}` : ''}`;
}

/** "like 2, heart 1" */
function reactionLine(reactions: GraphChatMessage['reactions']): string | undefined {
  const counts = new Map<string, number>();
  for (const r of reactions ?? []) if (r.reactionType) counts.set(r.reactionType, (counts.get(r.reactionType) ?? 0) + 1);
  return counts.size ? [...counts].map(([t, n]) => `${t} ${n}`).join(', ') : undefined;
}

/** A system message's event in words: "membersAdded" from #microsoft.graph.membersAddedEventMessageDetail. */
const eventWords = (m: GraphChatMessage) => `(${(m.eventDetail?.['@odata.type'] ?? '#event').replace(/^#microsoft\.graph\./, '').replace(/EventMessageDetail$/, '')} event)`;

export async function summarizeMessage(m: GraphChatMessage, zone: string | undefined, format: 'text' | 'html' = 'text'): Promise<MessageOut> {
  const deleted = !!m.deletedDateTime;
  const raw = m.body?.content ?? '';
  const isHtml = m.body?.contentType?.toLowerCase() === 'html';
  // Mentions read as @Name; the attachment markers stand for what `attachments` lists.
  const marked = isHtml ? raw.replace(/<at\b[^>]*>(.*?)<\/at>/gis, '@$1').replace(/<attachment\b[^>]*>\s*<\/attachment>/gi, '') : raw;
  const body = format === 'html' && isHtml ? raw : isHtml ? await htmlToText(marked) : marked.trim();
  const text = clip(m.messageType && m.messageType !== 'message' && !body ? eventWords(m) : body, MAX_TEXT);
  const attachments = (m.attachments ?? []).map(attachmentLine);
  const mentions = [...new Set((m.mentions ?? []).map((x) => x.mentioned?.user?.displayName ?? x.mentionText ?? '').filter(Boolean))];
  const reactions = reactionLine(m.reactions);
  const replies = m['replies@odata.count'] ?? m.replies?.length;
  return {
    id: m.id,
    ...(m.replyToId ? { thread: m.replyToId } : {}),
    from: m.from?.user?.displayName ?? m.from?.application?.displayName ?? (m.messageType === 'message' ? 'unknown' : 'Teams'),
    at: withOffset(m.createdDateTime, zone),
    ...(m.subject ? { subject: m.subject } : {}),
    text: deleted ? '(deleted)' : text.text,
    ...(text.truncated && !deleted ? { truncated: true } : {}),
    ...(m.importance && m.importance !== 'normal' ? { importance: m.importance } : {}),
    ...(mentions.length ? { mentions } : {}),
    ...(reactions ? { reactions } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(replies !== undefined && !m.replyToId ? { replies } : {}),
    ...(m.lastEditedDateTime ? { edited: true } : {}),
    ...(deleted ? { deleted: true } : {}),
    ...(m.webUrl ? { webUrl: m.webUrl } : {}),
  };
}

/** One message in a line or two, for the text a model reads. */
export function messageLine(m: MessageOut): string {
  const extras = [
    m.importance, m.replies ? `${m.replies} replies` : undefined, m.reactions, ...(m.attachments ?? []), m.edited ? 'edited' : undefined,
  ].filter(Boolean);
  return `[${m.id}] ${m.at} ${m.from}${m.subject ? ` — ${m.subject}` : ''}: ${m.text}${extras.length ? ` (${extras.join('; ')})` : ''}`;
}

/** A thread's messages new since `since`: the starter if it is new, then its new replies, newest first. */
export function newInThread(root: GraphChatMessage, sinceMs: number): GraphChatMessage[] {
  const replies = (root.replies ?? []).filter((r) => activityMs(r) >= sinceMs).sort((x, y) => activityMs(y) - activityMs(x));
  return [...(activityMs(root) >= sinceMs ? [root] : []), ...replies];
}

export const Conversation = z.object({
  where: z.string(),
  teamId: z.string().optional(),
  channelId: z.string().optional(),
  chatId: z.string().optional(),
  messages: z.array(Message),
  more: z.number().int().optional().describe('New messages left out'),
});
export type ConversationOut = z.output<typeof Conversation>;
