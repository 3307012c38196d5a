// Reading Teams: a channel's threads (newest first, with reply counts), one thread, or a chat; since a time, only
// what is new there; with no place named, what is new in all my channels and chats (catch-up.ts).
import { z } from 'zod';
import type { GraphReader } from '../../graph/client.js';
import { GraphError } from '../../graph/errors.js';
import { seg } from '../../graph/odata.js';
import { Cursor, Limit, moreLine, NextCursor, nextCursor } from '../content/paging.js';
import { defineTool, ToolError } from '../define-tool.js';
import { DateInput, Text } from '../shapes.js';
import { instantIn, userIanaZone } from '../user-zone.js';
import { catchUp } from './catch-up.js';
import { activityMs, Conversation, type GraphChatMessage, messageLine, newInThread, summarizeMessage } from './messages.js';
import { findPlace, messagesPath } from './places.js';

/** Threads a channel read looks through for activity since a time (Graph lists threads by when they started). */
const THREADS_SCANNED = 100;
const DEFAULT_CATCH_UP_MS = 24 * 3_600_000;

/** The thread a message id belongs to: itself when it starts one, else the thread whose replies hold it (found
 *  among the latest threads: Graph's replies carry their thread, but search hits and links to a reply may not). */
async function threadOf(ctx: { graph: GraphReader; signal: AbortSignal }, path: string, id: string): Promise<string> {
  try {
    await ctx.graph.get(`${path}/${seg(id)}`, { signal: ctx.signal });
    return id;
  } catch (e) {
    if (!(e instanceof GraphError && e.status === 404)) throw e;
  }
  const threads = await ctx.graph.list<GraphChatMessage>(path, { query: { $top: 50, $expand: 'replies' }, limit: THREADS_SCANNED, signal: ctx.signal });
  const found = threads.items.find((t) => t.replies?.some((r) => r.id === id));
  if (!found) throw new ToolError(`No message ${id} among the latest ${THREADS_SCANNED} threads here. Read the channel (leave out thread) to find it.`);
  return found.id;
}

export const readTeams = defineTool({
  name: 'teams_read',
  title: 'Read Teams messages',
  description: 'Messages newest first: a channel\'s threads with reply counts, a thread, or a chat. With since, only what is new. Without team or chat: what is new in all your channels and chats (default: last 24 hours).',
  group: 'teams',
  kind: 'read',
  scopes: ['Team.ReadBasic.All', 'Channel.ReadBasic.All', 'ChannelMessage.Read.All', 'Chat.Read'],
  orgOnly: true,
  input: z.object({
    team: Text(256).optional().describe('Team name or id'),
    channel: Text(256).optional().describe('Channel name or id'),
    thread: Text(64).optional().describe('Thread (message) id in the channel'),
    chat: Text(512).optional().describe('Chat id, topic or person'),
    since: DateInput.optional().describe('Only newer; date or time in your zone'),
    limit: Limit(50, 20),
    cursor: Cursor,
    format: z.enum(['text', 'html']).default('text').describe('Message bodies as'),
  }),
  output: z.object({ conversations: z.array(Conversation), since: z.string().optional(), skipped: z.array(z.string()).optional(), nextCursor: NextCursor }),
  handler: async (a, ctx) => {
    const me = (await ctx.auth.status()).account?.username;
    const zone = userIanaZone(ctx);
    const sinceMs = a.since ? instantIn(a.since, await zone) : undefined;
    if (sinceMs !== undefined && a.cursor) throw new ToolError('since reads everything new at once; leave out cursor.');
    if (!a.team && !a.channel && !a.chat) {
      if (a.thread) throw new ToolError('Name the team and channel the thread is in.');
      if (a.cursor) throw new ToolError('Catching up has no pages; leave out cursor, or name a channel or chat to page through.');
      return catchUp(ctx, sinceMs ?? Date.now() - DEFAULT_CATCH_UP_MS, a.limit, a.format, me, zone);
    }
    const place = await findPlace(ctx, a, me);
    const ids = place.kind === 'chat' ? { chatId: place.chat.id } : { teamId: place.team.id, channelId: place.channel.id };
    const show = async (ms: GraphChatMessage[]) => { const z0 = await zone; return Promise.all(ms.map((m) => summarizeMessage(m, z0, a.format))); };
    if (a.thread) {
      if (place.kind === 'chat') throw new ToolError('Chats have no threads: leave out thread to read the chat.');
      const threadId = await threadOf(ctx, messagesPath(place), a.thread);
      const base = `${messagesPath(place)}/${seg(threadId)}`;
      const [root, replies] = await Promise.all([
        a.cursor ? undefined : ctx.graph.get<GraphChatMessage>(base, { signal: ctx.signal }),
        ctx.graph.list<GraphChatMessage>(`${base}/replies`, { query: { $top: Math.min(a.limit, 50) }, limit: a.limit, cursor: a.cursor, signal: ctx.signal }),
      ]);
      const news = replies.items.filter((r) => sinceMs === undefined || activityMs(r) >= sinceMs);
      return { conversations: [{ where: `${place.where}, thread ${threadId}`, ...ids, messages: await show([...(root ? [root] : []), ...news]) }], ...nextCursor(replies) };
    }
    if (place.kind === 'chat') {
      // Graph filters a chat's messages by date only when they are sorted by the same property.
      const query = sinceMs === undefined ? { $top: Math.min(a.limit, 50) } : { $top: 50, $orderby: 'lastModifiedDateTime desc', $filter: `lastModifiedDateTime gt ${new Date(sinceMs - 1).toISOString()}` };
      const page = await ctx.graph.list<GraphChatMessage>(messagesPath(place), { query, limit: a.limit, cursor: a.cursor, signal: ctx.signal });
      return { conversations: [{ where: place.where, ...ids, messages: await show(page.items) }], ...nextCursor(page) };
    }
    if (sinceMs === undefined) {
      const page = await ctx.graph.list<GraphChatMessage>(messagesPath(place), { query: { $top: Math.min(a.limit, 50), $expand: 'replies' }, limit: a.limit, cursor: a.cursor, signal: ctx.signal });
      return { conversations: [{ where: place.where, ...ids, messages: await show(page.items) }], ...nextCursor(page) };
    }
    const threads = await ctx.graph.list<GraphChatMessage>(messagesPath(place), { query: { $top: 50, $expand: 'replies' }, limit: THREADS_SCANNED, signal: ctx.signal });
    const news = threads.items.flatMap((t) => newInThread(t, sinceMs));
    return { conversations: [{ where: place.where, ...ids, messages: await show(news.slice(0, a.limit)), ...(news.length > a.limit ? { more: news.length - a.limit } : {}) }] };
  },
  text: (r) => {
    const parts = r.conversations.map((c) => `== ${c.where}${c.chatId ? ` | chat: ${c.chatId}` : ''}\n${c.messages.map(messageLine).join('\n') || 'no messages'}${c.more ? `\n(+${c.more} more new)` : ''}`);
    if (!parts.length) parts.push(`nothing new${r.since ? ` since ${r.since}` : ''}`);
    if (r.skipped?.length) parts.push(`not read: ${r.skipped.join('; ')}`);
    return parts.join('\n') + moreLine(r.nextCursor);
  },
});
