// Who may reach what in Teams, and with which permission. Each route takes the delegated permissions Graph's
// documentation lists for it (Chat.Read reads chats but not channel messages; sending needs ChannelMessage.Send or
// ChatMessage.Send); past the permission, a person sees the teams whose group they belong to, the standard
// channels of those teams, the private and shared channels they are members of, and their own chats.

import type { DirectoryUser } from '../../directory/directory.js';
import type { RouteContext } from '../../graph/types.js';
import { channelNotFound, chatNotFound, messageNotFound, notAMember, onlySelf, teamNotFound } from './errors.js';
import type { StoredChannel, StoredChat, StoredMessage, StoredTeam, TeamsState } from './model.js';

type Ctx = RouteContext<TeamsState>;

/** The delegated permissions each kind of route accepts, least privileged first (Graph's permission tables). */
export const SCOPES = {
  joinedTeams: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', 'User.Read.All', 'User.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  team: ['Team.ReadBasic.All', 'TeamSettings.Read.All', 'TeamSettings.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  teamMembers: ['TeamMember.Read.All', 'TeamMember.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  channels: ['Channel.ReadBasic.All', 'ChannelSettings.Read.All', 'ChannelSettings.ReadWrite.All', 'Group.Read.All', 'Group.ReadWrite.All', 'Directory.Read.All', 'Directory.ReadWrite.All'],
  channelMembers: ['ChannelMember.Read.All', 'ChannelMember.ReadWrite.All'],
  channelMessagesRead: ['ChannelMessage.Read.All', 'Group.Read.All', 'Group.ReadWrite.All'],
  channelMessagesSend: ['ChannelMessage.Send', 'Group.ReadWrite.All'],
  chats: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
  chatMembers: ['ChatMember.Read', 'ChatMember.ReadWrite', 'Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
  chatMessagesRead: ['ChatMessage.Read', 'Chat.Read', 'Chat.ReadWrite'],
  chatMessagesSend: ['ChatMessage.Send', 'Chat.ReadWrite'],
} as const;

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export function isTeamMember(ctx: Ctx, team: StoredTeam, user: DirectoryUser = ctx.principal.user): boolean {
  const group = ctx.directory.findGroup(team.id);
  return !!group && [...group.members, ...group.owners].some((upn) => same(upn, user.userPrincipalName));
}

/** Whether the person sees the channel: a standard one through the team, a private or shared one as its member. */
export function canSeeChannel(ctx: Ctx, team: StoredTeam, channel: StoredChannel, user: DirectoryUser = ctx.principal.user): boolean {
  if (channel.membershipType === 'standard') return isTeamMember(ctx, team, user);
  return channel.members.some((m) => m.userId === user.id);
}

/** The addressed team, whatever the caller's membership. */
export function findTeam(ctx: Ctx): StoredTeam {
  const team = ctx.state.teams.find((t) => same(t.id, ctx.params.teamId));
  if (!team) throw teamNotFound(ctx.params.teamId);
  return team;
}

/** The addressed team, for one of its members. */
export function team(ctx: Ctx): StoredTeam {
  const t = findTeam(ctx);
  if (!isTeamMember(ctx, t)) throw notAMember(`the team '${t.displayName}'`);
  return t;
}

/** The addressed channel, for someone who may see it (a shared channel's members need not be in its team). */
export function channel(ctx: Ctx): { team: StoredTeam; channel: StoredChannel } {
  const t = findTeam(ctx);
  const c = t.channels.find((x) => x.id === ctx.params.channelId);
  if (!c) {
    if (!isTeamMember(ctx, t)) throw notAMember(`the team '${t.displayName}'`);
    throw channelNotFound();
  }
  if (!canSeeChannel(ctx, t, c)) {
    throw notAMember(c.membershipType === 'standard' ? `the team '${t.displayName}'` : `the ${c.membershipType} channel '${c.displayName}'`);
  }
  return { team: t, channel: c };
}

/** A thread's first message in the addressed channel. */
export function rootMessage(ctx: Ctx, c: StoredChannel, id = ctx.params.messageId): StoredMessage {
  const m = c.messages.find((x) => x.id === id && x.replyToId === null);
  if (!m) throw messageNotFound();
  return m;
}

/** /users/{id}/chats in delegated context serves the signed-in person only. */
export function requireSelf(ctx: Ctx): void {
  if (!ctx.viaMe && !same(ctx.directory.findUser(ctx.params.id)?.id ?? ctx.params.id, ctx.principal.user.id)) throw onlySelf();
}

/** The addressed chat, for one of its members. */
export function chat(ctx: Ctx): StoredChat {
  if (ctx.params.id !== undefined) requireSelf(ctx);
  const c = ctx.state.chats.find((x) => x.id === ctx.params.chatId);
  if (!c) throw chatNotFound();
  if (!c.members.some((m) => m.userId === ctx.principal.user.id)) throw notAMember('the chat');
  return c;
}

/** The chats the signed-in person is a member of. */
export const chatsOf = (ctx: Ctx): StoredChat[] => ctx.state.chats.filter((c) => c.members.some((m) => m.userId === ctx.principal.user.id));
