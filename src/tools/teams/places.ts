// Where a teams tool reads or writes, named as people name it: a team and a channel by name or id, a chat by its
// id, its topic or the person it is with. A name that fits several is an error listing them; one that fits none
// lists what there is.
import type { GraphReader } from '../../graph/client.js';
import { seg } from '../../graph/odata.js';
import { ToolError } from '../define-tool.js';

export interface TeamRef { id: string; name: string; description?: string | null }
export interface ChannelRef { id: string; name: string; type: string }
export interface ChatMember { displayName?: string | null; email?: string | null; userId?: string | null }
export interface GraphChat {
  id: string;
  topic?: string | null;
  chatType?: string;
  lastUpdatedDateTime?: string;
  members?: ChatMember[];
  lastMessagePreview?: { createdDateTime?: string; body?: { content?: string }; from?: { user?: { displayName?: string | null } | null } | null } | null;
}
export type Place =
  | { kind: 'channel'; team: TeamRef; channel: ChannelRef; where: string }
  | { kind: 'chat'; chat: GraphChat; where: string };

type Ctx = { graph: GraphReader; signal: AbortSignal };
/** Teams' ids of channels and chats: 19:...@thread.tacv2, 19:...@thread.v2, 19:..._...@unq.gbl.spaces. */
const CHANNEL_ID = /^19:[^\s/]+$/;
const CHAT_ID = CHANNEL_ID;
const lower = (s: string | null | undefined) => (s ?? '').toLowerCase();

/** The one of `items` the reference names: by id, by whole name, or by a part of the name only one has. */
function pick<T>(items: T[], ref: string, id: (t: T) => string, names: (t: T) => string[], what: string, hint: string): T {
  const r = lower(ref.trim());
  const exact = items.filter((t) => lower(id(t)) === r || names(t).some((n) => lower(n) === r));
  const found = exact.length ? exact : items.filter((t) => names(t).some((n) => lower(n).includes(r)));
  if (found.length === 1) return found[0];
  const label = (t: T) => `${names(t)[0] || id(t)} (${id(t)})`;
  if (found.length > 1) throw new ToolError(`"${ref}" fits ${found.length} ${what}s: ${found.slice(0, 10).map(label).join('; ')}. Name one of them, or give its id.`);
  throw new ToolError(`No ${what} "${ref}". ${items.length ? `Yours: ${items.slice(0, 20).map(label).join('; ')}` : `You have no ${what}s.`}${hint}`);
}

export async function myTeams(ctx: Ctx): Promise<TeamRef[]> {
  const page = await ctx.graph.list<{ id: string; displayName?: string; description?: string | null }>('/me/joinedTeams', { limit: 500, signal: ctx.signal });
  return page.items.map((t) => ({ id: t.id, name: t.displayName ?? t.id, description: t.description }));
}

export async function channelsOf(ctx: Ctx, team: TeamRef): Promise<ChannelRef[]> {
  const page = await ctx.graph.list<{ id: string; displayName?: string; membershipType?: string }>(`/teams/${seg(team.id)}/channels`, {
    query: { $select: 'id,displayName,membershipType' }, limit: 500, signal: ctx.signal,
  });
  return page.items.map((c) => ({ id: c.id, name: c.displayName ?? c.id, type: c.membershipType ?? 'standard' }));
}

export async function findTeam(ctx: Ctx, ref: string): Promise<TeamRef> {
  return pick(await myTeams(ctx), ref, (t) => t.id, (t) => [t.name], 'team', ' teams_list shows your teams.');
}

export async function findChannel(ctx: Ctx, teamRef: string, channelRef: string | undefined): Promise<{ team: TeamRef; channel: ChannelRef }> {
  const team = await findTeam(ctx, teamRef);
  const channels = await channelsOf(ctx, team);
  if (!channelRef) throw new ToolError(`Name the channel of ${team.name}: ${channels.map((c) => c.name).join(', ')}.`);
  // A channel id not among those listed is asked for as it is: Graph then says why it is not for this person.
  if (CHANNEL_ID.test(channelRef.trim()) && !channels.some((c) => c.id === channelRef.trim())) {
    return { team, channel: { id: channelRef.trim(), name: channelRef.trim(), type: 'unknown' } };
  }
  return { team, channel: pick(channels, channelRef, (c) => c.id, (c) => [c.name], 'channel', ` (in ${team.name}; private and shared channels show only to their members)`) };
}

export async function myChats(ctx: Ctx, limit = 200): Promise<GraphChat[]> {
  const page = await ctx.graph.list<GraphChat>('/me/chats', {
    query: { $expand: 'members,lastMessagePreview', $top: 50, $orderby: 'lastMessagePreview/createdDateTime desc' }, limit, signal: ctx.signal,
  });
  return page.items;
}

/** A chat's name as Teams shows it: its topic, else the other people in it. */
export function chatTitle(chat: GraphChat, me: string | undefined): string {
  if (chat.topic) return chat.topic;
  const others = (chat.members ?? []).filter((m) => !me || lower(m.email) !== lower(me)).map((m) => m.displayName ?? m.email ?? '?');
  return others.join(', ') || '(just you)';
}


export async function findChat(ctx: Ctx, ref: string, me: string | undefined): Promise<GraphChat> {
  if (CHAT_ID.test(ref.trim())) {
    return ctx.graph.get<GraphChat>(`/me/chats/${seg(ref.trim())}`, { query: { $expand: 'members' }, signal: ctx.signal });
  }
  // A person names their one-on-one chat (by name or address), before any group chat they are in.
  const chats = await myChats(ctx);
  const names = (c: GraphChat) => [chatTitle(c, me), ...(c.chatType === 'oneOnOne' ? (c.members ?? []).flatMap((m) => [m.displayName ?? '', m.email ?? '']).filter((n) => n && lower(n) !== lower(me)) : [])];
  return pick(chats, ref, (c) => c.id, names, 'chat', ' teams_list with chats: true shows your chats; starting a new chat needs the Chat.Create permission, which this server does not ask for: start it in Teams.');
}

/** The place a teams tool works in, from its team/channel or chat arguments. */
export async function findPlace(ctx: Ctx, a: { team?: string; channel?: string; chat?: string }, me: string | undefined): Promise<Place> {
  if (a.chat && (a.team || a.channel)) throw new ToolError('Give a chat, or a team and channel, not both.');
  if (a.chat) {
    const chat = await findChat(ctx, a.chat, me);
    return { kind: 'chat', chat, where: `chat ${chatTitle(chat, me)}` };
  }
  if (!a.team) throw new ToolError(a.channel ? 'Name the team the channel is in (team).' : 'Name a team and channel, or a chat.');
  const { team, channel } = await findChannel(ctx, a.team, a.channel);
  return { kind: 'channel', team, channel, where: `${team.name} / ${channel.name}` };
}

/** The Graph path of a place's messages. */
export const messagesPath = (p: Place): string => (p.kind === 'chat'
  ? `/chats/${seg(p.chat.id)}/messages`
  : `/teams/${seg(p.team.id)}/channels/${seg(p.channel.id)}/messages`);
