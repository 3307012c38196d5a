// Catching up: what is new since a time in every channel of my teams and in my chats, read in few round trips
// ($batch: each team's channels, each channel's threads with their replies, each active chat's new messages).
import type { BatchResult } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import type { ToolContext } from '../define-tool.js';
import { activityMs, type ConversationOut, type GraphChatMessage, newInThread, summarizeMessage } from './messages.js';
import { type ChannelRef, chatTitle, myChats, myTeams, type TeamRef } from './places.js';

type Value<T> = { value?: T[] };
const ok = <T>(r: BatchResult): T[] | undefined => (r.status === 200 ? ((r.body as Value<T>).value ?? []) : undefined);
const failure = (r: BatchResult) => (r.body as { error?: { message?: string } })?.error?.message ?? `HTTP ${r.status}`;

export async function catchUp(
  ctx: ToolContext<'read'>, sinceMs: number, limit: number, format: 'text' | 'html', me: string | undefined, zone: Promise<string | undefined>,
): Promise<{ conversations: ConversationOut[]; since: string; skipped?: string[] }> {
  const { graph, signal } = ctx;
  const skipped: string[] = [];
  const [teams, chats] = await Promise.all([myTeams(ctx), myChats(ctx, 100)]);

  const channelAnswers = await graph.batchRead(teams.map((t) => ({ method: 'GET' as const, url: `/teams/${seg(t.id)}/channels?$select=id,displayName,membershipType` })), { signal });
  const channels: { team: TeamRef; channel: ChannelRef }[] = teams.flatMap((team, i) => {
    const value = ok<{ id: string; displayName?: string; membershipType?: string }>(channelAnswers[i]);
    if (!value) skipped.push(`${team.name}: ${failure(channelAnswers[i])}`);
    return (value ?? []).map((c) => ({ team, channel: { id: c.id, name: c.displayName ?? c.id, type: c.membershipType ?? 'standard' } }));
  });
  // A chat is read only when its last message is new; Graph filters a chat's messages by their last change.
  const active = chats.filter((c) => c.lastMessagePreview?.createdDateTime && Date.parse(c.lastMessagePreview.createdDateTime) >= sinceMs);
  // Graph compares strictly (gt): a millisecond earlier keeps a message made at `since` itself.
  const sinceIso = new Date(sinceMs - 1).toISOString();
  const answers = await graph.batchRead([
    ...channels.map(({ team, channel }) => ({ method: 'GET' as const, url: `/teams/${seg(team.id)}/channels/${seg(channel.id)}/messages?$top=50&$expand=replies` })),
    ...active.map((c) => ({ method: 'GET' as const, url: `/chats/${seg(c.id)}/messages?$top=50&$orderby=lastModifiedDateTime desc&$filter=lastModifiedDateTime gt ${sinceIso}` })),
  ], { signal });

  const z0 = await zone;
  const conversations: ConversationOut[] = [];
  const add = async (where: string, ids: Partial<ConversationOut>, news: GraphChatMessage[]) => {
    if (!news.length) return;
    const shown = await Promise.all(news.slice(0, limit).map((m) => summarizeMessage(m, z0, format)));
    conversations.push({ where, ...ids, messages: shown, ...(news.length > limit ? { more: news.length - limit } : {}) });
  };
  for (const [i, { team, channel }] of channels.entries()) {
    const threads = ok<GraphChatMessage>(answers[i]);
    if (!threads) { skipped.push(`${team.name} / ${channel.name}: ${failure(answers[i])}`); continue; }
    await add(`${team.name} / ${channel.name}`, { teamId: team.id, channelId: channel.id }, threads.flatMap((t) => newInThread(t, sinceMs)));
  }
  for (const [j, chat] of active.entries()) {
    const r = answers[channels.length + j];
    const messages = ok<GraphChatMessage>(r);
    if (!messages) { skipped.push(`chat ${chatTitle(chat, me)}: ${failure(r)}`); continue; }
    await add(`chat ${chatTitle(chat, me)}`, { chatId: chat.id }, messages.filter((m) => activityMs(m) >= sinceMs));
  }
  // The conversation with the latest news first.
  const latest = (c: ConversationOut) => Math.max(...c.messages.map((m) => Date.parse(m.at)));
  conversations.sort((x, y) => latest(y) - latest(x));
  return { conversations, since: new Date(sinceMs).toISOString(), ...(skipped.length ? { skipped } : {}) };
}
